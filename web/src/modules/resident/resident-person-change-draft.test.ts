import { describe, expect, it } from "vitest";
import type { ResidentRecord } from "./resident-api.ts";
import { checkCorrection, checkNameChange, correctionKey, emptyCorrection, emptyNameChange } from "./resident-person-change-draft.ts";

const TODAY = "2026-11-23";
const RECORD: ResidentRecord = {
  familyName: "潮見",
  givenName: "美咲",
  familyNameKana: "シオミ",
  givenNameKana: "ミサキ",
  sex: "female",
  birthDate: "1990-11-03",
  householdId: "hh-1",
  relationship: "wife",
  postalCode: "2400112",
  address: "神奈川県三浦郡葉山町堀内2050番地",
  addressLine2: null,
  addressSinceDate: "2026-11-13",
  becameResidentDate: "2026-09-24",
  previousPostalCode: null,
  previousAddress: null,
  previousAddressLine2: null,
  registeredDomicile: "東京都世田谷区世田谷四丁目21番",
  domicileHead: "潮見 健一",
  status: "resident",
  removalReason: null,
  removalDate: null,
  plannedMoveOutDate: null,
  destinationPostalCode: null,
  destinationAddress: null,
  destinationAddressLine2: null,
  hasMyNumber: true,
};

describe("氏名変更の入力", () => {
  it("starts from the recorded name and sends only the parts that changed, カナ in full width", () => {
    const draft = { ...emptyNameChange(RECORD, TODAY), effectiveDate: "R8.11.20", familyName: "海野", familyNameKana: "うみの" };
    expect(checkNameChange(draft, "p-1", RECORD)).toEqual({
      ok: true,
      body: { kind: "name-changed", effectiveDate: "2026-11-20", notifiedDate: TODAY, personId: "p-1", familyName: "海野", familyNameKana: "ウミノ" },
    });
  });

  it("says so when nothing changed, and when a 名 has no カナ", () => {
    const same = { ...emptyNameChange(RECORD, TODAY), effectiveDate: "R8.11.20" };
    expect(checkNameChange(same, "p-1", RECORD)).toEqual({ ok: false, errors: { familyName: "新しい氏名を入力してください（今の氏名と同じです）" } });
    expect(checkNameChange({ ...same, givenNameKana: "" }, "p-1", RECORD)).toEqual({ ok: false, errors: { givenNameKana: "名（カナ）を入力してください" } });
  });
});

describe("職権修正の入力", () => {
  it("shows the record's dates in 和暦, never the 個人番号, and sends only the corrected items", () => {
    const draft = emptyCorrection(RECORD, TODAY);
    expect(draft.values.birthDate).toBe("平成2年11月3日");
    expect(draft.values.myNumber).toBe("");
    const corrected = { ...draft, effectiveDate: "R8.9.24", reason: "戸籍の附票との照合により誤記を確認", values: { ...draft.values, birthDate: "H2.11.30", addressLine2: "汐見荘3号" } };
    expect(checkCorrection(corrected, "p-1", RECORD)).toEqual({
      ok: true,
      body: {
        kind: "ex-officio-correction",
        effectiveDate: "2026-09-24",
        reason: "戸籍の附票との照合により誤記を確認",
        corrections: [{ personId: "p-1", fields: { birthDate: "1990-11-30", addressLine2: "汐見荘3号" } }],
      },
    });
  });

  it("clears an item emptied by the clerk, refuses a malformed one at its field, and needs some change and a reason", () => {
    const draft = { ...emptyCorrection(RECORD, TODAY), effectiveDate: "R8.9.24", reason: "誤記" };
    const cleared = checkCorrection({ ...draft, values: { ...draft.values, domicileHead: "" } }, "p-1", RECORD);
    expect(cleared.ok && cleared.body.corrections[0]!.fields).toEqual({ domicileHead: null });
    expect(checkCorrection({ ...draft, values: { ...draft.values, postalCode: "24001" } }, "p-1", RECORD)).toEqual({
      ok: false,
      errors: { [correctionKey("postalCode")]: "郵便番号は7桁の数字で入力してください" },
    });
    expect(checkCorrection(draft, "p-1", RECORD)).toEqual({ ok: false, errors: { corrections: "修正する項目の値を変えてください" } });
    expect(checkCorrection({ ...draft, reason: "" }, "p-1", RECORD)).toMatchObject({ ok: false, errors: { reason: "職権で修正する理由を入力してください" } });
  });
});
