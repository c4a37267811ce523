// 和暦 (wareki): dates written with a Japanese era name (元号), e.g. 令和元年5月1日 = 2019-05-01.
//
// Where each era starts, and the instrument that set it:
//  - 明治 1868-10-23: 改元の詔 of 慶応4年9月8日 ("慶應四年ヲ改メテ明治元年ト為ス"), applied back to
//    慶応4年1月1日. Japan then counted days by the lunisolar 天保暦, so 明治 dates convert to ISO only
//    from 1873-01-01: 改暦ノ布告 (明治5年太政官布告第337号) made 明治5年12月3日 into 明治6年1月1日.
//  - 大正 1912-07-30: 改元の詔書 of 明治45年7月30日 ("明治四十五年七月三十日以後ヲ改メテ大正元年ト為ス").
//  - 昭和 1926-12-25: 改元の詔書 of 大正15年12月25日 ("大正十五年十二月二十五日以後ヲ改メテ昭和元年ト為ス").
//  - 平成 1989-01-08: 元号を改める政令 (昭和64年政令第1号), promulgated 1989-01-07, 附則 "公布の日の翌日から施行".
//  - 令和 2019-05-01: 元号を改める政令 (平成31年政令第143号), 附則: in force from the day after the
//    皇室典範特例法 took effect (平成31年4月30日).
// The two 詔書 took effect on the day they were issued, so that day was written in both eras
// (the 大正 詔書 itself is dated 明治四十五年七月三十日): a clerk copying 大正15年12月25日 from a
// 戸籍 is right, and this parser accepts it. The 政令 took effect at midnight: 平成31年5月1日
// and 昭和64年1月8日 never existed. Formatting always uses the new era on the day of change.

export type EraName = "明治" | "大正" | "昭和" | "平成" | "令和";
export type EraLetter = "M" | "T" | "S" | "H" | "R";

export interface Era {
  name: EraName;
  letter: EraLetter;
  /** First day of the era (ISO). */
  start: string;
  /** Last day that may be written in this era (ISO), or null for the current era. */
  lastDay: string | null;
  /** The instrument that began the era. */
  source: string;
}

export const ERAS: readonly Era[] = [
  { name: "明治", letter: "M", start: "1868-10-23", lastDay: "1912-07-30", source: "改元の詔（慶応4年9月8日）" },
  { name: "大正", letter: "T", start: "1912-07-30", lastDay: "1926-12-25", source: "改元の詔書（明治45年7月30日）" },
  { name: "昭和", letter: "S", start: "1926-12-25", lastDay: "1989-01-07", source: "改元の詔書（大正15年12月25日）" },
  { name: "平成", letter: "H", start: "1989-01-08", lastDay: "2019-04-30", source: "元号を改める政令（昭和64年政令第1号）" },
  { name: "令和", letter: "R", start: "2019-05-01", lastDay: null, source: "元号を改める政令（平成31年政令第143号）" },
];

/** 明治6年1月1日: the first day whose 和暦 month and day are Gregorian (改暦ノ布告). */
export const SOLAR_CALENDAR_START = "1873-01-01";

export interface WarekiDate {
  era: EraName;
  eraLetter: EraLetter;
  /** Year of the era; 1 is written 元年. */
  year: number;
  month: number;
  day: number;
  iso: string;
}

export type DateInputError =
  | "format"
  | "unknown-era"
  | "year-zero"
  | "no-such-month"
  | "no-such-day"
  | "before-era"
  | "after-era"
  | "before-solar-calendar";

