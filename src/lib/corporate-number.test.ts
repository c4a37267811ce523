import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkCorporateNumber, corporateNumberCheckDigit, normalizeCorporateNumber } from "./corporate-number.ts";

describe("法人番号 検査用数字 (法人番号の指定等に関する省令 第二条)", () => {
  it.each([
    ["7000012050002", "国税庁"],
    ["8000020130001", "東京都"],
    ["5000020143014", "葉山町"],
    ["1180301018771", "トヨタ自動車株式会社"],
    ["5010401067252", "ソニーグループ株式会社"],
  ])("accepts the real 法人番号 %s (%s)", (number) => {
    expect(checkCorporateNumber(number)).toBeNull();
  });

  it("computes the check digit from the 基礎番号, weighting digits 1,2,1,2… from the right", () => {
    // 国税庁: 000012050002 → from the right 2·1 + 0·2 + 0·1 + 0·2 + 5·1 + 0·2 + 2·1 + 1·2 = 11; 9 − (11 mod 9) = 7
    expect(corporateNumberCheckDigit("000012050002")).toBe(7);
    // A sum that is a multiple of 9 gives 9, never 0.
    expect(corporateNumberCheckDigit("000000000009")).toBe(9);
    expect(corporateNumberCheckDigit("000000000000")).toBe(9);
  });

  it("rejects a wrong check digit, swapped digits and malformed input", () => {
    expect(checkCorporateNumber("6000012050002")).toBe("check-digit");
    expect(checkCorporateNumber("7000012500002")).toBe("check-digit");
    expect(checkCorporateNumber("700001205000")).toBe("format");
    expect(checkCorporateNumber("70000120500021")).toBe("format");
    expect(checkCorporateNumber("700001205000a")).toBe("format");
    expect(checkCorporateNumber("７０００012050002")).toBe("format");
  });

  it("exactly one leading digit is valid for every 基礎番号, and it is never 0", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (base) => {
        const valid = [...Array(10).keys()].filter((d) => checkCorporateNumber(`${d}${base}`) === null);
        expect(valid).toEqual([corporateNumberCheckDigit(base)]);
        expect(valid[0]).not.toBe(0);
      }),
    );
  });

  it("normalises full-width digits, hyphens and spaces as typed on forms", () => {
    expect(normalizeCorporateNumber("７０００－０１２０－５０００２")).toBe("7000012050002");
    expect(normalizeCorporateNumber(" 7 0000 1205 0002 ")).toBe("7000012050002");
    expect(normalizeCorporateNumber("700001205000X")).toBe("700001205000X");
  });
});
