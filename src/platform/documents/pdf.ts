// 帳票 (chōhyō): the A4 page toolkit certificates are drawn with, on pdfkit. Layout is in
// millimetres from the top left of the page; every page gets the header, the footer with page
// numbers and, for a preview, the watermark when the document is finished. Text goes through
// one door, which embeds the document font as a subset (pdfkit keeps only the glyphs used),
// records characters the font cannot draw, and wraps text holding variation selectors in an
// ActualText span, so that copying or extracting it gives back exactly what was written even
// when the font draws two sequences with one glyph.
//
// Every page is laid on the 地紋 (ground-pattern.ts) before anything else is drawn, and an issued
// certificate carries its verification mark (verification-mark.ts) at the top left. Lines break
// at the component boundaries of addresses and under 禁則 (line-breaking.ts), not anywhere.
//
// Output is deterministic: the same content, font and creation date give the same bytes (the
// PDF file ID is derived from the metadata, which holds the kind's name and never personal data).
// The embedded font's subset tag (ISO 32000-1 §9.6.4: six upper-case letters, "+", the font's
// name) is derived from the characters drawn and the document's serial, so that two documents
// with different glyph sets never share one (pdfkit writes BZZZZZ in every file).
import crypto from "node:crypto";
import PDFDocument from "pdfkit";
import { drawGround } from "./ground-pattern.ts";
import { layoutLines } from "./line-breaking.ts";
import { drawVerificationMark, type VerificationMark } from "./verification-mark.ts";
import { chooseDocumentFont, coverageOf, isVariationSelector, loadDocumentFont, type DocumentFont, type FontChoice, type FontId } from "./fonts.ts";

/** Millimetres to PDF points (1/72 inch). */
export const mm = (millimetres: number): number => (millimetres * 72) / 25.4;

export const A4_WIDTH_MM = 210;
export const A4_HEIGHT_MM = 297;
const MARGIN_MM = 20;
const BODY_SIZE = 10.5;
const FONT_ALIAS = "document";
const RULE_COLOUR = "#333333";
const LABEL_FILL = "#eeeeee";

export interface A4DocumentOptions {
  /** The document's title in the PDF metadata: the kind's name, never personal data. */
  title: string;
  /** The PDF creation date; fixing it makes the output reproducible. */
  createdAt: Date;
  font: DocumentFont;
  /** Printed at the top right of every page (e.g. 証明書番号 2026-000123). */
  headerRight?: string;
  /** Printed at the bottom left of every page (e.g. the municipality's name). */
  footerLeft?: string;
  /** Drawn across every page (見本 for a preview). */
  watermark?: string;
  /** The verification code and page printed on every page of an issued certificate. */
  verification?: VerificationMark;
  /** The 地紋 under every page (default true). */
  ground?: boolean;
}

export interface RenderedDocument {
  pdf: Buffer;
  pageCount: number;
  font: { id: FontId; name: string };
  /** Distinct characters the font has no glyph for; they print as empty boxes. */
  missingGlyphs: number;
  /** Variation sequences printed with the base character's usual glyph. */
  fallbackVariants: number;
}

export interface TableRow {
  label: string;
  value: string;
}

export interface TextOptions {
  size?: number;
  align?: "left" | "center" | "right";
  /** Width of the text box in points (default: from x to the right margin). */
  width?: number;
  characterSpacing?: number;
}

export interface ParagraphOptions extends Omit<TextOptions, "width"> {
  /** Width in millimetres, from the left margin (or ending at the right margin when aligned right). */
  widthMm?: number;
}

export class A4Document {
  private document: PDFKit.PDFDocument | null = null;
  private readonly chunks: Buffer[] = [];
  private ended: Promise<void> = Promise.resolve();
  private readonly missing = new Set<number>();
  private readonly drawn = new Set<number>();
  private fallbackVariants = 0;

  /** The options are public so that a render thread can open the same document (render-pool.ts). */
  constructor(readonly options: A4DocumentOptions) {}

  /**
   * The pdfkit document, for drawing the toolkit does not cover (shapes, images). Opened on first
   * use: a document handed to a render thread is never drawn here, and opening one costs.
   */
  get pdf(): PDFKit.PDFDocument {
    this.document ??= this.open();
    return this.document;
  }

