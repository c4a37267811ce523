// 日付 (calendar dates) as the law speaks of them — 生年月日, 異動日, a 送付先's period — are ISO
// strings (YYYY-MM-DD) in this area, and "today" is the date in Japan (Asia/Tokyo), whatever the
// server's time zone.

/** True for an existing calendar day written YYYY-MM-DD (2026-02-30 and 2025-02-29 are not). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const JAPAN_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in Japan, YYYY-MM-DD. */
export function todayInJapan(now: Date = new Date()): string {
  return JAPAN_DATE.format(now);
}
