// 設定値 (a setting's value) on screen: how it reads in a table, which input edits it, how the
// typed text becomes the value sent, and where the server's validation errors land. The kind of
// input comes from the setting's JSON schema when the API gives one (TypeBox schemas are JSON
// Schema), else from the shape of its current value and national default; a shape that says
// nothing (only nulls, nested objects) falls back to JSON text.
import type { ApiProblem } from "../../kit/api-client.ts";

/** The part of JSON Schema that settings use. */
export interface JsonSchema {
  type?: string | readonly string[];
  const?: unknown;
  enum?: readonly unknown[];
  anyOf?: readonly JsonSchema[];
  oneOf?: readonly JsonSchema[];
  properties?: Record<string, JsonSchema>;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  title?: string;
  description?: string;
}

export interface ObjectField {
  name: string;
  label: string;
  shape: ScalarShape;
}

export type ScalarShape =
  | { kind: "choice"; options: readonly (string | number)[]; nullable: boolean }
  | { kind: "integer" | "number"; minimum?: number; maximum?: number; nullable: boolean }
  | { kind: "text"; minLength?: number; maxLength?: number; nullable: boolean }
  | { kind: "time"; nullable: boolean }
  | { kind: "boolean"; nullable: boolean };

export type ValueShape = ScalarShape | { kind: "object"; fields: readonly ObjectField[] } | { kind: "json" };

/** The form's text per input: "value" for a single value, "value/<property>" for each part of an object. */
export type ValueDraft = Record<string, string>;

export const VALUE_FIELD = "value";
const JSON_SHAPE: ValueShape = { kind: "json" };
const CLOCK_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function typesOf(schema: JsonSchema): string[] {
  return schema.type === undefined ? [] : typeof schema.type === "string" ? [schema.type] : [...schema.type];
}

/** A pattern that accepts 「08:30」「23:59」 and refuses words is a clock time. */
function isClockPattern(pattern: string): boolean {
  try {
    const re = new RegExp(pattern);
    return re.test("08:30") && re.test("23:59") && !re.test("abc") && !re.test("");
  } catch {
    return false;
  }
}

/** 「受付開始 HH:MM」→「受付開始」: a property's description without its trailing format note. */
function fieldLabel(name: string, schema: JsonSchema | undefined): string {
  const text = schema?.title ?? schema?.description;
  if (!text) return name;
  return text.replace(/\s+[\x21-\x7e]+$/, "").trim() || name;
}

function withNullable(shape: ValueShape, nullable: boolean): ValueShape {
  if (!nullable) return shape;
  return shape.kind === "object" || shape.kind === "json" ? JSON_SHAPE : { ...shape, nullable: true };
}

export function shapeOfSchema(schema: JsonSchema): ValueShape {
  const members = schema.anyOf ?? schema.oneOf;
  if (members) {
    const nullable = members.some((m) => typesOf(m).includes("null"));
    const rest = members.filter((m) => !(typesOf(m).length === 1 && typesOf(m)[0] === "null"));
    const consts = rest.map((m) => m.const);
    if (rest.length > 0 && consts.every((c) => typeof c === "string" || typeof c === "number")) {
      return { kind: "choice", options: consts as (string | number)[], nullable };
    }
    return rest.length === 1 ? withNullable(shapeOfSchema(rest[0]!), nullable) : JSON_SHAPE;
  }
  if (schema.enum || schema.const !== undefined) {
    const values = schema.enum ?? [schema.const];
    const options = values.filter((v) => typeof v === "string" || typeof v === "number") as (string | number)[];
    return options.length ? { kind: "choice", options, nullable: values.includes(null) } : JSON_SHAPE;
  }
  const types = typesOf(schema);
  const nullable = types.includes("null");
  const type = types.filter((t) => t !== "null");
  if (type.length !== 1) return JSON_SHAPE;
  switch (type[0]) {
    case "integer":
    case "number":
      return { kind: type[0], minimum: schema.minimum, maximum: schema.maximum, nullable };
    case "string":
      return schema.pattern && isClockPattern(schema.pattern)
        ? { kind: "time", nullable }
        : { kind: "text", minLength: schema.minLength, maxLength: schema.maxLength, nullable };
    case "boolean":
      return { kind: "boolean", nullable };
    case "object": {
      if (nullable || !schema.properties) return JSON_SHAPE;
      const fields: ObjectField[] = [];
      for (const [name, property] of Object.entries(schema.properties)) {
        const shape = shapeOfSchema(property);
        if (shape.kind === "object" || shape.kind === "json") return JSON_SHAPE;
        fields.push({ name, label: fieldLabel(name, property), shape });
      }
      return { kind: "object", fields };
    }
    default:
      return JSON_SHAPE;
  }
}

