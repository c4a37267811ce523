// A person already on the registry cannot be registered again by 転入 or 職権記載; one who left
// (a 除票) can, and keeps their 宛名番号 and history.
import type { ChangeRule, Violation } from "./rule.ts";

export const notAlreadyResident: ChangeRule = {
  code: "not-already-resident",
  status: 409,
  titleEn: "The person is already on the registry",
  titleJa: "既に住民として記録されています",
  law: "住民基本台帳法 第6条 (一人一票)",
  check({ plan }) {
    const out: Violation[] = [];
    for (const p of plan.persons) {
      if (p.isRegistration && p.latestBefore?.status === "resident") out.push({ field: p.field, message: "already a resident" });
    }
    return out;
  },
};
