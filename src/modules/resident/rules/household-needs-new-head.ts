// When the 世帯主 leaves the registry (転出, 死亡, 職権消除) and others stay, the household that
// remains needs a new 世帯主 (住民基本台帳法 第7条第4号: every 住民票 names the 世帯主): the same
// step names them (the removal's `relationships`) and is recorded with a 世帯主変更 of its own
// (第25条). When one member remains, they become 世帯主 without a 届出 (第25条 「政令で定める者を
// 除く」) and the removal makes them head by itself (kinds/removal.ts), so this rule speaks only
// when two or more remain and none was chosen. Before this rule, the clerk read
// 「世帯主は世帯に一人です」, which did not say what to do.
import type { ChangeRule, Violation } from "./rule.ts";

export const householdNeedsNewHead: ChangeRule = {
  code: "household-needs-new-head",
  status: 409,
  titleEn: "The 世帯主 leaves: the remaining household needs a new 世帯主",
  titleJa: "世帯主が世帯を離れます。残る世帯員に新しい世帯主が必要です。残る人から世帯主を選んでください",
  law: "住民基本台帳法 第7条第4号, 第25条",
  check({ plan }) {
    const out: Violation[] = [];
    for (const h of plan.households) {
      if (h.members.length > 0 && !h.members.some((m) => m.record.relationship === "head")) {
        out.push({ field: "body/relationships", message: `household ${h.householdId} would have no head: choose the new 世帯主 among those who stay` });
      }
    }
    return out;
  },
};