/** What the values themselves show: every non-null one of the same kind, objects by their keys. */
export function shapeOfExamples(examples: readonly unknown[]): ValueShape {
  const nullable = examples.some((e) => e === null);
  const known = examples.filter((e) => e !== null && e !== undefined);
  if (!known.length) return JSON_SHAPE;
  if (known.every((e) => typeof e === "string")) {
    return known.every((e) => CLOCK_TIME.test(e as string)) ? { kind: "time", nullable } : { kind: "text", nullable };
  }
  // An example says nothing about whether fractions are allowed: the server's schema decides.
  if (known.every((e) => typeof e === "number")) return { kind: "number", nullable };
  if (known.every((e) => typeof e === "boolean")) return { kind: "boolean", nullable };
  if (!nullable && known.every(isRecord)) {
    const names = Object.keys(known[0] as Record<string, unknown>);
    const sameKeys = known.every((e) => {
      const keys = Object.keys(e as Record<string, unknown>);
      return keys.length === names.length && names.every((n) => keys.includes(n));
    });
    if (!sameKeys || !names.length) return JSON_SHAPE;
    const fields: ObjectField[] = [];
    for (const name of names) {
      const shape = shapeOfExamples(known.map((e) => (e as Record<string, unknown>)[name]));
      if (shape.kind === "object" || shape.kind === "json") return JSON_SHAPE;
      fields.push({ name, label: name, shape });
    }
    return { kind: "object", fields };
  }
  return JSON_SHAPE;
}

/** The input for a setting: its schema if the API sent one, else its value and national default. */
export function shapeOf(setting: { schema?: unknown; value: unknown; nationalDefault: unknown }): ValueShape {
  if (isRecord(setting.schema)) return shapeOfSchema(setting.schema as JsonSchema);
  return shapeOfExamples([setting.value, setting.nationalDefault]);
}

function scalarDraft(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : String(value);
}

export function draftOf(shape: ValueShape, value: unknown): ValueDraft {
  if (shape.kind === "json") return { [VALUE_FIELD]: value === undefined ? "" : JSON.stringify(value, null, 2) };
  if (shape.kind === "object") {
    const record = isRecord(value) ? value : {};
    return Object.fromEntries(shape.fields.map((f) => [`${VALUE_FIELD}/${f.name}`, scalarDraft(record[f.name])]));
  }
  return { [VALUE_FIELD]: scalarDraft(value) };
}

export type DraftResult = { ok: true; value: unknown } | { ok: false; errors: Record<string, string> };

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

function parseScalar(shape: ScalarShape, raw: string): Parsed {
  const text = raw.trim();
  if (text === "" && shape.nullable) return { ok: true, value: null };
  switch (shape.kind) {
    case "text":
      return { ok: true, value: text };
    case "time":
      return text === "" ? { ok: false, message: "時刻を入力してください" } : { ok: true, value: text };
    case "integer":
    case "number": {
      // 全角数字 typed with the IME count as digits.
      const n = Number(text.normalize("NFKC").replace(/,/g, ""));
      if (text === "" || !Number.isFinite(n)) return { ok: false, message: "数値を半角数字で入力してください" };
      if (shape.kind === "integer" && !Number.isInteger(n)) return { ok: false, message: "整数で入力してください" };
      return { ok: true, value: n };
    }
    case "boolean":
      return text === "true" || text === "false" ? { ok: true, value: text === "true" } : { ok: false, message: "選んでください" };
    case "choice": {
      const option = shape.options.find((o) => String(o) === text);
      return option === undefined ? { ok: false, message: "一覧から選んでください" } : { ok: true, value: option };
    }
  }
}

/** The value to send, or a Japanese message per input that cannot be read. */
export function valueOfDraft(shape: ValueShape, draft: ValueDraft): DraftResult {
  if (shape.kind === "json") {
    try {
      return { ok: true, value: JSON.parse(draft[VALUE_FIELD] ?? "") as unknown };
    } catch {
      return { ok: false, errors: { [VALUE_FIELD]: "JSON形式で入力してください（文字は \"…\" で囲みます）" } };
    }
  }
  if (shape.kind === "object") {
    const value: Record<string, unknown> = {};
    const errors: Record<string, string> = {};
    for (const f of shape.fields) {
      const key = `${VALUE_FIELD}/${f.name}`;
      const parsed = parseScalar(f.shape, draft[key] ?? "");
      if (parsed.ok) value[f.name] = parsed.value;
      else errors[key] = parsed.message;
    }
    return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
  }
  const parsed = parseScalar(shape, draft[VALUE_FIELD] ?? "");
  return parsed.ok ? parsed : { ok: false, errors: { [VALUE_FIELD]: parsed.message } };
}

