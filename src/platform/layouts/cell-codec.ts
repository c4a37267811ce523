// セル (cell) of a standard layout: how one column's value becomes CSV text and back. The
// column's TypeBox schema decides the kind (text, integer, number, true/false, a fixed list
// of codes, a date); parsing turns text into a value of that kind, then the compiled schema
// checks it. An empty cell means "no value" (null): a layout has no separate empty string.
// A file for a third party is opened in a spreadsheet, so its free-text cells are written so
// that none can start a formula (CellEncoding, ADR 0018).
import type { TSchema } from "@sinclair/typebox";
import { TypeCompiler, type TypeCheck } from "@sinclair/typebox/compiler";
import type { LayoutColumn } from "../contract.ts";
import { SUPPORTED_FORMATS } from "./string-formats.ts";

export type CellKind = "string" | "integer" | "number" | "boolean";

/**
 * How a file's free-text cells are written. `neutralised` (an export for a third party, and what
 * an import expects unless told otherwise): a cell a spreadsheet would take for a formula is
 * prefixed with `'`. `raw`: every cell exactly as stored (a migration export).
 */
export type CellEncoding = "neutralised" | "raw";
export const CELL_ENCODINGS: readonly CellEncoding[] = ["neutralised", "raw"];

// OWASP "CSV Injection": a cell beginning with = + - @ tab (0x09) or carriage return (0x0D) is
// a formula to Excel and LibreOffice; a leading ' makes it text and is not shown.
// https://owasp.org/www-community/attacks/CSV_Injection
// Text that already begins with quotes before such a character gets one more, so that removing
// exactly one quote on import restores every value: the encoding is reversible.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED_FORMULA = /^'+[=+\-@\t\r]/;
const QUOTE = 0x27;

/** The text of a free-text cell as a spreadsheet must see it: never the start of a formula. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of neutraliseCell: restoreCell(neutraliseCell(t)) === t for every t. */
export function restoreCell(text: string): string {
  return text.charCodeAt(0) === QUOTE && NEUTRALISED_FORMULA.test(text) ? text.slice(1) : text;
}

export interface CellProblem {
  code: string;
  message: string;
}

export type ParsedCell = { value: unknown } | { problem: CellProblem };

export interface CellCodec {
  readonly column: LayoutColumn;
  readonly kind: CellKind;
  /** The string format (`date`, `date-time`) when the schema names one. */
  readonly stringFormat: string | undefined;
  /** The allowed codes when the schema is a list of literals, for messages and documentation. */
  readonly choices: readonly (string | number | boolean)[] | undefined;
  /**
   * Free text (a string without a format or a list of codes): the only cells a neutralised file
   * changes. Numbers, dates and codes are checked by their type on import and cannot hold a formula.
   */
  readonly isFreeText: boolean;
  /** Text of a cell → its value (null for an empty cell), or why the text is not acceptable. */
  parse(text: string, cells?: CellEncoding): ParsedCell;
  /** A value → the cell's text ("" for null, undefined or an empty string). */
  write(value: unknown, cells?: CellEncoding): string;
}

type JsonSchema = {
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
};

const INTEGER = /^[+-]?[0-9]+$/;
const NUMBER = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/;

function kindOfConst(value: unknown): CellKind | null {
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return null;
}

/** A list of literal codes: all strings, all booleans, or all numbers (integers unless one is not). */
function literals(where: string, values: unknown[]): { kind: CellKind; choices: (string | number | boolean)[] } {
  const kinds = new Set(values.map(kindOfConst));
  if (kinds.has(null)) throw new Error(`${where}: a list of literals may hold strings, numbers or booleans only`);
  if (kinds.has("number")) kinds.delete("integer");
  if (kinds.size !== 1) throw new Error(`${where}: a list of literals must be of one kind`);
  return { kind: [...kinds][0]!, choices: values as (string | number | boolean)[] };
}

