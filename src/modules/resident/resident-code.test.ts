import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "../../../test/support/platform.ts";
import { TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { importLayout } from "../../platform/layouts/import.ts";
import { RESIDENT_CODE_LAYOUT_ID } from "./resident-code-layout.ts";
import { assignResidentCode, demoResidentCodes, isResidentCodeFormat, residentCodesOf, seedDemoResidentCodes } from "./resident-code.ts";
import { count, counts, createResidentTestPlatform, inTenant, moveIn, moveInFamily, personInput, record } from "./resident-test-support.ts";

let t: TestPlatform;
beforeAll(async () => {
  t = await createResidentTestPlatform();
});
afterAll(() => t.close());

const designationFile = (codes: string[], day = "2025-04-01") =>
  Buffer.from(["resident_code,designated_on", ...codes.map((c) => `${c},${day}`)].join("\r\n") + "\r\n");

const importCodes = (codes: string[], tenantId = TOWN_A.id) =>
  importLayout(t.platform, tenantId, RESIDENT_CODE_LAYOUT_ID, designationFile(codes), { encoding: "utf-8", fileName: "designation.csv" });

const codesOf = (personIds: string[], tenantId = TOWN_A.id) => inTenant(t, (tx) => residentCodesOf(tx, personIds), tenantId);

describe("住民票コード: 11 digits (住民基本台帳法施行規則 第1条)", () => {
  it("accepts 11 ASCII digits only; the check digit is not computed (its 告示 formula is not verified)", () => {
    expect(isResidentCodeFormat("12345678901")).toBe(true);
    expect(isResidentCodeFormat("1234567890")).toBe(false);
    expect(isResidentCodeFormat("123456789012")).toBe(false);
    expect(isResidentCodeFormat("１２３４５６７８９０１")).toBe(false);
    expect(isResidentCodeFormat("1234567890a")).toBe(false);
  });

  it("demo codes are distinct, 11 digits, and start with 00000", () => {
    const codes = demoResidentCodes(42, 5000);
    expect(new Set(codes).size).toBe(5000);
    expect(codes.every((c) => isResidentCodeFormat(c) && c.startsWith("00000"))).toBe(true);
  });
});

describe("住民票コード assigned from the designated codes at a first registration (第30条の3)", () => {
  it("a town that has no designation registers persons without a code", async () => {
    const change = await record(t, moveIn([personInput({ familyName: "未指定", familyNameKana: "ミシテイ" })]), TOWN_B.id);
    expect(await codesOf([change.entries[0]!.personId], TOWN_B.id)).toEqual(new Map());
  });

  it("the designation file is a standard layout: malformed codes refused with nothing written, the same file twice adds nothing", async () => {
    const refused = await importCodes(["1234567890", "１２３４５６７８９０１", "10000000001"]);
    expect("errors" in refused && refused.errors.map((e) => e.column)).toEqual(["resident_code", "resident_code"]);
    const twice = await importCodes(["10000000001", "10000000001"]);
    expect("errors" in twice && twice.errors[0]!.message).toBe("designated twice in the file");
    expect(await count(t, "resident_code_designation")).toBe(0);

    expect(await importCodes(["10000000001", "10000000002", "10000000003", "10000000004"])).toEqual({ imported: 4 });
    expect(await importCodes(["10000000001", "10000000002"])).toEqual({ imported: 0 });
    expect(await count(t, "resident_code_designation", TOWN_A.id)).toBe(4);
    // Row-level security: the other town sees none of them.
    expect((await inTenant(t, (tx) => tx.query("SELECT count(*)::int AS n FROM resident_code_designation"), TOWN_B.id)).rows[0].n).toBe(0);
  });

  it("a family moving in takes the next codes in designation order, tied to the 転入 in the journal", async () => {
    const family = await moveInFamily(t, "住民票", "ジュウミンヒョウ");
    const codes = await codesOf([family.head, family.wife, family.child]);
    expect([codes.get(family.head), codes.get(family.wife), codes.get(family.child)]).toEqual(["10000000001", "10000000002", "10000000003"]);
    const rows = (await t.db.owner.query("SELECT DISTINCT change_id::text AS id FROM resident_code WHERE tenant_id = $1", [TOWN_A.id])).rows;
    expect(rows).toEqual([{ id: family.change.changeId }]);
  });

  it("a person keeps the code for life: assigning again changes nothing", async () => {
    const family = await moveInFamily(t, "終生", "シュウセイ").catch((e: unknown) => e);
    // Only one code was left for three persons: the 転入 is refused and nothing is written.
    expect(family).toMatchObject({ status: 422, code: "resident-code-pool-exhausted" });
    const [person] = (await t.db.owner.query("SELECT person_id::text AS id, change_id::text AS change FROM resident_code WHERE tenant_id = $1 ORDER BY code LIMIT 1", [TOWN_A.id])).rows;
    expect(await inTenant(t, (tx) => assignResidentCode(tx, person.id, person.change))).toBe("10000000001");
    expect(await count(t, "resident_code", TOWN_A.id)).toBe(3);
  });

  it("when every designated code is used, the registration is refused and nothing is written", async () => {
    const one = await record(t, moveIn([personInput({ familyName: "最後", familyNameKana: "サイゴ" })]));
    expect((await codesOf([one.entries[0]!.personId])).get(one.entries[0]!.personId)).toBe("10000000004");
    const before = await counts(t);
    await expect(record(t, moveIn([personInput({ familyName: "枯渇", familyNameKana: "コカツ" })]))).rejects.toMatchObject({
      status: 422,
      code: "resident-code-pool-exhausted",
    });
    expect(await counts(t)).toEqual(before);
  });

  it("a 出生 takes a code too, once the next designation is imported", async () => {
    expect(await importCodes(["20000000001"])).toEqual({ imported: 1 });
    const family = (await t.db.owner.query("SELECT record->>'householdId' AS h FROM resident_current WHERE tenant_id = $1 LIMIT 1", [TOWN_A.id])).rows[0].h as string;
    const change = await record(t, {
      kind: "born",
      effectiveDate: "2025-01-15",
      notifiedDate: "2025-01-20",
      householdId: family,
      person: { familyName: "住民票", givenName: "愛", familyNameKana: "ジュウミンヒョウ", givenNameKana: "アイ", sex: "female", birthDate: "2025-01-15", relationship: "child" },
    });
    expect((await codesOf([change.entries[0]!.personId])).get(change.entries[0]!.personId)).toBe("20000000001");
  });

  it("demo towns: a pool of demo codes, and every person without a code gets one", async () => {
    const result = await inTenant(t, (tx) => seedDemoResidentCodes(tx, 7, "2025-04-01"), TOWN_B.id);
    expect(result.assigned).toBe(1);
    expect(result.designated).toBeGreaterThan(2000);
    const held = (await t.db.owner.query("SELECT r.code, d.is_demo FROM resident_code r JOIN resident_code_designation d USING (tenant_id, code) WHERE r.tenant_id = $1", [TOWN_B.id])).rows;
    expect(held).toEqual([{ code: expect.stringMatching(/^00000\d{6}$/), is_demo: true }]);
    // Seeding again neither adds codes to the pool nor changes anyone's code.
    expect(await inTenant(t, (tx) => seedDemoResidentCodes(tx, 7, "2025-04-01"), TOWN_B.id)).toEqual({ designated: 0, assigned: 0 });
  });
});
