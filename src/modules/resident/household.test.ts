import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "../../../test/support/platform.ts";
import { getHouseholdAsOf, getPersonAsOf } from "./read-model.ts";
import { createResidentTestPlatform, HAYAMA, inTenant, moveIn, moveInFamily, personInput, record } from "./resident-test-support.ts";

let t: TestPlatform;
beforeAll(async () => {
  t = await createResidentTestPlatform();
});
afterAll(() => t.close());

const ISSHIKI = { postalCode: "2400111", address: "神奈川県三浦郡葉山町一色2000番地", addressLine2: null };
const eventTypes = async (number: string) =>
  (await t.db.owner.query("SELECT type FROM event_outbox WHERE subject = $1 AND type LIKE 'resident.%' ORDER BY seq", [`addressee:${number}`])).rows.map((r) => r.type);

/** Every household on the day has exactly one head and one address: the invariants the rules keep. */
async function expectConsistent(householdId: string, date: string) {
  await inTenant(t, async (tx) => {
    const household = (await getHouseholdAsOf(tx, householdId, date))!;
    if (household.members.length === 0) return;
    expect(household.members.filter((m) => m.record.relationship === "head")).toHaveLength(1);
    expect(new Set(household.members.map((m) => `${m.record.address}|${m.record.addressLine2}`)).size).toBe(1);
  });
}

describe("転居 (address-changed): 住民基本台帳法 第23条", () => {
  it("moves the whole household from the 異動日 on (the day of and after); the old address becomes 前住所; the day before keeps the old one", async () => {
    const family = await moveInFamily(t, "転居", "テンキョ");
    const change = await record(t, { kind: "address-changed", effectiveDate: "2024-10-10", notifiedDate: "2024-10-15", householdId: family.householdId, address: ISSHIKI });
    expect(change.entries).toHaveLength(3);
    await inTenant(t, async (tx) => {
      expect((await getPersonAsOf(tx, family.wife, "2024-10-09"))?.record).toMatchObject({ address: HAYAMA.address, addressSinceDate: "2024-04-01" });
      expect((await getPersonAsOf(tx, family.wife, "2024-10-10"))?.record).toMatchObject({
        address: ISSHIKI.address,
        addressLine2: null,
        addressSinceDate: "2024-10-10",
        previousAddress: HAYAMA.address,
        previousAddressLine2: HAYAMA.addressLine2,
        becameResidentDate: "2024-04-01",
      });
      expect((await getPersonAsOf(tx, family.wife, "2024-10-11"))?.record).toMatchObject({ address: ISSHIKI.address, previousAddress: HAYAMA.address });
      const number = (await getPersonAsOf(tx, family.wife, "2024-10-10"))!.addresseeNumber;
      expect((await t.platform.addressees.get(tx, number, { asOf: "2024-10-09" }))?.address.address).toBe(HAYAMA.address);
      expect((await t.platform.addressees.get(tx, number, { asOf: "2024-10-10" }))?.address.address).toBe(ISSHIKI.address);
      expect(await eventTypes(number)).toEqual(["resident.moved-in", "resident.address-changed"]);
    });
    await expectConsistent(family.householdId, "2024-10-10");
  });
});

