// 標準レイアウトの出力 (export of a standard layout): a tenant's rows as CSV with a header row
// of the column names, RFC 4180 quoting and CRLF line ends, in UTF-8 (no BOM) or Shift_JIS
// (CP932). The rows are read in one tenant transaction and streamed with back-pressure, and
// the transaction that read them also appends the `layout.exported` audit entry, so an
// export that completes is always recorded. An export that fails or whose reader goes away
// records `layout.export-failed` with the rows already sent. A file for a third party has its
// free-text cells neutralised so that no spreadsheet runs them as formulas; a migration file
// is written exactly as stored, and the summary and audit entry say which (ADR 0018).
import { PassThrough, type Readable, type Writable } from "node:stream";
import type { Platform } from "../contract.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { catalogOf, requireLayout, type CatalogedLayout } from "./catalog.ts";
import { csvRecord } from "./csv-record-writer.ts";
import type { CellEncoding } from "./cell-codec.ts";
import { lineBreaksIn } from "./csv-record-reader.ts";
import { codePointLabel, decodesBackTo, encodeLayoutText, firstUnencodable, type LayoutEncoding } from "./file-encoding.ts";
import type { Tx } from "../db/database.ts";
import { protectedNumbersOn } from "../protection/check.ts";
import { todayInJapan } from "../addressee/calendar-date.ts";

/**
 * Who receives the file. `third-party` (the default): anyone outside the municipality's own
 * systems, so the rows of persons under an active 支援措置 are withheld and counted, and free-text
 * cells are neutralised for spreadsheets. `migration`: the municipality's successor system in a
 * change of vendor, which must carry the measures on, so every row is written, every cell as
 * stored, and the audit entry says how many protected persons it holds.
 */
export type ExportAudience = "third-party" | "migration";
export const EXPORT_AUDIENCES: readonly ExportAudience[] = ["third-party", "migration"];

/** How an audience's file writes its free-text cells: a migration file byte-exact, any other safe to open. */
export function cellEncodingFor(audience: ExportAudience): CellEncoding {
  return audience === "migration" ? "raw" : "neutralised";
}

export interface ExportOptions {
  encoding: LayoutEncoding;
  /** Who exports, for the audit log: `staff:<id>`, `cli:<user>`. */
  actor?: string;
  /** The name the file is given, for the audit log. */
  fileName?: string;
  audience?: ExportAudience;
}

export interface ExportSummary {
  rows: number;
  bytes: number;
  /** Rows left out because their person is under 支援措置 (third-party exports). */
  withheld?: number;
  /** `raw` (migration): cells were not neutralised, so the file is not for opening in a spreadsheet. */
  cells: CellEncoding;
}

/** A cell holds a character Shift_JIS (CP932) cannot represent; says where and which, never the text. */
export class LayoutEncodingError extends Error {
  readonly code = "layout-unencodable";
  constructor(
    /** 1-based data row (the header is not counted). */
    readonly row: number,
    /** 1-based physical line of the file the cell would start on (the header is line 1). */
    readonly line: number,
    readonly column: string,
    readonly columnNumber: number,
    readonly codePoint: number,
  ) {
    super(
      `row ${row} (line ${line}), column ${columnNumber} ${column}: ${codePointLabel(codePoint)} cannot be written in Shift_JIS (CP932)`,
    );
  }
}

/** The reader of a streamed export went away before the end. */
export class ExportAbortedError extends Error {
  readonly code = "layout-export-aborted";
  constructor() {
    super("the export's reader closed the stream before the end");
  }
}

const CHUNK_BYTES = 64 * 1024;

interface Chunk {
  bytes: Buffer;
  rows: number;
}

/** The CSV of the rows in chunks of about CHUNK_BYTES; throws LayoutEncodingError for Shift_JIS. */
async function* csvChunks(
  layout: CatalogedLayout,
  rows: AsyncIterable<Record<string, unknown>>,
  encoding: LayoutEncoding,
  cellEncoding: CellEncoding,
): AsyncGenerator<Chunk> {
  const { definition, codecs } = layout;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let pendingRows = 0;
  const header = csvRecord(definition.columns.map((c) => c.name));
  pending.push(encodeLayoutText(header, encoding));
  let line = 2;
  let row = 0;
  for await (const values of rows) {
    row++;
    const cells = codecs.map((codec) => codec.write(values[codec.column.name], cellEncoding));
    const record = csvRecord(cells);
    const bytes = encodeLayoutText(record, encoding);
    if (encoding === "shift_jis" && !decodesBackTo(bytes, record)) {
      for (let k = 0; k < cells.length; k++) {
        const codePoint = firstUnencodable(cells[k]!);
        if (codePoint !== null) {
          const cellLine = line + lineBreaksIn(cells.slice(0, k).join(","));
          throw new LayoutEncodingError(row, cellLine, codecs[k]!.column.name, k + 1, codePoint);
        }
      }
    }
    line += lineBreaksIn(record);
    pending.push(bytes);
    pendingBytes += bytes.length;
    pendingRows++;
    if (pendingBytes >= CHUNK_BYTES) {
      yield { bytes: Buffer.concat(pending), rows: pendingRows };
      pending = [];
      pendingBytes = 0;
      pendingRows = 0;
    }
  }
  yield { bytes: Buffer.concat(pending), rows: pendingRows };
}

