// `kyodo export` and `kyodo import` (標準レイアウトの出力・取込 from the command line): the path
// for files of any size. Errors are printed one per line as `file:line:column: message` like
// a compiler's, and nothing printed holds personal data — only the data file holds that.
// Exit codes: 0 done, 1 the data was refused (import errors, a cell Shift_JIS cannot hold),
// 2 the command was wrong (usage, unknown layout or municipality, unreadable file).
import fs from "node:fs/promises";
import os from "node:os";
import { parseArgs } from "node:util";
import type { Platform } from "../contract.ts";
import { getTenant } from "../tenancy/tenants.ts";
import { catalogOf } from "./catalog.ts";
import { EXPORT_AUDIENCES, exportLayoutTo, LayoutEncodingError, type ExportAudience } from "./export.ts";
import { LAYOUT_ENCODINGS, type LayoutEncoding } from "./file-encoding.ts";
import { importLayout } from "./import.ts";
import { CELL_ENCODINGS, type CellEncoding } from "./cell-codec.ts";
import { formatImportError } from "./import-error.ts";

export const EXPORT_USAGE =
  "usage: kyodo export <layoutId> --tenant <code> [--encoding utf-8|shift_jis] [--out <file>] [--audience third-party|migration]";
export const IMPORT_USAGE =
  "usage: kyodo import <layoutId> --tenant <code> --file <file> [--encoding utf-8|shift_jis] [--cells neutralised|raw]";

export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const processIo: CommandIo = { stdout: process.stdout, stderr: process.stderr };

class UsageError extends Error {}

function say(stream: NodeJS.WritableStream, text: string): void {
  stream.write(`${text}\n`);
}

function rows(n: number): string {
  return `${n} ${n === 1 ? "row" : "rows"}`;
}

function cliActor(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return "cli";
  }
}

function write(stream: NodeJS.WritableStream, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
}

interface Common {
  layoutId: string;
  tenantId: string;
  encoding: LayoutEncoding;
}

/** Layout, municipality and encoding from the arguments, each checked against the platform. */
async function common(platform: Platform, positionals: string[], values: { tenant?: string; encoding?: string }): Promise<Common> {
  if (positionals.length !== 1) throw new UsageError("name exactly one layout");
  const layoutId = positionals[0]!;
  const catalog = catalogOf(platform);
  if (!catalog.get(layoutId)) {
    const known = catalog.layouts.map((l) => l.definition.id).join(", ") || "none";
    throw new UsageError(`no layout ${layoutId} (layouts: ${known})`);
  }
  const tenantId = values.tenant;
  if (!tenantId) throw new UsageError("--tenant <code> is required");
  const tenant = /^[0-9]{6}$/.test(tenantId) ? await platform.db.withoutTenant((tx) => getTenant(tx, tenantId)) : undefined;
  if (!tenant) throw new UsageError(`no municipality ${tenantId} on this platform`);
  const encoding = values.encoding ?? "utf-8";
  if (!(LAYOUT_ENCODINGS as readonly string[]).includes(encoding)) {
    throw new UsageError(`--encoding is one of ${LAYOUT_ENCODINGS.join(", ")}`);
  }
  return { layoutId, tenantId, encoding: encoding as LayoutEncoding };
}

/** Says how many rows 支援措置 kept out of a third-party file, when any. */
function withheldNote(withheld: number | undefined): string {
  return withheld ? `; ${rows(withheld)} withheld (支援措置)` : "";
}

async function guarded(io: CommandIo, usage: string, name: string, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      say(io.stderr, `kyodo ${name}: ${(error as Error).message}`);
      say(io.stderr, usage);
      return 2;
    }
    throw error;
  }
}

/** What the person running an export is told about its free-text cells (ADR 0018). */
function cellsNote(audience: string): string {
  return audience === "migration"
    ? "; cells not neutralised (byte-exact for the successor system; import with --cells raw)"
    : "; free-text cells starting with = + - @ tab or CR are prefixed with ' for spreadsheets";
}

