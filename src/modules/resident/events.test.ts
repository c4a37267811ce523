import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "../../../test/support/platform.ts";
import { TOWN_A } from "../../../test/support/fixtures.ts";
import type { ChangeRequest } from "./api-schemas.ts";
import type { ChangeKind } from "./change-kind.ts";
import type { ChangeView } from "./change-view.ts";
import { CLERK, createResidentTestPlatform, HAYAMA, moveInFamily, personInput, record } from "./resident-test-support.ts";

let t: TestPlatform;
beforeAll(async () => {
  t = await createResidentTestPlatform();
});
afterAll(() => t.close());

async function eventsOf(change: ChangeView) {
  return (
    await t.db.owner.query("SELECT type, subject, payload FROM event_outbox WHERE tenant_id = $1 AND payload->>'changeId' = $2 ORDER BY seq", [TOWN_A.id, change.changeId])
  ).rows;
}

describe("resident events: every 異動 kind publishes to the outbox, one event per person, no personal data", () => {
  it("each of the twelve kinds, in one household's life", async () => {
    const family = await moveInFamily(t, "連携", "レンケイ");
    const changes: [ChangeKind, ChangeView, string[]][] = [[ "moved-in", family.change, ["resident.moved-in", "resident.moved-in", "resident.moved-in"]]];
    const step = async (request: ChangeRequest, expected: string[]) => {
      const change = await record(t, request);
      changes.push([request.kind, change, expected]);
      return change;
    };
    const notified = (date: string) => ({ effectiveDate: date, notifiedDate: date });
    const baby = await step(
      { kind: "born", ...notified("2024-05-01"), householdId: family.householdId, person: { familyName: "連携", givenName: "結", familyNameKana: "レンケイ", givenNameKana: "ユイ", sex: "female", birthDate: "2024-05-01", relationship: "child" } },
      ["resident.born"],
    );
    await step({ kind: "address-changed", ...notified("2024-06-01"), householdId: family.householdId, address: { address: "神奈川県三浦郡葉山町上山口1番地" } }, Array(4).fill("resident.address-changed"));
    await step({ kind: "name-changed", ...notified("2024-07-01"), personId: family.wife, givenName: "華子", givenNameKana: "ハナコ" }, ["resident.name-changed"]);
    await step(
      { kind: "head-changed", ...notified("2024-08-01"), householdId: family.householdId, relationships: [{ personId: family.wife, relationship: "head" }, { personId: family.head, relationship: "husband" }] },
      ["resident.household-changed", "resident.household-changed"],
    );
    const split = await step(
      { kind: "household-split", ...notified("2024-09-01"), householdId: family.householdId, personIds: [family.child], relationships: [{ personId: family.child, relationship: "head" }] },
      ["resident.household-changed"],
    );
    await step(
      { kind: "household-merged", ...notified("2024-10-01"), householdId: split.entries[0]!.after.householdId, intoHouseholdId: family.householdId, relationships: [{ personId: family.child, relationship: "child" }] },
      ["resident.household-changed"],
    );
    await step({ kind: "ex-officio-correction", effectiveDate: "2024-04-01", reason: "本籍の誤記", corrections: [{ personId: family.head, fields: { registeredDomicile: "東京都千代田区丸の内1丁目" } }] }, ["resident.corrected"]);
    const entry = await step(
      { kind: "ex-officio-entry", effectiveDate: "2024-11-01", reason: "居住確認", householdId: family.householdId, address: { address: "神奈川県三浦郡葉山町上山口1番地" }, persons: [personInput({ familyName: "同居", familyNameKana: "ドウキョ", relationship: "lodger", birthDate: "1999-09-09" })] },
      ["resident.moved-in"],
    );
    await step({ kind: "ex-officio-erasure", effectiveDate: "2024-11-15", reason: "居住の事実なし", personIds: [entry.entries[0]!.personId] }, ["resident.moved-out"]);
    await step({ kind: "moved-out", ...notified("2024-12-01"), personIds: [family.child], destination: { address: "京都府京都市" } }, ["resident.moved-out"]);
    await step({ kind: "died", ...notified("2025-01-01"), personId: family.head }, ["resident.died"]);
    expect(baby.entries).toHaveLength(1);

    expect(new Set(changes.map(([kind]) => kind)).size).toBe(12);
    for (const [kind, change, expected] of changes) {
      const events = await eventsOf(change);
      expect(events.map((e) => e.type).sort(), kind).toEqual([...expected].sort());
      expect(events.map((e) => e.subject).sort(), kind).toEqual(change.entries.map((e) => `addressee:${e.addresseeNumber}`).sort());
      for (const event of events) {
        expect(Object.keys(event.payload).sort(), kind).toEqual(
          ["changeId", "kind", "effectiveDate", "fields", "householdId", ...(event.payload.removalReason ? ["removalReason"] : [])].sort(),
        );
        expect(event.payload).toMatchObject({ changeId: change.changeId, kind, effectiveDate: change.effectiveDate });
      }
      const text = JSON.stringify(events);
      for (const personal of ["連携", "レンケイ", "葉山", "上山口", "京都", HAYAMA.postalCode, "1980-05-05"]) expect(text, kind).not.toContain(personal);
      const audits = (await t.db.owner.query("SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND actor = $2 AND detail->>'changeId' = $3", [TOWN_A.id, CLERK, change.changeId])).rows[0].n;
      expect(audits, kind).toBe(change.entries.length);
    }
  });
});
