// A layout declared only by the tests of the layout framework: a small tenant-owned table
// whose columns cover every kind of cell (integer, text, optional text, date, number,
// boolean, a list of codes), created through the owner pool as a migration would create it.
import { Type } from "@sinclair/typebox";
import type { AreaDefinition, LayoutDefinition } from "../contract.ts";
import type { Database, Tx } from "../db/database.ts";
import { allAreas } from "../start.ts";
import { loadConfig } from "../config.ts";
import { modules } from "../../main.ts";
import { cursorRows } from "./cursor-rows.ts";
import { layoutsArea } from "./index.ts";

export interface SampleRow extends Record<string, unknown> {
  item_no: number;
  name: string;
  note: string | null;
  born_on: string | null;
  quantity: number | null;
  score: number | null;
  active: boolean;
  kind: "person" | "organisation";
}

export const SAMPLE_COLUMNS = ["item_no", "name", "note", "born_on", "quantity", "score", "active", "kind"] as const;
export const SAMPLE_HEADER = SAMPLE_COLUMNS.join(",");

const SELECT = `SELECT item_no, name, note, born_on, quantity, score, active, kind FROM sample_item ORDER BY item_no`;

export const sampleLayout: LayoutDefinition<SampleRow> = {
  id: "sample.items",
  personColumn: null,
  name: "検査用品目",
  version: "1",
  columns: [
    { name: "item_no", label: "品目番号", schema: Type.Integer({ minimum: 1 }), required: true },
    { name: "name", label: "名称", schema: Type.String({ minLength: 1, maxLength: 200 }), required: true },
    { name: "note", label: "備考", schema: Type.String({ minLength: 1 }), required: false, description: "自由記述" },
    { name: "born_on", label: "生年月日", schema: Type.String({ format: "date" }), required: false },
    { name: "quantity", label: "数量", schema: Type.Integer(), required: false },
    { name: "score", label: "点数", schema: Type.Number(), required: false },
    { name: "active", label: "有効", schema: Type.Boolean(), required: true },
    {
      name: "kind",
      label: "種別",
      schema: Type.Union([Type.Literal("person"), Type.Literal("organisation")]),
      required: true,
    },
  ],
  // A small batch makes every export of more than seven rows cross cursor batches. born_on
  // stays a DATE, which pg turns into a local Date: the export must write its calendar day.
  exportRows: (tx) => cursorRows<SampleRow>(tx, SELECT, [], 7),
  async validateRows(tx, rows) {
    const errors: { row: number; column: string; message: string }[] = [];
    const seen = new Set<number>();
    const existing = await tx.query<{ item_no: number }>("SELECT item_no FROM sample_item");
    const taken = new Set(existing.rows.map((r) => r.item_no));
    rows.forEach((row, index) => {
      if (seen.has(row.item_no)) errors.push({ row: index, column: "item_no", message: "the item number appears twice in the file" });
      else if (taken.has(row.item_no)) errors.push({ row: index, column: "item_no", message: "the item number is already used" });
      seen.add(row.item_no);
    });
    return errors;
  },
  async importRows(tx, rows) {
    await insertSampleRows(tx, rows);
    return { imported: rows.length };
  },
};

async function insertSampleRows(tx: Tx, rows: readonly SampleRow[]): Promise<void> {
  for (const r of rows) {
    await tx.query(
      `INSERT INTO sample_item (tenant_id, item_no, name, note, born_on, quantity, score, active, kind)
       VALUES (current_setting('kyodo.tenant_id'), $1, $2, $3, $4, $5, $6, $7, $8)`,
      [r.item_no, r.name, r.note, r.born_on, r.quantity, r.score, r.active, r.kind],
    );
  }
}

export const sampleArea: AreaDefinition = {
  id: "sample",
  name: "検査用",
  layouts: [sampleLayout],
};

/** The areas a layout test adds: the sample, and the layouts area itself unless the platform lists it already. */
export function layoutTestAreas(): AreaDefinition[] {
  const listed = allAreas(loadConfig(), modules).some((a) => a.id === layoutsArea.id);
  return listed ? [sampleArea] : [layoutsArea, sampleArea];
}

/** Creates the sample table the way a migration of an area would: RLS and explicit grants. */
export async function createSampleTable(db: Database): Promise<void> {
  await db.owner.query(`
    CREATE TABLE sample_item (
      tenant_id text NOT NULL,
      item_no integer NOT NULL,
      name text NOT NULL,
      note text,
      born_on date,
      quantity integer,
      score double precision,
      active boolean NOT NULL,
      kind text NOT NULL CHECK (kind IN ('person', 'organisation')),
      PRIMARY KEY (tenant_id, item_no)
    );
    SELECT kyodo_tenant_rls('sample_item');
    GRANT SELECT, INSERT, DELETE ON sample_item TO kyodo_app;`);
}

/** Rows as stored, dates as YYYY-MM-DD text, through the application role of the tenant. */
export async function storedRows(db: Database, tenantId: string): Promise<SampleRow[]> {
  return db.withTenant(tenantId, async (tx) =>
    (
      await tx.query<SampleRow>(
        `SELECT item_no, name, note, born_on::text AS born_on, quantity, score, active, kind FROM sample_item ORDER BY item_no`,
      )
    ).rows,
  );
}

export async function insertRows(db: Database, tenantId: string, rows: readonly SampleRow[]): Promise<void> {
  await db.withTenant(tenantId, (tx) => insertSampleRows(tx, rows));
}

export async function deleteRows(db: Database, tenantId: string): Promise<void> {
  await db.withTenant(tenantId, (tx) => tx.query("DELETE FROM sample_item"));
}

export async function countRows(db: Database, tenantId: string): Promise<number> {
  return db.withTenant(tenantId, async (tx) => (await tx.query("SELECT count(*)::int AS n FROM sample_item")).rows[0].n as number);
}
