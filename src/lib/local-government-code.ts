// 全国地方公共団体コード (zenkoku chihō kōkyō dantai kōdo): the 6-digit code of a local government.
// Five digits (2 for the prefecture, 3 for the municipality) and a check digit.
// Source: 総務省「全国地方公共団体コード」仕様 — 検査数字: each of the first five digits is multiplied
// by 6,5,4,3,2; the sum is divided by 11; the check digit is the last digit of (11 − remainder)
// (so a remainder of 0 gives 1 and a remainder of 1 gives 0).
// https://www.soumu.go.jp/denshijiti/code.html

const WEIGHTS = [6, 5, 4, 3, 2] as const;

export type CodeError = "format" | "check-digit";

export function localGovernmentCheckDigit(firstFive: string): number {
  if (!/^\d{5}$/.test(firstFive)) throw new RangeError("expected five digits");
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(firstFive[i]), 0);
  return (11 - (sum % 11)) % 10;
}

/** Returns null when the code is a well-formed 全国地方公共団体コード, else why it is not. */
export function checkLocalGovernmentCode(code: string): CodeError | null {
  if (!/^\d{6}$/.test(code)) return "format";
  return localGovernmentCheckDigit(code.slice(0, 5)) === Number(code[5]) ? null : "check-digit";
}

export function isPrefectureCode(code: string): boolean {
  return checkLocalGovernmentCode(code) === null && code.slice(2, 5) === "000";
}

/** The prefecture (都道府県) code a municipality code belongs to, with its own check digit. */
export function prefectureCodeOf(code: string): string {
  const five = `${code.slice(0, 2)}000`;
  return `${five}${localGovernmentCheckDigit(five)}`;
}
