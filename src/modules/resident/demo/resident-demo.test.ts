import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "../../../../test/support/platform.ts";
import { TOWN_A, TOWN_B } from "../../../../test/support/fixtures.ts";
import { seedAddresseeDemo } from "../../../platform/addressee/demo.ts";
import { importLayout } from "../../../platform/layouts/import.ts";
import { ageOn } from "../../../lib/age.ts";
import { getPersonAsOf } from "../read-model.ts";
import type { PersonRecord } from "../person-record.ts";
import { CHANGE_COLUMNS } from "../layout/change-columns.ts";
import { createLayoutTestPlatform, registryCounts } from "../layout/layout-test-support.ts";
import { demoPersons, seedResidentDemo } from "./resident-demo.ts";
import { generateJournal } from "./synthetic-journal.ts";
import { writeJournalCsv } from "./journal-csv.ts";

const AS_OF = "2026-11-01";
const PERSONS = 800;

let t: TestPlatform;
let addresseesBefore: number;

beforeAll(async () => {
  t = await createLayoutTestPlatform();
  addresseesBefore = (await seedAddresseeDemo(t.platform, TOWN_A.id, 2026)).length;
  await seedResidentDemo(t.platform, TOWN_A.id, { persons: PERSONS, seed: 2026, asOf: AS_OF });
});
afterAll(() => t.close());

interface Current {
  person_id: string;
  addressee_number: string;
  household_id: string;
  record: PersonRecord;
}

async function current(): Promise<Current[]> {
  return t.db.withTenant(TOWN_A.id, async (tx) =>
    (await tx.query<Current>("SELECT person_id::text, addressee_number::text, household_id::text, record FROM resident_current ORDER BY addressee_number")).rows,
  );
}

const onRegistry = (r: PersonRecord) => r.status === "resident" || (r.removalDate !== null && r.removalDate > AS_OF);

