// Small, explicit fixtures: two real municipalities and staff with chosen roles.
import type { Database } from "../../src/platform/db/database.ts";
import type { Role } from "../../src/platform/contract.ts";
import { createTenant } from "../../src/platform/tenancy/tenants.ts";
import { createStaff } from "../../src/platform/identity/staff.ts";
import { hashPassword } from "../../src/platform/identity/password.ts";
import { withOperator } from "../../src/platform/audit/operator.ts";

export const TOWN_A = { id: "143014", name: "葉山町", nameKana: "ハヤママチ" };
export const TOWN_B = { id: "143219", name: "寒川町", nameKana: "サムカワマチ" };
export const PASSWORD = "correct horse battery staple";

export async function addTenants(db: Database, ...tenants: { id: string; name: string; nameKana: string }[]) {
  for (const t of tenants.length ? tenants : [TOWN_A, TOWN_B]) await createTenant(db, "system:test", t);
}

export async function addStaff(db: Database, tenantId: string, loginId: string, roles: Record<string, Role[]>) {
  return db.withTenant(tenantId, (tx) => createStaff(tx, { loginId, displayName: `職員 ${loginId}`, password: PASSWORD, roles }));
}

export async function addOperator(db: Database, loginId = "ops") {
  const passwordHash = await hashPassword(PASSWORD);
  await withOperator(db, { actor: "system:test", action: "identity.operator-created" }, (tx) =>
    tx.query("INSERT INTO operator_account (login_id, display_name, password_hash) VALUES ($1, $2, $3)", [
      loginId,
      "運用 テスト",
      passwordHash,
    ]),
  );
}
