// 標準レイアウト仕様書 (layout reference): the Markdown page documenting the file format and
// every layout's columns, generated from the same declarations that export and import, so
// the documented columns and types cannot drift from the code.
import type { AreaDefinition } from "../contract.ts";
import { createLayoutCatalog } from "./catalog.ts";
import type { CellCodec } from "./cell-codec.ts";
import { MAX_IMPORT_ERRORS } from "./import-error.ts";

/** A table cell: pipes escaped, line breaks folded, so any text stays inside its cell. */
function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** The cell's type in words, with the schema's bounds: what a person preparing a file must know. */
export function describeCellType(codec: CellCodec): string {
  const s = codec.column.schema as Record<string, unknown>;
  if (codec.choices) return `one of ${codec.choices.map((c) => `\`${String(c)}\``).join(", ")}`;
  const parts: string[] = [];
  switch (codec.kind) {
    case "string":
      if (codec.stringFormat === "date") parts.push("date `YYYY-MM-DD`");
      else if (codec.stringFormat === "date-time") parts.push("date-time (RFC 3339 with offset)");
      else parts.push("text");
      if (s.minLength !== undefined && s.maxLength !== undefined) parts.push(`${s.minLength}–${s.maxLength} characters`);
      else if (s.maxLength !== undefined) parts.push(`at most ${s.maxLength} characters`);
      else if (s.minLength === 1) parts.push("not empty");
      else if (s.minLength !== undefined) parts.push(`at least ${s.minLength} characters`);
      if (s.pattern !== undefined) parts.push(`matching \`${String(s.pattern)}\``);
      break;
    case "integer":
    case "number":
      parts.push(codec.kind);
      if (s.minimum !== undefined) parts.push(`≥ ${s.minimum}`);
      if (s.exclusiveMinimum !== undefined) parts.push(`> ${s.exclusiveMinimum}`);
      if (s.maximum !== undefined) parts.push(`≤ ${s.maximum}`);
      if (s.exclusiveMaximum !== undefined) parts.push(`< ${s.exclusiveMaximum}`);
      break;
    case "boolean":
      parts.push("`true` or `false`");
      break;
  }
  return parts.join(", ");
}

export function layoutReference(areas: readonly AreaDefinition[]): string {
  const catalog = createLayoutCatalog(areas);
  const owners = new Map(areas.map((a) => [a.id, a.name]));
  const lines = [
    "# 標準レイアウト (standard data layouts)",
    "",
    "Generated from the layout definitions of the platform areas and business modules; do not edit by hand.",
    "",
    "Every area declares the standard layout of its data so that a municipality can take its data out and",
    "bring it back (`kyodo export`, `kyodo import`, or `GET /api/layouts/{id}/export` and",
    "`POST /api/layouts/{id}/import`). An export followed by an import into an empty municipality is lossless.",
    "",
    "## File format",
    "",
    "- CSV per RFC 4180: a header row naming the columns, exactly and in the order below; one record per row;",
    "  fields separated by commas; a field holding a comma, a double quote or a line break is enclosed in double",
    "  quotes, with each double quote inside written twice. Records end with CRLF, the last one included.",
    "- Encoding: UTF-8 by default, written **without** a byte-order mark (a BOM is accepted and ignored on import).",
    "  On request `shift_jis`, which means Microsoft's CP932 (Windows-31J), the Shift_JIS that Japanese legacy tools",
    "  read: it includes the NEC and IBM extensions (髙, 﨑, ①, ㈱). An export in `shift_jis` fails — naming the row,",
    "  the column and the code point (U+XXXX) — when a cell holds a character CP932 cannot represent (𠮷, 〜 U+301C,",
    "  variation selectors, most characters outside JIS X 0208): no character is ever replaced by `?`. Use UTF-8",
    "  for such data.",
    "- An empty cell means no value. A text column therefore has no separate empty string.",
    "- Dates are written `YYYY-MM-DD` and must be real calendar dates (2024-02-29 is, 2026-02-29 is not);",
    "  integers in decimal digits; booleans as `true` or `false`.",
    "- Blank lines carry no record and are skipped.",
    "- Spreadsheet safety (OWASP CSV Injection, ADR 0018). An export for a third party (the default) writes a `text`",
    "  cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return with one `'` in front, so that Excel or",
    "  LibreOffice shows it as text instead of running it as a formula; a cell that begins with one or more `'`",
    "  followed by one of those characters also gets one more `'`. An import removes that one `'` again (`'=1` is",
    "  read as `=1`, `''=1` as `'=1`), so such a file imports back unchanged.",
    "  Only `text` columns are written so: integers, numbers, dates and lists of codes are checked by their type and",
    "  keep a leading `-`. An export for a change of vendor (`--audience migration`) writes every cell exactly as",
    "  stored, says so (`cells: raw` in its summary and audit entry), must not be opened in a spreadsheet, and is",
    "  imported with `cells: raw`.",
    "- An import is checked completely before anything is written: encoding, CSV syntax, the header, every cell",
    "  against its column's type, then the layout's own checks across rows. Only a file without a single error",
    "  is written, in one transaction; otherwise every error is reported (up to " + MAX_IMPORT_ERRORS + ") as",
    "  `file:line:column: name: message [code]`, where line is the physical line of the file (the header is line 1,",
    "  and a quoted field spanning lines counts each of them) and column the 1-based position of the column.",
    "  Messages describe the rule broken and never repeat a cell's content.",
    "- Every export and import is recorded in the municipality's audit log.",
    "",
    "Each layout's JSON Schema (draft 2020-12, one row as an object) is served at `GET /api/layouts/{id}/schema.json`.",
  ];
  for (const { definition, owner, codecs } of catalog.layouts) {
    lines.push(
      "",
      `## ${cell(definition.name)} (\`${definition.id}\`)`,
      "",
      `Version ${cell(definition.version)}; declared by ${cell(owners.get(owner) ?? owner)} (\`${owner}\`).`,
      "",
      "| # | column | label | type | required | description |",
      "|---|---|---|---|---|---|",
    );
    codecs.forEach((codec, k) => {
      const c = codec.column;
      lines.push(
        `| ${k + 1} | \`${c.name}\` | ${cell(c.label)} | ${cell(describeCellType(codec))} | ${c.required ? "yes" : "no"} | ${cell(c.description ?? "")} |`,
      );
    });
  }
  return `${lines.join("\n")}\n`;
}
