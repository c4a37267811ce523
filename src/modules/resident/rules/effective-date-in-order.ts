// 異動 are recorded in the order they happened: a 届出 or 職権 change may not be dated before the
// latest 異動日 already on a person's record (a late notice of an earlier event is entered by
// 職権修正, which alone may be dated back). This keeps every "as of" answer stable: an entry
// never slips under one that already depended on the state before it.
import type { ChangeRule, Violation } from "./rule.ts";

export const effectiveDateInOrder: ChangeRule = {
  code: "effective-date-in-order",
  status: 409,
  titleEn: "The 異動日 lies before the person's latest 異動",
  titleJa: "異動日が直近の異動日より前です",
  law: "住民基本台帳法施行令 第12条 (職権による修正)",
  check({ plan }) {
    const out: Violation[] = [];
    for (const p of plan.persons) {
      if (p.loaded && plan.effectiveDate < p.loaded.lastEffectiveDate) {
        out.push({ field: "body/effectiveDate", message: `must not be before ${p.loaded.lastEffectiveDate}, the latest 異動日 of a person concerned` });
      }
    }
    return out;
  },
};
