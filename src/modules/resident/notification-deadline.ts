// 届出期間 (the period within which a 届出 is due) and 期間経過 (a 届出 made after it).
//
// The law: 転入 (住民基本台帳法 第22条第1項), 転居 (第23条) and 世帯変更 — 世帯分離, 世帯合併,
// 世帯主変更 (第25条) — are notified 「…をした日から十四日以内に」. How the fourteen days count:
//  - 民法 第138条: the 民法's rules on periods apply to periods set by other laws unless they say
//    otherwise; 住民基本台帳法 says nothing else.
//  - 民法 第140条 (初日不算入): a period of days does not count its first day unless it begins at
//    00:00. A move happens during the day, so the day of the 異動 is not counted: the first day is
//    the day after it, and the fourteenth is 異動日 + 14 days (「事実が発生した日の翌日から数えて
//    14日以内」, as towns explain it, e.g. 広島市 FAQ 15063).
//  - 民法 第141条: the period ends at the end of its last day, so a 届出 on 異動日 + 14 is in time
//    and one on 異動日 + 15 is late. Month ends and 2月29日 need nothing special: the count is in
//    calendar days (1月31日 → 2月14日, 2月15日 → 2月29日 in a leap year, 3月1日 otherwise).
//  - 地方自治法 第4条の2第4項: a 届出 to a municipality whose time limit ends on a day of the
//    town's 休日 (地方自治法 第4条の2第1項・第2項: 日曜日・土曜日, 国民の祝日に関する法律の休日,
//    and the 年末年始 of the town's 休日条例 — 12月29日から1月3日まで in the model 条例 every town
//    adopts) ends on the next day that is not one. The national holidays come from the
//    holiday_jp data (@holiday-jp/holiday_jp, which lists them up to 2050).
//
// A 届出 after the period is still accepted (第22条〜第25条 do not make it void), with the
// clerk's 遅延の理由 recorded, and is marked 期間経過: 住民基本台帳法 第52条第2項 (第53条第2項
// before the 2019 renumbering; 神戸市 still cites that number) punishes 「正当な理由がなくて第二十二条
// から第二十四条まで又は第二十五条の規定による届出をしない者」 with a 過料 of up to 5万円; the
// 簡易裁判所 decides it (the next article of the law), on the 市町村長's notice of the persons
// concerned (住民基本台帳法施行令, the 過料 notice to the 簡易裁判所). The stored texts checked
// for this (ADR 0023) did not show that 施行令 article's number, so it is cited by content. The
// town's 期間経過 report (late-notifications.ts) is the list it sends.
// Not here: 転出 is notified ahead (第24条 「あらかじめ」); 出生 and 死亡 are 戸籍法's 届出 (第49条,
// 第86条, 住民基本台帳法 第29条) with periods of their own; 氏名変更 follows the 戸籍; 職権 changes
// have no 届出. A 世帯主変更 recorded with the head's 転出 or 死亡 (removal.ts) is a 第25条 届出 and
// runs this period from the day the head left — unless only one member remains, who becomes head
// without a 届出 (第25条 「政令で定める者を除く」).
import holidayJp from "@holiday-jp/holiday_jp";
import type { ChangeKind } from "./change-kind.ts";

/** The 届出 with a period of fourteen days (住民基本台帳法 第22条・第23条・第25条). */
export const DEADLINE_KINDS: readonly ChangeKind[] = ["moved-in", "address-changed", "household-split", "household-merged", "head-changed"];

/** 「十四日以内」 */
export const NOTIFICATION_PERIOD_DAYS = 14;

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A day of the town's 休日 (地方自治法 第4条の2第2項, the model 休日条例). */
export function isTownHoliday(iso: string): boolean {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  if (weekday === 0 || weekday === 6) return true;
  if ((m === 12 && d >= 29) || (m === 1 && d <= 3)) return true;
  return holidayJp.isHoliday(iso);
}

/**
 * The last day a 届出 of a change on `effectiveDate` is in time: 異動日 + 14 (the day of the
 * change not counted, 民法 第140条), moved past the town's 休日 (地方自治法 第4条の2第4項).
 */
export function notificationDeadline(effectiveDate: string): string {
  let last = addDays(effectiveDate, NOTIFICATION_PERIOD_DAYS);
  while (isTownHoliday(last)) last = addDays(last, 1);
  return last;
}

export interface DeadlineVerdict {
  /** The last day of the 届出期間. */
  deadlineDate: string;
  /** 期間経過: notified after the last day. */
  overdue: boolean;
}

/** The period of a 届出 notified on `notifiedDate` of a change on `effectiveDate`. */
export function judgeDeadline(effectiveDate: string, notifiedDate: string): DeadlineVerdict {
  const deadlineDate = notificationDeadline(effectiveDate);
  return { deadlineDate, overdue: notifiedDate > deadlineDate };
}

/** What a plan needs for its 届出期間 (change-plan.ts ChangePlan, without importing it). */
export interface DeadlineSubject {
  kind: ChangeKind;
  effectiveDate: string;
  notifiedDate: string | null;
  headChange?: { automatic: boolean } | null;
}

/**
 * The 届出期間 a change falls under, or null: the change itself for 転入, 転居 and 世帯変更; for a
 * 転出 or 死亡 that takes the 世帯主 away from others who stay, the 世帯主変更 recorded with it
 * (第25条, from the day the head left; none when one member remains and becomes head without a 届出).
 */
export function deadlineOf(subject: DeadlineSubject): DeadlineVerdict | null {
  if (subject.notifiedDate === null) return null;
  const linked = (subject.kind === "moved-out" || subject.kind === "died") && subject.headChange != null && !subject.headChange.automatic;
  if (!DEADLINE_KINDS.includes(subject.kind) && !linked) return null;
  return judgeDeadline(subject.effectiveDate, subject.notifiedDate);
}
