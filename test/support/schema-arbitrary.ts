// fast-check arbitraries from the JSON schemas of the OpenAPI document: values that are mostly
// valid for their schema (so a request gets past validation and reaches the code behind it),
// with hostile values mixed in at every leaf. Used by the route walker (test/hardening).
import fc from "fast-check";

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

/** What an attacker sends: bytes PostgreSQL refuses, numbers past every column, spreadsheet formulas. */
export const HOSTILE_STRINGS = [
  "\u0000",
  "a\u0000b",
  "検査\ud800太郎",
  "\udc00",
  "ベル\u0007",
  "999999999999999999999999",
  "-999999999999999999999999",
  "9223372036854775808",
  "2147483648",
  "-1",
  "0",
  "1e309",
  "NaN",
  "",
  " ",
  "=cmd|' /C calc'!A0",
  "'; DROP TABLE tenant; --",
  "../../etc/passwd",
  "%00",
  "2024-02-30",
  "0000-00-00",
  "9999-12-31",
  "00000000-0000-0000-0000-000000000000",
  "か\u3099",
  "x".repeat(5000),
];

export const HOSTILE_NUMBERS = [
  0,
  -1,
  2147483648,
  -2147483649,
  9007199254740991,
  1e24,
  -1e24,
  0.5,
];

const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<unknown>(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...HOSTILE_NUMBERS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, [], {}, [null], { a: "\u0000" }) },
);

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  return schema.type ? [schema.type] : [];
}

/** A value valid for the schema as far as cheaply possible. */
export function validArbitrary(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => schemaArbitrary(s, depth + 1)));
  if (schema.allOf?.length) return schemaArbitrary(schema.allOf[0]!, depth + 1);
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => validArbitrary({ ...schema, type }, depth)));
  switch (types[0]) {
    case "string": {
      if (schema.format === "date-time") return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      if (schema.format === "date") return fc.constantFrom("2024-02-29", "2025-04-01", "2026-12-07");
      if (schema.pattern) {
        const max = schema.maxLength;
        return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => max === undefined || s.length <= max);
      }
      const max = Math.min(schema.maxLength ?? 20, 20);
      return fc.string({ minLength: Math.min(schema.minLength ?? 0, max), maxLength: max });
    }
    case "integer":
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 });
    case "number":
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(schema.items ? schemaArbitrary(schema.items, depth + 1) : hostileLeaf, {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
    case "object":
      return objectArbitrary(schema, depth);
    default:
      return hostileLeaf;
  }
}

function objectArbitrary(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, schemaArbitrary(s, depth + 1)]));
  return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
}

/** Mostly-valid values with hostile ones at any leaf (about one leaf in six). */
export function schemaArbitrary(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return hostileLeaf;
  const valid = validArbitrary(schema, depth);
  const types = typesOf(schema);
  if (types.includes("object") || types.includes("array")) return fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: hostileLeaf });
  return fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: hostileLeaf });
}

/**
 * The places a hostile value can go in a JSON value of this schema: each property, recursively
 * (array items at index 0), as paths of keys.
 */
export function leafPaths(schema: JsonSchema, prefix: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (depth > 4) return [];
  const paths: (string | number)[][] = [];
  for (const variant of [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    for (const [key, child] of Object.entries(variant.properties ?? {})) {
      paths.push([...prefix, key], ...leafPaths(child, [...prefix, key], depth + 1));
    }
    if (variant.items) paths.push([...prefix, 0], ...leafPaths(variant.items, [...prefix, 0], depth + 1));
  }
  const seen = new Set<string>();
  return paths.filter((p) => !seen.has(JSON.stringify(p)) && seen.add(JSON.stringify(p)));
}

/** A copy of `value` with `replacement` at `path` (objects and arrays created as needed). */
export function withValueAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (typeof head === "number") {
    const array = Array.isArray(value) ? [...value] : [];
    array[head] = withValueAt(array[head], rest, replacement);
    return array;
  }
  const object = value !== null && typeof value === "object" && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
  object[head!] = withValueAt(object[head!], rest, replacement);
  return object;
}

/** JSON nested `levels` deep, built as text (JSON.stringify of such a value would itself recurse). */
export function deeplyNestedJson(levels: number): string {
  return "[".repeat(levels) + "]".repeat(levels);
}
