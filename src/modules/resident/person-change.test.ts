import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "../../../test/support/platform.ts";
import { getPersonAsOf, listPersonChanges } from "./read-model.ts";
import { searchResidents } from "./search.ts";
import { createResidentTestPlatform, HAYAMA, inTenant, moveInFamily, record } from "./resident-test-support.ts";

let t: TestPlatform;
beforeAll(async () => {
  t = await createResidentTestPlatform();
});
afterAll(() => t.close());

const addresseeOf = (personId: string, asOf: string) =>
  inTenant(t, async (tx) => t.platform.addressees.get(tx, (await getPersonAsOf(tx, personId, "9999-12-31"))!.addresseeNumber, { asOf }));
const lastEvent = async (personId: string) => {
  const number = (await inTenant(t, (tx) => getPersonAsOf(tx, personId, "9999-12-31")))!.addresseeNumber;
  return (await t.db.owner.query("SELECT type, payload FROM event_outbox WHERE subject = $1 ORDER BY seq DESC LIMIT 1", [`addressee:${number}`])).rows[0];
};

describe("氏名変更 (name-changed)", () => {
  it("changes the name from the 異動日; the former name answers for earlier days, and the addressee follows", async () => {
    const family = await moveInFamily(t, "旧姓", "キュウセイ");
    const change = await record(t, {
      kind: "name-changed",
      effectiveDate: "2024-08-08",
      notifiedDate: "2024-08-09",
      personId: family.wife,
      familyName: "新姓",
      familyNameKana: "しんせい",
    });
    expect(change.entries[0]).toMatchObject({ fields: ["familyName", "familyNameKana"], before: { familyName: "旧姓" }, after: { familyName: "新姓", familyNameKana: "シンセイ" } });
    await inTenant(t, async (tx) => {
      expect((await getPersonAsOf(tx, family.wife, "2024-08-07"))?.record.familyName).toBe("旧姓");
      expect((await getPersonAsOf(tx, family.wife, "2024-08-08"))?.record.familyName).toBe("新姓");
    });
    expect((await addresseeOf(family.wife, "2024-08-07"))?.name).toBe("旧姓\u3000花子");
    expect((await addresseeOf(family.wife, "2024-08-08"))?.name).toBe("新姓\u3000花子");
    expect(await lastEvent(family.wife)).toEqual({ type: "resident.name-changed", payload: expect.objectContaining({ fields: ["familyName", "familyNameKana"] }) });
  });

  it("keeps a name with an Ideographic Variation Sequence exactly as given", async () => {
    const family = await moveInFamily(t, "辻", "ツジ");
    const withIvs = "\u8FBB\u{E0100}"; // 辻 with its one-dot-shinnyō variation selector (IVD Adobe-Japan1)
    await record(t, { kind: "name-changed", effectiveDate: "2024-09-01", notifiedDate: "2024-09-01", personId: family.child, familyName: withIvs });
    await inTenant(t, async (tx) => {
      const r = (await getPersonAsOf(tx, family.child, "2024-09-01"))!.record;
      expect(r.familyName).toBe(withIvs);
      expect([...r.familyName]).toHaveLength(2);
      // Found by the plain character too.
      const found = await searchResidents(tx, { q: "辻一郎" }, 1, 20);
      expect(found.items.map((i) => i.personId)).toContain(family.child);
    });
  });
});

describe("職権修正 (ex-officio-correction): 住民基本台帳法施行令 第12条第3項", () => {
  it("a correction dated back fixes the field from then on, and a later 転居 that did not touch it does not undo it", async () => {
    const family = await moveInFamily(t, "誤記", "ゴキ");
    await record(t, { kind: "address-changed", effectiveDate: "2024-10-10", notifiedDate: "2024-10-10", householdId: family.householdId, address: { address: "神奈川県三浦郡葉山町一色1番地" } });
    const correction = await record(t, {
      kind: "ex-officio-correction",
      effectiveDate: "2024-04-01",
      reason: "戸籍照合により名の誤記を訂正",
      corrections: [{ personId: family.head, fields: { givenName: "太朗", givenNameKana: "タロウ" } }],
    });
    expect(correction.entries[0]).toMatchObject({ fields: ["givenName"], before: { givenName: "太郎" }, after: { givenName: "太朗" } });
    await inTenant(t, async (tx) => {
      expect((await getPersonAsOf(tx, family.head, "2024-04-01"))?.record).toMatchObject({ givenName: "太朗", address: HAYAMA.address });
      expect((await getPersonAsOf(tx, family.head, "2024-10-10"))?.record).toMatchObject({ givenName: "太朗", address: "神奈川県三浦郡葉山町一色1番地" });
      const history = await listPersonChanges(tx, family.head);
      expect(history.map((h) => h.kind)).toEqual(["moved-in", "ex-officio-correction", "address-changed"]);
      expect(history[1]).toMatchObject({ notifiedDate: null, reason: "戸籍照合により名の誤記を訂正" });
      const found = await searchResidents(tx, { q: "ゴキ" }, 1, 20);
      expect(found.items.find((i) => i.personId === family.head)?.givenName).toBe("太朗");
    });
    expect((await addresseeOf(family.head, "2024-10-10"))?.name).toBe("誤記\u3000太朗");
    expect(await lastEvent(family.head)).toEqual({ type: "resident.corrected", payload: expect.objectContaining({ kind: "ex-officio-correction", effectiveDate: "2024-04-01", fields: ["givenName"] }) });
  });

  it("a correction of a field a later 異動 set again changes only the days before that 異動", async () => {
    const family = await moveInFamily(t, "住所誤記", "ジュウショゴキ");
    await record(t, { kind: "address-changed", effectiveDate: "2024-10-10", notifiedDate: "2024-10-10", householdId: family.householdId, address: { address: "神奈川県三浦郡葉山町一色1番地" } });
    await record(t, {
      kind: "ex-officio-correction",
      effectiveDate: "2024-04-01",
      reason: "住所の地番の誤記",
      corrections: [family.head, family.wife, family.child].map((personId) => ({ personId, fields: { address: "神奈川県三浦郡葉山町堀内1001番地" } })),
    });
    await inTenant(t, async (tx) => {
      expect((await getPersonAsOf(tx, family.wife, "2024-05-01"))?.record.address).toBe("神奈川県三浦郡葉山町堀内1001番地");
      expect((await getPersonAsOf(tx, family.wife, "2024-10-10"))?.record.address).toBe("神奈川県三浦郡葉山町一色1番地");
    });
    expect((await addresseeOf(family.wife, "2024-12-01"))?.address.address).toBe("神奈川県三浦郡葉山町一色1番地");
  });

  it("a 除票 can still be corrected", async () => {
    const family = await moveInFamily(t, "除票訂正", "ジョヒョウテイセイ");
    await record(t, { kind: "died", effectiveDate: "2025-01-10", notifiedDate: "2025-01-10", personId: family.child });
    await record(t, { kind: "ex-officio-correction", effectiveDate: "2024-04-01", reason: "本籍の誤記", corrections: [{ personId: family.child, fields: { registeredDomicile: "東京都千代田区千代田2番" } }] });
    await inTenant(t, async (tx) => {
      expect((await getPersonAsOf(tx, family.child, "2025-01-10"))?.record).toMatchObject({ status: "removed", registeredDomicile: "東京都千代田区千代田2番" });
    });
  });
});
