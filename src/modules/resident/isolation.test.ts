import { insertDesignation } from "./resident-code.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { TestPlatform } from "../../../test/support/platform.ts";
import { TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import type { Session } from "../../../test/support/http.ts";
import { getHouseholdAsOf, getPersonAsOf } from "./read-model.ts";
import { searchResidents } from "./search.ts";
import { count, counts, createResidentTestPlatform, inTenant, moveIn, moveInFamily, personInput, purpose, record, residentStaff } from "./resident-test-support.ts";

const TABLES = [
  "resident_person",
  "resident_household_counter",
  "resident_household",
  "resident_change",
  "resident_change_entry",
  "resident_current",
  "resident_my_number",
  "resident_code",
  "resident_code_designation",
] as const;
const APPEND_ONLY = ["resident_person", "resident_household", "resident_change", "resident_change_entry", "resident_my_number"] as const;

let t: TestPlatform;
let familyA: Awaited<ReturnType<typeof moveInFamily>>;
let adminB: Session;

beforeAll(async () => {
  t = await createResidentTestPlatform();
  await inTenant(t, async (tx) => {
    for (let i = 1; i <= 10; i++) await tx.query(insertDesignation(`5000000${String(i).padStart(4, "0")}`, "2025-04-01", false));
  });
  familyA = await moveInFamily(t, "分離", "ブンリ");
  await record(t, moveIn([personInput({ familyName: "番号", familyNameKana: "バンゴウ", myNumber: "123456789018" })], { address: { address: "葉山町" } }));
  adminB = await residentStaff(t, TOWN_B.id, "admin-b", ["admin"]);
});
afterAll(() => t.close());

describe("tenant isolation of the resident registry", () => {
  it.each(TABLES)("%s: town B and a transaction without a tenant see none of town A's rows", async (table) => {
    expect(await count(t, table, TOWN_A.id)).toBeGreaterThan(0);
    const seenByB = await inTenant(t, (tx) => tx.query(`SELECT count(*)::int AS n FROM ${table}`), TOWN_B.id);
    expect(seenByB.rows[0].n).toBe(0);
    const seenByNone = await t.db.withoutTenant((tx) => tx.query(`SELECT count(*)::int AS n FROM ${table}`));
    expect(seenByNone.rows[0].n).toBe(0);
  });

  it("every resident table has tenant_id first in its primary key, row-level security forced and a policy", async () => {
    const tables = await t.db.owner.query(
      `SELECT c.relname, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies,
              (SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
               WHERE i.indrelid = c.oid AND i.indisprimary) AS first_pk_column
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname LIKE 'resident%' ORDER BY c.relname`,
    );
    expect(tables.rows.map((r) => r.relname).sort()).toEqual([...TABLES].sort());
    for (const table of tables.rows) {
      expect(table, table.relname).toMatchObject({ rls: true, forced: true, first_pk_column: "tenant_id" });
      expect(table.policies, table.relname).toBeGreaterThan(0);
    }
  });

  it.each(APPEND_ONLY)("%s is append-only for the application role", async (table) => {
    for (const statement of [`UPDATE ${table} SET tenant_id = tenant_id`, `DELETE FROM ${table}`]) {
      await expect(inTenant(t, (tx) => tx.query(statement))).rejects.toThrow(/permission denied/);
    }
  });

  it("a row cannot be written into another tenant", async () => {
    await expect(
      inTenant(t, (tx) => tx.query("INSERT INTO resident_household (tenant_id, household_id, household_number) VALUES ($1, gen_random_uuid(), 999)", [TOWN_B.id])),
    ).rejects.toThrow(/row-level security/);
  });

  it("town B's reads find nothing of town A, whatever is searched (fast-check)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("ﾌﾞﾝﾘ", "ぶんり", "分離", "バンゴウ", "葉山", "タ", "ハナコ"), fc.boolean(), async (q, includeRemoved) => {
        const result = await inTenant(t, (tx) => searchResidents(tx, { q, includeRemoved }, 1, 50), TOWN_B.id);
        expect(result).toMatchObject({ items: [], total: 0 });
      }),
      { numRuns: 20 },
    );
    await inTenant(
      t,
      async (tx) => {
        expect(await getPersonAsOf(tx, familyA.head, "2025-01-01")).toBeNull();
        expect(await getHouseholdAsOf(tx, familyA.householdId, "2025-01-01")).toBeNull();
      },
      TOWN_B.id,
    );
  });

  it("every resident route answers 404 to another municipality's staff, and a 異動 naming A's person writes nothing", async () => {
    const id = familyA.head;
    for (const url of [
      `/api/resident/persons/${id}`,
      `/api/resident/persons/${id}/changes`,
      `/api/resident/persons/${id}/my-number`,
      `/api/resident/households/${familyA.householdId}`,
    ]) {
      const response = await adminB.request({ method: "GET", url, headers: purpose() });
      expect(response.statusCode, url).toBe(404);
    }
    const search = await adminB.request({ method: "GET", url: "/api/resident/persons?q=ブンリ&includeRemoved=true", headers: purpose() });
    expect(search.json()).toMatchObject({ items: [], total: 0 });
    const before = await counts(t);
    const died = await adminB.request({ method: "POST", url: "/api/resident/changes", payload: { kind: "died", effectiveDate: "2025-01-01", notifiedDate: "2025-01-01", personId: id } });
    expect(died.statusCode).toBe(404);
    expect(died.json().code).toBe("person-not-found");
    const joined = await adminB.request({ method: "POST", url: "/api/resident/changes", payload: moveIn([personInput({ familyName: "越境", familyNameKana: "エッキョウ", relationship: "lodger" })], { householdId: familyA.householdId }) });
    expect(joined.statusCode).toBe(404);
    expect(await counts(t)).toEqual(before);
  });
});
