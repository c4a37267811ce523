// 法人番号 (hōjin bangō): the 13-digit number the National Tax Agency (国税庁) designates for a
// corporation or other organisation under the 番号法. It is a 12-digit 基礎番号 (for registered
// companies the 会社法人等番号 of the commercial register) preceded by one check digit — the
// check digit is the FIRST digit, not the last.
//
// Source: 法人番号の指定等に関する省令 (平成二十六年財務省令第七十号) 第二条 (検査用数字を算出する算式):
//   check digit = 9 − ((Σ_{n=1..12} Pn × Qn) mod 9)
//   Pn: the n-th digit of the 基礎番号 counted from its lowest (rightmost) digit as n = 1
//   Qn: 1 when n is odd, 2 when n is even
// The result is always 1–9, so a 法人番号 never starts with 0. (The published text puts the
// parentheses as if the remainder were taken inside the sum; the numbers 国税庁 issues, e.g. its own
// 7000012050002, follow the reading above; see e-Gov 法令検索 for the text.)

export type CorporateNumberError = "format" | "check-digit";

/** The check digit (1–9) of a 12-digit 基礎番号. */
export function corporateNumberCheckDigit(baseNumber: string): number {
  if (!/^\d{12}$/.test(baseNumber)) throw new RangeError("expected twelve digits");
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = Number(baseNumber[12 - n]);
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/** Returns null when the 法人番号 is well formed and its check digit matches, else why not. */
export function checkCorporateNumber(corporateNumber: string): CorporateNumberError | null {
  if (!/^\d{13}$/.test(corporateNumber)) return "format";
  return corporateNumberCheckDigit(corporateNumber.slice(1)) === Number(corporateNumber[0]) ? null : "check-digit";
}

/**
 * The 13 ASCII digits of a 法人番号 as people type it: full-width digits (１２３) become ASCII and
 * the hyphens and spaces some forms print between groups are dropped. Nothing else is changed,
 * so a wrong character still fails checkCorporateNumber.
 */
export function normalizeCorporateNumber(input: string): string {
  return input.normalize("NFKC").replace(/[\s\-‐‑‒–—―−]/g, "");
}
