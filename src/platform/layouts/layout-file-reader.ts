// 取込ファイルの検査 (checking a layout file): bytes → text → CSV records → a header that
// names exactly the layout's columns in order → one typed row per record, each cell parsed
// and checked against its column's schema. Pure: no database. Every error is collected
// (up to the cap) with its physical line and column rather than stopping at the first.
import type { CatalogedLayout } from "./catalog.ts";
import { readCsvRecords, type CsvRecord } from "./csv-record-reader.ts";
import { decodeLayoutFile, type LayoutEncoding } from "./file-encoding.ts";
import type { CellEncoding } from "./cell-codec.ts";
import { ImportErrorList, type ImportError } from "./import-error.ts";

export interface LayoutFileContent {
  /** Typed rows, keyed by column name, null for an empty cell; complete only when errors is empty. */
  rows: Record<string, unknown>[];
  /** Data records read (valid or not). */
  records: number;
  errors: ImportError[];
  /** The physical line of a row's cell, for errors found later (by the layout's own checks). */
  lineOf(rowIndex: number, columnNumber: number | null): number;
}

function checkHeader(layout: CatalogedLayout, header: CsvRecord, errors: ImportErrorList): void {
  const expected = layout.definition.columns.map((c) => c.name);
  const known = new Set(expected);
  const seen = new Map<string, number>();
  let sameSet = header.fields.length === expected.length;
  header.fields.forEach((field, k) => {
    const at = { line: field.line, column: field.text, columnNumber: k + 1 };
    if (!known.has(field.text)) {
      sameSet = false;
      errors.add({ ...at, code: "header-unknown-column", message: `not a column of layout ${layout.definition.id}` });
    } else if (seen.has(field.text)) {
      sameSet = false;
      errors.add({ ...at, code: "header-duplicate-column", message: `the column is already named at position ${seen.get(field.text)}` });
    } else {
      seen.set(field.text, k + 1);
    }
  });
  expected.forEach((name, k) => {
    if (seen.has(name)) return;
    sameSet = false;
    errors.add({
      line: header.line,
      column: name,
      columnNumber: k + 1,
      code: "header-missing-column",
      message: `the header lacks this column (expected at position ${k + 1})`,
    });
  });
  if (!sameSet) return;
  header.fields.forEach((field, k) => {
    if (field.text === expected[k]) return;
    errors.add({
      line: field.line,
      column: field.text,
      columnNumber: k + 1,
      code: "header-column-order",
      message: `columns must come in the layout's order: expected ${expected[k]} at position ${k + 1}`,
    });
  });
}

/** `cells`: how free-text cells were written (a neutralised cell gets its stored text back). */
export function readLayoutFile(
  layout: CatalogedLayout,
  input: Buffer,
  encoding: LayoutEncoding,
  fileName: string,
  cells: CellEncoding = "neutralised",
): LayoutFileContent {
  const errors = new ImportErrorList(fileName);
  const rows: Record<string, unknown>[] = [];
  const recordLines: number[] = [];
  // Cell lines are kept only for records that span several lines; elsewhere they equal the record's.
  const spanningCellLines = new Map<number, number[]>();
  const content = (records: number): LayoutFileContent => ({
    rows,
    records,
    errors: errors.errors,
    lineOf: (rowIndex, columnNumber) =>
      (columnNumber !== null ? spanningCellLines.get(rowIndex)?.[columnNumber - 1] : undefined) ?? recordLines[rowIndex] ?? 1,
  });

  const decoded = decodeLayoutFile(input, encoding);
  if ("problems" in decoded) {
    for (const p of decoded.problems) errors.add({ line: p.line, column: null, columnNumber: null, code: p.code, message: p.message });
    return content(0);
  }

  const items = readCsvRecords(decoded.text);
  const first = items.next();
  if (first.done) {
    errors.add({ line: 1, column: null, columnNumber: null, code: "empty-file", message: "the file has no header row" });
    return content(0);
  }
  if (first.value.kind === "error") {
    const e = first.value;
    errors.add({ line: e.line, column: null, columnNumber: e.fieldNumber, code: e.code, message: `header: ${e.message}` });
    return content(0);
  }
  checkHeader(layout, first.value, errors);
  if (errors.count) return content(0);

  const { codecs } = layout;
  let records = 0;
  for (const item of items) {
    if (errors.full) break;
    if (item.kind === "error") {
      records++;
      const column = codecs[item.fieldNumber - 1]?.column.name ?? null;
      errors.add({ line: item.line, column, columnNumber: column ? item.fieldNumber : null, code: item.code, message: item.message });
      continue;
    }
    records++;
    if (item.fields.length !== codecs.length) {
      errors.add({
        line: item.line,
        column: null,
        columnNumber: null,
        code: "field-count",
        message: `the record has ${item.fields.length} fields; the layout has ${codecs.length} columns`,
      });
      continue;
    }
    const row: Record<string, unknown> = {};
    // The hottest loop of an import (every cell of every row): nothing is allocated for a good cell.
    for (let k = 0; k < item.fields.length; k++) {
      const field = item.fields[k]!;
      const codec = codecs[k]!;
      const parsed = codec.parse(field.text, cells);
      if ("problem" in parsed) {
        errors.add({ line: field.line, column: codec.column.name, columnNumber: k + 1, ...parsed.problem });
      } else if (parsed.value === null && codec.column.required) {
        errors.add({ line: field.line, column: codec.column.name, columnNumber: k + 1, code: "required", message: "a value is required" });
      } else {
        row[codec.column.name] = parsed.value;
      }
    }
    // Once any error is known the rows will not be written: stop keeping them.
    if (errors.count === 0) {
      if (item.fields[item.fields.length - 1]!.line !== item.line) {
        spanningCellLines.set(rows.length, item.fields.map((f) => f.line));
      }
      recordLines.push(item.line);
      rows.push(row);
    }
  }
  return content(records);
}
