import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "../../../test/support/platform.ts";
import { TOWN_A } from "../../../test/support/fixtures.ts";
import { registerNonResident } from "../../platform/addressee/register.ts";
import { getHouseholdAsOf, getPersonAsOf, listPersonChanges } from "./read-model.ts";
import {
  CLERK,
  createResidentTestPlatform,
  HAYAMA,
  inTenant,
  moveIn,
  moveInFamily,
  personInput,
  record,
  YOKOHAMA,
} from "./resident-test-support.ts";

let t: TestPlatform;
beforeAll(async () => {
  t = await createResidentTestPlatform();
});
afterAll(() => t.close());

const outbox = async (subject: string) =>
  (await t.db.owner.query("SELECT type, payload FROM event_outbox WHERE subject = $1 AND type LIKE 'resident.%' ORDER BY seq", [subject])).rows;
const auditOf = async (subject: string) =>
  (await t.db.owner.query("SELECT actor, action, purpose, detail FROM audit_log WHERE subject = $1 AND action LIKE 'resident.%' ORDER BY seq", [subject])).rows;

describe("転入 (moved-in): 住民基本台帳法 第22条", () => {
  it("registers a new household: each person from the 異動日 with 住所, 前住所 and 住民となった日, none the day before", async () => {
    const family = await moveInFamily(t);
    expect(family.change).toMatchObject({ kind: "moved-in", kindJa: "転入", effectiveDate: "2024-04-01", notifiedDate: "2024-04-05", actor: CLERK });
    await inTenant(t, async (tx) => {
      expect(await getPersonAsOf(tx, family.head, "2024-03-31")).toBeNull();
      const head = await getPersonAsOf(tx, family.head, "2024-04-01");
      expect(head).toMatchObject({
        isResident: true,
        isRemovedRecord: false,
        householdNumber: expect.stringMatching(/^\d+$/),
        record: {
          familyName: "山田",
          givenName: "太郎",
          familyNameKana: "ヤマダ",
          relationship: "head",
          ...HAYAMA,
          addressSinceDate: "2024-04-01",
          becameResidentDate: "2024-04-01",
          previousPostalCode: YOKOHAMA.postalCode,
          previousAddress: YOKOHAMA.address,
          registeredDomicile: "東京都千代田区千代田1番",
          status: "resident",
          hasMyNumber: false,
        },
      });
      const household = await getHouseholdAsOf(tx, family.householdId, "2024-04-01");
      expect(household?.head?.personId).toBe(family.head);
      expect(household?.members.map((m) => m.record.relationship)).toEqual(["head", "wife", "child"]);
      expect((await getHouseholdAsOf(tx, family.householdId, "2024-03-31"))?.members).toEqual([]);
      // Each resident is an addressee, a resident from the 異動日.
      const addressee = await t.platform.addressees.get(tx, head!.addresseeNumber, { asOf: "2024-04-01" });
      expect(addressee).toMatchObject({ name: "山田\u3000太郎", nameKana: "ヤマダ\u3000タロウ", residence: { isResident: true, since: "2024-04-01" } });
      expect((await t.platform.addressees.get(tx, head!.addresseeNumber, { asOf: "2024-03-31" }))?.residence.isResident).toBe(false);
    });
  });

  it("writes one resident.moved-in event and one audit entry per person, with ids and field names only", async () => {
    const family = await moveInFamily(t, "佐藤", "サトウ");
    for (const entry of family.change.entries) {
      const subject = `addressee:${entry.addresseeNumber}`;
      const events = await outbox(subject);
      expect(events).toEqual([
        {
          type: "resident.moved-in",
          payload: {
            changeId: family.change.changeId,
            kind: "moved-in",
            effectiveDate: "2024-04-01",
            fields: expect.arrayContaining(["familyName", "householdId", "address", "status"]),
            householdId: family.householdId,
          },
        },
      ]);
      expect(JSON.stringify(events)).not.toMatch(/佐藤|葉山|サトウ/);
      expect(await auditOf(subject)).toEqual([
        { actor: CLERK, action: "resident.change-recorded", purpose: "転入の記録", detail: expect.objectContaining({ changeId: family.change.changeId, kind: "moved-in" }) },
      ]);
    }
  });

  it("adds persons to an existing household at its address, with the 続柄 the clerk gives", async () => {
    const family = await moveInFamily(t, "高田", "タカダ");
    const change = await record(
      t,
      moveIn([personInput({ familyName: "高田", familyNameKana: "タカダ", givenName: "トメ", givenNameKana: "トメ", sex: "female", birthDate: "1950-01-01", relationship: "mother" })], {
        householdId: family.householdId,
        effectiveDate: "2024-06-01",
        notifiedDate: "2024-06-03",
      }),
    );
    await inTenant(t, async (tx) => {
      const household = await getHouseholdAsOf(tx, family.householdId, "2024-06-01");
      expect(household?.members.map((m) => m.record.relationship)).toEqual(["head", "wife", "child", "mother"]);
      expect((await getHouseholdAsOf(tx, family.householdId, "2024-05-31"))?.members).toHaveLength(3);
      expect((await getPersonAsOf(tx, change.entries[0]!.personId, "2024-06-01"))?.record.householdId).toBe(family.householdId);
    });
  });

  it("a known 住登外者 who moves in keeps their 宛名番号 and becomes a resident from the 異動日", async () => {
    const known = await inTenant(t, (tx) =>
      registerNonResident(tx, t.platform.events, {
        kind: "person",
        name: "森 一",
        nameKana: "モリ ハジメ",
        birthDate: "1970-10-10",
        address: "東京都港区芝公園4丁目",
        knownAs: "landowner",
      }),
    );
    const addresseesBefore = Number((await t.db.owner.query("SELECT count(*) AS n FROM addressee")).rows[0].n);
    const change = await record(
      t,
      moveIn([personInput({ addresseeNumber: known.number, familyName: "森", givenName: "一", familyNameKana: "モリ", givenNameKana: "ハジメ", birthDate: "1970-10-10" })], {
        effectiveDate: "2024-09-01",
        notifiedDate: "2024-09-02",
      }),
    );
    expect(change.entries[0]!.addresseeNumber).toBe(known.number);
    expect(Number((await t.db.owner.query("SELECT count(*) AS n FROM addressee")).rows[0].n)).toBe(addresseesBefore);
    await inTenant(t, async (tx) => {
      const before = await t.platform.addressees.get(tx, known.number, { asOf: "2024-08-31" });
      const after = await t.platform.addressees.get(tx, known.number, { asOf: "2024-09-01" });
      expect(before?.residence.isResident).toBe(false);
      expect(before?.address.address).toBe("東京都港区芝公園4丁目");
      expect(after?.residence).toMatchObject({ isResident: true, since: "2024-09-01" });
      expect(after?.address.address).toBe(HAYAMA.address);
      expect(after?.knownAs).toBe("landowner");
    });
  });

  it("a person who moved out and moves back in, into another household, keeps one record, one 宛名番号 and the whole history", async () => {
    const first = await record(t, moveIn([personInput({ familyName: "往復", familyNameKana: "オウフク", birthDate: "1990-01-01" })], { effectiveDate: "2023-01-10", notifiedDate: "2023-01-10" }));
    const { personId, addresseeNumber, after } = first.entries[0]!;
    await record(t, {
      kind: "moved-out",
      effectiveDate: "2023-08-01",
      notifiedDate: "2023-07-20",
      personIds: [personId],
      destination: { postalCode: "5300001", address: "大阪府大阪市北区梅田1丁目1番1号" },
    });
    const host = await moveInFamily(t, "受入", "ウケイレ");
    const back = await record(
      t,
      moveIn([personInput({ addresseeNumber, familyName: "往復", familyNameKana: "オウフク", birthDate: "1990-01-01", relationship: "lodger" })], {
        householdId: host.householdId,
        effectiveDate: "2024-05-01",
        notifiedDate: "2024-05-01",
        previousAddress: { postalCode: "5300001", address: "大阪府大阪市北区梅田1丁目1番1号" },
      }),
    );
    expect(back.entries[0]).toMatchObject({ personId, addresseeNumber });
    await inTenant(t, async (tx) => {
      expect((await getPersonAsOf(tx, personId, "2023-07-31"))?.record).toMatchObject({ householdId: after.householdId, status: "resident" });
      expect(await getPersonAsOf(tx, personId, "2023-08-01")).toMatchObject({ isResident: false, isRemovedRecord: true, record: { removalReason: "moved-out" } });
      expect(await getPersonAsOf(tx, personId, "2024-05-01")).toMatchObject({
        isResident: true,
        record: {
          householdId: host.householdId,
          relationship: "lodger",
          status: "resident",
          removalReason: null,
          removalDate: null,
          destinationAddress: null,
          becameResidentDate: "2024-05-01",
          previousAddress: "大阪府大阪市北区梅田1丁目1番1号",
        },
      });
      expect((await listPersonChanges(tx, personId)).map((c) => c.kind)).toEqual(["moved-in", "moved-out", "moved-in"]);
      const addressee = await t.platform.addressees.get(tx, addresseeNumber, { asOf: "2024-05-01" });
      expect(addressee?.residence).toMatchObject({ isResident: true, since: "2024-05-01" });
      expect((await getHouseholdAsOf(tx, after.householdId, "2024-05-01"))?.members).toEqual([]);
    });
  });
});

