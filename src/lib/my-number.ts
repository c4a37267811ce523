// 個人番号 (kojin bangō, "My Number"): the 12-digit number every resident of Japan is given under
// the 行政手続における特定の個人を識別するための番号の利用等に関する法律 (番号法). Eleven digits and a
// check digit (検査用数字), the LAST digit.
//
// Source: 番号法施行令 (平成二十六年政令第百五十五号) 第八条:
//   check digit = 11 − ((Σ_{n=1..11} Pn × Qn) mod 11); when the remainder is 0 or 1, it is 0.
//   Pn: the n-th digit of the first eleven, counted from their lowest (rightmost) digit as n = 1
//   Qn: n + 1 when 1 ≤ n ≤ 6, n − 5 when 7 ≤ n ≤ 11 (so the weights run 2–7, then 2–6, from the right)
//
// A 個人番号 is specific personal information (特定個人情報, 番号法 第2条第8項): callers must never
// log it or put it in an error message; these functions never echo it either.

export type MyNumberError = "format" | "check-digit";

/** The check digit (0–9) of the first eleven digits of a 個人番号. */
export function myNumberCheckDigit(elevenDigits: string): number {
  if (!/^\d{11}$/.test(elevenDigits)) throw new RangeError("expected eleven digits");
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(elevenDigits[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

/** Returns null when the 個人番号 is twelve digits with a matching check digit, else why not. */
export function checkMyNumber(myNumber: string): MyNumberError | null {
  if (!/^\d{12}$/.test(myNumber)) return "format";
  return myNumberCheckDigit(myNumber.slice(0, 11)) === Number(myNumber[11]) ? null : "check-digit";
}

/**
 * The 12 ASCII digits of a 個人番号 as people type it from a card: full-width digits become ASCII
 * and the spaces or hyphens printed between the groups of four are dropped. Nothing else is
 * changed, so a wrong character still fails checkMyNumber.
 */
export function normalizeMyNumber(input: string): string {
  return input.normalize("NFKC").replace(/[\s\-‐‑‒–—―−]/g, "");
}
