// Least privilege inside PostgreSQL (ADR 0016): every table, view, sequence and function of the
// schema, the privileges kyodo_app, kyodo_operator and PUBLIC hold on it and each table's RLS
// state, against the reviewed expectation in privileges.expected.json; plus the rules that no
// expectation may relax, and what the roles are refused when they try.
// After reviewing a change: KYODO_WRITE_PRIVILEGES=1 npx vitest run test/security/privileges.test.ts
import fs from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../support/platform.ts";
import { addTenants, TOWN_A } from "../support/fixtures.ts";
import { appendAudit } from "../../src/platform/audit/audit-log.ts";
import { catalogPrivileges, GRANTEES, reviewNotes, type ObjectPrivileges } from "./catalog-privileges.ts";

const EXPECTED = new URL("./privileges.expected.json", import.meta.url);

let t: TestPlatform;
let actual: Record<string, ObjectPrivileges>;

beforeAll(async () => {
  t = await createTestPlatform();
  await addTenants(t.db);
  actual = await catalogPrivileges(t.db.owner);
});
afterAll(() => t.close());

describe("database privileges (ADR 0016)", () => {
  it("every object's grants and RLS state are the reviewed ones", async () => {
    if (process.env.KYODO_WRITE_PRIVILEGES === "1") await fs.writeFile(EXPECTED, `${JSON.stringify(actual, null, 2)}\n`);
    const expected = JSON.parse(await fs.readFile(EXPECTED, "utf8")) as Record<string, ObjectPrivileges>;
    const notes = reviewNotes(actual, expected);
    expect(notes, `\n${notes.join("\n")}\n`).toEqual([]);
  });

  it("PUBLIC holds nothing on any table, view or sequence, nor EXECUTE on a SECURITY DEFINER function", () => {
    const broad = Object.entries(actual).filter(
      ([, o]) => o.privileges.PUBLIC.length > 0 && (o.kind !== "function" || o.securityDefiner),
    );
    expect(broad.map(([name]) => name)).toEqual([]);
  });

  it("every SECURITY DEFINER function fixes its search_path and is owned by the migration owner", async () => {
    const r = await t.db.owner.query(`
      SELECT p.oid::regprocedure::text AS name,
             coalesce(EXISTS (SELECT 1 FROM unnest(p.proconfig) c WHERE c LIKE 'search_path=%'), false) AS fixed,
             p.proowner = (SELECT relowner FROM pg_class WHERE oid = 'schema_migration'::regclass) AS owned
      FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef ORDER BY 1`);
    expect(r.rows.length).toBeGreaterThanOrEqual(6);
    for (const f of r.rows) expect(f, f.name).toMatchObject({ fixed: true, owned: true });
  });

  it("the application role reaches sessions and operator accounts only through functions", () => {
    for (const table of ["public.staff_session", "public.operator_account", "public.login_source_throttle"]) {
      expect(actual[table]!.privileges.kyodo_app, table).toEqual([]);
      expect(actual[table]!.columns, table).toBeUndefined();
      expect(actual[table]!.rls, table).not.toBe("off");
    }
  });

  it("no role may edit or delete audit entries, nor write a chain head", () => {
    for (const role of GRANTEES) {
      expect(actual["public.audit_log"]!.privileges[role].filter((p) => p !== "SELECT" && p !== "INSERT"), role).toEqual([]);
      expect(actual["public.audit_chain_head"]!.privileges[role].filter((p) => p !== "SELECT"), role).toEqual([]);
    }
  });

  it("every table with a tenant_id column has RLS forced, but for the session table reached only through functions", async () => {
    const r = await t.db.owner.query(`
      SELECT 'public.' || c.relname AS name FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)`);
    const notForced = r.rows.map((row) => row.name as string).filter((n) => actual[n]!.rls !== "forced");
    // tenant_group_member: a platform table keyed by group (ADR 0003).
    expect(notForced.sort()).toEqual(["public.staff_session", "public.tenant_group_member"]);
  });
});

describe("what the roles are refused", () => {
  it("kyodo_app reads neither sessions nor operators' password hashes", async () => {
    await expect(t.db.withoutTenant((tx) => tx.query("SELECT * FROM staff_session"))).rejects.toThrow(/permission denied/);
    await expect(t.db.withoutTenant((tx) => tx.query("SELECT password_hash FROM operator_account"))).rejects.toThrow(/permission denied/);
    await expect(t.db.withoutTenant((tx) => tx.query("SELECT * FROM login_source_throttle"))).rejects.toThrow(/permission denied/);
  });

  it("neither role can move a chain head by hand", async () => {
    await t.db.withTenant(TOWN_A.id, (tx) => appendAudit(tx, { actor: "staff:test", action: "test.entry" }));
    await expect(t.db.withTenant(TOWN_A.id, (tx) => tx.query("UPDATE audit_chain_head SET seq = seq + 1"))).rejects.toThrow(/permission denied/);
    await expect(t.db.withOperatorRole((tx) => tx.query("UPDATE audit_chain_head SET seq = 0"))).rejects.toThrow(/permission denied/);
    await expect(
      t.db.withOperatorRole((tx) => tx.query("INSERT INTO audit_chain_head (tenant_id, seq, hash) VALUES ('x', 1, 'x')")),
    ).rejects.toThrow(/permission denied/);
  });

  it("an entry that does not continue its chain is refused, so the head moves only with real links", async () => {
    const insert = (seq: number, prevHash: string) =>
      t.db.withTenant(TOWN_A.id, (tx) =>
        tx.query(
          `INSERT INTO audit_log (tenant_id, seq, at, actor, action, detail, prev_hash, hash)
           VALUES ($1, $2, now(), 'staff:test', 'test.forged', '{}', $3, repeat('f', 64))`,
          [TOWN_A.id, seq, prevHash],
        ),
      );
    const head = (await t.db.owner.query("SELECT seq, hash FROM audit_chain_head WHERE tenant_id = $1", [TOWN_A.id])).rows[0];
    await expect(insert(Number(head.seq) + 5, head.hash)).rejects.toThrow(/continue their chain/);
    await expect(insert(Number(head.seq) + 1, "0".repeat(64))).rejects.toThrow(/continue their chain/);
    const after = (await t.db.owner.query("SELECT seq, hash FROM audit_chain_head WHERE tenant_id = $1", [TOWN_A.id])).rows[0];
    expect(after).toEqual(head);
  });
});
