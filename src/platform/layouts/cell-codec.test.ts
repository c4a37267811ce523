import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Type } from "@sinclair/typebox";
import { cellCodec, neutraliseCell, restoreCell } from "./cell-codec.ts";
import { isCalendarDate, isDateTime } from "./string-formats.ts";

const column = (schema: ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer> | object, required = true) => ({
  name: "c",
  label: "列",
  schema: schema as never,
  required,
});

describe("calendar dates (グレゴリオ暦)", () => {
  it("accepts 2024-02-29 and 2000-02-29, leap years, and rejects 2026-02-29 and 1900-02-29", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2000-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("1900-02-29")).toBe(false);
  });

  it("rejects months and days that do not exist and other spellings", () => {
    for (const text of ["2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-5", "2026/01/05", "R8-01-05", " 2026-01-05"]) {
      expect(isCalendarDate(text), text).toBe(false);
    }
    expect(isCalendarDate("2026-12-31")).toBe(true);
  });

  it("accepts an RFC 3339 instant with offset and refuses one without", () => {
    expect(isDateTime("2026-04-01T09:00:00+09:00")).toBe(true);
    expect(isDateTime("2026-04-01T09:00:00.123Z")).toBe(true);
    expect(isDateTime("2026-04-01T09:00:00")).toBe(false);
    expect(isDateTime("2026-02-29T09:00:00Z")).toBe(false);
  });
});

describe("cell codecs", () => {
  it("parses a date cell and refuses an impossible date with code invalid-date", () => {
    const codec = cellCodec(column(Type.String({ format: "date" })));
    expect(codec.parse("2024-02-29")).toEqual({ value: "2024-02-29" });
    expect(codec.parse("2026-02-29")).toEqual({ problem: expect.objectContaining({ code: "invalid-date" }) });
  });

  it("writes a pg DATE (a local-midnight Date) as its calendar day, and an instant column in ISO form", () => {
    expect(cellCodec(column(Type.String({ format: "date" }))).write(new Date(2024, 1, 29))).toBe("2024-02-29");
    expect(cellCodec(column(Type.String({ format: "date-time" }))).write(new Date("2026-04-01T00:00:00Z"))).toBe(
      "2026-04-01T00:00:00.000Z",
    );
  });

  it("parses integers from decimal text and refuses fractions, words and unsafe magnitudes", () => {
    const codec = cellCodec(column(Type.Integer({ minimum: 0 })));
    expect(codec.parse("42")).toEqual({ value: 42 });
    expect(codec.parse("007")).toEqual({ value: 7 });
    expect(codec.parse("4.5")).toEqual({ problem: expect.objectContaining({ code: "not-an-integer" }) });
    expect(codec.parse("四十二")).toEqual({ problem: expect.objectContaining({ code: "not-an-integer" }) });
    expect(codec.parse("99999999999999999999")).toEqual({ problem: expect.objectContaining({ code: "integer-out-of-range" }) });
    expect(codec.parse("-1")).toEqual({ problem: expect.objectContaining({ code: "schema" }) });
  });

  it("parses numbers and booleans, and only true or false as booleans", () => {
    expect(cellCodec(column(Type.Number())).parse("-1.5e3")).toEqual({ value: -1500 });
    expect(cellCodec(column(Type.Number())).parse("1,5")).toEqual({ problem: expect.objectContaining({ code: "not-a-number" }) });
    const flag = cellCodec(column(Type.Boolean()));
    expect(flag.parse("true")).toEqual({ value: true });
    expect(flag.parse("false")).toEqual({ value: false });
    expect(flag.parse("1")).toEqual({ problem: expect.objectContaining({ code: "not-a-boolean" }) });
    expect(flag.write(false)).toBe("false");
  });

  it("names the allowed codes when a cell is not one of a list of literals", () => {
    const codec = cellCodec(column(Type.Union([Type.Literal("person"), Type.Literal("organisation")])));
    expect(codec.parse("person")).toEqual({ value: "person" });
    expect(codec.parse("company")).toEqual({
      problem: { code: "not-a-listed-value", message: "expected one of person, organisation" },
    });
  });

  it("reads an empty cell as no value and writes no value, undefined and an empty string as an empty cell", () => {
    const codec = cellCodec(column(Type.String(), false));
    expect(codec.parse("")).toEqual({ value: null });
    expect([codec.write(null), codec.write(undefined), codec.write("")]).toEqual(["", "", ""]);
  });

  it("reports a schema violation without repeating the cell's text", () => {
    const parsed = cellCodec(column(Type.String({ maxLength: 3 }))).parse("山田太郎");
    expect(parsed).toEqual({ problem: expect.objectContaining({ code: "schema" }) });
    expect(JSON.stringify(parsed)).not.toContain("山田");
  });

  it("refuses column schemas a CSV cell cannot carry", () => {
    expect(() => cellCodec(column(Type.Object({ a: Type.String() })))).toThrow(/a cell holds/);
    expect(() => cellCodec(column(Type.Union([Type.String(), Type.Null()])))).toThrow(/required: false/);
    expect(() => cellCodec(column(Type.String({ format: "email" })))).toThrow(/not supported/);
    expect(() => cellCodec(column(Type.Union([Type.Literal("a"), Type.Literal(1)])))).toThrow(/one kind/);
  });
});

