import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { TestPlatform } from "../../../test/support/platform.ts";
import { TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { Problem } from "../../platform/http/problem.ts";
import type { ChangeRequest } from "./api-schemas.ts";
import { compareEntries, foldPerson } from "./fold.ts";
import { rebuildProjection, toJournalEntry, type EntryRow } from "./projection.ts";
import { createResidentTestPlatform, inTenant, moveInFamily, record } from "./resident-test-support.ts";

let t: TestPlatform;
beforeAll(async () => {
  t = await createResidentTestPlatform();
});
afterAll(() => t.close());

type Family = Awaited<ReturnType<typeof moveInFamily>>;

const NAMES = ["山田", "髙橋", "渡邉", "斉藤"];
const ADDRESSES = ["神奈川県三浦郡葉山町一色1番地", "神奈川県三浦郡葉山町長柄2番地", "神奈川県三浦郡葉山町下山口3番地"];

const operation = fc.oneof(
  fc.record({ op: fc.constant("name" as const), who: fc.nat(2), name: fc.nat(NAMES.length - 1) }),
  fc.record({ op: fc.constant("move" as const), address: fc.nat(ADDRESSES.length - 1) }),
  fc.record({ op: fc.constant("head" as const) }),
  fc.record({ op: fc.constant("correct" as const), who: fc.nat(2), back: fc.nat(400), value: fc.nat(NAMES.length - 1) }),
  fc.record({ op: fc.constant("correct-address" as const), back: fc.nat(400), address: fc.nat(ADDRESSES.length - 1) }),
  fc.record({ op: fc.constant("split" as const) }),
  fc.record({ op: fc.constant("die" as const) }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function requestFor(op: Operation, f: Family, date: string, heads: { head: string; other: string }): ChangeRequest {
  const members = [f.head, f.wife, f.child];
  const notified = { effectiveDate: date, notifiedDate: date };
  const back = (days: number) => {
    const d = addDays(date, -days);
    return d < "2024-04-01" ? "2024-04-01" : d;
  };
  switch (op.op) {
    case "name":
      return { kind: "name-changed", ...notified, personId: members[op.who]!, familyName: NAMES[op.name]! };
    case "move":
      return { kind: "address-changed", ...notified, householdId: f.householdId, address: { address: ADDRESSES[op.address]! } };
    case "head":
      return {
        kind: "head-changed",
        ...notified,
        householdId: f.householdId,
        relationships: [
          { personId: heads.other, relationship: "head" },
          { personId: heads.head, relationship: heads.other === f.wife ? "husband" : "wife" },
        ],
      };
    case "correct":
      return { kind: "ex-officio-correction", effectiveDate: back(op.back), reason: "誤記", corrections: [{ personId: members[op.who]!, fields: { registeredDomicile: `本籍${op.value}`, familyName: NAMES[op.value]! } }] };
    case "correct-address":
      return { kind: "ex-officio-correction", effectiveDate: back(op.back), reason: "住所誤記", corrections: members.map((personId) => ({ personId, fields: { address: ADDRESSES[op.address]! } })) };
    case "split":
      return { kind: "household-split", ...notified, householdId: f.householdId, personIds: [f.child], relationships: [{ personId: f.child, relationship: "head" }] };
    case "die":
      return { kind: "died", ...notified, personId: f.child };
  }
}

async function projectionMatchesFold(tenantId: string): Promise<void> {
  await inTenant(
    t,
    async (tx) => {
      const current = (await tx.query("SELECT person_id::text, record, last_effective_date::text AS d, last_seq::text AS s, status, household_id::text AS h FROM resident_current")).rows;
      const entries = (await tx.query<EntryRow>("SELECT person_id::text, effective_date::text AS effective_date, seq::text AS seq, set FROM resident_change_entry")).rows;
      for (const row of current) {
        const own = entries.filter((e) => e.person_id === row.person_id).map(toJournalEntry).sort(compareEntries);
        const folded = foldPerson(own);
        expect(row.record, row.person_id).toEqual(folded);
        expect({ d: row.d, s: row.s, status: row.status, h: row.h }).toEqual({ d: own.at(-1)!.effectiveDate, s: String(own.at(-1)!.seq), status: folded!.status, h: folded!.householdId });
      }
      expect(new Set(entries.map((e) => e.person_id)).size).toBe(current.length);
    },
    tenantId,
  );
}

describe("the projection (resident_current)", () => {
  it("equals the fold of the journal after any sequence of 異動, including corrections dated back (fast-check)", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(operation, fc.integer({ min: 0, max: 60 })), { minLength: 1, maxLength: 8 }), async (ops) => {
        run++;
        const kana = `セイシツ${[...String(run)].map((d) => "アイウエオカキクケコ"[Number(d)]).join("")}`;
        const f = await moveInFamily(t, `性質${run}`, kana);
        const heads = { head: f.head, other: f.wife };
        let date = "2024-04-01";
        for (const [op, gap] of ops) {
          date = addDays(date, gap);
          try {
            await record(t, requestFor(op, f, date, heads));
            if (op.op === "head") [heads.head, heads.other] = [heads.other, heads.head];
          } catch (error) {
            // A refusal is a valid outcome (a dead child cannot die again); anything else is not.
            if (!(error instanceof Problem)) throw error;
          }
        }
        await projectionMatchesFold(TOWN_A.id);
      }),
      { numRuns: 30 },
    );
  });

  it("rebuildProjection recomputes the same rows from the journal, for the tenant only", async () => {
    await moveInFamily(t, "再構築", "サイコウチク", TOWN_B.id);
    const snapshot = async () =>
      (await t.db.owner.query("SELECT tenant_id, person_id, addressee_number, household_id, record, name_key, kana_key, given_kana_key, address_key, birth_date, status, removal_date, last_effective_date, last_seq FROM resident_current ORDER BY tenant_id, person_id")).rows;
    const before = await snapshot();
    await t.db.owner.query("UPDATE resident_current SET record = '{}'::jsonb, kana_key = '' WHERE tenant_id = $1", [TOWN_A.id]);
    const rebuilt = await inTenant(t, (tx) => rebuildProjection(tx));
    expect(rebuilt.persons).toBe(before.filter((r) => r.tenant_id === TOWN_A.id).length);
    expect(await snapshot()).toEqual(before);
  });
});