describe("demo registry (seedResidentDemo)", () => {
  it("registers exactly the persons asked for, each with an addressee numbered after the register's own 住登外者", async () => {
    const persons = await current();
    expect(persons).toHaveLength(PERSONS);
    expect(Math.min(...persons.map((p) => Number(p.addressee_number)))).toBe(addresseesBefore + 1);
    const residents = await t.db.withTenant(TOWN_A.id, async (tx) =>
      (await tx.query("SELECT count(*)::int AS n FROM addressee a JOIN resident_person p ON p.addressee_number = a.number WHERE a.resident_since IS NOT NULL")).rows[0].n,
    );
    expect(residents).toBe(PERSONS);
  });

  it("gives every household on the registry exactly one 世帯主 and one address", async () => {
    const byHousehold = new Map<string, PersonRecord[]>();
    for (const p of await current()) {
      if (!onRegistry(p.record) || p.record.status !== "resident") continue;
      byHousehold.set(p.household_id, [...(byHousehold.get(p.household_id) ?? []), p.record]);
    }
    expect(byHousehold.size).toBeGreaterThan(PERSONS / 4);
    for (const members of byHousehold.values()) {
      expect(members.filter((m) => m.relationship === "head")).toHaveLength(1);
      expect(new Set(members.map((m) => `${m.address}|${m.addressLine2 ?? ""}`)).size).toBe(1);
    }
  });

  it("keeps 除票 of deaths and of 転出, and holds a 転出予定 for a day after asOf", async () => {
    const removed = (await current()).map((p) => p.record).filter((r) => r.status === "removed");
    const reasons = new Set(removed.filter((r) => r.removalDate! <= AS_OF).map((r) => r.removalReason));
    expect(reasons).toEqual(new Set(["died", "moved-out"]));
    const planned = removed.filter((r) => r.removalDate! > AS_OF);
    expect(planned.length).toBeGreaterThan(0);
    for (const r of planned) expect(r).toMatchObject({ removalReason: "moved-out", plannedMoveOutDate: r.removalDate });
  });

  it("has plausible ages: 0–105 on asOf, 世帯主 of age, children at least 16 years younger than the 世帯主 whose 子 they are", async () => {
    const persons = (await current()).filter((p) => onRegistry(p.record));
    const heads = new Map(persons.filter((p) => p.record.relationship === "head").map((p) => [p.household_id, p.record]));
    for (const p of persons) {
      const age = ageOn(p.record.birthDate, AS_OF);
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThanOrEqual(105);
      if (p.record.relationship === "head") expect(age).toBeGreaterThanOrEqual(18);
      const head = heads.get(p.household_id);
      if (p.record.relationship === "child" && head) expect(ageOn(head.birthDate, AS_OF) - age).toBeGreaterThanOrEqual(16);
    }
  });

  it("gives the households a history: 転入 spread over years, births after them, some 転居, every 異動 dated by asOf except a 転出予定", async () => {
    const kinds = await t.db.withTenant(TOWN_A.id, async (tx) =>
      (await tx.query("SELECT kind, count(*)::int AS n, min(effective_date)::text AS first, max(effective_date)::text AS last FROM resident_change GROUP BY kind")).rows,
    );
    const of = (kind: string) => kinds.find((k) => k.kind === kind);
    expect(of("moved-in")!.n).toBeGreaterThan(PERSONS / 4);
    expect(Number(of("moved-in")!.last.slice(0, 4)) - Number(of("moved-in")!.first.slice(0, 4))).toBeGreaterThan(10);
    expect(of("born")!.n).toBeGreaterThan(0);
    expect(of("address-changed")!.n).toBeGreaterThan(0);
    expect(of("died")!.n).toBeGreaterThan(0);
    for (const k of kinds) if (k.kind !== "moved-out") expect(k.last <= AS_OF).toBe(true);
  });

  it("holds projection rows equal to the fold of each person's journal", async () => {
    const sample = (await current()).filter((_, i) => i % 20 === 0);
    await t.db.withTenant(TOWN_A.id, async (tx) => {
      for (const p of sample) expect((await getPersonAsOf(tx, p.person_id, "9999-12-31"))!.record).toEqual(p.record);
    });
  });

  it("leaves a registry that already holds persons as it is", async () => {
    const before = await registryCounts(t, TOWN_A.id);
    expect(await seedResidentDemo(t.platform, TOWN_A.id, { persons: 50, seed: 1, asOf: AS_OF })).toMatchObject({ seeded: false, persons: 0 });
    expect(await registryCounts(t, TOWN_A.id)).toEqual(before);
  });
});

describe("synthetic journal (generateJournal)", () => {
  it("is deterministic: the same options give the same rows, another seed other rows", () => {
    const options = { tenantId: TOWN_A.id, persons: 300, seed: 7, asOf: AS_OF };
    const rows = [...generateJournal(options)];
    expect([...generateJournal(options)]).toEqual(rows);
    expect([...generateJournal({ ...options, seed: 8 })]).not.toEqual(rows);
    expect(new Set(rows.map((r) => r.person_id)).size).toBe(300);
  });

  it("writes a standard layout file of N persons that imports into an empty municipality", async () => {
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "kyodo-journal-")), "changes.csv");
    try {
      const written = await writeJournalCsv(file, { tenantId: TOWN_B.id, persons: 400, seed: 3, asOf: AS_OF });
      const input = await fs.readFile(file);
      expect(input.toString("utf8").split("\r\n")[0]).toBe(CHANGE_COLUMNS.map((c) => c.name).join(","));
      expect(written.bytes).toBe(input.length);
      expect(await importLayout(t.platform, TOWN_B.id, "resident.changes", input, { encoding: "utf-8", fileName: "changes.csv" })).toEqual({
        imported: written.rows,
      });
      expect((await registryCounts(t, TOWN_B.id)).resident_person).toBe(400);
    } finally {
      await fs.rm(path.dirname(file), { recursive: true, force: true });
    }
  });

  it("takes its size from KYODO_DEMO_PERSONS, 2,000 by default", () => {
    expect(demoPersons({})).toBe(2000);
    expect(demoPersons({ KYODO_DEMO_PERSONS: "500" })).toBe(500);
    expect(() => demoPersons({ KYODO_DEMO_PERSONS: "many" })).toThrow(/KYODO_DEMO_PERSONS/);
  });
});