describe("OWASP CSV Injection: free-text cells of a third-party file", () => {
  const HOSTILE = ["=cmd|' /C calc'!A0", "+SUM(A1:A2)", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", '=HYPERLINK("http://x")'];

  it("a cell starting with = + - @ tab or CR gets one leading quote, so a spreadsheet shows it as text", () => {
    for (const text of HOSTILE) expect(neutraliseCell(text), JSON.stringify(text)).toBe(`'${text}`);
  });

  it("other text is written as it is, a quote that does not precede a formula included", () => {
    for (const text of ["山田 太郎", "O'Brien", "'quoted'", "a=b", " =1", "＝全角", "", "1-2-3"]) expect(neutraliseCell(text)).toBe(text);
  });

  it("text that already starts with quotes before a trigger gets one more, so the quote removed on import is never the value's own", () => {
    expect(neutraliseCell("'=1")).toBe("''=1");
    expect(neutraliseCell("''-x")).toBe("'''-x");
    expect(restoreCell("''=1")).toBe("'=1");
    expect(restoreCell("'=1")).toBe("=1");
    expect(restoreCell("'quoted'")).toBe("'quoted'");
    expect(restoreCell("=1")).toBe("=1");
  });

  it("restoring a neutralised cell gives the text back, for any text", () => {
    const text = fc.string({ unit: fc.constantFrom("'", "=", "+", "-", "@", "\t", "\r", "a", "山", " ", '"'), maxLength: 8 });
    fc.assert(fc.property(text, (t) => {
      expect(restoreCell(neutraliseCell(t))).toBe(t);
    }));
    fc.assert(fc.property(fc.string(), (t) => {
      expect(restoreCell(neutraliseCell(t))).toBe(t);
    }));
  });

  it("no neutralised cell starts a formula, and two different texts never neutralise alike", () => {
    fc.assert(fc.property(fc.string(), (t) => {
      expect(neutraliseCell(t)).not.toMatch(/^[=+\-@\t\r]/);
    }));
    const text = fc.string({ unit: fc.constantFrom("'", "=", "-", "a"), maxLength: 5 });
    fc.assert(fc.property(text, text, (a, b) => {
      expect(neutraliseCell(a) === neutraliseCell(b)).toBe(a === b);
    }));
  });

  it("a text column neutralises when asked and a raw file keeps the stored text", () => {
    const codec = cellCodec(column(Type.String()));
    expect(codec.isFreeText).toBe(true);
    expect(codec.write("=1+1", "neutralised")).toBe("'=1+1");
    expect(codec.write("=1+1", "raw")).toBe("=1+1");
    expect(codec.write("=1+1")).toBe("=1+1");
    expect(codec.parse("'=1+1", "neutralised")).toEqual({ value: "=1+1" });
    expect(codec.parse("'=1+1", "raw")).toEqual({ value: "'=1+1" });
    expect(codec.parse("=1+1", "neutralised")).toEqual({ value: "=1+1" });
  });

  it("the schema checks the restored value: the protecting quote does not count against maxLength", () => {
    const codec = cellCodec(column(Type.String({ maxLength: 3 })));
    expect(codec.parse("'-12", "neutralised")).toEqual({ value: "-12" });
  });

  it("numbers, dates and lists of codes are never touched: a negative number stays a number", () => {
    const integer = cellCodec(column(Type.Integer()));
    const date = cellCodec(column(Type.String({ format: "date" })));
    const codes = cellCodec(column(Type.Union([Type.Literal("-"), Type.Literal("+")])));
    expect([integer.isFreeText, date.isFreeText, codes.isFreeText]).toEqual([false, false, false]);
    expect(integer.write(-5, "neutralised")).toBe("-5");
    expect(integer.parse("-5", "neutralised")).toEqual({ value: -5 });
    expect(codes.write("-", "neutralised")).toBe("-");
    expect(codes.parse("-", "neutralised")).toEqual({ value: "-" });
    expect(date.write("2026-04-01", "neutralised")).toBe("2026-04-01");
  });
});
