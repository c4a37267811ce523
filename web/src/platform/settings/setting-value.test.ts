import { describe, expect, it } from "vitest";
import { ApiProblem } from "../../kit/api-client.ts";
import {
  constraintMessage,
  draftOf,
  formatValue,
  shapeOf,
  shapeOfExamples,
  shapeOfSchema,
  valueErrorsOf,
  valueOfDraft,
  type JsonSchema,
} from "./setting-value.ts";

// The JSON form of the platform's TypeBox schemas (what the API would send).
const counterHours: JsonSchema = {
  type: "object",
  properties: {
    opens: { type: "string", pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$", description: "受付開始 HH:MM" },
    closes: { type: "string", pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$", description: "受付終了 HH:MM" },
  },
};
const mayorTitle: JsonSchema = { anyOf: ["市町村長", "市長", "町長"].map((t) => ({ const: t, type: "string" })) };
const displayName: JsonSchema = { anyOf: [{ type: "null" }, { type: "string", minLength: 1, maxLength: 64 }] };
const fee: JsonSchema = { type: "integer", minimum: 0, maximum: 10000 };

describe("the input that fits a setting", () => {
  it("a schema gives a select for a list, time fields for an object of clock times, a bounded integer, nullable text", () => {
    expect(shapeOfSchema(mayorTitle)).toEqual({ kind: "choice", options: ["市町村長", "市長", "町長"], nullable: false });
    expect(shapeOfSchema(counterHours)).toEqual({
      kind: "object",
      fields: [
        { name: "opens", label: "受付開始", shape: { kind: "time", nullable: false } },
        { name: "closes", label: "受付終了", shape: { kind: "time", nullable: false } },
      ],
    });
    expect(shapeOfSchema(fee)).toEqual({ kind: "integer", minimum: 0, maximum: 10000, nullable: false });
    expect(shapeOfSchema(displayName)).toEqual({ kind: "text", minLength: 1, maxLength: 64, nullable: true });
  });

  it("without a schema, the value and the national default show the shape", () => {
    expect(shapeOf({ value: "山田 太郎", nationalDefault: "" })).toEqual({ kind: "text", nullable: false });
    expect(shapeOf({ value: 300, nationalDefault: 300 })).toEqual({ kind: "number", nullable: false });
    expect(shapeOf({ value: { opens: "09:00", closes: "17:00" }, nationalDefault: { opens: "08:30", closes: "17:15" } })).toEqual({
      kind: "object",
      fields: [
        { name: "opens", label: "opens", shape: { kind: "time", nullable: false } },
        { name: "closes", label: "closes", shape: { kind: "time", nullable: false } },
      ],
    });
    expect(shapeOf({ value: "葉山", nationalDefault: null })).toEqual({ kind: "text", nullable: true });
  });

  it("a schema the API sends wins over the example values", () => {
    expect(shapeOf({ schema: mayorTitle, value: "町長", nationalDefault: "市町村長" }).kind).toBe("choice");
  });

  it("shapes nothing says enough about fall back to JSON text", () => {
    expect(shapeOfExamples([null, null])).toEqual({ kind: "json" });
    expect(shapeOfExamples([{ a: { b: 1 } }])).toEqual({ kind: "json" });
    expect(shapeOfExamples([{ a: "1" }, { b: "1" }])).toEqual({ kind: "json" });
    expect(shapeOfExamples(["x", 1])).toEqual({ kind: "json" });
    expect(shapeOfSchema({ type: "array" })).toEqual({ kind: "json" });
  });
});

describe("typed text to the value sent", () => {
  it("an object's parts round-trip through the draft", () => {
    const shape = shapeOfSchema(counterHours);
    const draft = draftOf(shape, { opens: "08:30", closes: "17:15" });
    expect(draft).toEqual({ "value/opens": "08:30", "value/closes": "17:15" });
    expect(valueOfDraft(shape, { ...draft, "value/closes": "16:00" })).toEqual({ ok: true, value: { opens: "08:30", closes: "16:00" } });
    expect(valueOfDraft(shape, { ...draft, "value/opens": "" })).toEqual({ ok: false, errors: { "value/opens": "時刻を入力してください" } });
  });

  it("numbers accept full-width digits and thousands separators, and refuse words", () => {
    const shape = shapeOfSchema(fee);
    expect(valueOfDraft(shape, { value: "３５０" })).toEqual({ ok: true, value: 350 });
    expect(valueOfDraft(shape, { value: "1,200" })).toEqual({ ok: true, value: 1200 });
    expect(valueOfDraft(shape, { value: "三百" })).toEqual({ ok: false, errors: { value: "数値を半角数字で入力してください" } });
    expect(valueOfDraft(shape, { value: "300.5" })).toEqual({ ok: false, errors: { value: "整数で入力してください" } });
  });

  it("an empty nullable field is null, an empty plain text field is the empty string", () => {
    expect(valueOfDraft(shapeOfSchema(displayName), { value: " " })).toEqual({ ok: true, value: null });
    expect(valueOfDraft({ kind: "text", nullable: false }, { value: "" })).toEqual({ ok: true, value: "" });
    expect(draftOf(shapeOfSchema(displayName), null)).toEqual({ value: "" });
  });

  it("a choice sends the option itself, numbers as numbers", () => {
    expect(valueOfDraft(shapeOfSchema(mayorTitle), { value: "町長" })).toEqual({ ok: true, value: "町長" });
    expect(valueOfDraft({ kind: "choice", options: [1, 2], nullable: false }, { value: "2" })).toEqual({ ok: true, value: 2 });
    expect(valueOfDraft(shapeOfSchema(mayorTitle), { value: "知事" }).ok).toBe(false);
  });

  it("JSON text is parsed, and text that is not JSON is refused with how to write it", () => {
    expect(valueOfDraft({ kind: "json" }, { value: '"町長"' })).toEqual({ ok: true, value: "町長" });
    expect(valueOfDraft({ kind: "json" }, { value: "町長" })).toEqual({
      ok: false,
      errors: { value: 'JSON形式で入力してください（文字は "…" で囲みます）' },
    });
  });
});

describe("the server's errors placed on the inputs", () => {
  const invalid = (...fields: string[]) =>
    new ApiProblem(400, "invalid-setting-value", "設定値の形式が正しくありません", fields.map((field) => ({ field, message: "Expected" })));

  it("an error about part of an object lands on that part, in Japanese", () => {
    expect(valueErrorsOf(invalid("body/value/closes"), shapeOfSchema(counterHours))).toEqual({
      "value/closes": "時刻を「09:00」の形（24時間制）で入力してください",
    });
  });

  it("a bounded number says its bounds; a number or text with no known bounds uses the problem's title", () => {
    expect(valueErrorsOf(invalid("body/value"), shapeOfSchema(fee))).toEqual({ value: "0以上10000以下の整数で入力してください" });
    expect(valueErrorsOf(invalid("body/value"), { kind: "number", minimum: 1, nullable: false })).toEqual({ value: "1以上の数値で入力してください" });
    expect(valueErrorsOf(invalid("body/value"), { kind: "number", nullable: false })).toEqual({ value: "設定値の形式が正しくありません" });
    expect(valueErrorsOf(invalid("body/value"), { kind: "text", nullable: false })).toEqual({ value: "設定値の形式が正しくありません" });
  });

  it("errors about other fields are left to the form, and an object-level error lands on its first part", () => {
    expect(valueErrorsOf(invalid("body/reason"), shapeOfSchema(fee))).toEqual({});
    expect(Object.keys(valueErrorsOf(invalid("body/value"), shapeOfSchema(counterHours)))).toEqual(["value/opens"]);
  });

  it("text limits read as a length", () => {
    expect(constraintMessage(shapeOfSchema(displayName))).toBe("1〜64文字で入力してください");
    expect(constraintMessage({ kind: "text", maxLength: 64, nullable: false })).toBe("64文字以内で入力してください");
  });
});

describe("values as they read in a table", () => {
  it("empty values are named, numbers grouped, object parts labelled", () => {
    expect(formatValue(null)).toBe("（未設定）");
    expect(formatValue("")).toBe("（空欄）");
    expect(formatValue(10000)).toBe("10,000");
    expect(formatValue(true)).toBe("はい");
    expect(formatValue({ opens: "08:30", closes: "17:15" }, shapeOfSchema(counterHours))).toBe("受付開始 08:30／受付終了 17:15");
    expect(formatValue({ opens: "08:30" })).toBe("opens 08:30");
  });
});