function range(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${min}以上${max}以下の`;
  if (min !== undefined) return `${min}以上の`;
  if (max !== undefined) return `${max}以下の`;
  return "";
}

/** What the input accepts, said as an instruction: the message for a value the server refused. */
export function constraintMessage(shape: ValueShape): string | null {
  switch (shape.kind) {
    case "integer":
      return `${range(shape.minimum, shape.maximum)}整数で入力してください`;
    case "number": {
      // Without bounds "enter a number" would not say why a number was refused.
      const bounds = range(shape.minimum, shape.maximum);
      return bounds ? `${bounds}数値で入力してください` : null;
    }
    case "text":
      if (shape.maxLength === undefined) return null;
      return shape.minLength ? `${shape.minLength}〜${shape.maxLength}文字で入力してください` : `${shape.maxLength}文字以内で入力してください`;
    case "time":
      return "時刻を「09:00」の形（24時間制）で入力してください";
    case "choice":
      return "一覧から選んでください";
    default:
      return null;
  }
}

/** A short note under the input on what it takes. */
export function hintOf(shape: ValueShape): string | null {
  switch (shape.kind) {
    case "integer":
    case "number": {
      const { minimum: min, maximum: max } = shape;
      const bounds = min !== undefined && max !== undefined ? `${min}〜${max}` : min !== undefined ? `${min}以上` : max !== undefined ? `${max}以下` : "";
      return bounds ? `${bounds}の${shape.kind === "integer" ? "整数" : "数値"}` : null;
    }
    case "text":
      return [shape.maxLength !== undefined ? `${shape.maxLength}文字以内` : null, shape.nullable ? "空欄にすると未設定になります" : null]
        .filter(Boolean)
        .join("。") || null;
    case "time":
      return "24時間制";
    case "json":
      return "JSON形式で入力します。文字は \"…\" で囲み、数値・null・{…} はそのまま書きます。";
    default:
      return null;
  }
}

function shapeAt(shape: ValueShape, key: string): ValueShape | null {
  if (key === VALUE_FIELD) return shape;
  if (shape.kind !== "object") return null;
  return shape.fields.find((f) => `${VALUE_FIELD}/${f.name}` === key)?.shape ?? null;
}

/** The inputs of a shape, by their draft keys. */
export function inputKeys(shape: ValueShape): string[] {
  return shape.kind === "object" ? shape.fields.map((f) => `${VALUE_FIELD}/${f.name}`) : [VALUE_FIELD];
}

/**
 * The server's errors about the value, placed on the inputs: "body/value/opens" on that part of
 * the object, anything else about the value on the first input. Schema messages are English, so
 * each input says in Japanese what it accepts, or the problem's own Japanese title.
 */
export function valueErrorsOf(problem: ApiProblem, shape: ValueShape): Record<string, string> {
  const keys = inputKeys(shape);
  const result: Record<string, string> = {};
  for (const error of problem.errors) {
    const parts = error.field.split("/").filter((p) => p !== "");
    if (parts[0] === "body") parts.shift();
    if (parts[0] !== VALUE_FIELD) continue;
    const exact = parts.slice(0, 2).join("/");
    const key = keys.includes(exact) ? exact : keys[0]!;
    if (key in result) continue;
    const at = shapeAt(shape, key);
    result[key] = (at && constraintMessage(at)) ?? problem.titleJa;
  }
  return result;
}

/** How a value reads in a table: （未設定） for null, （空欄） for "", parts of an object side by side. */
export function formatValue(value: unknown, shape?: ValueShape): string {
  if (value === null || value === undefined) return "（未設定）";
  if (value === "") return "（空欄）";
  if (typeof value === "string") return value;
  if (typeof value === "number") return value.toLocaleString("ja-JP");
  if (typeof value === "boolean") return value ? "はい" : "いいえ";
  if (Array.isArray(value)) return value.map((v) => formatValue(v)).join("、");
  if (isRecord(value)) {
    const labels = new Map(shape?.kind === "object" ? shape.fields.map((f) => [f.name, f.label]) : []);
    return Object.entries(value)
      .map(([k, v]) => `${labels.get(k) ?? k} ${formatValue(v)}`)
      .join("／");
  }
  return JSON.stringify(value);
}
