// The 届出日 is the day the notification was received: it cannot be later than today.
import type { ChangeRule } from "./rule.ts";

export const notifiedNotInFuture: ChangeRule = {
  code: "notified-not-in-future",
  status: 400,
  titleEn: "The 届出日 lies in the future",
  titleJa: "届出日が未来の日付です",
  law: "住民基本台帳法 第22条〜第25条 (届出)",
  check: ({ plan, today }) =>
    plan.notifiedDate !== null && plan.notifiedDate > today ? [{ field: "body/notifiedDate", message: "must not be after today" }] : [],
};