export type DateParseResult =
  | { ok: true; iso: string }
  | { ok: false; reason: DateInputError; message: string };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function isoOf(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** True for an existing Gregorian day written YYYY-MM-DD (2024-02-29 is one, 2026-02-29 is not). */
export function isIsoDate(text: string): boolean {
  const m = ISO.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function requireIsoDate(iso: string): void {
  if (!isIsoDate(iso)) throw new RangeError("not an existing date written YYYY-MM-DD");
}

/** The era an ISO date falls in (the new era on a day of change), or null before 明治. */
export function eraOf(iso: string): Era | null {
  requireIsoDate(iso);
  for (let i = ERAS.length - 1; i >= 0; i--) if (iso >= ERAS[i]!.start) return ERAS[i]!;
  return null;
}

const startYear = (era: Era): number => Number(era.start.slice(0, 4));

/** An ISO date written in a given era (which must contain it). */
function inEra(era: Era, iso: string): WarekiDate {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return { era: era.name, eraLetter: era.letter, year: year - startYear(era) + 1, month, day, iso };
}

/** An ISO date as 和暦. Throws RangeError before 1873-01-01 (lunisolar dates; see the header). */
export function toWareki(iso: string): WarekiDate {
  requireIsoDate(iso);
  if (iso < SOLAR_CALENDAR_START) {
    throw new RangeError("before-solar-calendar: 和暦 month and day equal the Gregorian ones only from 1873-01-01");
  }
  return inEra(eraOf(iso)!, iso);
}

export type WarekiStyle = "long" | "short";

/**
 * 令和元年5月1日 (long, as certificates print it; year 1 is 元年) or R1.5.1 (short, as clerks type it).
 */
export function formatWareki(date: string | WarekiDate, style: WarekiStyle = "long"): string {
  const w = typeof date === "string" ? toWareki(date) : date;
  if (style === "short") return `${w.eraLetter}${w.year}.${w.month}.${w.day}`;
  return `${w.era}${w.year === 1 ? "元" : w.year}年${w.month}月${w.day}日`;
}

const ERA_BY_TOKEN: Record<string, Era> = Object.fromEntries(
  ERAS.flatMap((e) => [
    [e.name, e],
    [e.name[0]!, e],
    [e.letter, e],
    [e.letter.toLowerCase(), e],
  ]),
);

const KANJI_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Arabic digits, 元 (= 1), or kanji numerals: 三十一, 十二, 二〇二五 (digit by digit). */
function numberOf(token: string): number | null {
  if (/^\d+$/.test(token)) return Number(token);
  if (token === "元") return 1;
  if (!/^[〇零一二三四五六七八九十]+$/.test(token)) return null;
  const ten = token.indexOf("十");
  if (ten === -1) return [...token].reduce((n, c) => n * 10 + KANJI_DIGITS[c]!, 0);
  const [before, after] = [token.slice(0, ten), token.slice(ten + 1)];
  if (before.length > 1 || after.length > 1 || after === "十") return null;
  return (before === "" ? 1 : KANJI_DIGITS[before]!) * 10 + (after === "" ? 0 : KANJI_DIGITS[after]!);
}

const NUM = "(元|\\d{1,4}|[〇零一二三四五六七八九十]{1,4})";
const ERA_TOKEN = "(明治|大正|昭和|平成|令和|[明大昭平令]|[MTSHRmtshr])";
const ERA_INPUT = new RegExp(`^${ERA_TOKEN}${NUM}(?:年|[./-])${NUM}(?:月|[./-])${NUM}日?$`);
const WESTERN_INPUT = new RegExp(`^${NUM}(?:年|[./-])${NUM}(?:月|[./-])${NUM}日?$`);
const COMPACT_INPUT = /^(\d{4})(\d{2})(\d{2})$/;

const fail = (reason: DateInputError, message: string): DateParseResult => ({ ok: false, reason, message });

/** Checks a Gregorian year/month/day; the messages name the rule, never the value typed. */
function gregorian(year: number, month: number, day: number): DateParseResult {
  if (month < 1 || month > 12) return fail("no-such-month", "月は1から12までです");
  if (day < 1 || day > daysInMonth(year, month)) return fail("no-such-day", "その月にその日はありません");
  return { ok: true, iso: isoOf(year, month, day) };
}

/** A date in an era: the year must exist in it, and the day must fall within it. */
export function fromWareki(era: EraName | EraLetter, year: number, month: number, day: number): DateParseResult {
  const e = ERA_BY_TOKEN[era];
  if (!e) return fail("unknown-era", "元号は明治・大正・昭和・平成・令和のいずれかです");
  if (year < 1) return fail("year-zero", "元号の年は1（元年）から数えます");
  if (e.name === "明治" && year <= 5) {
    return fail("before-solar-calendar", "明治5年12月2日以前は太陰太陽暦の日付のため西暦に換算できません");
  }
  const result = gregorian(startYear(e) + year - 1, month, day);
  if (!result.ok) return result;
  if (result.iso < e.start) {
    const [y, m, d] = e.start.split("-").map(Number);
    return fail("before-era", `${e.name}は西暦${y}年${m}月${d}日に始まりました`);
  }
  if (e.lastDay !== null && result.iso > e.lastDay) {
    return fail("after-era", `${e.name}は${formatWareki(inEra(e, e.lastDay))}で終わりました`);
  }
  return result;
}

/**
 * What a clerk types, to an ISO date: R7.4.1, r7/4/1, 令和7年4月1日, 令7.4.1, 平成元年1月8日,
 * 令和七年四月一日, ㋿7.4.1, 2025-04-01, 2025/4/1, 2025年4月1日, 20250401 — full-width digits and
 * letters and spaces are allowed. Impossible dates are refused with the reason.
 */
export function parseDate(input: string): DateParseResult {
  const text = input.normalize("NFKC").replace(/\s+/g, "");
  let m = ERA_INPUT.exec(text);
  if (m) {
    const [year, month, day] = [numberOf(m[2]!), numberOf(m[3]!), numberOf(m[4]!)];
    if (year === null || month === null || day === null) return fail("format", "日付の形式が正しくありません");
    return fromWareki(ERA_BY_TOKEN[m[1]!]!.name, year, month, day);
  }
  m = COMPACT_INPUT.exec(text) ?? WESTERN_INPUT.exec(text);
  if (m && !m[1]!.includes("元")) {
    const [year, month, day] = [numberOf(m[1]!), numberOf(m[2]!), numberOf(m[3]!)];
    if (year === null || month === null || day === null || year < 1000) return fail("format", "日付の形式が正しくありません");
    return gregorian(year, month, day);
  }
  return fail("format", "日付の形式が正しくありません（例: R7.4.1、令和7年4月1日、2025-04-01）");
}
