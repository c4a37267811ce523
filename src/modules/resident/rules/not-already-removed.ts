// Only a resident can move out, die, move within the town or change household or name: a 除票
// (a record removed by 転出, 死亡 or 職権消除) is closed (住民基本台帳法 第8条, 施行令 第8条). A 転出
// notified ahead already closes the record from its 転出予定日. A 除票 may still be corrected
// (職権修正), which does not run this rule.
import type { ChangeRule, Violation } from "./rule.ts";

export const notAlreadyRemoved: ChangeRule = {
  code: "not-already-removed",
  status: 409,
  titleEn: "The person's record has already been removed",
  titleJa: "既に消除された住民票（除票）です",
  law: "住民基本台帳法 第8条, 施行令 第8条",
  check({ plan }) {
    const out: Violation[] = [];
    for (const p of plan.persons) {
      if (p.isRegistration || p.latestBefore === null) continue;
      if (p.latestBefore.status !== "resident") out.push({ field: p.field, message: `already removed (${p.latestBefore.removalReason})` });
    }
    return out;
  },
};
