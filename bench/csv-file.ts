// Synthetic residents as a CSV file on disk, and PostgreSQL's server-side COPY of such a file:
// the fastest way PostgreSQL takes rows in, and so the yardstick other loaders are held to.
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type pg from "pg";
import { generatePersons, SYNTHETIC_CSV_COLUMNS, toCsvRows, type SyntheticOptions } from "../src/platform/demo/synthetic.ts";

/** Joins rows into chunks of about 256 KiB, so a file is written in few large writes. */
function* chunks(rows: Iterable<string>): Generator<string> {
  let chunk = "";
  for (const row of rows) {
    chunk += row;
    if (chunk.length >= 262_144) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

export async function writeSyntheticCsv(file: string, options: SyntheticOptions): Promise<void> {
  await pipeline(Readable.from(chunks(toCsvRows(generatePersons(options)))), fs.createWriteStream(file, { mode: 0o644 }));
}

/** The column list of a table that holds synthetic residents as toCsvRows writes them. */
export const SYNTHETIC_COLUMNS_DDL = `
  tenant_id text NOT NULL, person_number bigint NOT NULL, household_number bigint NOT NULL,
  relationship text NOT NULL, family_name text NOT NULL, given_name text NOT NULL,
  family_name_kana text NOT NULL, given_name_kana text NOT NULL, sex smallint NOT NULL,
  birth_date date NOT NULL, postal_code char(7) NOT NULL, town text NOT NULL, block text NOT NULL,
  building text`;

/**
 * COPY a file into a table, on the server (the owner is a superuser). A file name cannot be a
 * bound parameter, so it is quoted by PostgreSQL's own quote_literal; the table is a constant.
 */
export async function copyFromFile(owner: pg.Pool, table: string, file: string): Promise<number> {
  const literal = (await owner.query("SELECT quote_literal($1) AS q", [file])).rows[0].q as string;
  const result = await owner.query(`COPY ${table} (${SYNTHETIC_CSV_COLUMNS.join(", ")}) FROM ${literal} WITH (FORMAT csv)`);
  return result.rowCount ?? 0;
}