describe("出生 (born)", () => {
  it("the child joins the household at its address, a resident from the day of birth", async () => {
    const family = await moveInFamily(t, "出生", "シュッセイ");
    const change = await record(t, {
      kind: "born",
      effectiveDate: "2025-01-15",
      notifiedDate: "2025-01-20",
      householdId: family.householdId,
      person: { familyName: "出生", givenName: "愛", familyNameKana: "しゅっせい", givenNameKana: "ｱｲ", sex: "female", birthDate: "2025-01-15", relationship: "child" },
    });
    const child = change.entries[0]!;
    expect(change.kindJa).toBe("出生");
    await inTenant(t, async (tx) => {
      expect(await getPersonAsOf(tx, child.personId, "2025-01-14")).toBeNull();
      expect((await getPersonAsOf(tx, child.personId, "2025-01-15"))?.record).toMatchObject({
        familyNameKana: "シュッセイ",
        givenNameKana: "アイ",
        householdId: family.householdId,
        ...HAYAMA,
        becameResidentDate: "2025-01-15",
        addressSinceDate: "2025-01-15",
        previousAddress: null,
      });
      expect((await getHouseholdAsOf(tx, family.householdId, "2025-01-15"))?.members).toHaveLength(4);
    });
    expect(await outbox(`addressee:${child.addresseeNumber}`)).toEqual([
      { type: "resident.born", payload: expect.objectContaining({ kind: "born", effectiveDate: "2025-01-15", householdId: family.householdId }) },
    ]);
  });
});

