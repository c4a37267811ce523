// The demo: a real consortium of real municipalities (names and 全国地方公共団体コード are
// real; staff and people are fictional) with one account per role, a platform operator, and
// addressees (住登外者 and organisations) per municipality.
// 神奈川県町村情報システム共同事業組合 is a real 一部事務組合 through which Kanagawa's towns
// share their core systems; the four members below are among its members.
import type { Platform, Role } from "../contract.ts";
import { PROTECTION_ROLE_MODULE, roleModules } from "../contract.ts";
import { withOperator } from "../audit/operator.ts";
import { createConsortium, createTenant } from "../tenancy/tenants.ts";
import { hashPassword } from "../identity/password.ts";
import { createStaff } from "../identity/staff.ts";
import { seedAddresseeDemo } from "../addressee/index.ts";

export const DEMO_PASSWORD = "kyodo-demo-2026";
export const DEMO_CONSORTIUM = { id: "kanagawa-choson", name: "神奈川県町村情報システム共同事業組合" };

export const DEMO_TENANTS = [
  { id: "143014", name: "葉山町", nameKana: "ハヤママチ", population: 32_000 },
  { id: "143219", name: "寒川町", nameKana: "サムカワマチ", population: 48_000 },
  { id: "143413", name: "大磯町", nameKana: "オオイソマチ", population: 31_000 },
  { id: "143421", name: "二宮町", nameKana: "ニノミヤマチ", population: 27_000 },
] as const;

type RolesFor = (modules: string[]) => Record<string, Role[]>;
const every = (roles: Role[]): RolesFor => (modules) => Object.fromEntries(modules.map((m) => [m, roles]));
/** Every module but 支援措置, whose roles are only ever granted on purpose. */
const everyButProtection = (roles: Role[]): RolesFor => (modules) => every(roles)(modules.filter((m) => m !== PROTECTION_ROLE_MODULE));

/** One demo account per role: log-in IDs are the same in every demo municipality. */
export const DEMO_STAFF: { loginId: string; displayName: string; description: string; roles: RolesFor }[] = [
  {
    loginId: "admin",
    displayName: "管理 太郎",
    description: "管理 on every module, 支援措置 included: the supervisor who approves releases",
    roles: every(["admin"]),
  },
  {
    loginId: "clerk",
    displayName: "窓口 花子",
    description: "更新・証明 on the business modules and 宛名, 閲覧 on 共通基盤",
    roles: (modules) => ({ ...everyButProtection(["write", "issue"])(modules), platform: ["read"] }),
  },
  { loginId: "viewer", displayName: "閲覧 次郎", description: "閲覧 only", roles: everyButProtection(["read"]) },
  {
    loginId: "shien",
    displayName: "支援 三郎",
    description: "支援措置担当: 更新 on 支援措置, 閲覧 on the business modules and 宛名",
    roles: (modules) => ({ ...everyButProtection(["read"])(modules), [PROTECTION_ROLE_MODULE]: ["write"] }),
  },
];

export const DEMO_OPERATOR = { loginId: "operator", displayName: "運用 一郎" };

export async function isDemoSeeded(platform: Platform): Promise<boolean> {
  // Only the operator role reads operator accounts (ADR 0016); this reads a log-in ID, no personal data.
  const r = await platform.db.withOperatorRole((tx) =>
    tx.query("SELECT 1 FROM operator_account WHERE login_id = $1", [DEMO_OPERATOR.loginId]),
  );
  return (r.rowCount ?? 0) > 0;
}

export async function seedDemo(platform: Platform): Promise<void> {
  const { db } = platform;
  if (await isDemoSeeded(platform)) return;
  const actor = "system:demo";
  for (const t of DEMO_TENANTS) await createTenant(db, actor, t);
  await createConsortium(db, actor, { ...DEMO_CONSORTIUM, members: DEMO_TENANTS.map((t) => t.id) });
  const modules = roleModules(platform);
  for (const [i, t] of DEMO_TENANTS.entries()) {
    await db.withTenant(t.id, async (tx) => {
      for (const s of DEMO_STAFF) {
        await createStaff(tx, { loginId: s.loginId, displayName: s.displayName, roles: s.roles(modules), password: DEMO_PASSWORD });
      }
    });
    await seedAddresseeDemo(platform, t.id, 2026 + i);
    // Modules first: a platform area's demo may refer to the people a module's demo created.
    const modulesFirst = [...platform.areas].sort((a, b) => Number("kind" in b) - Number("kind" in a));
    for (const area of modulesFirst) await area.demo?.(platform, t.id, 2026 + i);
  }
  // The operator is created last: its presence marks a completed seed.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await withOperator(db, { actor, action: "identity.operator-created", subject: `operator:${DEMO_OPERATOR.loginId}` }, (tx) =>
    tx.query("INSERT INTO operator_account (login_id, display_name, password_hash) VALUES ($1, $2, $3)", [
      DEMO_OPERATOR.loginId,
      DEMO_OPERATOR.displayName,
      passwordHash,
    ]),
  );
}
