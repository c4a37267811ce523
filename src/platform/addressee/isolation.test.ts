import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { TestPlatform } from "../../../test/support/platform.ts";
import { TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import type { Tx } from "../db/database.ts";
import { addAddresseeStaff, createAddresseeTestPlatform, loginAs } from "./addressee-test-support.ts";
import { registerNonResident } from "./register.ts";
import { createRegistryLink } from "./registry-link.ts";
import { addMailing, resolveMailing } from "./mailing.ts";
import { mergeAddressees, undoMerge } from "./merge.ts";
import { getAddressee } from "./read.ts";
import { search } from "./search.ts";

const TABLES = [
  "addressee_counter",
  "addressee",
  "addressee_name",
  "addressee_address",
  "addressee_residence",
  "addressee_change",
  "addressee_mailing",
  "addressee_merge",
  "addressee_merge_undo",
] as const;
const APPEND_ONLY = TABLES.filter((name) => !["addressee_counter", "addressee"].includes(name));

let t: TestPlatform;
let numberInA: string;
let mergeInA: string;

const inTenant = <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => t.db.withTenant(tenantId, fn);
const person = (name: string, nameKana: string) => ({ kind: "person" as const, name, nameKana, birthDate: "1960-01-01", address: "東京都", knownAs: "landowner" as const });

beforeAll(async () => {
  t = await createAddresseeTestPlatform();
  const events = t.platform.events;
  // Town A gets a row in every addressee table.
  await inTenant(TOWN_A.id, async (tx) => {
    const a = await registerNonResident(tx, events, person("分離 一", "ブンリ ハジメ"));
    const b = await registerNonResident(tx, events, person("分離 一", "ブンリ ハジメ"));
    numberInA = a.number;
    await addMailing(tx, events, a.number, { business: "tax", validFrom: "2025-01-01", recipientName: "管理 人", address: "葉山町" }, "申告");
    const merge = await mergeAddressees(tx, events, { survivor: a.number, merged: b.number, reason: "同一人" });
    await undoMerge(tx, events, merge.id, "別人");
    mergeInA = merge.id;
    await createRegistryLink(events).registerResident(tx, {
      name: "住民 一",
      nameKana: "ジュウミン ハジメ",
      birthDate: "1970-01-01",
      address: "葉山町",
      since: "2020-01-01",
    });
  });
});
afterAll(() => t.close());

describe("tenant isolation of the addressee register", () => {
  it.each(TABLES)("%s: town B and a transaction without a tenant see none of town A's rows", async (table) => {
    const total = Number((await t.db.owner.query(`SELECT count(*) AS n FROM ${table} WHERE tenant_id = $1`, [TOWN_A.id])).rows[0].n);
    expect(total).toBeGreaterThan(0);
    const seenByB = await inTenant(TOWN_B.id, (tx) => tx.query(`SELECT count(*)::int AS n FROM ${table}`));
    expect(seenByB.rows[0].n).toBe(0);
    const seenByNone = await t.db.withoutTenant((tx) => tx.query(`SELECT count(*)::int AS n FROM ${table}`));
    expect(seenByNone.rows[0].n).toBe(0);
  });

  it("every addressee table has tenant_id first in its primary key, row-level security forced and a policy", async () => {
    const tables = await t.db.owner.query(
      `SELECT c.relname, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies,
              (SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
               WHERE i.indrelid = c.oid AND i.indisprimary) AS first_pk_column
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname LIKE 'addressee%' ORDER BY c.relname`,
    );
    expect(tables.rows.map((r) => r.relname).sort()).toEqual([...TABLES].sort());
    for (const table of tables.rows) {
      expect(table, table.relname).toMatchObject({ rls: true, forced: true, first_pk_column: "tenant_id" });
      expect(table.policies, table.relname).toBeGreaterThan(0);
    }
  });

  it("history tables are append-only for the application, and nothing may be deleted", async () => {
    const privileges = await t.db.owner.query(
      `SELECT t AS table_name, has_table_privilege('kyodo_app', t, 'UPDATE') AS can_update,
              has_table_privilege('kyodo_app', t, 'DELETE') AS can_delete, has_table_privilege('kyodo_app', t, 'INSERT') AS can_insert
       FROM unnest($1::text[]) AS t`,
      [[...TABLES]],
    );
    for (const row of privileges.rows) {
      expect(row.can_delete, row.table_name).toBe(false);
      expect(row.can_insert, row.table_name).toBe(true);
      expect(row.can_update, row.table_name).toBe(!APPEND_ONLY.includes(row.table_name));
    }
    await expect(inTenant(TOWN_A.id, (tx) => tx.query("UPDATE addressee_change SET reason = 'rewritten'"))).rejects.toThrow(/permission denied/);
  });

  it("town A cannot write a row into town B's register", async () => {
    await expect(
      inTenant(TOWN_A.id, (tx) =>
        tx.query(
          "INSERT INTO addressee (tenant_id, number, kind, name, name_kana, name_key, kana_key) VALUES ($1, 999, 'person', 'x', 'エ', 'X', 'エ')",
          [TOWN_B.id],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("the read interface finds nothing of town A from town B, even under the same 宛名番号", async () => {
    await inTenant(TOWN_B.id, async (tx) => {
      expect(await getAddressee(tx, numberInA)).toBeNull();
      expect(await resolveMailing(tx, numberInA, "tax", "2026-01-01")).toBeNull();
    });
    const own = await inTenant(TOWN_B.id, (tx) => registerNonResident(tx, t.platform.events, person("別町 民", "ベツマチ タミ")));
    expect(own.number).toBe(numberInA);
    await inTenant(TOWN_B.id, async (tx) => expect((await getAddressee(tx, numberInA))?.name).toBe("別町\u3000民"));
    await inTenant(TOWN_A.id, async (tx) => expect((await getAddressee(tx, numberInA))?.name).toBe("分離\u3000一"));
  });

  it("town B's administrator cannot undo town A's merge (404)", async () => {
    await addAddresseeStaff(t, TOWN_B.id, "admin-b", ["admin"]);
    const adminB = await loginAs(t, TOWN_B.id, "admin-b");
    const response = await adminB.request({ method: "POST", url: `/api/addressees/merges/${mergeInA}/undo`, payload: { reason: "x" } });
    expect(response.statusCode).toBe(404);
  });

  it("a search in one town never returns a name registered only in the other", async () => {
    const kana = fc.stringMatching(/^[アイウエオカキクケコ]{2,4}$/);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(kana, { minLength: 1, maxLength: 3 }), fc.array(kana, { minLength: 1, maxLength: 3 }), async (inA, inB) => {
        // A fresh katakana tag per run keeps the runs' names apart.
        const tag = [...String(run++)].map((d) => "サシスセソタチツテト"[Number(d)]).join("");
        const register = (tenantId: string, names: string[]) =>
          inTenant(tenantId, async (tx) => {
            for (const k of names) await registerNonResident(tx, t.platform.events, person(`試験${tenantId}`, `シケン ${tag}ン${k}`));
          });
        await register(TOWN_A.id, inA);
        await register(TOWN_B.id, inB);
        for (const k of [...inA, ...inB]) {
          const found = await inTenant(TOWN_B.id, (tx) => search(tx, { name: `シケン${tag}ン${k}` }, 1, 100));
          expect(found.items.every((i) => i.name === `試験${TOWN_B.id}`)).toBe(true);
          if (inB.includes(k)) expect(found.items.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 8 },
    );
  });
});