describe("世帯分離 (household-split) and 世帯合併 (household-merged): 住民基本台帳法 第25条", () => {
  it("a split forms a new household with its own head and number; both households stay consistent", async () => {
    const family = await moveInFamily(t, "分離", "ブンリ");
    const change = await record(t, {
      kind: "household-split",
      effectiveDate: "2024-11-01",
      notifiedDate: "2024-11-01",
      householdId: family.householdId,
      personIds: [family.child],
      relationships: [{ personId: family.child, relationship: "head" }],
    });
    const newHousehold = change.entries[0]!.after.householdId;
    expect(newHousehold).not.toBe(family.householdId);
    await inTenant(t, async (tx) => {
      const split = await getHouseholdAsOf(tx, newHousehold, "2024-11-01");
      expect(split).toMatchObject({ head: { personId: family.child }, members: [{ personId: family.child }] });
      expect(split?.householdNumber).not.toBe((await getHouseholdAsOf(tx, family.householdId, "2024-11-01"))?.householdNumber);
      expect((await getHouseholdAsOf(tx, newHousehold, "2024-10-31"))?.members).toEqual([]);
      expect((await getHouseholdAsOf(tx, family.householdId, "2024-10-31"))?.members).toHaveLength(3);
      expect((await getHouseholdAsOf(tx, family.householdId, "2024-11-01"))?.members.map((m) => m.personId)).toEqual([family.head, family.wife]);
    });
    await expectConsistent(family.householdId, "2024-11-01");
    await expectConsistent(newHousehold, "2024-11-01");
    expect(change.entries[0]!.fields).toEqual(["householdId", "relationship"]);
  });

  it("a split whose movers have no head, or that takes everyone, is refused", async () => {
    const family = await moveInFamily(t, "分離失敗", "ブンリシッパイ");
    await expect(
      record(t, {
        kind: "household-split",
        effectiveDate: "2024-11-01",
        notifiedDate: "2024-11-01",
        householdId: family.householdId,
        personIds: [family.child],
        relationships: [{ personId: family.child, relationship: "child" }],
      }),
    ).rejects.toMatchObject({ code: "household-has-head" });
    await expect(
      record(t, {
        kind: "household-split",
        effectiveDate: "2024-11-01",
        notifiedDate: "2024-11-01",
        householdId: family.householdId,
        personIds: [family.head, family.wife, family.child],
        relationships: [{ personId: family.head, relationship: "head" }],
      }),
    ).rejects.toMatchObject({ code: "split-leaves-no-one" });
  });

  it("a merge moves every member into the other household under its head; the emptied household has no members", async () => {
    const family = await moveInFamily(t, "合併", "ガッペイ");
    const grandma = await record(
      t,
      moveIn([personInput({ familyName: "合併", familyNameKana: "ガッペイ", givenName: "ウメ", givenNameKana: "ウメ", sex: "female", birthDate: "1945-03-03" })], {
        effectiveDate: "2024-04-01",
        notifiedDate: "2024-04-01",
      }),
    );
    const grandmaId = grandma.entries[0]!.personId;
    const grandmaHousehold = grandma.entries[0]!.after.householdId;
    const change = await record(t, {
      kind: "household-merged",
      effectiveDate: "2024-12-01",
      notifiedDate: "2024-12-02",
      householdId: grandmaHousehold,
      intoHouseholdId: family.householdId,
      relationships: [{ personId: grandmaId, relationship: "mother" }],
    });
    expect(change.entries.map((e) => e.personId)).toEqual([grandmaId]);
    await inTenant(t, async (tx) => {
      const merged = await getHouseholdAsOf(tx, family.householdId, "2024-12-01");
      expect(merged?.members.map((m) => [m.personId, m.record.relationship])).toEqual([
        [family.head, "head"],
        [family.wife, "wife"],
        [family.child, "child"],
        [grandmaId, "mother"],
      ]);
      expect((await getHouseholdAsOf(tx, grandmaHousehold, "2024-12-01"))?.members).toEqual([]);
      expect((await getHouseholdAsOf(tx, grandmaHousehold, "2024-11-30"))?.head?.personId).toBe(grandmaId);
    });
    await expectConsistent(family.householdId, "2024-12-01");
  });

  it("a merge that keeps two heads, or joins a household at another address, is refused", async () => {
    const family = await moveInFamily(t, "二頭", "ニトウ");
    const other = await record(t, moveIn([personInput({ familyName: "別住所", familyNameKana: "ベツジュウショ" })], { address: ISSHIKI }));
    const otherId = other.entries[0]!.personId;
    const otherHousehold = other.entries[0]!.after.householdId;
    await expect(
      record(t, {
        kind: "household-merged",
        effectiveDate: "2024-12-01",
        notifiedDate: "2024-12-01",
        householdId: otherHousehold,
        intoHouseholdId: family.householdId,
        relationships: [{ personId: otherId, relationship: "head" }],
      }),
    ).rejects.toMatchObject({ code: "household-has-head" });
    await expect(
      record(t, {
        kind: "household-merged",
        effectiveDate: "2024-12-01",
        notifiedDate: "2024-12-01",
        householdId: otherHousehold,
        intoHouseholdId: family.householdId,
        relationships: [{ personId: otherId, relationship: "lodger" }],
      }),
    ).rejects.toMatchObject({ code: "household-shares-address", errors: [{ field: "body/address" }] });
  });
});

describe("世帯主変更 (head-changed)", () => {
  it("the wife becomes head and the former head her husband, from the 異動日", async () => {
    const family = await moveInFamily(t, "主変更", "ヌシヘンコウ");
    await record(t, {
      kind: "head-changed",
      effectiveDate: "2025-01-01",
      notifiedDate: "2025-01-06",
      householdId: family.householdId,
      relationships: [
        { personId: family.wife, relationship: "head" },
        { personId: family.head, relationship: "husband" },
      ],
    });
    await inTenant(t, async (tx) => {
      expect((await getHouseholdAsOf(tx, family.householdId, "2024-12-31"))?.head?.personId).toBe(family.head);
      const after = await getHouseholdAsOf(tx, family.householdId, "2025-01-01");
      expect(after?.members.map((m) => [m.personId, m.record.relationship])).toEqual([
        [family.wife, "head"],
        [family.head, "husband"],
        [family.child, "child"],
      ]);
      const number = (await getPersonAsOf(tx, family.wife, "2025-01-01"))!.addresseeNumber;
      expect(await eventTypes(number)).toEqual(["resident.moved-in", "resident.household-changed"]);
    });
    await expectConsistent(family.householdId, "2025-01-01");
  });

  it("a new head without demoting the old one is refused; so is one that changes nothing", async () => {
    const family = await moveInFamily(t, "主重複", "ヌシチョウフク");
    await expect(
      record(t, { kind: "head-changed", effectiveDate: "2025-01-01", notifiedDate: "2025-01-01", householdId: family.householdId, relationships: [{ personId: family.wife, relationship: "head" }] }),
    ).rejects.toMatchObject({ code: "household-has-head", errors: [{ message: expect.stringContaining("2 heads") }] });
    await expect(
      record(t, { kind: "head-changed", effectiveDate: "2025-01-01", notifiedDate: "2025-01-01", householdId: family.householdId, relationships: [{ personId: family.head, relationship: "head" }] }),
    ).rejects.toMatchObject({ code: "change-has-effect" });
  });
});