  private open(): PDFKit.PDFDocument {
    const { options } = this;
    const pdf = new PDFDocument({
      size: "A4",
      margins: { top: mm(MARGIN_MM), bottom: mm(MARGIN_MM), left: mm(MARGIN_MM), right: mm(MARGIN_MM) },
      bufferPages: true,
      pdfVersion: "1.7",
      lang: "ja-JP",
      displayTitle: true,
      // No standard font: the document font is the only font in the file.
      font: null as unknown as string,
      info: {
        Title: options.title,
        Producer: "kyodo",
        Creator: "kyodo",
        CreationDate: options.createdAt,
        ModDate: options.createdAt,
      },
    });
    pdf.on("data", (chunk: Buffer) => this.chunks.push(chunk));
    this.ended = new Promise((resolve, reject) => {
      pdf.on("end", resolve);
      pdf.on("error", reject);
    });
    // pdfkit 0.20 takes an opened fontkit font (PDFFontFactory.open checks for `layout`), so the
    // font parsed once per process is shared; its type declarations only list file sources.
    pdf.registerFont(FONT_ALIAS, options.font.font as unknown as Buffer);
    pdf.font(FONT_ALIAS).fontSize(BODY_SIZE).fillColor("black").strokeColor(RULE_COLOUR);
    if (options.ground !== false) {
      const lay = () => {
        drawGround(pdf, options.font);
        pdf.fillColor("black").strokeColor(RULE_COLOUR);
      };
      pdf.on("pageAdded", lay);
      lay();
    }
    return pdf;
  }

  /** The text with line ends where line-breaking.ts puts them for a box `width` wide. */
  private laidOut(text: string, width: number, size: number, characterSpacing: number): string {
    this.pdf.fontSize(size);
    // A hair of slack: pdfkit must find each line as fitting as this measure did.
    const limit = width - 0.5;
    return layoutLines(text, (line) => this.pdf.widthOfString(line, { characterSpacing }) <= limit);
  }

  get left(): number {
    return this.pdf.page.margins.left;
  }

  get right(): number {
    return this.pdf.page.width - this.pdf.page.margins.right;
  }

  get contentWidth(): number {
    return this.right - this.left;
  }

  /** The bottom of the writable area of the page. */
  get bottom(): number {
    return this.pdf.page.height - this.pdf.page.margins.bottom;
  }

  /** The current vertical position, in points from the top of the page. */
  get y(): number {
    return this.pdf.y;
  }

  gap(millimetres: number): this {
    this.pdf.y += mm(millimetres);
    return this;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  keepTogether(height: number): this {
    if (this.pdf.y + height > this.bottom) {
      this.pdf.addPage();
      this.pdf.y = this.pdf.page.margins.top;
    }
    return this;
  }

  measure(text: string, widthPt: number, size = BODY_SIZE, characterSpacing = 0): number {
    const laid = this.laidOut(text, widthPt, size, characterSpacing);
    this.pdf.fontSize(size);
    return this.pdf.heightOfString(laid, { width: widthPt, characterSpacing });
  }

  /** Writes text at (x, y) in points; the one door every string goes through. */
  textAt(text: string, x: number, y: number, options: TextOptions = {}): this {
    const size = options.size ?? BODY_SIZE;
    const width = options.width ?? this.right - x;
    const coverage = coverageOf(this.options.font, text);
    for (const c of text) this.drawn.add(c.codePointAt(0)!);
    for (const cp of coverage.missing) this.missing.add(cp);
    this.fallbackVariants += coverage.fallbackVariants;
    const hasSelector = [...text].some((c) => isVariationSelector(c.codePointAt(0)!));
    if (hasSelector) this.pdf.markContent("Span", { actual: text } as PDFKit.Mixins.MarkingOptions);
    const laid = this.laidOut(text, width, size, options.characterSpacing ?? 0);
    this.pdf.fontSize(size).text(laid, x, y, {
      width,
      align: options.align ?? "left",
      characterSpacing: options.characterSpacing ?? 0,
      lineGap: size * 0.25,
    });
    if (hasSelector) this.pdf.endMarkedContent();
    return this;
  }

  /** A paragraph across the content width, starting on a new page if it does not fit. */
  paragraph(text: string, options: ParagraphOptions = {}): this {
    const { widthMm, ...rest } = options;
    const width = widthMm !== undefined ? mm(widthMm) : this.contentWidth;
    const x = options.align === "right" ? this.right - width : this.left;
    this.keepTogether(this.measure(text, width, options.size, options.characterSpacing));
    return this.textAt(text, x, this.pdf.y, { ...rest, width });
  }

  /** The document's heading: centred, large, spaced out as printed certificates are. */
  heading(text: string): this {
    this.paragraph(text, { size: 18, align: "center", characterSpacing: 4 });
    return this.gap(6);
  }

  /**
   * A boxed table of label/value rows (label column shaded), as certificates list their items.
   * A row never splits across pages.
   */
  table(rows: readonly TableRow[], options: { labelWidthMm?: number; size?: number } = {}): this {
    const size = options.size ?? BODY_SIZE;
    const pad = mm(2);
    const labelWidth = mm(options.labelWidthMm ?? 38);
    const valueWidth = this.contentWidth - labelWidth;
    const x = this.left;
    this.pdf.lineWidth(0.6);
    for (const row of rows) {
      const height =
        Math.max(
          this.measure(row.label, labelWidth - 2 * pad, size),
          this.measure(row.value, valueWidth - 2 * pad, size),
          mm(4.5),
        ) +
        2 * pad;
      this.keepTogether(height);
      const y = this.pdf.y;
      this.pdf.rect(x, y, labelWidth, height).fillAndStroke(LABEL_FILL, RULE_COLOUR);
      this.pdf.rect(x + labelWidth, y, valueWidth, height).stroke(RULE_COLOUR);
      this.pdf.fillColor("black");
      this.textAt(row.label, x + pad, y + pad, { size, width: labelWidth - 2 * pad });
      if (row.value) this.textAt(row.value, x + labelWidth + pad, y + pad, { size, width: valueWidth - 2 * pad });
      this.pdf.y = y + height;
    }
    this.pdf.x = this.left;
    return this;
  }

  /** Header, footer with page numbers and watermark on every page, then the PDF bytes. */
  async finish(): Promise<RenderedDocument> {
    const { start, count } = this.pdf.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.pdf.switchToPage(i);
      // Header and footer sit in the margins; pdfkit must not start a page for them.
      const margins = { ...this.pdf.page.margins };
      this.pdf.page.margins = { top: 0, bottom: 0, left: margins.left, right: margins.right };
      const size = 8.5;
      if (this.options.headerRight) {
        this.textAt(this.options.headerRight, this.left, mm(10), { size, align: "right", width: this.contentWidth });
      }
      if (this.options.footerLeft) {
        this.textAt(this.options.footerLeft, this.left, mm(A4_HEIGHT_MM - 13), { size, width: mm(110) });
      }
      this.textAt(`${i - start + 1} / ${count}`, this.left, mm(A4_HEIGHT_MM - 13), { size, align: "right", width: this.contentWidth });
      if (this.options.verification) this.drawVerification(this.options.verification);
      if (this.options.watermark) this.drawWatermark(this.options.watermark);
      this.pdf.page.margins = margins;
    }
    this.pdf.end();
    await this.ended;
    return {
      pdf: this.tagSubset(Buffer.concat(this.chunks)),
      pageCount: count,
      font: { id: this.options.font.id, name: this.options.font.name },
      missingGlyphs: this.missing.size,
      fallbackVariants: this.fallbackVariants,
    };
  }

