// 日付の入力と表示 (dates as staff type and read them): typed as a clerk copies them — 和暦
// (S55.4.1, 昭和55年4月1日, 令和7年4月1日) or 西暦 (1980-04-01, 1980/4/1, 19800401) — and shown in
// 和暦 with the 西暦 beside it. The parsing is src/lib/wareki.ts; this adds the rules of a field
// (not in the future, not before a given day) and the words the screen shows.
import { formatWareki, parseDate, SOLAR_CALENDAR_START } from "../../../src/lib/wareki.ts";
import { todayInJapan } from "../../../src/platform/addressee/calendar-date.ts";

/** 「1980年4月1日」 */
export function westernDateJa(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}

/** 「昭和55年4月1日」; a day before the solar calendar (明治6年) has no exact 和暦 and is written in 西暦. */
export function warekiDateJa(iso: string): string {
  if (iso < SOLAR_CALENDAR_START) return westernDateJa(iso);
  try {
    return formatWareki(iso);
  } catch {
    return iso;
  }
}

export interface DateRules {
  /** Refuse a day after today in Japan (生年月日, an 異動日). */
  notFuture?: boolean;
  /** Refuse a day before this ISO date. */
  notBefore?: string;
}

export type DateInput = { kind: "empty" } | { kind: "date"; iso: string } | { kind: "error"; message: string };

/** What a date field holds: nothing, a day, or why it is not one (the message names the rule, not the value). */
export function readDateInput(text: string, rules: DateRules = {}, today = todayInJapan()): DateInput {
  if (!text.trim()) return { kind: "empty" };
  const parsed = parseDate(text);
  if (!parsed.ok) return { kind: "error", message: parsed.message };
  if (rules.notFuture && parsed.iso > today) return { kind: "error", message: "未来の日付は入力できません" };
  if (rules.notBefore && parsed.iso < rules.notBefore) {
    return { kind: "error", message: `${westernDateJa(rules.notBefore)}より前の日付は入力できません` };
  }
  return { kind: "date", iso: parsed.iso };
}

/** The confirmation under a date field: 「昭和55年4月1日（1980年4月1日）」. */
export function dateConfirmation(iso: string): string {
  const wareki = warekiDateJa(iso);
  const western = westernDateJa(iso);
  return wareki === western ? western : `${wareki}（${western}）`;
}
