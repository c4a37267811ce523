// A 個人番号 is twelve digits whose last is the check digit of 番号法施行令 第8条 (src/lib/my-number.ts).
// The message never repeats the number.
import { checkMyNumber } from "../../../lib/my-number.ts";
import type { ChangeRule, Violation } from "./rule.ts";

export const myNumberCheckDigit: ChangeRule = {
  code: "my-number-check-digit",
  status: 400,
  titleEn: "The 個人番号 is not valid",
  titleJa: "個人番号が正しくありません",
  law: "行政手続における特定の個人を識別するための番号の利用等に関する法律施行令 第8条",
  check({ plan }) {
    const out: Violation[] = [];
    for (const p of plan.persons) {
      if (p.myNumber === undefined) continue;
      const problem = checkMyNumber(p.myNumber);
      if (problem === "format") out.push({ field: `${p.field}/myNumber`, message: "must be 12 digits" });
      if (problem === "check-digit") out.push({ field: `${p.field}/myNumber`, message: "check digit does not match (番号法施行令 第8条)" });
    }
    return out;
  },
};
