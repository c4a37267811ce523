// A 届出 after its 届出期間 is accepted only with the 遅延の理由 the clerk records: 転入・転居・世帯変更
// are due within 14 days of the change (住民基本台帳法 第22条・第23条・第25条; how the days count,
// and the town's 休日, in notification-deadline.ts). The late 届出 is then marked 期間経過 and
// listed for the 簡易裁判所 (第52条第2項). A 世帯主変更 recorded with the head's 転出 or 死亡 runs
// the same period from the day the head left.
import { deadlineOf } from "../notification-deadline.ts";
import type { ChangeRule } from "./rule.ts";

export const lateNotificationReason: ChangeRule = {
  code: "late-notification-reason",
  status: 400,
  titleEn: "The 届出 comes after its 届出期間: record the reason for the delay",
  titleJa: "届出期間（異動日の翌日から14日）を過ぎた届出です。遅延の理由を入力してください",
  law: "住民基本台帳法 第22条・第23条・第25条 (十四日以内), 第52条第2項 (過料), 民法 第140条・第141条, 地方自治法 第4条の2第4項",
  check({ plan }) {
    const verdict = deadlineOf(plan);
    return verdict?.overdue && plan.lateReason === null
      ? [{ field: "body/lateReason", message: `the 届出期間 ended on ${verdict.deadlineDate}: give the reason for the delay` }]
      : [];
  },
};
