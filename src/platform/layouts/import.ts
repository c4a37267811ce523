// 標準レイアウトの取込 (import of a standard layout): the file is checked completely first —
// encoding, CSV syntax, header, every cell, then the layout's own cross-row checks — and only
// a file with no error at all is written, by the layout in one tenant transaction, so an
// import lands whole or not at all. Both outcomes are audited in the tenant's chain:
// `layout.imported` in the transaction that wrote the rows, `layout.import-rejected` otherwise.
// Free-text cells neutralised for spreadsheets by a third-party export get their value back
// (`cells`, ADR 0018); a migration file is read as it is with `cells: "raw"`.
import type { Platform } from "../contract.ts";
import type { Tx } from "../db/database.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { catalogOf, requireLayout } from "./catalog.ts";
import type { LayoutEncoding } from "./file-encoding.ts";
import type { CellEncoding } from "./cell-codec.ts";
import { ImportErrorList, type ImportError } from "./import-error.ts";
import { readLayoutFile } from "./layout-file-reader.ts";

export interface ImportOptions {
  encoding: LayoutEncoding;
  /** The file's name as the user knows it: every error names it. */
  fileName: string;
  /** Who imports, for the audit log: `staff:<id>`, `cli:<user>`. */
  actor?: string;
  /**
   * How the file's free-text cells were written: `neutralised` (the default, as a third-party
   * export writes them) removes the one `'` that protects a cell starting with = + - @ tab or
   * CR; `raw` (a migration export) takes every cell as it is.
   */
  cells?: CellEncoding;
}

export type ImportResult = { imported: number } | { errors: ImportError[] };

/**
 * Imports a layout file into a tenant. Resolves with the number of rows written, or with every
 * error found (nothing written); rejects with UnknownLayoutError or a database failure.
 */
export async function importLayout(
  platform: Platform,
  tenantId: string,
  layoutId: string,
  input: Buffer,
  options: ImportOptions,
): Promise<ImportResult> {
  const layout = requireLayout(catalogOf(platform), layoutId);
  const { definition } = layout;
  const actor = options.actor ?? "system";
  const cells = options.cells ?? "neutralised";
  const detail = { encoding: options.encoding, file: options.fileName, bytes: input.length, cells };
  const content = readLayoutFile(layout, input, options.encoding, options.fileName, cells);

  const reject = async (tx: Tx, errors: ImportError[]): Promise<ImportResult> => {
    await appendAudit(tx, {
      actor,
      action: "layout.import-rejected",
      subject: layoutId,
      detail: { rows: content.records, errors: errors.length, ...detail },
    });
    return { errors };
  };

  if (content.errors.length) return platform.db.withTenant(tenantId, (tx) => reject(tx, content.errors), actor);

  return platform.db.withTenant(
    tenantId,
    async (tx) => {
      const found = (await definition.validateRows?.(tx, content.rows)) ?? [];
      if (found.length) {
        const errors = new ImportErrorList(options.fileName);
        for (const e of found) {
          const index = definition.columns.findIndex((c) => c.name === e.column);
          const columnNumber = index === -1 ? null : index + 1;
          errors.add({
            line: content.lineOf(e.row, columnNumber),
            column: columnNumber === null ? null : e.column,
            columnNumber,
            code: "layout-rule",
            message: e.message,
          });
        }
        return reject(tx, errors.errors);
      }
      const { imported } = await definition.importRows(tx, content.rows, platform);
      await appendAudit(tx, { actor, action: "layout.imported", subject: layoutId, detail: { rows: imported, ...detail } });
      return { imported };
    },
    actor,
  );
}
