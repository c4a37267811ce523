// 支援措置の期間 (the period of a support measure) and its 延長 (renewal).
//
// 総務省「住民基本台帳事務におけるDV等支援措置」and 住民基本台帳事務処理要領 (DV等支援措置の項):
// a measure runs for one year from the day the municipality accepted the application (受付日
// から起算して1年); it may be renewed (延長) for another year on an application made from one
// month before it ends; without one it ends, and protection afterwards needs a new application.
// A year counted from a first day that itself counts ends as 民法第143条第2項 says
// (periodInYearsEndsOn, shared with the age rules).
import { periodInYearsEndsOn } from "../../lib/age.ts";
import { isIsoDate } from "../../lib/wareki.ts";

/** The date `days` after (negative: before) an ISO date, or the same day `months` later/earlier, clamped to the month's end. */
function shift(iso: string, { days = 0, months = 0 }: { days?: number; months?: number }): string {
  if (!isIsoDate(iso)) throw new RangeError("not an existing date written YYYY-MM-DD");
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastDay) + days)).toISOString().slice(0, 10);
}

/** The last day of a period of `years` (one by default) that starts on, and counts, `startsOn`. */
export function periodEnd(startsOn: string, years = 1): string {
  if (!isIsoDate(startsOn)) throw new RangeError("not an existing date written YYYY-MM-DD");
  return periodInYearsEndsOn(startsOn, years);
}

/** The day after `date`: a renewal's year starts the day after the current one ends. */
export function dayAfter(date: string): string {
  return shift(date, { days: 1 });
}

/**
 * The first day a renewal may be applied for: one month before the period ends (期間終了の1か月前
 * から受付). A month before a day with no counterpart (March 31 → February) is that month's last day.
 */
export function renewalOpensOn(endsOn: string): string {
  return shift(endsOn, { months: -1 });
}

/** The date `days` before `date` (negative: after): the daily expiry job's horizon. */
export function daysBefore(date: string, days: number): string {
  return shift(date, { days: -days });
}
