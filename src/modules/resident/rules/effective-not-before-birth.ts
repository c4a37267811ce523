// Nothing happens to a person before they were born: a 転入, 転居 or 世帯変更 dated before the
// birth date is impossible (the 死亡 has its own rule, death-not-before-birth).
import type { ChangeRule, Violation } from "./rule.ts";

export const effectiveNotBeforeBirth: ChangeRule = {
  code: "effective-not-before-birth",
  status: 409,
  titleEn: "The 異動日 lies before the person's birth date",
  titleJa: "異動日が生年月日より前です",
  law: "住民基本台帳法 第7条第2号",
  check({ plan }) {
    const out: Violation[] = [];
    for (const p of plan.persons) {
      if (plan.effectiveDate < p.afterOnDate.birthDate) out.push({ field: `${p.field}`, message: "the 異動日 is before this person's birth date" });
    }
    return out;
  },
};
