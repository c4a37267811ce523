// A 異動 is recorded after it happened: its 異動日 is not later than the day it is recorded.
// 住民基本台帳法 第22条・第23条・第25条 ask for the 届出 within 14 days *after* the 転入, 転居 or
// 世帯変更, and a 職権 record follows facts found. Only a 転出 is notified ahead (第24条:
// "あらかじめ"), so 転出 does not run this rule and may carry a future 転出予定日.
import type { ChangeRule } from "./rule.ts";

export const effectiveNotAfterRecorded: ChangeRule = {
  code: "effective-not-after-recorded",
  status: 400,
  titleEn: "The 異動日 lies after the day it is recorded",
  titleJa: "異動日が記録日より後です",
  law: "住民基本台帳法 第22条・第23条・第25条",
  check: ({ plan, today }) =>
    plan.effectiveDate > today ? [{ field: "body/effectiveDate", message: "must not be after today (only a 転出 may be notified ahead)" }] : [],
};
