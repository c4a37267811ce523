import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "../../../test/support/platform.ts";
import { TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { checkCorporateNumber } from "../../lib/corporate-number.ts";
import { createAddresseeTestPlatform } from "./addressee-test-support.ts";
import { seedAddresseeDemo } from "./demo.ts";
import { listDuplicates } from "./duplicates.ts";
import { resolveMailing } from "./mailing.ts";

let t: TestPlatform;
let numbers: string[];

beforeAll(async () => {
  t = await createAddresseeTestPlatform();
  numbers = await seedAddresseeDemo(t.platform, TOWN_A.id, 20260401);
});
afterAll(() => t.close());

const rows = (sql: string, values: unknown[] = []) => t.db.withTenant(TOWN_A.id, (tx) => tx.query(sql, values)).then((r) => r.rows);

describe("demo 住登外者 (seedAddresseeDemo)", () => {
  it("registers non-resident landowners living elsewhere, guardians, a former resident and organisations", async () => {
    const byReason = await rows("SELECT kind, known_as, count(*)::int AS n FROM addressee GROUP BY kind, known_as ORDER BY kind, known_as");
    expect(byReason).toEqual([
      { kind: "organisation", known_as: "taxpayer", n: 4 },
      { kind: "person", known_as: "creditor", n: 1 },
      { kind: "person", known_as: "former-resident", n: 1 },
      { kind: "person", known_as: "guardian", n: 2 },
      { kind: "person", known_as: "landowner", n: 30 },
    ]);
    expect(numbers).toHaveLength(38);
    const residents = await rows("SELECT count(*)::int AS n FROM addressee WHERE resident_since IS NOT NULL");
    expect(residents[0].n).toBe(0);
    const elsewhere = await rows("SELECT count(*)::int AS n FROM addressee WHERE known_as = 'landowner' AND address LIKE '%葉山町%'");
    expect(elsewhere[0].n).toBe(0);
  });

  it("gives every organisation a 法人番号 with a valid check digit", async () => {
    const orgs = await rows("SELECT corporate_number FROM addressee WHERE kind = 'organisation'");
    expect(orgs).toHaveLength(4);
    for (const { corporate_number } of orgs) expect(checkCorporateNumber(corporate_number)).toBeNull();
  });

  it("leaves one 名寄せ candidate and some tax notices going to a 納税管理人 in town", async () => {
    const pairs = await t.db.withTenant(TOWN_A.id, (tx) => listDuplicates(tx, { limit: 10, offset: 0 }));
    expect(pairs.map((p) => p.matchedOn)).toEqual(["kana-and-birth-date"]);
    const administrators = await rows("SELECT number::text AS number FROM addressee_mailing WHERE business = 'tax'");
    expect(administrators).toHaveLength(5);
    const target = await t.db.withTenant(TOWN_A.id, (tx) => resolveMailing(tx, administrators[0].number, "tax", "2026-04-01"));
    expect(target).toMatchObject({ source: "mailing", recipientRole: "納税管理人", address: expect.stringContaining("葉山町") });
  });

  it("gives each municipality its own addressees from the same seed", async () => {
    const other = await seedAddresseeDemo(t.platform, TOWN_B.id, 20260401);
    expect(other).toHaveLength(38);
    const namesA = (await rows("SELECT name FROM addressee ORDER BY number")).map((r) => r.name);
    const namesB = (await t.db.withTenant(TOWN_B.id, (tx) => tx.query("SELECT name FROM addressee ORDER BY number"))).rows.map((r) => r.name);
    expect(namesB).not.toEqual(namesA);
  });
});
