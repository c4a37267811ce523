import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkMyNumber, myNumberCheckDigit, normalizeMyNumber } from "./my-number.ts";

describe("個人番号 検査用数字 (番号法施行令 第八条)", () => {
  it("accepts 123456789018, the sample number printed in official explanations of the formula", () => {
    // From the right: 1·2 + 0·3 + 9·4 + 8·5 + 7·6 + 6·7 + 5·2 + 4·3 + 3·4 + 2·5 + 1·6 = 212; 212 mod 11 = 3; 11 − 3 = 8
    expect(myNumberCheckDigit("12345678901")).toBe(8);
    expect(checkMyNumber("123456789018")).toBeNull();
  });

  it("weights the digits 2–7 then 2–6 from the right", () => {
    // 9·2 + 0·3 + 1·4 + 2·5 + 3·6 + 4·7 + 5·2 + 6·3 + 7·4 + 8·5 + 9·6 = 228; 228 mod 11 = 8; 11 − 8 = 3
    expect(myNumberCheckDigit("98765432109")).toBe(3);
    // Only the 7th digit from the right set: weight 2 (the cycle restarts), 1·2 = 2 → 9
    expect(myNumberCheckDigit("00001000000")).toBe(9);
    // Only the 6th digit from the right set: weight 7, 1·7 = 7 → 4
    expect(myNumberCheckDigit("00000100000")).toBe(4);
  });

  it("gives 0 when the remainder is 0 or 1", () => {
    expect(myNumberCheckDigit("00000000000")).toBe(0); // remainder 0
    expect(myNumberCheckDigit("00000000006")).toBe(0); // 6·2 = 12, remainder 1
    expect(checkMyNumber("000000000060")).toBeNull();
  });

  it("rejects a wrong check digit, swapped digits and malformed input", () => {
    expect(checkMyNumber("123456789017")).toBe("check-digit");
    expect(checkMyNumber("213456789018")).toBe("check-digit");
    expect(checkMyNumber("12345678901")).toBe("format");
    expect(checkMyNumber("1234567890188")).toBe("format");
    expect(checkMyNumber("12345678901a")).toBe("format");
    expect(checkMyNumber("１２３456789018")).toBe("format");
  });

  it("exactly one last digit is valid for every eleven digits", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), (first) => {
        const valid = [...Array(10).keys()].filter((d) => checkMyNumber(`${first}${d}`) === null);
        expect(valid).toEqual([myNumberCheckDigit(first)]);
      }),
    );
  });

  it("detects a change of any single digit unless it only moves the remainder between 0 and 1", () => {
    // Every weight is 2–7 and 11 is prime, so a changed digit always changes the remainder; the
    // formula folds the remainders 0 and 1 into the same check digit 0, its one blind spot.
    const remainder = (digits: string) =>
      [...digits].reverse().reduce((sum, d, i) => sum + Number(d) * (i < 6 ? i + 2 : i - 4), 0) % 11;
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (first, at, delta) => {
        const changedFirst = first.slice(0, at) + String((Number(first[at]) + delta) % 10) + first.slice(at + 1);
        const number = `${changedFirst}${myNumberCheckDigit(first)}`;
        const bothFolded = remainder(first) <= 1 && remainder(changedFirst) <= 1;
        expect(checkMyNumber(number)).toBe(bothFolded ? null : "check-digit");
      }),
      { numRuns: 2000 },
    );
  });

  it("normalises full-width digits and the separators printed on the card", () => {
    expect(normalizeMyNumber("１２３４ ５６７８ ９０１８")).toBe("123456789018");
    expect(normalizeMyNumber("1234-5678-9018")).toBe("123456789018");
    expect(checkMyNumber(normalizeMyNumber("1234　5678　9018"))).toBeNull();
  });
});