/** The scalar kind of a schema and its literal choices; throws for shapes a CSV cell cannot hold. */
function describe(column: LayoutColumn): { kind: CellKind; choices?: (string | number | boolean)[] } {
  const schema = column.schema as JsonSchema;
  const members = schema.anyOf ?? schema.oneOf;
  const where = `layout column ${column.name}`;
  if (members) {
    if (members.some((m) => m.type === "null")) {
      throw new Error(`${where}: express an optional cell with required: false, not with a null type`);
    }
    return literals(where, members.map((m) => m.const));
  }
  if (schema.const !== undefined) return literals(where, [schema.const]);
  if (schema.enum) return literals(where, schema.enum);
  if (schema.type === "string" || schema.type === "integer" || schema.type === "number" || schema.type === "boolean") {
    if (schema.format !== undefined && schema.type !== "string") throw new Error(`${where}: format applies to strings only`);
    if (schema.format !== undefined && !(schema.format in SUPPORTED_FORMATS)) {
      throw new Error(`${where}: format "${schema.format}" is not supported (${Object.keys(SUPPORTED_FORMATS).join(", ")})`);
    }
    return { kind: schema.type };
  }
  throw new Error(`${where}: a cell holds a string, integer, number, boolean or a list of literals`);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** A JS Date in a `date` column is the local calendar day, which is how `pg` parses a DATE. */
function formatDate(value: Date): string {
  return `${pad(value.getFullYear(), 4)}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

function textOf(column: LayoutColumn, kind: CellKind, format: string | undefined, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error(`layout column ${column.name}: an invalid Date`);
    return format === "date" ? formatDate(value) : value.toISOString();
  }
  switch (typeof value) {
    case "string":
      return value;
    case "number":
      if (!Number.isFinite(value)) throw new Error(`layout column ${column.name}: a number that is not finite`);
      return String(value);
    case "bigint":
      return value.toString();
    case "boolean":
      return value ? "true" : "false";
    default:
      throw new Error(`layout column ${column.name}: cannot write a value of type ${typeof value} as a ${kind} cell`);
  }
}

function fromText(kind: CellKind, format: string | undefined, text: string): ParsedCell {
  switch (kind) {
    case "integer": {
      if (!INTEGER.test(text)) return { problem: { code: "not-an-integer", message: "expected a whole number" } };
      const value = Number(text);
      if (!Number.isSafeInteger(value)) return { problem: { code: "integer-out-of-range", message: "the number is too large" } };
      return { value };
    }
    case "number":
      if (!NUMBER.test(text)) return { problem: { code: "not-a-number", message: "expected a decimal number" } };
      return { value: Number(text) };
    case "boolean":
      if (text === "true") return { value: true };
      if (text === "false") return { value: false };
      return { problem: { code: "not-a-boolean", message: "expected true or false" } };
    case "string":
      if (format === "date" && !SUPPORTED_FORMATS.date!(text)) {
        return { problem: { code: "invalid-date", message: "expected a calendar date written YYYY-MM-DD" } };
      }
      if (format === "date-time" && !SUPPORTED_FORMATS["date-time"]!(text)) {
        return { problem: { code: "invalid-date-time", message: "expected a date and time with offset, e.g. 2026-04-01T09:00:00+09:00" } };
      }
      return { value: text };
  }
}

/**
 * The schema the compiled check runs: without its string format, which fromText has checked
 * already with the same function (SUPPORTED_FORMATS), so a date cell is not checked twice — it
 * was a tenth of the time spent reading a large file. Every other keyword stays.
 */
function withoutFormat(schema: TSchema): TSchema {
  if ((schema as JsonSchema).format === undefined) return schema;
  const { format: _format, ...rest } = schema as TSchema & { format?: string };
  return rest as TSchema;
}

/** The parse of every empty cell: one shared, frozen value rather than one per cell of a large file. */
const EMPTY_CELL: ParsedCell = Object.freeze({ value: null });

export function cellCodec(column: LayoutColumn): CellCodec {
  const { kind, choices } = describe(column);
  const format = (column.schema as JsonSchema).format;
  const check: TypeCheck<TSchema> = TypeCompiler.Compile(withoutFormat(column.schema));
  const isFreeText = kind === "string" && format === undefined && choices === undefined;
  return {
    column,
    kind,
    stringFormat: format,
    choices,
    isFreeText,
    parse(text, cells = "raw") {
      if (text === "") return EMPTY_CELL;
      const parsed = fromText(kind, format, isFreeText && cells === "neutralised" ? restoreCell(text) : text);
      if ("problem" in parsed) return parsed;
      if (check.Check(parsed.value)) return parsed;
      if (choices) {
        return { problem: { code: "not-a-listed-value", message: `expected one of ${choices.map((c) => String(c)).join(", ")}` } };
      }
      const first = check.Errors(parsed.value).First();
      return { problem: { code: "schema", message: first ? lowerFirst(first.message) : "the value does not fit the column's type" } };
    },
    write(value, cells = "raw") {
      const text = textOf(column, kind, format, value);
      return isFreeText && cells === "neutralised" ? neutraliseCell(text) : text;
    },
  };
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}
