import { describe, expect, it } from "vitest";
import { ApiProblem } from "../../kit/api-client.ts";
import {
  checkBirthDateInput,
  checkCorporateNumberInput,
  checkDayInput,
  checkKanaInput,
  checkPostalCodeInput,
  serverFieldErrors,
} from "./addressee-input.ts";

const TODAY = "2026-05-01";

describe("宛名 input rules, as typed", () => {
  it("カナ typed in half-width kana or hiragana becomes full-width katakana with one full-width space", () => {
    expect(checkKanaInput("ﾀﾅｶ ﾀﾛｳ")).toEqual({ ok: true, value: "タナカ\u3000タロウ" });
    expect(checkKanaInput("すずき　はなこ")).toEqual({ ok: true, value: "スズキ\u3000ハナコ" });
  });

  it("カナ with kanji or Latin letters is refused, and an empty one only when required", () => {
    expect(checkKanaInput("田中 タロウ")).toMatchObject({ ok: false, message: expect.stringContaining("カタカナ") });
    expect(checkKanaInput("tanaka")).toMatchObject({ ok: false });
    expect(checkKanaInput("  ")).toEqual({ ok: false, message: "カナを入力してください" });
    expect(checkKanaInput("", false)).toEqual({ ok: true, value: null });
  });

  it("法人番号: 国税庁's own number passes, a changed check digit or a short number is refused with why", () => {
    expect(checkCorporateNumberInput("7000012050002")).toEqual({ ok: true, value: "7000012050002" });
    expect(checkCorporateNumberInput("７０００-０１２０-５０００２")).toEqual({ ok: true, value: "7000012050002" });
    expect(checkCorporateNumberInput("8000012050002")).toMatchObject({ ok: false, message: expect.stringContaining("検査用数字") });
    expect(checkCorporateNumberInput("700001205000")).toMatchObject({ ok: false, message: expect.stringContaining("13桁") });
    expect(checkCorporateNumberInput("")).toEqual({ ok: true, value: null });
  });

  it("生年月日 in 和暦 becomes ISO; 2月30日, the future and days before 1800 are refused", () => {
    expect(checkBirthDateInput("S55.4.1", TODAY)).toEqual({ ok: true, value: "1980-04-01" });
    expect(checkBirthDateInput("平成元年1月8日", TODAY)).toEqual({ ok: true, value: "1989-01-08" });
    expect(checkBirthDateInput("R7.2.30", TODAY)).toMatchObject({ ok: false, message: "その月にその日はありません" });
    expect(checkBirthDateInput("2026-05-02", TODAY)).toMatchObject({ ok: false, message: "未来の日付は入力できません" });
    expect(checkBirthDateInput("1799-12-31", TODAY)).toMatchObject({ ok: false, message: expect.stringContaining("1800年1月1日") });
    expect(checkBirthDateInput("", TODAY)).toEqual({ ok: true, value: null });
  });

  it("a required day must be given; an optional one may be empty", () => {
    expect(checkDayInput("", "開始日", true)).toEqual({ ok: false, message: "開始日を入力してください" });
    expect(checkDayInput("", "終了日", false)).toEqual({ ok: true, value: null });
    expect(checkDayInput("R8.4.1", "開始日", true)).toEqual({ ok: true, value: "2026-04-01" });
  });

  it("郵便番号 accepts a hyphen and full-width digits, and refuses six digits", () => {
    expect(checkPostalCodeInput("２４０-０１１２")).toEqual({ ok: true, value: "2400112" });
    expect(checkPostalCodeInput("240011")).toMatchObject({ ok: false });
  });
});

describe("the server's field errors in Japanese", () => {
  const problem = new ApiProblem(400, "invalid-request", "入力内容に誤りがあります", [
    { field: "body/name", message: "contains a private-use character (外字); map it to Unicode first" },
    { field: "body/corporateNumber", message: "check digit does not match (法人番号の指定等に関する省令 第2条)" },
    { field: "body/validFrom", message: "overlaps another mailing address of the same business" },
    { field: "body/unknownField", message: "required" },
    { field: "body/address", message: "must NOT have more than 200 characters" },
  ]);

  it("each rule lands on its field in the form's words; fields the form lacks are left out", () => {
    const errors = serverFieldErrors(problem, ["name", "corporateNumber", "validFrom", "address"], { address: "送付先住所" });
    expect(errors.name).toContain("外字");
    expect(errors.corporateNumber).toContain("検査用数字");
    expect(errors.validFrom).toBe("同じ業務の送付先と期間が重なっています");
    expect(errors.address).toBe("送付先住所の入力内容を確かめてください");
    expect(Object.keys(errors)).not.toContain("unknownField");
  });
});
