// 実行予定 (a job's schedule) in Japanese: the common cron shapes read as 「毎日 3:00」「平日 8:30」
// 「毎週月曜 6:00」「毎月1日 0:00」「毎時 15分」「15分ごと」. Anything else returns null and the
// screen shows the expression itself. Times are the platform's (Asia/Tokyo).
const WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土", "日"] as const;

function number(field: string, max: number): number | null {
  if (!/^\d{1,2}$/.test(field)) return null;
  const n = Number(field);
  return n <= max ? n : null;
}

/** 「0,3,5」「1-5」: the days of the week, 0 and 7 both Sunday; null for steps or names. */
function weekdays(field: string): number[] | null {
  const days = new Set<number>();
  for (const part of field.split(",")) {
    const span = /^(\d)-(\d)$/.exec(part);
    if (span) {
      const from = Number(span[1]);
      const to = Number(span[2]);
      if (from > to || to > 7) return null;
      for (let d = from; d <= to; d++) days.add(d % 7);
    } else {
      const d = number(part, 7);
      if (d === null) return null;
      days.add(d % 7);
    }
  }
  return [...days].sort((a, b) => a - b);
}

function dayOfWeekLabel(days: number[]): string {
  if (days.length === 5 && days.every((d, i) => d === i + 1)) return "平日";
  if (days.length === 2 && days[0] === 0 && days[1] === 6) return "土日";
  return `毎週${days.map((d) => WEEKDAYS[d]).join("・")}曜`;
}

export function describeCronJa(cron: string): string | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return null;
  const [minuteField, hourField, dayField, monthField, weekdayField] = fields as [string, string, string, string, string];
  if (monthField !== "*") return null;
  const minute = number(minuteField, 59);

  if (hourField === "*" && dayField === "*" && weekdayField === "*") {
    if (minuteField === "*") return "毎分";
    const step = /^\*\/(\d{1,2})$/.exec(minuteField);
    if (step) return `${Number(step[1])}分ごと`;
    return minute === null ? null : `毎時 ${minute}分`;
  }

  const hour = number(hourField, 23);
  if (minute === null || hour === null) return null;
  const time = `${hour}:${String(minute).padStart(2, "0")}`;
  if (dayField === "*" && weekdayField === "*") return `毎日 ${time}`;
  if (dayField === "*") {
    const days = weekdays(weekdayField);
    return days ? `${dayOfWeekLabel(days)} ${time}` : null;
  }
  const day = number(dayField, 31);
  if (weekdayField === "*" && day !== null && day >= 1) return `毎月${day}日 ${time}`;
  return null;
}
