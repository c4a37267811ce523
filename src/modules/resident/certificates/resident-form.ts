// 住民票の様式 (the form the resident certificates share): the title, the household's lines (住所,
// 世帯主 …) in the toolkit's ruled table, the line naming the items left out, the persons' blocks
// numbered in order, and 「以下余白」 closing the entries so nothing can be added below them.
import { mm, type A4Document, type TableRow } from "../../../platform/documents/index.ts";
import type { PrintedItems, PrintedPerson } from "./person-block.ts";
import { personRows } from "./person-block.ts";
import { drawPersonBlock } from "./record-grid.ts";

export interface ResidentFormContent {
  title: string;
  householdLines: TableRow[];
  /** Items the certificate leaves out, named as printed (e.g. 本籍・筆頭者). */
  omitted: string[];
  /** Lines printed under the entries (notes to the holder). */
  notes?: string[];
  persons: PrintedPerson[];
  items: PrintedItems;
}

/**
 * The room the closing block takes (statement, date, certifier and seal, as drawCertification
 * keeps it together, ≈ 62 mm) and 「以下余白」: reserved under the last person's block, so the
 * certification never stands alone on a page.
 */
const CLOSING_RESERVE = mm(68);

export function drawResidentForm(doc: A4Document, content: ResidentFormContent): void {
  doc.heading(content.title);
  doc.table(content.householdLines, { labelWidthMm: 36 });
  if (content.omitted.length > 0) {
    doc.gap(1.5).paragraph(`記載を省略した事項：${content.omitted.join("、")}`, { size: 8.5 });
  }
  doc.gap(3);
  const notes = (content.notes ?? []).reduce((sum, note) => sum + mm(1) + doc.measure(note, doc.contentWidth, 9), 0);
  content.persons.forEach((p, i) => {
    const isLast = i === content.persons.length - 1;
    drawPersonBlock(doc, String(i + 1), personRows(p, content.items), isLast ? CLOSING_RESERVE + notes : 0);
    doc.gap(1.5);
  });
  doc.paragraph("以下余白", { size: 9, align: "right", widthMm: 40 });
  for (const note of content.notes ?? []) doc.gap(1).paragraph(note, { size: 9 });
}