/**
 * Writes the tenant's rows of the layout to `sink` chunk by chunk (awaiting each), inside one
 * tenant transaction that ends with the audit entry. Rejects with UnknownLayoutError,
 * LayoutEncodingError, or whatever the sink or the layout's query throws.
 */
export async function exportLayoutTo(
  platform: Platform,
  tenantId: string,
  layoutId: string,
  sink: (chunk: Buffer) => Promise<void>,
  options: ExportOptions,
): Promise<ExportSummary> {
  const layout = requireLayout(catalogOf(platform), layoutId);
  const actor = options.actor ?? "system";
  const audience = options.audience ?? "third-party";
  const cells = cellEncodingFor(audience);
  const sent: ExportSummary = { rows: 0, bytes: 0, cells };
  const detail = { encoding: options.encoding, file: options.fileName ?? null, audience, cells };
  try {
    await platform.db.withTenant(
      tenantId,
      async (tx) => {
        const screened = await screenProtected(tx, layout, audience);
        for await (const chunk of csvChunks(layout, screened.rows, options.encoding, cells)) {
          await sink(chunk.bytes);
          sent.rows += chunk.rows;
          sent.bytes += chunk.bytes.length;
        }
        sent.withheld = screened.withheld();
        const protection = audience === "migration" ? { protectedRows: screened.protectedRows() } : { withheld: sent.withheld };
        await appendAudit(tx, { actor, action: "layout.exported", subject: layoutId, detail: { rows: sent.rows, ...detail, ...protection } });
      },
      actor,
    );
  } catch (error) {
    const reason = (error as { code?: unknown }).code;
    await platform.db
      .withTenant(
        tenantId,
        (tx) =>
          appendAudit(tx, {
            actor,
            action: "layout.export-failed",
            subject: layoutId,
            detail: { rowsSent: sent.rows, reason: typeof reason === "string" ? reason : "error", ...detail },
          }),
        actor,
      )
      .catch((auditError: Error) => platform.log.error({ err: { type: auditError.name } }, "layout export failure not audited"));
    throw error;
  }
  return sent;
}

/** The layout's rows, less those of protected persons for a third party (支援措置), with counts. */
async function screenProtected(tx: Tx, layout: CatalogedLayout, audience: ExportAudience) {
  const column = layout.definition.personColumn;
  const all = layout.definition.exportRows(tx);
  let withheld = 0;
  let protectedRows = 0;
  const protectedSet = column === null ? new Set<string>() : await protectedNumbersOn(tx, todayInJapan());
  async function* rows(): AsyncGenerator<Record<string, unknown>> {
    for await (const row of all) {
      const number = column === null ? null : String(row[column] ?? "").padStart(15, "0");
      if (number !== null && protectedSet.has(number)) {
        protectedRows++;
        if (audience === "third-party") {
          withheld++;
          continue;
        }
      }
      yield row;
    }
  }
  return { rows: rows(), withheld: () => withheld, protectedRows: () => protectedRows };
}

function drainOrClose(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}

/**
 * The export as a byte stream. An unknown layout throws at once; a failure later (such as a
 * LayoutEncodingError) destroys the stream with that error, so a consumer must listen for
 * 'error' (stream.pipeline and Fastify do). Destroying the stream stops the export.
 */
export function exportLayout(platform: Platform, tenantId: string, layoutId: string, options: ExportOptions): Readable {
  requireLayout(catalogOf(platform), layoutId);
  const out = new PassThrough({ highWaterMark: CHUNK_BYTES });
  const sink = async (chunk: Buffer) => {
    if (out.destroyed) throw new ExportAbortedError();
    if (!out.write(chunk)) await drainOrClose(out);
    if (out.destroyed) throw new ExportAbortedError();
  };
  exportLayoutTo(platform, tenantId, layoutId, sink, options).then(
    () => out.end(),
    (error: Error) => out.destroy(error),
  );
  return out;
}

/**
 * The first cell of the tenant's layout that Shift_JIS (CP932) cannot hold, or null. Reads
 * the rows without writing them anywhere, so that an HTTP export can answer with a precise
 * error before it starts sending a file it could not finish.
 */
export async function findUnencodableCell(platform: Platform, tenantId: string, layoutId: string): Promise<LayoutEncodingError | null> {
  const layout = requireLayout(catalogOf(platform), layoutId);
  try {
    await platform.db.withTenant(tenantId, async (tx) => {
      // A neutralised file differs only by ASCII quotes, which CP932 holds: raw cells tell the same.
      for await (const chunk of csvChunks(layout, layout.definition.exportRows(tx), "shift_jis", "raw")) void chunk;
    });
    return null;
  } catch (error) {
    if (error instanceof LayoutEncodingError) return error;
    throw error;
  }
}

/** `addressee.addressees_143014_20261123.csv`: layout, municipality and the day in Japan. */
export function exportFileName(layoutId: string, tenantId: string, at = new Date()): string {
  const day = todayInJapan(at).replace(/-/g, "");
  return `${layoutId}_${tenantId}_${day}.csv`;
}
