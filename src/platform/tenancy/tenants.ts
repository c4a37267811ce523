// Tenants (municipalities) and their groups. Written only by operators (audited operator role).
import type { Database, Tx } from "../db/database.ts";
import { withOperator } from "../audit/operator.ts";
import { checkLocalGovernmentCode, isPrefectureCode, prefectureCodeOf } from "../../lib/local-government-code.ts";
import { prefectureOf } from "../../lib/prefectures.ts";
import { Problem } from "../http/problem.ts";

export interface TenantInput {
  id: string;
  name: string;
  nameKana: string;
  population?: number;
}

export interface TenantRow {
  id: string;
  name: string;
  name_kana: string;
  prefecture_id: string;
  prefecture_name: string;
  population: number;
  status: string;
  groups: { id: string; kind: string; name: string }[];
}

export function invalidCode(field: string, code: string): Problem | null {
  const error = checkLocalGovernmentCode(code);
  if (error === "format") {
    return new Problem(400, "invalid-local-government-code", "A local government code has six digits",
      "団体コードは6桁の数字です", undefined, [{ field, message: "must be 6 digits" }]);
  }
  if (error === "check-digit") {
    return new Problem(400, "invalid-local-government-code", "Wrong check digit in the local government code",
      "団体コードの検査数字が正しくありません", undefined, [{ field, message: "check digit does not match (総務省 全国地方公共団体コード)" }]);
  }
  if (!prefectureOf(code)) {
    return new Problem(400, "invalid-local-government-code", "The first two digits name no prefecture",
      "団体コードの先頭2桁（都道府県 01〜47）が正しくありません", undefined, [{ field, message: "prefecture number must be 01–47 (JIS X 0401)" }]);
  }
  return null;
}

export const unknownTenant = () =>
  new Problem(404, "unknown-tenant", "No such municipality on this platform", "この団体は登録されていません");

export async function listTenants(tx: Tx, ids?: string[]): Promise<TenantRow[]> {
  const result = await tx.query<TenantRow>(
    `SELECT t.id, t.name, t.name_kana, t.prefecture_id, p.name AS prefecture_name, t.population, t.status,
            coalesce((SELECT json_agg(json_build_object('id', g.id, 'kind', g.kind, 'name', g.name) ORDER BY g.kind, g.id)
                      FROM tenant_group_member m JOIN tenant_group g ON g.id = m.group_id
                      WHERE m.tenant_id = t.id AND g.kind = 'consortium'), '[]') AS groups
     FROM tenant t JOIN tenant_group p ON p.id = t.prefecture_id
     WHERE $1::text[] IS NULL OR t.id = ANY($1)
     ORDER BY t.id`,
    [ids ?? null],
  );
  return result.rows;
}

export async function getTenant(tx: Tx, id: string): Promise<TenantRow | undefined> {
  return (await listTenants(tx, [id]))[0];
}

/**
 * The registry write: a well-formed code of one of the 47 prefectures, not a prefecture's own.
 * Operators onboard through onboardTenant (onboarding.ts), which first finds the code in the
 * 総務省 master and takes the name from it; fixtures and benchmarks call this with made-up towns.
 */
export async function createTenant(db: Database, actor: string, input: TenantInput): Promise<TenantRow> {
  const bad = invalidCode("id", input.id);
  if (bad) throw bad;
  if (isPrefectureCode(input.id)) {
    throw new Problem(400, "invalid-local-government-code", "A prefecture code is not a municipality",
      "都道府県コードは団体として登録できません", undefined, [{ field: "id", message: "prefecture code" }]);
  }
  const prefectureId = prefectureCodeOf(input.id);
  return withOperator(db, { actor, action: "tenancy.tenant-created", subject: `tenant:${input.id}` }, async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO tenant (id, name, name_kana, prefecture_id, population) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO NOTHING`,
      [input.id, input.name, input.nameKana, prefectureId, input.population ?? 0],
    );
    if (!inserted.rowCount) {
      throw new Problem(409, "tenant-exists", "This municipality is already a tenant", "この団体は既に登録されています");
    }
    await tx.query("INSERT INTO tenant_group_member (group_id, tenant_id) VALUES ($1, $2)", [prefectureId, input.id]);
    return (await getTenant(tx, input.id))!;
  });
}

export async function createConsortium(
  db: Database,
  actor: string,
  input: { id: string; name: string; members: string[] },
): Promise<void> {
  await withOperator(db, { actor, action: "tenancy.consortium-created", subject: `group:${input.id}` }, async (tx) => {
    await tx.query("INSERT INTO tenant_group (id, kind, name) VALUES ($1, 'consortium', $2)", [input.id, input.name]);
    for (const member of input.members) {
      const exists = await tx.query("SELECT 1 FROM tenant WHERE id = $1", [member]);
      if (!exists.rowCount) throw unknownTenant();
      await tx.query("INSERT INTO tenant_group_member (group_id, tenant_id) VALUES ($1, $2)", [input.id, member]);
    }
  });
}

/** The groups a tenant belongs to, nearest last: prefecture, then consortia (settings order). */
export async function groupsOf(tx: Tx, tenantId: string): Promise<{ id: string; kind: string }[]> {
  const result = await tx.query(
    `SELECT g.id, g.kind FROM tenant_group_member m JOIN tenant_group g ON g.id = m.group_id
     WHERE m.tenant_id = $1 ORDER BY CASE g.kind WHEN 'prefecture' THEN 0 ELSE 1 END, g.id`,
    [tenantId],
  );
  return result.rows;
}
