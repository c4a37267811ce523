// A person cannot die before being born: the date of death (the 異動日 of the 死亡) is on or
// after the birth date — checked again when a 職権修正 changes the birth date of the deceased.
import type { ChangeRule, Violation } from "./rule.ts";

export const deathNotBeforeBirth: ChangeRule = {
  code: "death-not-before-birth",
  status: 409,
  titleEn: "The date of death lies before the birth date",
  titleJa: "死亡日が生年月日より前です",
  law: "住民基本台帳法 第8条, 戸籍法 第86条",
  check({ plan }) {
    const out: Violation[] = [];
    for (const p of plan.persons) {
      const r = p.latestAfter;
      if (r.removalReason === "died" && r.removalDate !== null && r.removalDate < r.birthDate) {
        out.push({ field: plan.kind === "died" ? "body/effectiveDate" : `${p.field}/birthDate`, message: "the date of death would be before the birth date" });
      }
    }
    return out;
  },
};
