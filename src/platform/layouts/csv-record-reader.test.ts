import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { lineBreaksIn, readCsvRecords, type CsvRecord, type CsvSyntaxError } from "./csv-record-reader.ts";
import { csvField, csvRecord } from "./csv-record-writer.ts";

const read = (text: string) => [...readCsvRecords(text)];
const records = (text: string) => read(text).filter((r): r is CsvRecord => r.kind === "record");
const errors = (text: string) => read(text).filter((r): r is CsvSyntaxError => r.kind === "error");

describe("RFC 4180 writing", () => {
  it("quotes a field only when it holds a comma, a quote, CR or LF, doubling inner quotes", () => {
    expect(csvField("山田 太郎")).toBe("山田 太郎");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("one\ntwo")).toBe('"one\ntwo"');
    expect(csvField("cr\r")).toBe('"cr\r"');
  });

  it("ends every record with CRLF", () => {
    expect(csvRecord(["a", "", "c"])).toBe("a,,c\r\n");
  });
});

describe("RFC 4180 reading", () => {
  it("reads fields, empty fields and a final record without a line break", () => {
    expect(records("a,b,c\r\n1,,3\r\nx,y,").map((r) => r.fields.map((f) => f.text))).toEqual([
      ["a", "b", "c"],
      ["1", "", "3"],
      ["x", "y", ""],
    ]);
  });

  it("unquotes doubled quotes and keeps commas and line breaks inside quoted fields", () => {
    const [r] = records('"a ""quoted"", word","line1\r\nline2"\r\n');
    expect(r!.fields.map((f) => f.text)).toEqual(['a "quoted", word', "line1\r\nline2"]);
  });

  it("counts physical lines through quoted multi-line fields, CRLF, LF and lone CR alike", () => {
    const text = 'h1,h2\r\n"one\ntwo\r\nthree",x\r\nnext,"a\rb"\nlast,z';
    const rs = records(text);
    expect(rs.map((r) => r.line)).toEqual([1, 2, 5, 7]);
    expect(rs[1]!.fields.map((f) => f.line)).toEqual([2, 4]);
    expect(rs[2]!.fields.map((f) => f.line)).toEqual([5, 5]);
  });

  it("skips blank lines between records and keeps counting them", () => {
    const rs = records("a,b\r\n\r\n\r\nc,d\r\n\r\n");
    expect(rs.map((r) => [r.line, r.fields.map((f) => f.text).join("|")])).toEqual([
      [1, "a|b"],
      [4, "c|d"],
    ]);
  });

  it("reports a quote inside an unquoted field with its line and field, and reads on at the next line", () => {
    const items = read('h1,h2\r\nok,ab"c\r\nfine,1\r\n');
    expect(errors('h1,h2\r\nok,ab"c\r\nfine,1\r\n')).toEqual([
      expect.objectContaining({ code: "csv-quote-in-unquoted-field", line: 2, fieldNumber: 2 }),
    ]);
    expect(items.filter((i) => i.kind === "record").map((r) => r.line)).toEqual([1, 3]);
  });

  it("reports text after a closing quote on the line where the quote closed", () => {
    expect(errors('h\r\n"multi\nline"x\r\nok\r\n')).toEqual([
      expect.objectContaining({ code: "csv-text-after-closing-quote", line: 3, fieldNumber: 1 }),
    ]);
    expect(records('h\r\n"multi\nline"x\r\nok\r\n').map((r) => r.line)).toEqual([1, 4]);
  });

  it("reports a quoted field that is never closed at the line where it opened", () => {
    expect(errors('h1,h2\r\na,"never\r\nclosed\r\n')).toEqual([
      expect.objectContaining({ code: "csv-unterminated-quote", line: 2, fieldNumber: 2 }),
    ]);
  });

  it("reads back exactly what it wrote, for any fields, at the lines the writer's line breaks imply", () => {
    const unit = fc.oneof(
      fc.constantFrom(",", '"', "\r", "\n", "\r\n", "𠮷", "葛\u{E0100}", "髙", " ", "ｱ"),
      fc.string({ unit: "grapheme", maxLength: 1 }),
    );
    const field = fc.string({ unit, maxLength: 12 });
    const record = fc.array(field, { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), (rows) => {
        const text = rows.map((r) => csvRecord(r)).join("");
        const back = records(text);
        expect(back.map((r) => r.fields.map((f) => f.text))).toEqual(rows);
        let line = 1;
        rows.forEach((r, k) => {
          expect(back[k]!.line).toBe(line);
          line += lineBreaksIn(csvRecord(r));
        });
      }),
      { numRuns: 300 },
    );
  });
});
