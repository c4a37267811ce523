// A household (世帯) lives at one address: members of one household share 住所 and 方書. A 転入
// into a household, a 世帯合併 or a correction that would split a household across addresses is
// refused (a member moving elsewhere in town is a 世帯分離 and a 転居).
import type { ChangeRule, Violation } from "./rule.ts";

export const householdSharesAddress: ChangeRule = {
  code: "household-shares-address",
  status: 409,
  titleEn: "Members of one household must share one address",
  titleJa: "同一世帯の住所が異なります",
  law: "住民基本台帳法 第7条第7号, 住民基本台帳事務処理要領 (世帯の認定)",
  check({ plan }) {
    const out: Violation[] = [];
    for (const h of plan.households) {
      const addresses = new Set(h.members.map((m) => `${m.record.address}\u0000${m.record.addressLine2 ?? ""}`));
      if (addresses.size > 1) out.push({ field: "body/address", message: `household ${h.householdId} would span ${addresses.size} addresses` });
    }
    return out;
  },
};
