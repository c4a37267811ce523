import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "../../../test/support/platform.ts";
import { getHouseholdAsOf, getPersonAsOf, listPersonChanges } from "./read-model.ts";
import { searchResidents } from "./search.ts";
import { count, createResidentTestPlatform, daysFromToday, inTenant, moveInFamily, record } from "./resident-test-support.ts";

let t: TestPlatform;
beforeAll(async () => {
  t = await createResidentTestPlatform();
});
afterAll(() => t.close());

const OSAKA = { postalCode: "530-0001", address: "大阪府大阪市北区梅田1丁目1番1号", addressLine2: "梅田タワー3階" };
const eventsOf = async (number: string) =>
  (await t.db.owner.query("SELECT type, payload FROM event_outbox WHERE subject = $1 AND type LIKE 'resident.%' ORDER BY seq", [`addressee:${number}`])).rows;
const numberOf = async (personId: string) => (await inTenant(t, (tx) => getPersonAsOf(tx, personId, "9999-12-31")))!.addresseeNumber;

describe("転出 (moved-out): 住民基本台帳法 第24条", () => {
  it("the whole household moves out: 除票 from the 異動日 with the 転出先, the addressee reachable there", async () => {
    const family = await moveInFamily(t, "転出", "テンシュツ");
    await record(t, {
      kind: "moved-out",
      effectiveDate: "2024-09-30",
      notifiedDate: "2024-10-03",
      personIds: [family.head, family.wife, family.child],
      destination: OSAKA,
    });
    await inTenant(t, async (tx) => {
      expect(await getPersonAsOf(tx, family.head, "2024-09-29")).toMatchObject({ isResident: true, record: { status: "resident" } });
      expect(await getPersonAsOf(tx, family.head, "2024-09-30")).toMatchObject({
        isResident: false,
        isRemovedRecord: true,
        record: {
          status: "removed",
          removalReason: "moved-out",
          removalDate: "2024-09-30",
          plannedMoveOutDate: null,
          destinationPostalCode: "5300001",
          destinationAddress: OSAKA.address,
          destinationAddressLine2: OSAKA.addressLine2,
        },
      });
      expect(await getPersonAsOf(tx, family.head, "2024-10-01")).toMatchObject({ isRemovedRecord: true, record: { removalDate: "2024-09-30" } });
      expect((await getHouseholdAsOf(tx, family.householdId, "2024-09-30"))?.members).toEqual([]);
      expect((await getHouseholdAsOf(tx, family.householdId, "2024-09-29"))?.members).toHaveLength(3);
      const number = (await getPersonAsOf(tx, family.head, "2024-09-30"))!.addresseeNumber;
      const addressee = await t.platform.addressees.get(tx, number, { asOf: "2024-09-30" });
      expect(addressee).toMatchObject({ residence: { isResident: false, until: "2024-09-30", endReason: "moved-out" }, address: { address: OSAKA.address } });
    });
    expect(await eventsOf(await numberOf(family.child))).toContainEqual({
      type: "resident.moved-out",
      payload: expect.objectContaining({ kind: "moved-out", effectiveDate: "2024-09-30", removalReason: "moved-out", householdId: family.householdId }),
    });
  });

  it("notified ahead, it is a 転出予定: resident until the planned day, listed as scheduled, found without includeRemoved until then", async () => {
    const family = await moveInFamily(t, "予定", "ヨテイ");
    const planned = daysFromToday(10);
    await record(t, { kind: "moved-out", effectiveDate: planned, notifiedDate: daysFromToday(0), personIds: [family.head, family.wife, family.child], destination: OSAKA });
    await inTenant(t, async (tx) => {
      const today = await getPersonAsOf(tx, family.head, daysFromToday(0));
      expect(today).toMatchObject({ isResident: true, record: { status: "resident" }, scheduled: [{ kind: "moved-out", effectiveDate: planned }] });
      expect(await getPersonAsOf(tx, family.head, planned)).toMatchObject({ isResident: false, record: { plannedMoveOutDate: planned, removalDate: planned } });
      const found = await searchResidents(tx, { q: "ヨテイ" }, 1, 20);
      expect(found.items.map((i) => i.isRemoved)).toEqual([false, false, false]);
    });
  });

  it("the head moving out alone: the remaining household needs a new 世帯主, chosen in the same step and recorded as a 世帯主変更 of its own", async () => {
    const family = await moveInFamily(t, "単身", "タンシン");
    const before = await count(t, "resident_change");
    await expect(
      record(t, { kind: "moved-out", effectiveDate: "2024-05-01", notifiedDate: "2024-05-01", personIds: [family.head], destination: OSAKA }),
    ).rejects.toMatchObject({
      status: 409,
      code: "household-needs-new-head",
      titleJa: expect.stringContaining("残る世帯員に新しい世帯主が必要です"),
      errors: [{ field: "body/relationships" }],
    });
    expect(await count(t, "resident_change")).toBe(before);
    const change = await record(t, {
      kind: "moved-out",
      effectiveDate: "2024-05-01",
      notifiedDate: "2024-05-01",
      personIds: [family.head],
      destination: OSAKA,
      relationships: [{ personId: family.wife, relationship: "head" }],
    });
    // Two changes in one transaction: the 転出 of the head, the 世帯主変更 of those who stay.
    expect(await count(t, "resident_change")).toBe(before + 2);
    expect(change).toMatchObject({ kind: "moved-out", entries: [{ personId: family.head }], deadlineDate: null, overdue: false });
    expect(change.headChange).toMatchObject({
      kind: "head-changed",
      effectiveDate: "2024-05-01",
      notifiedDate: "2024-05-01",
      reason: "世帯主の転出による世帯主変更",
      deadlineDate: "2024-05-15",
      overdue: false,
      entries: [{ personId: family.wife, fields: ["relationship"] }],
    });
    await inTenant(t, async (tx) => {
      const household = await getHouseholdAsOf(tx, family.householdId, "2024-05-01");
      expect(household?.head?.personId).toBe(family.wife);
      expect(household?.members.map((m) => m.personId)).toEqual([family.wife, family.child]);
      expect((await listPersonChanges(tx, family.wife)).map((h) => h.kind)).toEqual(["moved-in", "head-changed"]);
      expect((await listPersonChanges(tx, family.head)).map((h) => h.kind)).toEqual(["moved-in", "moved-out"]);
    });
    expect((await eventsOf(await numberOf(family.wife))).at(-1)).toEqual({
      type: "resident.household-changed",
      payload: expect.objectContaining({ kind: "head-changed", changeId: change.headChange!.changeId, fields: ["relationship"] }),
    });
    expect((await eventsOf(await numberOf(family.head))).at(-1)).toEqual({
      type: "resident.moved-out",
      payload: expect.objectContaining({ kind: "moved-out", changeId: change.changeId }),
    });
  });

  it("when one member remains, they become 世帯主 without a 世帯主変更届 (第25条 「政令で定める者を除く」)", async () => {
    const family = await moveInFamily(t, "二人", "フタリ");
    await record(t, { kind: "died", effectiveDate: "2024-06-03", notifiedDate: "2024-06-03", personId: family.child });
    // Notified 40 days after the move: no 届出期間 runs for the automatic change, so no reason is asked.
    const change = await record(t, { kind: "moved-out", effectiveDate: "2024-07-01", notifiedDate: "2024-08-10", personIds: [family.head], destination: OSAKA });
    expect(change.headChange).toMatchObject({
      kind: "head-changed",
      reason: "世帯主の転出により世帯員が一人となったため（世帯主変更届を要しない）",
      deadlineDate: null,
      overdue: false,
      entries: [{ personId: family.wife, fields: ["relationship"], after: { relationship: "head" } }],
    });
    await inTenant(t, async (tx) => expect((await getHouseholdAsOf(tx, family.householdId, "2024-07-01"))?.head?.personId).toBe(family.wife));
  });
});

