// A 職権修正 may be dated back, but not before the person was first entered in the registry:
// there is no record to correct before it.
import type { ChangeRule, Violation } from "./rule.ts";

export const effectiveNotBeforeRegistration: ChangeRule = {
  code: "effective-not-before-registration",
  status: 409,
  titleEn: "The correction is dated before the person was registered",
  titleJa: "修正の異動日が住民記録の開始より前です",
  law: "住民基本台帳法施行令 第12条第3項",
  check({ plan }) {
    const out: Violation[] = [];
    for (const p of plan.persons) {
      if (p.loaded && plan.effectiveDate < p.loaded.firstEffectiveDate) {
        out.push({ field: "body/effectiveDate", message: `must not be before ${p.loaded.firstEffectiveDate}, when the person was first registered` });
      }
    }
    return out;
  },
};
