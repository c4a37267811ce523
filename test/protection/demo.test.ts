// The demo's 支援措置: seeded after the modules' demos, in every demo town, one measure in force
// and one ending within the month, on current residents.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../support/platform.ts";
import { DEMO_TENANTS, seedDemo } from "../../src/platform/demo/seed.ts";
import { DEMO_PERSONS_ENV } from "../../src/modules/resident/demo/resident-demo.ts";
import { listMeasures } from "../../src/platform/protection/measures.ts";
import { verifyAuditLog } from "../../src/platform/audit/audit-log.ts";
import { todayInJapan } from "../../src/platform/addressee/calendar-date.ts";

let t: TestPlatform;
let before: string | undefined;
beforeAll(async () => {
  before = process.env[DEMO_PERSONS_ENV];
  process.env[DEMO_PERSONS_ENV] = "150";
  t = await createTestPlatform();
  await seedDemo(t.platform);
}, 120_000);
afterAll(async () => {
  if (before === undefined) delete process.env[DEMO_PERSONS_ENV];
  else process.env[DEMO_PERSONS_ENV] = before;
  await t.close();
});

describe("the demo's support measures", () => {
  it("protect two current residents of every demo town, one of them with the renewal window open", async () => {
    const today = todayInJapan();
    for (const town of DEMO_TENANTS) {
      const measures = await t.db.withTenant(town.id, (tx) => listMeasures(tx, {}, today));
      expect(measures.map((m) => m.kind).sort(), town.name).toEqual(["dv", "stalking"]);
      const expiring = await t.db.withTenant(town.id, (tx) => listMeasures(tx, { expiringWithinDays: 30 }, today));
      expect(expiring.map((m) => m.kind)).toEqual(["stalking"]);
      const residents = await t.db.withTenant(town.id, (tx) =>
        tx.query("SELECT count(*)::int AS n FROM addressee WHERE number = ANY($1::bigint[]) AND resident_until IS NULL", [
          measures.flatMap((m) => m.protectedNumbers),
        ]),
      );
      expect(residents.rows[0].n).toBe(2);
    }
  });

  it("leaves the audit log an intact hash chain", async () => {
    const result = await t.db.withOperatorRole((tx) => verifyAuditLog(tx));
    expect(result.problem).toBeNull();
  });
});