describe("死亡 (died)", () => {
  it("the death of the head is refused unless the same change names the new 世帯主", async () => {
    const family = await moveInFamily(t, "死亡", "シボウ");
    await expect(record(t, { kind: "died", effectiveDate: "2025-02-01", notifiedDate: "2025-02-03", personId: family.head })).rejects.toMatchObject({
      status: 409,
      code: "household-needs-new-head",
      errors: [{ field: "body/relationships", message: expect.stringContaining("no head") }],
    });
    await record(t, {
      kind: "died",
      effectiveDate: "2025-02-01",
      notifiedDate: "2025-02-03",
      personId: family.head,
      relationships: [{ personId: family.wife, relationship: "head" }],
    });
    await inTenant(t, async (tx) => {
      expect(await getPersonAsOf(tx, family.head, "2025-02-01")).toMatchObject({ isRemovedRecord: true, record: { removalReason: "died", removalDate: "2025-02-01" } });
      expect((await getHouseholdAsOf(tx, family.householdId, "2025-01-31"))?.head?.personId).toBe(family.head);
      expect((await getHouseholdAsOf(tx, family.householdId, "2025-02-01"))?.head?.personId).toBe(family.wife);
      const number = (await getPersonAsOf(tx, family.head, "2025-02-01"))!.addresseeNumber;
      expect((await t.platform.addressees.get(tx, number, { asOf: "2025-02-01" }))?.residence).toMatchObject({ isResident: false, endReason: "died" });
    });
    expect((await eventsOf(await numberOf(family.head))).at(-1)).toEqual({
      type: "resident.died",
      payload: expect.objectContaining({ kind: "died", removalReason: "died", fields: ["status", "removalReason", "removalDate"] }),
    });
  });

  it("the 世帯主変更 chosen with a death notified after 14 days needs the 遅延の理由 and is marked 期間経過; the death itself is not", async () => {
    const family = await moveInFamily(t, "遅死亡", "オソシボウ");
    const late = { kind: "died" as const, effectiveDate: "2025-03-03", notifiedDate: "2025-03-18", personId: family.head, relationships: [{ personId: family.wife, relationship: "head" as const }] };
    await expect(record(t, late)).rejects.toMatchObject({ code: "late-notification-reason", errors: [{ field: "body/lateReason" }] });
    const change = await record(t, { ...late, lateReason: "葬儀のため" });
    expect(change).toMatchObject({ kind: "died", overdue: false, lateReason: null, deadlineDate: null });
    expect(change.headChange).toMatchObject({ kind: "head-changed", deadlineDate: "2025-03-17", overdue: true, lateReason: "葬儀のため" });
    await inTenant(t, async (tx) => {
      expect((await listPersonChanges(tx, family.wife)).at(-1)).toMatchObject({ overdue: true, reason: expect.stringContaining("期間経過") });
    });
  });

  it("the death of a member other than the head needs nothing more", async () => {
    const family = await moveInFamily(t, "子死亡", "コシボウ");
    await record(t, { kind: "died", effectiveDate: "2025-03-01", notifiedDate: "2025-03-01", personId: family.child });
    await inTenant(t, async (tx) => {
      expect((await getHouseholdAsOf(tx, family.householdId, "2025-03-01"))?.members.map((m) => m.personId)).toEqual([family.head, family.wife]);
    });
  });
});

