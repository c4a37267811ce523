import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "../../../test/support/platform.ts";
import { getHouseholdAsOf, getPersonAsOf } from "./read-model.ts";
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

  it("the head moving out alone must name the new head in the same change", async () => {
    const family = await moveInFamily(t, "単身", "タンシン");
    const before = await count(t, "resident_change");
    await expect(
      record(t, { kind: "moved-out", effectiveDate: "2024-05-01", notifiedDate: "2024-05-01", personIds: [family.head], destination: OSAKA }),
    ).rejects.toMatchObject({ status: 409, code: "household-has-head" });
    expect(await count(t, "resident_change")).toBe(before);
    await record(t, {
      kind: "moved-out",
      effectiveDate: "2024-05-01",
      notifiedDate: "2024-05-01",
      personIds: [family.head],
      destination: OSAKA,
      relationships: [{ personId: family.wife, relationship: "head" }],
    });
    await inTenant(t, async (tx) => {
      const household = await getHouseholdAsOf(tx, family.householdId, "2024-05-01");
      expect(household?.head?.personId).toBe(family.wife);
      expect(household?.members.map((m) => m.personId)).toEqual([family.wife, family.child]);
    });
    expect((await eventsOf(await numberOf(family.wife))).at(-1)).toEqual({
      type: "resident.household-changed",
      payload: expect.objectContaining({ kind: "moved-out", fields: ["relationship"] }),
    });
  });
});

describe("死亡 (died)", () => {
  it("the death of the head is refused unless the same change names the new 世帯主", async () => {
    const family = await moveInFamily(t, "死亡", "シボウ");
    await expect(record(t, { kind: "died", effectiveDate: "2025-02-01", notifiedDate: "2025-02-03", personId: family.head })).rejects.toMatchObject({
      status: 409,
      code: "household-has-head",
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

  it("the death of a member other than the head needs nothing more", async () => {
    const family = await moveInFamily(t, "子死亡", "コシボウ");
    await record(t, { kind: "died", effectiveDate: "2025-03-01", notifiedDate: "2025-03-01", personId: family.child });
    await inTenant(t, async (tx) => {
      expect((await getHouseholdAsOf(tx, family.householdId, "2025-03-01"))?.members.map((m) => m.personId)).toEqual([family.head, family.wife]);
    });
  });
});

describe("職権消除 (ex-officio-erasure)", () => {
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
