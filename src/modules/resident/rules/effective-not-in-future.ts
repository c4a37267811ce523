// A 異動 is recorded after it happened: its 異動日 is not later than the day it is recorded
// (today). 住民基本台帳法 第22条・第23条・第25条 ask for the 届出 within 14 days *after* the 転入,
// 転居 or 世帯変更 (「…をした日から」), and a 職権 record follows facts found. A future 異動日 is
// therefore a mistake in the date, and the refusal says so in those words (it used to say
// 「異動日が記録日より後です」, which a clerk read as a problem of the 記録日). Only a 転出 is
// notified ahead (第24条: 「あらかじめ」), so 転出 does not run this rule and may carry a future
// 転出予定日.
import type { ChangeRule } from "./rule.ts";

export const effectiveNotInFuture: ChangeRule = {
  code: "effective-not-in-future",
  status: 400,
  titleEn: "The 異動日 lies in the future",
  titleJa: "異動日が未来の日付です。届出の日までに起きた異動だけを記録できます",
  law: "住民基本台帳法 第22条・第23条・第25条 (…をした日から十四日以内に), 第24条 (転出はあらかじめ)",
  check: ({ plan, today }) =>
    plan.effectiveDate > today ? [{ field: "body/effectiveDate", message: "must not be after today (only a 転出 may be notified ahead)" }] : [],
};