describe("職権消除 (ex-officio-erasure)", () => {
  it("the erasure of the head records the new 世帯主 as a 職権修正 (no 届出日)", async () => {
    const family = await moveInFamily(t, "消除主", "ショウジョヌシ");
    const change = await record(t, {
      kind: "ex-officio-erasure",
      effectiveDate: "2025-04-01",
      reason: "実態調査により居住の事実なし",
      personIds: [family.head],
      relationships: [{ personId: family.wife, relationship: "head" }],
    });
    expect(change.headChange).toMatchObject({ kind: "ex-officio-correction", notifiedDate: null, reason: "世帯主の職権消除による世帯主の変更", overdue: false });
  });

  it("removes a person no longer living here, with the reason, as a 除票 marked erased", async () => {
    const family = await moveInFamily(t, "消除", "ショウジョ");
    const change = await record(t, { kind: "ex-officio-erasure", effectiveDate: "2025-04-01", reason: "実態調査により居住の事実なし", personIds: [family.child] });
    expect(change).toMatchObject({ notifiedDate: null, reason: "実態調査により居住の事実なし" });
    await inTenant(t, async (tx) => {
      expect(await getPersonAsOf(tx, family.child, "2025-04-01")).toMatchObject({ isRemovedRecord: true, record: { removalReason: "erased" } });
      const number = (await getPersonAsOf(tx, family.child, "2025-04-01"))!.addresseeNumber;
      expect((await t.platform.addressees.get(tx, number, { asOf: "2025-04-01" }))?.residence.isResident).toBe(false);
    });
    expect((await eventsOf(await numberOf(family.child))).at(-1)).toEqual({
      type: "resident.moved-out",
      payload: expect.objectContaining({ kind: "ex-officio-erasure", removalReason: "erased" }),
    });
  });
});
