import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addStaff, addTenants, PASSWORD, TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { login } from "../../../test/support/http.ts";

let t: TestPlatform;
let staffA: { id: string };
let staffB: { id: string };

beforeAll(async () => {
  t = await createTestPlatform();
  await addTenants(t.db);
  staffA = await addStaff(t.db, TOWN_A.id, "admin-a", { platform: ["admin"] });
  staffB = await addStaff(t.db, TOWN_B.id, "admin-b", { platform: ["admin"] });
});
afterAll(() => t.close());

describe("tenant isolation by row-level security", () => {
  it("a query with no WHERE clause on tenant_id sees only the current tenant's rows", async () => {
    const rows = await t.db.withTenant(TOWN_A.id, async (tx) => (await tx.query("SELECT tenant_id, id FROM staff_account")).rows);
    expect(rows.map((r) => r.id)).toEqual([staffA.id]);
    expect(new Set(rows.map((r) => r.tenant_id))).toEqual(new Set([TOWN_A.id]));
  });

  it("with no tenant set, tenant-owned tables show no rows at all", async () => {
    const count = await t.db.withoutTenant(async (tx) => (await tx.query("SELECT count(*)::int AS n FROM staff_account")).rows[0].n);
    expect(count).toBe(0);
  });

  it("a tenant cannot write a row into another tenant", async () => {
    await expect(
      t.db.withTenant(TOWN_A.id, (tx) =>
        tx.query(
          "INSERT INTO staff_account (tenant_id, login_id, display_name, password_hash) VALUES ($1, 'intruder', 'x', 'x')",
          [TOWN_B.id],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("an update with no WHERE clause touches only the current tenant's rows", async () => {
    const updated = await t.db.withTenant(TOWN_A.id, async (tx) => {
      const r = await tx.query("UPDATE staff_account SET display_name = display_name");
      throw Object.assign(new Error("rollback"), { rowCount: r.rowCount });
    }).catch((e: { rowCount: number }) => e.rowCount);
    expect(updated).toBe(1);
  });

  it("the application role is neither superuser nor BYPASSRLS; the operator role is BYPASSRLS only", async () => {
    const roles = await t.db.owner.query(
      "SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname IN ('kyodo_app', 'kyodo_operator') ORDER BY rolname",
    );
    expect(roles.rows).toEqual([
      { rolname: "kyodo_app", rolsuper: false, rolbypassrls: false },
      { rolname: "kyodo_operator", rolsuper: false, rolbypassrls: true },
    ]);
  });

  it("every table with a tenant_id has it first in its primary key, RLS forced, and a policy", async () => {
    const tables = await t.db.owner.query(`
      SELECT c.relname,
             c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
             (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies,
             (SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
              WHERE i.indrelid = c.oid AND i.indisprimary) AS first_pk_column
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id')
      ORDER BY c.relname`);
    // staff_session and tenant_group_member are platform tables keyed otherwise (see ADR 0003);
    // staff_session is reached only through SECURITY DEFINER functions (ADR 0016).
    const tenantOwned = tables.rows.filter((r) => !["staff_session", "tenant_group_member"].includes(r.relname));
    expect(tenantOwned.length).toBeGreaterThanOrEqual(4);
    for (const table of tenantOwned) {
      expect(table, table.relname).toMatchObject({ rls: true, forced: true, first_pk_column: "tenant_id" });
      expect(table.policies, table.relname).toBeGreaterThan(0);
    }
  });
});

describe("tenant isolation over HTTP", () => {
  it("a clerk of town A asking for a record of town B gets 404, and their own gets 200", async () => {
    const app = await t.app();
    const session = await login(app, "admin-a", PASSWORD, TOWN_A.id);
    const other = await session.request({ method: "GET", url: `/api/staff/${staffB.id}` });
    expect(other.statusCode).toBe(404);
    expect(other.headers["content-type"]).toContain("application/problem+json");
    expect(other.json().code).toBe("not-found");
    const own = await session.request({ method: "GET", url: `/api/staff/${staffA.id}` });
    expect(own.statusCode).toBe(200);
    expect(own.json().loginId).toBe("admin-a");
    const list = await session.request({ method: "GET", url: "/api/staff" });
    expect(list.json().map((s: { id: string }) => s.id)).toEqual([staffA.id]);
  });
});
