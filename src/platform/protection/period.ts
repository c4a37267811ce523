// 支援措置の期間 (the period of a support measure) and its 延長 (renewal).
//
// 総務省「住民基本台帳事務におけるDV等支援措置」and 住民基本台帳事務処理要領 (DV等支援措置の項):
// a measure runs for one year from the day the municipality accepted the application (受付日
// から起算して1年); it may be renewed (延長) for another year on an application made from one
// month before it ends; without one it ends, and protection afterwards needs a new application.
// A period counted in years from a first day that is itself counted (起算日) ends on the day
// before the corresponding day a year later (民法第143条第2項); when that month has no such day
// (a February 29 start), on the last day of the month — February 28.
import { isIsoDate } from "../../lib/wareki.ts";

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function parse(iso: string): Ymd {
  if (!isIsoDate(iso)) throw new RangeError("not an existing date written YYYY-MM-DD");
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

function format(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The last day of a period of `years` that starts on (and counts) `startsOn`. */
export function periodEnd(startsOn: string, years = 1): string {
  const s = parse(startsOn);
  const year = s.year + years;
  // 民法第143条第2項ただし書: no corresponding day (February 29 → a common year) → the month's last day.
  if (s.day > daysInMonth(year, s.month)) return format(new Date(Date.UTC(year, s.month - 1, daysInMonth(year, s.month))));
  return format(new Date(Date.UTC(year, s.month - 1, s.day - 1)));
}

/** The day after `date`: a renewal's period starts the day after the current one ends. */
export function dayAfter(date: string): string {
  const d = parse(date);
  return format(new Date(Date.UTC(d.year, d.month - 1, d.day + 1)));
}

/**
 * The first day a renewal may be applied for: one month before the period ends (期間終了の1か月前
 * から受付). A month before a day with no counterpart (March 31 → February) is that month's last day.
 */
export function renewalOpensOn(endsOn: string): string {
  const e = parse(endsOn);
  const year = e.month === 1 ? e.year - 1 : e.year;
  const month = e.month === 1 ? 12 : e.month - 1;
  const day = Math.min(e.day, daysInMonth(year, month));
  return format(new Date(Date.UTC(year, month - 1, day)));
}

/** The date to warn from, `days` before the end: the daily expiry job's horizon. */
export function daysBefore(date: string, days: number): string {
  const d = parse(date);
  return format(new Date(Date.UTC(d.year, d.month - 1, d.day - days)));
}
