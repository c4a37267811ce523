// 地紋 (jimon, the copy-evident ground) printed under every page of a certificate: a fine dot
// screen across the page, and the word 「複写」 drawn in a coarser screen of the same colour and
// the same ink coverage. On the original the two read as one even tint; a photocopier (or a
// scanner and printer) loses the fine dots and keeps the coarse ones, so 「複写」 appears on the
// copy. This is the classic latent-image technique of security paper (偽造防止用紙, e.g. the
// 地紋 of 住民票 forms); it deters casual copying and proves nothing alone — the verification
// code (verification.ts) is what a recipient checks.
//
// Both screens are PDF tiling patterns (ISO 32000-1 §8.7.3): one small tile each, so the page
// carries a few hundred bytes, not thousands of dots. The word's outline comes from the document
// font's glyphs; the fine screen fills the page except the word (even-odd rule over the page
// and the glyph outlines), the coarse one fills the word.
import type { DocumentFont } from "./fonts.ts";

export const GROUND_COLOUR = "#8fa6c4";
export const LATENT_WORD = "複写";
/** Fine screen: dot radius and pitch in points (≈ 11 % coverage). */
export const FINE = { radius: 0.32, pitch: 1.7 };
/** Coarse screen: the same coverage (π r² / pitch²) with dots 2.5 times larger. */
export const COARSE = { radius: 0.8, pitch: 4.25 };
const WORD_SIZE = 120;

/** A circle as four Bézier curves, in PDF content-stream operators. */
function dot(cx: number, cy: number, r: number): string {
  const k = 0.5523 * r;
  const f = (n: number) => n.toFixed(3);
  return [
    `${f(cx + r)} ${f(cy)} m`,
    `${f(cx + r)} ${f(cy + k)} ${f(cx + k)} ${f(cy + r)} ${f(cx)} ${f(cy + r)} c`,
    `${f(cx - k)} ${f(cy + r)} ${f(cx - r)} ${f(cy + k)} ${f(cx - r)} ${f(cy)} c`,
    `${f(cx - r)} ${f(cy - k)} ${f(cx - k)} ${f(cy - r)} ${f(cx)} ${f(cy - r)} c`,
    `${f(cx + k)} ${f(cy - r)} ${f(cx + r)} ${f(cy - k)} ${f(cx + r)} ${f(cy)} c`,
    "f",
  ].join("\n");
}

function screen(pdf: PDFKit.PDFDocument, s: { radius: number; pitch: number }) {
  const half = s.pitch / 2;
  return pdf.pattern([0, 0, s.pitch, s.pitch], s.pitch, s.pitch, dot(half, half, s.radius));
}

/** The outline of the word as SVG path data in page coordinates, placed with its centre at (cx, cy). */
export function wordOutline(font: DocumentFont, word: string, size: number, cx: number, cy: number): string {
  const run = font.font.layout(word);
  const scale = size / font.font.unitsPerEm;
  const width = run.glyphs.reduce((sum, g) => sum + g.advanceWidth, 0) * scale;
  let x = cx - width / 2;
  const baseline = cy + size * 0.38;
  const parts: string[] = [];
  for (const glyph of run.glyphs) {
    const origin = x;
    // Font units have y up; the page (after pdfkit's flip) has y down.
    parts.push(
      glyph.path.commands
        .map((c) => {
          const pts: string[] = [];
          for (let i = 0; i < c.args.length; i += 2) pts.push(`${(origin + c.args[i]! * scale).toFixed(2)} ${(baseline - c.args[i + 1]! * scale).toFixed(2)}`);
          const op = { moveTo: "M", lineTo: "L", quadraticCurveTo: "Q", bezierCurveTo: "C", closePath: "Z" }[c.command];
          return `${op}${pts.join(" ")}`;
        })
        .join(""),
    );
    x += glyph.advanceWidth * scale;
  }
  return parts.join("");
}

/** Draws the ground of the current page, before anything else is drawn on it. */
export function drawGround(pdf: PDFKit.PDFDocument, font: DocumentFont): void {
  const { width, height } = pdf.page;
  const words = [0.27, 0.52, 0.77].map((f) => wordOutline(font, LATENT_WORD, WORD_SIZE, width / 2, height * f)).join("");
  pdf.save();
  pdf.path(`M0 0H${width.toFixed(2)}V${height.toFixed(2)}H0Z${words}`).fill([screen(pdf, FINE), GROUND_COLOUR] as unknown as string, "even-odd");
  pdf.path(words).fill([screen(pdf, COARSE), GROUND_COLOUR] as unknown as string, "non-zero");
  pdf.restore();
}
