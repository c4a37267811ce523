// Every household has exactly one 世帯主 (住民基本台帳法 第7条第4号: 世帯主の氏名 and 続柄 are on
// every 住民票). A change that leaves a household with members but no head — the head dies or
// moves out — must name the new head in the same change (its `relationships`), as a 世帯主変更
// would; one that gives a household two heads is refused too. An emptied household needs none.
import type { ChangeRule, Violation } from "./rule.ts";

export const householdHasHead: ChangeRule = {
  code: "household-has-head",
  status: 409,
  titleEn: "A household must have exactly one head (世帯主)",
  titleJa: "世帯主は世帯に一人です",
  law: "住民基本台帳法 第7条第4号",
  check({ plan }) {
    const out: Violation[] = [];
    for (const h of plan.households) {
      if (h.members.length === 0) continue;
      const heads = h.members.filter((m) => m.record.relationship === "head").length;
      if (heads === 0) out.push({ field: "body/relationships", message: `household ${h.householdId} would have no head: name the new 世帯主` });
      if (heads > 1) out.push({ field: "body/relationships", message: `household ${h.householdId} would have ${heads} heads` });
    }
    return out;
  },
};
