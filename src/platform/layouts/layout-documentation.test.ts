import { describe, expect, it } from "vitest";
import { Type } from "@sinclair/typebox";
// The draft 2020-12 validator Fastify itself ships with: an independent reading of the schema.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { AreaDefinition, LayoutDefinition } from "../contract.ts";
import { createLayoutCatalog } from "./catalog.ts";
import { layoutJsonSchema } from "./json-schema.ts";
import { layoutReference } from "./reference.ts";
import { sampleArea, sampleLayout } from "./sample-layout.fixture.ts";

const layout = (over: Partial<LayoutDefinition>): LayoutDefinition => ({ ...(sampleLayout as unknown as LayoutDefinition), ...over });
const area = (...layouts: LayoutDefinition[]): AreaDefinition => ({ id: "sample", name: "検査用", layouts });

describe("layout catalog", () => {
  it("lists every declared layout once, by id, with the declaring area", () => {
    const catalog = createLayoutCatalog([{ id: "db", name: "データベース" }, sampleArea]);
    expect(catalog.layouts.map((l) => [l.definition.id, l.owner])).toEqual([["sample.items", "sample"]]);
    expect(catalog.get("sample.items")?.codecs).toHaveLength(8);
    expect(catalog.get("sample.nothing")).toBeUndefined();
  });

  it("refuses to start with a layout id outside its area, a duplicate, a non-snake_case column or no required column", () => {
    expect(() => createLayoutCatalog([area(layout({ id: "other.items" }))])).toThrow(/"<area>.<name>"/);
    expect(() => createLayoutCatalog([area(layout({}), layout({}))])).toThrow(/declared twice/);
    const columns = sampleLayout.columns;
    expect(() => createLayoutCatalog([area(layout({ columns: [{ ...columns[0]!, name: "ItemNo" }] }))])).toThrow(/snake_case/);
    expect(() => createLayoutCatalog([area(layout({ columns: [columns[0]!, columns[0]!] }))])).toThrow(/declared twice/);
    expect(() => createLayoutCatalog([area(layout({ columns: [{ ...columns[2]!, required: false }] }))])).toThrow(/required column/);
    expect(() =>
      createLayoutCatalog([area(layout({ columns: [{ name: "x", label: "x", schema: Type.Array(Type.String()), required: true }] }))]),
    ).toThrow(/layout sample.items of area sample: layout column x/);
  });
});

describe("JSON Schema of a layout (draft 2020-12)", () => {
  const schema = layoutJsonSchema(sampleLayout as unknown as LayoutDefinition);
  const ajv = new Ajv2020.default({ strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  const row = { item_no: 1, name: "髙橋", note: null, born_on: "2024-02-29", quantity: -3, score: 1.5, active: true, kind: "person" };

  it("names the layout, its version and the Japanese labels", () => {
    expect(schema).toMatchObject({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      title: "検査用品目",
      "x-kyodo-layout": { id: "sample.items", version: "1" },
      required: ["item_no", "name", "active", "kind"],
      additionalProperties: false,
    });
    expect(schema.properties).toMatchObject({ item_no: { title: "品目番号", type: "integer" }, note: { title: "備考", description: "自由記述" } });
    expect(Object.keys(schema.properties as object)).toEqual([...sampleLayout.columns.map((c) => c.name)]);
  });

  it("accepts a valid row, null in an optional column, and refuses a missing required column, a wrong code or a stray key", () => {
    expect(validate(row)).toBe(true);
    expect(validate({ ...row, born_on: null, quantity: null })).toBe(true);
    const { name: _name, ...withoutName } = row;
    expect(validate(withoutName)).toBe(false);
    expect(validate({ ...row, kind: "company" })).toBe(false);
    expect(validate({ ...row, name: null })).toBe(false);
    expect(validate({ ...row, extra: 1 })).toBe(false);
    expect(validate({ ...row, born_on: "2024-13-01" })).toBe(false);
  });
});

describe("layout reference (docs/layouts.md)", () => {
  const markdown = layoutReference([sampleArea]);

  it("documents the file format: encodings, no BOM, CRLF, empty cells and all-or-nothing imports", () => {
    expect(markdown).toContain("**without** a byte-order mark");
    expect(markdown).toContain("CP932 (Windows-31J)");
    expect(markdown).toContain("CRLF");
    expect(markdown).toContain("An empty cell means no value");
    expect(markdown).toContain("Only a file without a single error");
  });

  it("has one table row per column with its label, type and whether it is required", () => {
    expect(markdown).toContain("## 検査用品目 (`sample.items`)");
    expect(markdown).toContain("| 1 | `item_no` | 品目番号 | integer, ≥ 1 | yes |  |");
    expect(markdown).toContain("| 3 | `note` | 備考 | text, not empty | no | 自由記述 |");
    expect(markdown).toContain("| 4 | `born_on` | 生年月日 | date `YYYY-MM-DD` | no |  |");
    expect(markdown).toContain("| 8 | `kind` | 種別 | one of `person`, `organisation` | yes |  |");
  });
});
