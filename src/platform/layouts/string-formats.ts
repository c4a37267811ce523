// 日付の書式 (date formats) of layout cells: `date` (YYYY-MM-DD, a real calendar date) and
// `date-time` (RFC 3339 with an offset). TypeBox checks a `format` only when its global
// FormatRegistry knows it and fails every value otherwise, so the layouts register the two
// formats they support, keeping any definition another area registered first.
import { FormatRegistry } from "@sinclair/typebox";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** True for `YYYY-MM-DD` naming a day of the proleptic Gregorian calendar (2024-02-29 yes, 2026-02-29 no). */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** True for an RFC 3339 instant with a calendar date, a valid time of day and an offset. */
export function isDateTime(text: string): boolean {
  const m = DATE_TIME.exec(text);
  if (!m || !isCalendarDate(m[1]!)) return false;
  return Number(m[2]) <= 23 && Number(m[3]) <= 59 && Number(m[4]) <= 60;
}

export const SUPPORTED_FORMATS: Record<string, (text: string) => boolean> = {
  date: isCalendarDate,
  "date-time": isDateTime,
};

for (const [name, check] of Object.entries(SUPPORTED_FORMATS)) {
  if (!FormatRegistry.Has(name)) FormatRegistry.Set(name, check);
}