  /** The QR code at the top left of the page, the code beside it. */
  private drawVerification(mark: VerificationMark): void {
    const { right } = drawVerificationMark(this.pdf, mark, this.left - mm(2), mm(2.5));
    this.pdf.fillColor("black");
    this.textAt(`検証コード ${mark.code}`, right + mm(1), mm(6), { size: 8, width: mm(100) });
    this.textAt(mark.url, right + mm(1), mm(10), { size: 6.5, width: mm(110) });
  }

  /** The six-letter subset tag of this document: from its characters and its serial (header). */
  subsetTag(): string {
    const hash = crypto.createHash("sha256");
    hash.update([...this.drawn].sort((a, b) => a - b).join(","));
    hash.update(`|${this.options.headerRight ?? ""}|${this.options.createdAt.toISOString()}`);
    return [...hash.digest().subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join("");
  }

  /** Replaces pdfkit's fixed subset tag: same length, so every byte offset (xref) stays right. */
  private tagSubset(pdf: Buffer): Buffer {
    const tag = this.subsetTag();
    const text = pdf.toString("latin1").replace(/(\/(?:FontName|BaseFont) \/)[A-Z]{6}\+/g, `$1${tag}+`);
    return Buffer.from(text, "latin1");
  }

  private drawWatermark(text: string): void {
    const size = 150;
    const cx = mm(A4_WIDTH_MM / 2);
    const cy = mm(A4_HEIGHT_MM / 2);
    this.pdf.save();
    this.pdf.rotate(-35, { origin: [cx, cy] }).fillColor("#c00000").fillOpacity(0.14);
    const width = mm(A4_WIDTH_MM);
    this.textAt(text, cx - width / 2, cy - size * 0.6, { size, align: "center", width, characterSpacing: 20 });
    this.pdf.restore();
    this.pdf.fillColor("black").fillOpacity(1);
  }
}

const prepared = new Map<string, Promise<DocumentFont>>();

/**
 * The document font, loaded once and exercised by one throwaway page: the first page a process
 * draws with a font costs ≈ 100 ms more than the next ones (fontkit parses the tables it
 * embeds, pdfkit's code warms up), and that should not fall on the first certificate.
 */
export function prepareDocumentFont(choice: FontChoice = chooseDocumentFont()): Promise<DocumentFont> {
  const key = `${choice.id}:${choice.file}`;
  let pending = prepared.get(key);
  if (!pending) {
    pending = loadDocumentFont(choice).then(async (font) => {
      const doc = new A4Document({ title: "warm-up", createdAt: new Date(0), font, headerRight: "証明書番号 0000-000000" });
      doc.heading("証明書").table([{ label: "氏名", value: "上記のとおり証明する。令和0123456789" }]);
      await doc.finish();
      return font;
    });
    pending.catch(() => prepared.delete(key));
    prepared.set(key, pending);
  }
  return pending;
}
