// 個人欄 (a person's block): the ruled grid a 住民票 prints for each person — numbered on the left,
// each cell a small grey caption over its value, as the forms of the counter systems look. Drawn
// on the platform's A4 toolkit (every string through A4Document.textAt, so the font, the
// variation sequences and the missing-glyph count are handled there). A block never splits
// across pages: the toolkit starts a new page when it does not fit, and the page numbers follow.
import { mm, type A4Document } from "../../../platform/documents/index.ts";

export interface GridCell {
  caption: string;
  value: string;
  /** A small line beside the caption (the フリガナ of a name). */
  beside?: string;
  /** Fixed width; cells without one share what is left of the row. */
  widthMm?: number;
  size?: number;
}

export type GridRow = readonly GridCell[];

const CAPTION_SIZE = 6.5;
const BESIDE_SIZE = 7.5;
const BESIDE_OFFSET = mm(7);
const VALUE_SIZE = 10;
const PAD = mm(1.1);
const ORDINAL_WIDTH = mm(8);
const MIN_ROW = mm(8);
const CAPTION_GREY = "#555555";
const RULE = "#333333";

interface PlacedCell extends GridCell {
  x: number;
  width: number;
}

function place(doc: A4Document, row: GridRow): PlacedCell[] {
  const left = doc.left + ORDINAL_WIDTH;
  const total = doc.right - left;
  const fixed = row.reduce((sum, c) => sum + (c.widthMm !== undefined ? mm(c.widthMm) : 0), 0);
  const flexible = row.filter((c) => c.widthMm === undefined).length;
  const share = flexible ? (total - fixed) / flexible : 0;
  let x = left;
  return row.map((c) => {
    const width = c.widthMm !== undefined ? mm(c.widthMm) : share;
    const placed = { ...c, x, width };
    x += width;
    return placed;
  });
}

function captionLine(doc: A4Document, c: PlacedCell): number {
  const inner = c.width - 2 * PAD;
  const caption = doc.measure(c.caption, inner, CAPTION_SIZE);
  return c.beside ? Math.max(caption, doc.measure(c.beside, inner - BESIDE_OFFSET, BESIDE_SIZE)) : caption;
}

function cellHeight(doc: A4Document, c: PlacedCell): number {
  const value = c.value ? doc.measure(c.value, c.width - 2 * PAD, c.size ?? VALUE_SIZE) : 0;
  return PAD + captionLine(doc, c) + value + mm(0.6) + PAD;
}

function blockHeights(doc: A4Document, placed: PlacedCell[][]): number[] {
  return placed.map((cells) => Math.max(MIN_ROW, ...cells.map((c) => cellHeight(doc, c))));
}

/**
 * Draws one person's block: the ordinal column and the rows of cells. `reserveAfter` keeps that
 * much room below the block on its page (the closing block after the last person), so that a
 * page never holds the certification alone.
 */
export function drawPersonBlock(doc: A4Document, ordinal: string, rows: readonly GridRow[], reserveAfter = 0): void {
  const placed = rows.map((r) => place(doc, r));
  const heights = blockHeights(doc, placed);
  const total = heights.reduce((a, b) => a + b, 0);
  doc.keepTogether(total + reserveAfter);
  const { pdf } = doc;
  const top = doc.y;
  pdf.lineWidth(0.6).strokeColor(RULE);
  pdf.rect(doc.left, top, ORDINAL_WIDTH, total).stroke();
  doc.textAt(ordinal, doc.left, top + total / 2 - 6, { size: 11, align: "center", width: ORDINAL_WIDTH });
  let y = top;
  placed.forEach((cells, i) => {
    const height = heights[i]!;
    for (const c of cells) {
      pdf.rect(c.x, y, c.width, height).stroke();
      const inner = c.width - 2 * PAD;
      const ty = y + PAD;
      pdf.fillColor(CAPTION_GREY);
      doc.textAt(c.caption, c.x + PAD, ty, { size: CAPTION_SIZE, width: inner });
      pdf.fillColor("black");
      if (c.beside) doc.textAt(c.beside, c.x + PAD + BESIDE_OFFSET, ty - mm(0.3), { size: BESIDE_SIZE, width: inner - BESIDE_OFFSET });
      if (c.value) doc.textAt(c.value, c.x + PAD, ty + captionLine(doc, c) + mm(0.3), { size: c.size ?? VALUE_SIZE, width: inner });
    }
    y += height;
  });
  pdf.x = doc.left;
  pdf.y = top + total;
}
