// The 異動日 of a 出生 is the day of birth: the child is a resident from birth (住民基本台帳法
// 第7条第5号, 住民となった年月日 = 出生の年月日 for a child born in the municipality).
import type { ChangeRule, Violation } from "./rule.ts";

export const bornOnEffectiveDate: ChangeRule = {
  code: "born-on-effective-date",
  status: 400,
  titleEn: "A birth's 異動日 must be the birth date",
  titleJa: "出生の異動日は生年月日です",
  law: "住民基本台帳法 第7条第2号・第5号",
  check({ plan }) {
    const out: Violation[] = [];
    for (const p of plan.persons) {
      if (p.afterOnDate.birthDate !== plan.effectiveDate) out.push({ field: `${p.field}/birthDate`, message: "must equal effectiveDate" });
    }
    return out;
  },
};
