// Ready for Citus (issue 17 §5, docs/scale-out.md): when a platform outgrows one node its tenant-owned
// tables are distributed by tenant_id. Citus requires, for a distributed table, that the
// distribution column be part of its primary key and of every unique constraint, and that a
// foreign key between two distributed tables include the distribution column on both sides
// (co-location). Reference tables (tenant, groups, national masters) may be referenced freely.
// This test reads the catalog of the fully migrated schema, so a table a future module adds is
// checked without anyone remembering to.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../support/platform.ts";
import { DISTRIBUTED_EXCEPTIONS } from "./scale-out-tables.ts";

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

interface Constraint {
  table: string;
  name: string;
  kind: "p" | "u" | "f" | "x";
  columns: string[];
  referenced: string | null;
  referencedColumns: string[] | null;
}

async function tenantTables(): Promise<string[]> {
  const r = await t.db.owner.query<{ relname: string }>(`
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
    ORDER BY 1`);
  return r.rows.map((row) => row.relname);
}

async function constraints(): Promise<Constraint[]> {
  const r = await t.db.owner.query<Constraint>(`
    SELECT c.relname AS table, k.conname AS name, k.contype AS kind,
           ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
                 JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i) AS columns,
           f.relname AS referenced,
           CASE WHEN k.confrelid = 0 THEN NULL ELSE
             ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
                   JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i) END AS "referencedColumns"
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_class f ON f.oid = k.confrelid
    WHERE n.nspname = 'public' AND k.contype IN ('p', 'u', 'f', 'x')
    ORDER BY 1, 2`);
  return r.rows;
}

/** Unique indexes that are not constraints (CREATE UNIQUE INDEX): Citus holds them to the same rule. */
async function uniqueIndexes(): Promise<{ table: string; name: string; columns: string[]; expression: boolean }[]> {
  const r = await t.db.owner.query(`
    SELECT c.relname AS table, i.relname AS name,
           ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) u(n)
                 JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = u.n) AS columns,
           (x.indexprs IS NOT NULL) AS expression
    FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND x.indisunique AND NOT x.indisprimary
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
    ORDER BY 1, 2`);
  return r.rows;
}

describe("the schema is ready to distribute tenant-owned tables by tenant_id (Citus co-location)", () => {
  it("every primary key, unique constraint and unique index of a tenant-owned table includes tenant_id", async () => {
    const tables = new Set((await tenantTables()).filter((name) => !DISTRIBUTED_EXCEPTIONS.has(name)));
    expect(tables.size).toBeGreaterThan(20);
    const broken: string[] = [];
    for (const k of await constraints()) {
      if (!tables.has(k.table) || !(k.kind === "p" || k.kind === "u" || k.kind === "x")) continue;
      if (!k.columns.includes("tenant_id")) broken.push(`${k.table}.${k.name} (${k.columns.join(", ")})`);
    }
    for (const ix of await uniqueIndexes()) {
      if (!tables.has(ix.table)) continue;
      if (!ix.columns.includes("tenant_id")) broken.push(`${ix.table}.${ix.name} (${ix.columns.join(", ") || "expression"})`);
    }
    expect(broken).toEqual([]);
  });

  it("every foreign key between two tenant-owned tables carries tenant_id on both sides, matched", async () => {
    const tables = new Set((await tenantTables()).filter((name) => !DISTRIBUTED_EXCEPTIONS.has(name)));
    const broken: string[] = [];
    for (const k of await constraints()) {
      if (k.kind !== "f" || !tables.has(k.table) || !k.referenced || !tables.has(k.referenced)) continue;
      const at = k.columns.indexOf("tenant_id");
      if (at < 0 || k.referencedColumns?.[at] !== "tenant_id") {
        broken.push(`${k.table}.${k.name} (${k.columns.join(", ")}) → ${k.referenced} (${(k.referencedColumns ?? []).join(", ")})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("tenant_id is NOT NULL in every distributed table (Citus routes each row by it)", async () => {
    const r = await t.db.owner.query<{ relname: string }>(`
      SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT a.attnotnull ORDER BY 1`);
    expect(r.rows.map((row) => row.relname).filter((name) => !DISTRIBUTED_EXCEPTIONS.has(name))).toEqual([]);
  });

  it("no distributed table references a tenant-keyed table that is not distributed", async () => {
    const all = new Set(await tenantTables());
    const broken: string[] = [];
    for (const k of await constraints()) {
      if (k.kind !== "f" || !all.has(k.table) || DISTRIBUTED_EXCEPTIONS.has(k.table) || !k.referenced) continue;
      // A table left on the coordinator or kept as a reference table despite its tenant_id
      // cannot be referenced by a distributed one (a coordinator-local table not at all).
      if (DISTRIBUTED_EXCEPTIONS.has(k.referenced)) broken.push(`${k.table}.${k.name} → ${k.referenced}`);
    }
    expect(broken).toEqual([]);
  });
});
