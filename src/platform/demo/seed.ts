// The demo: a real consortium of real municipalities (names and 全国地方公共団体コード are
// real; staff are fictional) with one account per role, and a platform operator.
// 神奈川県町村情報システム共同事業組合 is a real 一部事務組合 through which Kanagawa's towns
// share their core systems; the four members below are among its members.
import type { Database } from "../db/database.ts";
import { withOperator } from "../audit/operator.ts";
import { createConsortium, createTenant } from "../tenancy/tenants.ts";
import { hashPassword } from "../identity/password.ts";
import { createStaff } from "../identity/staff.ts";
import type { Role } from "../contract.ts";

export const DEMO_PASSWORD = "kyodo-demo-2026";
export const DEMO_CONSORTIUM = { id: "kanagawa-choson", name: "神奈川県町村情報システム共同事業組合" };

export const DEMO_TENANTS = [
  { id: "143014", name: "葉山町", nameKana: "ハヤママチ", population: 32_000 },
  { id: "143219", name: "寒川町", nameKana: "サムカワマチ", population: 48_000 },
  { id: "143413", name: "大磯町", nameKana: "オオイソマチ", population: 31_000 },
  { id: "143421", name: "二宮町", nameKana: "ニノミヤマチ", population: 27_000 },
] as const;

/** One demo account per role: log-in IDs are the same in every demo municipality. */
export const DEMO_STAFF: { loginId: string; displayName: string; roles: Record<string, Role[]> }[] = [
  { loginId: "admin", displayName: "管理 太郎", roles: { platform: ["admin"] } },
  { loginId: "clerk", displayName: "窓口 花子", roles: { platform: ["read"] } },
  { loginId: "viewer", displayName: "閲覧 次郎", roles: { platform: ["read"] } },
];

export const DEMO_OPERATOR = { loginId: "operator", displayName: "運用 一郎" };

export async function isDemoSeeded(db: Database): Promise<boolean> {
  const r = await db.withoutTenant((tx) => tx.query("SELECT 1 FROM operator_account WHERE login_id = $1", [DEMO_OPERATOR.loginId]));
  return (r.rowCount ?? 0) > 0;
}

export async function seedDemo(db: Database, moduleRoles: Record<string, Role[]>[] = []): Promise<void> {
  if (await isDemoSeeded(db)) return;
  const actor = "system:demo";
  for (const t of DEMO_TENANTS) await createTenant(db, actor, t);
  await createConsortium(db, actor, { ...DEMO_CONSORTIUM, members: DEMO_TENANTS.map((t) => t.id) });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await withOperator(db, { actor, action: "identity.operator-created", subject: `operator:${DEMO_OPERATOR.loginId}` }, (tx) =>
    tx.query("INSERT INTO operator_account (login_id, display_name, password_hash) VALUES ($1, $2, $3)", [
      DEMO_OPERATOR.loginId,
      DEMO_OPERATOR.displayName,
      passwordHash,
    ]),
  );
  for (const t of DEMO_TENANTS) {
    await db.withTenant(t.id, async (tx) => {
      for (const s of DEMO_STAFF) {
        const roles = Object.assign({}, s.roles, ...moduleRoles.map((m) => (s.loginId === "viewer" ? {} : m)));
        await createStaff(tx, { ...s, roles, password: DEMO_PASSWORD });
      }
    });
  }
}
