// Times as staff read them: Japan time (Asia/Tokyo), 2026/04/01 09:05:03, whatever the browser's zone.
const FORMAT = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

export function formatDateTimeJa(iso: string): string {
  return FORMAT.format(new Date(iso));
}