/**
 * `kyodo export <layoutId> --tenant <code> [--encoding utf-8|shift_jis] [--out <file>]`:
 * argv is what follows `export`. Writes to --out (through a temporary file renamed at the
 * end, so a failed export leaves no partial file) or to stdout.
 */
export async function runExportCommand(platform: Platform, argv: string[], io: CommandIo = processIo): Promise<number> {
  return guarded(io, EXPORT_USAGE, "export", async () => {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { tenant: { type: "string" }, encoding: { type: "string" }, out: { type: "string" }, audience: { type: "string" } },
    });
    const { layoutId, tenantId, encoding } = await common(platform, positionals, values);
    const out = values.out;
    // 支援措置: a file for a third party (the default) withholds protected persons' rows.
    const audience = values.audience ?? "third-party";
    if (!(EXPORT_AUDIENCES as readonly string[]).includes(audience)) throw new UsageError(`--audience is one of ${EXPORT_AUDIENCES.join(", ")}`);
    const options = { encoding, actor: cliActor(), fileName: out ?? "(stdout)", audience: audience as ExportAudience };
    try {
      if (!out) {
        const summary = await exportLayoutTo(platform, tenantId, layoutId, (chunk) => write(io.stdout, chunk), options);
        say(io.stderr, `exported ${rows(summary.rows)} of ${layoutId} for ${tenantId} (${encoding})${withheldNote(summary.withheld)}${cellsNote(audience)}`);
        return 0;
      }
      const partial = `${out}.partial`;
      const file = await fs.open(partial, "w", 0o600);
      try {
        const summary = await exportLayoutTo(platform, tenantId, layoutId, async (chunk) => void (await file.write(chunk)), options);
        await file.close();
        await fs.rename(partial, out);
        say(io.stderr, `exported ${rows(summary.rows)} of ${layoutId} for ${tenantId} to ${out} (${encoding})${withheldNote(summary.withheld)}${cellsNote(audience)}`);
        return 0;
      } catch (error) {
        await file.close().catch(() => {});
        await fs.rm(partial, { force: true });
        throw error;
      }
    } catch (error) {
      if (error instanceof LayoutEncodingError) {
        say(io.stderr, `kyodo export: ${error.message}; nothing was written (export in utf-8 instead)`);
        return 1;
      }
      throw error;
    }
  });
}

/**
 * `kyodo import <layoutId> --tenant <code> --file <file> [--encoding utf-8|shift_jis]`:
 * argv is what follows `import`. Prints every error of the file, or the count imported.
 */
export async function runImportCommand(platform: Platform, argv: string[], io: CommandIo = processIo): Promise<number> {
  return guarded(io, IMPORT_USAGE, "import", async () => {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { tenant: { type: "string" }, encoding: { type: "string" }, file: { type: "string" }, cells: { type: "string" } },
    });
    // A third-party file (the default) has its spreadsheet-neutralised cells restored; a
    // migration file is read byte for byte (ADR 0018).
    const cells = values.cells ?? "neutralised";
    if (!(CELL_ENCODINGS as readonly string[]).includes(cells)) throw new UsageError(`--cells is one of ${CELL_ENCODINGS.join(", ")}`);
    const { layoutId, tenantId, encoding } = await common(platform, positionals, values);
    const fileName = values.file;
    if (!fileName) throw new UsageError("--file <file> is required");
    let input: Buffer;
    try {
      input = await fs.readFile(fileName);
    } catch (error) {
      throw new UsageError(`cannot read ${fileName} (${(error as { code?: string }).code ?? "error"})`);
    }
    const result = await importLayout(platform, tenantId, layoutId, input, { encoding, fileName, actor: cliActor(), cells: cells as CellEncoding });
    if ("imported" in result) {
      say(io.stdout, `imported ${rows(result.imported)} of ${layoutId} into ${tenantId}`);
      return 0;
    }
    for (const e of result.errors) say(io.stderr, formatImportError(e));
    say(io.stderr, `${result.errors.length} errors; nothing was imported`);
    return 1;
  });
}
