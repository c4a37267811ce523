import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { eraOf, formatWareki, fromWareki, isIsoDate, parseDate, toWareki } from "./wareki.ts";

const iso = (input: string) => {
  const r = parseDate(input);
  if (!r.ok) throw new Error(`${input}: ${r.reason}`);
  return r.iso;
};
const reason = (input: string) => {
  const r = parseDate(input);
  return r.ok ? `ok ${r.iso}` : r.reason;
};

describe("元号を改める政令 and 改元の詔書: the first day of each era and the day before", () => {
  it.each([
    ["1912-07-29", "明治45年7月29日"],
    ["1912-07-30", "大正元年7月30日"],
    ["1926-12-24", "大正15年12月24日"],
    ["1926-12-25", "昭和元年12月25日"],
    ["1989-01-07", "昭和64年1月7日"],
    ["1989-01-08", "平成元年1月8日"],
    ["2019-04-30", "平成31年4月30日"],
    ["2019-05-01", "令和元年5月1日"],
  ])("%s is %s", (date, expected) => {
    expect(formatWareki(date)).toBe(expected);
  });

  it("toWareki gives the era, its letter and the year of the era", () => {
    expect(toWareki("2019-05-01")).toEqual({ era: "令和", eraLetter: "R", year: 1, month: 5, day: 1, iso: "2019-05-01" });
    expect(toWareki("2026-02-28")).toMatchObject({ era: "令和", year: 8 });
  });

  it("明治 begins on 1868-10-23 (改元の詔), and nothing before it has an era", () => {
    expect(eraOf("1868-10-22")).toBeNull();
    expect(eraOf("1868-10-23")?.name).toBe("明治");
  });

  it("明治 dates convert only from 1873-01-01 (改暦ノ布告): earlier ones were lunisolar", () => {
    expect(() => toWareki("1872-12-31")).toThrow(/before-solar-calendar/);
    expect(() => toWareki("1868-10-23")).toThrow(/before-solar-calendar/);
    expect(formatWareki("1873-01-01")).toBe("明治6年1月1日");
    expect(reason("M5.12.2")).toBe("before-solar-calendar");
    expect(iso("M6.1.1")).toBe("1873-01-01");
  });

  it("the short style is what clerks type", () => {
    expect(formatWareki("2019-05-01", "short")).toBe("R1.5.1");
    expect(formatWareki("1989-01-07", "short")).toBe("S64.1.7");
  });

  it("refuses a date that is not YYYY-MM-DD or does not exist", () => {
    expect(() => toWareki("2026-02-29")).toThrow(RangeError);
    expect(() => toWareki("2025/04/01")).toThrow(RangeError);
  });
});

describe("parsing what a clerk types", () => {
  it.each([
    ["R7.4.1", "2025-04-01"],
    ["r7/4/1", "2025-04-01"],
    ["令和7年4月1日", "2025-04-01"],
    ["令7.4.1", "2025-04-01"],
    ["令和 7 年 4 月 1 日", "2025-04-01"],
    ["Ｒ７．４．１", "2025-04-01"],
    ["令和７年４月１日", "2025-04-01"],
    ["㋿7.4.1", "2025-04-01"],
    ["令和七年四月一日", "2025-04-01"],
    ["昭和六十四年一月七日", "1989-01-07"],
    ["平成三十一年四月三十日", "2019-04-30"],
    ["H31.4.30", "2019-04-30"],
    ["S64.1.7", "1989-01-07"],
    ["平成元年1月8日", "1989-01-08"],
    ["R元.5.1", "2019-05-01"],
    ["2025-04-01", "2025-04-01"],
    ["2025/4/1", "2025-04-01"],
    ["2025.4.1", "2025-04-01"],
    ["2025年4月1日", "2025-04-01"],
    ["２０２５－０４－０１", "2025-04-01"],
    ["20250401", "2025-04-01"],
    ["二〇二五年四月一日", "2025-04-01"],
  ])("%s → %s", (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it.each([
    ["H31.5.1", "after-era"],
    ["平成31年5月1日", "after-era"],
    ["S64.1.8", "after-era"],
    ["T15.12.26", "after-era"],
    ["M45.7.31", "after-era"],
    ["R1.4.30", "before-era"],
    ["H1.1.7", "before-era"],
    ["S1.12.24", "before-era"],
    ["T1.7.29", "before-era"],
    ["2026-02-29", "no-such-day"],
    ["R8.2.29", "no-such-day"],
    ["2025-04-31", "no-such-day"],
    ["2025-13-01", "no-such-month"],
    ["R0.4.1", "year-zero"],
    ["X7.4.1", "format"],
    ["令和", "format"],
    ["", "format"],
    ["2025-04", "format"],
  ])("%s is refused: %s", (input, expected) => {
    expect(reason(input)).toBe(expected);
  });

  it("the day a 詔書 changed the era may be written in either era; a 政令's day may not", () => {
    expect(iso("M45.7.30")).toBe("1912-07-30");
    expect(iso("T1.7.30")).toBe("1912-07-30");
    expect(iso("T15.12.25")).toBe("1926-12-25");
    expect(iso("S1.12.25")).toBe("1926-12-25");
    expect(reason("S64.1.8")).toBe("after-era");
    expect(reason("H31.5.1")).toBe("after-era");
  });

  it("a refusal explains the rule without echoing the date typed", () => {
    const r = parseDate("H31.5.1");
    expect(r).toEqual({ ok: false, reason: "after-era", message: "平成は平成31年4月30日で終わりました" });
    const day = parseDate("2026-02-29");
    expect(day.ok ? "" : day.message).not.toMatch(/2026|29/);
  });

  it("February 29 exists in leap years only (2024 and 2000, not 2026 or 1900)", () => {
    expect(iso("2024-02-29")).toBe("2024-02-29");
    expect(iso("R6.2.29")).toBe("2024-02-29");
    expect(iso("2000-02-29")).toBe("2000-02-29");
    expect(reason("2026-02-29")).toBe("no-such-day");
    expect(reason("1900-02-29")).toBe("no-such-day");
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(formatWareki("2024-02-29")).toBe("令和6年2月29日");
  });

  it("fromWareki accepts the era by name or letter", () => {
    expect(fromWareki("平成", 31, 4, 30)).toEqual({ ok: true, iso: "2019-04-30" });
    expect(fromWareki("H", 31, 5, 1)).toMatchObject({ ok: false, reason: "after-era" });
  });

  it("every date from 1873 on round-trips through the long and the short 和暦", () => {
    const day = 86_400_000;
    const from = Date.UTC(1873, 0, 1);
    const to = Date.UTC(2100, 11, 31);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Math.floor((to - from) / day) }), (offset) => {
        const date = new Date(from + offset * day).toISOString().slice(0, 10);
        expect(iso(formatWareki(date))).toBe(date);
        expect(iso(formatWareki(date, "short"))).toBe(date);
      }),
      { numRuns: 2000 },
    );
  });
});
