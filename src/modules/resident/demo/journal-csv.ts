// 合成異動記録のファイル (a synthetic journal as a layout file): the journal of N synthetic persons
// of one municipality written as a resident.changes CSV the way `kyodo export` writes one
// (header, the framework's cell codecs, RFC 4180 quoting, CRLF, UTF-8 without BOM) in the
// layout's compact forms — 宛名番号 without leading zeros, times in UTC to the second — ready
// for `kyodo import`: the file the million-person import benchmark loads. Rows stream from the
// generator to the file in chunks with back-pressure, so memory stays flat for any N.
import fs from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { cellCodec } from "../../../platform/layouts/cell-codec.ts";
import { csvRecord } from "../../../platform/layouts/csv-record-writer.ts";
import { CHANGE_COLUMNS } from "../layout/change-columns.ts";
import { generateJournal, type SyntheticJournalOptions } from "./synthetic-journal.ts";

const CHUNK_CHARS = 256 * 1024;

export interface JournalCsvSummary {
  rows: number;
  bytes: number;
}

async function write(out: Writable, text: string): Promise<number> {
  const bytes = Buffer.from(text, "utf8");
  if (!out.write(bytes)) await once(out, "drain");
  return bytes.length;
}

/** Writes the journal as CSV to a stream (which it does not end). */
export async function writeJournalCsvTo(out: Writable, options: SyntheticJournalOptions): Promise<JournalCsvSummary> {
  const codecs = CHANGE_COLUMNS.map(cellCodec);
  let chunk = csvRecord(CHANGE_COLUMNS.map((c) => c.name));
  const summary: JournalCsvSummary = { rows: 0, bytes: 0 };
  for (const row of generateJournal(options)) {
    chunk += csvRecord(codecs.map((codec) => codec.write(row[codec.column.name])));
    summary.rows++;
    if (chunk.length >= CHUNK_CHARS) {
      summary.bytes += await write(out, chunk);
      chunk = "";
    }
  }
  summary.bytes += await write(out, chunk);
  return summary;
}

/** Writes the journal of `options.persons` synthetic persons to a new file (mode 0644). */
export async function writeJournalCsv(file: string, options: SyntheticJournalOptions): Promise<JournalCsvSummary> {
  const out = fs.createWriteStream(file, { mode: 0o644 });
  try {
    const summary = await writeJournalCsvTo(out, options);
    out.end();
    await once(out, "finish");
    return summary;
  } catch (error) {
    out.destroy();
    throw error;
  }
}
