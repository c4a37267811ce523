// A 遅延の理由 belongs to a 届出 made after its 届出期間 only (notification-deadline.ts): one given
// for a 届出 in time, or for a kind without a period (転出, 出生, 死亡 without a 世帯主変更, 氏名変更),
// would mark nothing and is refused rather than kept, so the journal never holds a reason for a
// delay that did not happen.
import { deadlineOf } from "../notification-deadline.ts";
import type { ChangeRule } from "./rule.ts";

export const lateReasonOnlyWhenOverdue: ChangeRule = {
  code: "late-reason-only-when-overdue",
  status: 400,
  titleEn: "The 届出 is within its 届出期間: no reason for a delay is recorded",
  titleJa: "届出期間内の届出です。遅延の理由は記録しません（欄を空にしてください）",
  law: "住民基本台帳法 第22条・第23条・第25条 (十四日以内)",
  check({ plan }) {
    return plan.lateReason !== null && !deadlineOf(plan)?.overdue ? [{ field: "body/lateReason", message: "only a 届出 after its 届出期間 records a reason for the delay" }] : [];
  },
};
