// レイアウトのJSONスキーマ (JSON Schema of a layout): one row of the layout as JSON Schema
// draft 2020-12, generated from the column declarations, for tools that check or map a
// file without reading kyodo's code. An optional column's empty cell is null in the row.
import type { LayoutDefinition } from "../contract.ts";

export const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

/** The column schema as plain JSON: TypeBox's symbol-keyed metadata does not survive stringify. */
function plain(schema: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
}

export function layoutJsonSchema(def: LayoutDefinition): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const column of def.columns) {
    const annotations = { title: column.label, ...(column.description ? { description: column.description } : {}) };
    const value = plain(column.schema);
    properties[column.name] = column.required
      ? { ...value, ...annotations }
      : { ...annotations, anyOf: [value, { type: "null" }] };
  }
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: `https://kyodo.example/layouts/${def.id}/${def.version}/schema.json`,
    title: def.name,
    description: `標準レイアウト「${def.name}」(${def.id} 版 ${def.version}) の1行。CSVの見出し行は列名を下記の順に並べる: ${def.columns
      .map((c) => c.name)
      .join(", ")}`,
    "x-kyodo-layout": { id: def.id, version: def.version },
    type: "object",
    properties,
    required: def.columns.filter((c) => c.required).map((c) => c.name),
    additionalProperties: false,
  };
}
