// A 転入, 転居 or 世帯変更 is notified after it happened (住民基本台帳法 第22条・第23条・第25条:
// "…をした日から十四日以内に"), and a birth or death after it occurred (戸籍法 第49条・第86条).
// Not run for 転出, which is notified ahead (第24条).
import type { ChangeRule } from "./rule.ts";

export const notifiedNotBeforeEffective: ChangeRule = {
  code: "notified-not-before-effective",
  status: 400,
  titleEn: "The 届出日 lies before the 異動日",
  titleJa: "届出日が異動日より前です",
  law: "住民基本台帳法 第22条・第23条・第25条, 戸籍法 第49条・第86条",
  check: ({ plan }) =>
    plan.notifiedDate !== null && plan.notifiedDate < plan.effectiveDate
      ? [{ field: "body/notifiedDate", message: "must not be before the 異動日 (effectiveDate)" }]
      : [],
};
