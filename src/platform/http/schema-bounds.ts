// Every number and every string a route accepts is bounded by its schema, checked when the route
// registers (like the access rule): a route whose request schema lets through an integer past
// PostgreSQL's columns, or a string of any length, does not start. Bounds are the schema's own
// `minimum`/`maximum` and `maxLength` (or a closed set: `enum`, `const`, a `format` of fixed size).
import type { RouteOptions } from "fastify";

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema | Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  additionalProperties?: boolean | Schema;
}

const FIXED_FORMATS = new Set(["date", "date-time", "uuid", "time"]);

/** An anchored pattern with no unbounded repetition (`+`, `*`, `{n,}`) bounds the length itself. */
export function patternBoundsLength(pattern: string | undefined): boolean {
  if (!pattern || !pattern.startsWith("^") || !pattern.endsWith("$")) return false;
  const unescaped = pattern.replace(/\\./g, "");
  return !/[+*]|\{\d+,\}/.test(unescaped);
}

function typesOf(schema: Schema): string[] {
  return Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
}

/** Paths (JSON pointer style) of the unbounded numbers and strings in a request schema. */
export function unboundedFields(schema: Schema | undefined, path = ""): string[] {
  if (!schema || typeof schema !== "object") return [];
  if (schema.enum !== undefined || schema.const !== undefined) return [];
  const found: string[] = [];
  for (const variant of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    found.push(...unboundedFields(variant, path));
  }
  const types = typesOf(schema);
  const stringBounded = schema.maxLength !== undefined || FIXED_FORMATS.has(schema.format ?? "") || patternBoundsLength(schema.pattern);
  if (types.includes("string") && !stringBounded) {
    found.push(`${path || "/"} (string without maxLength)`);
  }
  if (types.includes("integer") || types.includes("number")) {
    const low = schema.minimum ?? schema.exclusiveMinimum;
    const high = schema.maximum ?? schema.exclusiveMaximum;
    if (low === undefined || high === undefined) found.push(`${path || "/"} (number without minimum and maximum)`);
  }
  for (const [key, child] of Object.entries(schema.properties ?? {})) found.push(...unboundedFields(child, `${path}/${key}`));
  if (typeof schema.additionalProperties === "object") found.push(...unboundedFields(schema.additionalProperties, `${path}/*`));
  const items = schema.items;
  for (const item of Array.isArray(items) ? items : items ? [items] : []) found.push(...unboundedFields(item, `${path}/0`));
  return [...new Set(found)];
}

/** Throws, naming the route and the fields, when a request schema is unbounded. */
export function enforceRequestBounds(route: RouteOptions): void {
  const schema = route.schema as Record<string, Schema | undefined> | undefined;
  if (!schema) return;
  const problems = (["params", "querystring", "body", "headers"] as const).flatMap((part) =>
    unboundedFields(schema[part]).map((field) => `${part}${field}`),
  );
  if (problems.length) {
    throw new Error(`route ${String(route.method)} ${route.url} accepts unbounded input: ${problems.join(", ")}`);
  }
}