describe("職権記載 (ex-officio-entry): 住民基本台帳法 第8条, 施行令 第12条", () => {
  it("records a person found living here, with no 届出日, the reason, and the day they became a resident", async () => {
    const change = await record(t, {
      kind: "ex-officio-entry",
      effectiveDate: "2024-10-01",
      reason: "実態調査により居住を確認",
      becameResidentDate: "2024-06-01",
      address: HAYAMA,
      persons: [personInput({ familyName: "職権", familyNameKana: "ショッケン", birthDate: "1966-06-06" })],
    });
    expect(change).toMatchObject({ kind: "ex-officio-entry", notifiedDate: null, reason: "実態調査により居住を確認" });
    const person = change.entries[0]!;
    await inTenant(t, async (tx) => {
      expect((await getPersonAsOf(tx, person.personId, "2024-10-01"))?.record).toMatchObject({ becameResidentDate: "2024-06-01", previousAddress: null });
    });
    const [event] = await outbox(`addressee:${person.addresseeNumber}`);
    expect(event).toEqual({ type: "resident.moved-in", payload: expect.objectContaining({ kind: "ex-officio-entry" }) });
    const stored = await t.db.owner.query("SELECT notified_date, reason FROM resident_change WHERE change_id = $1 AND tenant_id = $2", [change.changeId, TOWN_A.id]);
    expect(stored.rows).toEqual([{ notified_date: null, reason: "実態調査により居住を確認" }]);
  });
});
