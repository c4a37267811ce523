import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { A4Document, type RenderedDocument } from "./pdf.ts";
import { drawCertification, type Certifier } from "./certifier.ts";
import { IPAMJ_MINCHO_FILE, loadDocumentFont, NOTO_SERIF_JP_FILE, type DocumentFont } from "./fonts.ts";

// Rendered files are kept for inspection (and the page images looked at), outside git.
const OUT = path.resolve("test-results/documents");

const NAMES = ["髙橋", "𠮷田", "渡邉"];
const KUZU_AJ1 = "葛\u{E0100}"; // Adobe-Japan1 sequence: not in the Moji_Joho collection
const KUZU_MJ = "葛\u{E0102}"; // Moji_Joho sequence: a glyph of its own in IPAmj明朝
const CERTIFIER: Certifier = {
  prefectureName: "神奈川県",
  municipalityName: "葉山町",
  issuerName: "神奈川県葉山町",
  title: "神奈川県葉山町長",
  name: "山田 太郎",
  seal: null,
};
const WIDE_SPACE = "\u3000";
const CREATED = new Date("2026-04-01T00:30:00Z");

let ipamj: DocumentFont;
let noto: DocumentFont;

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  ipamj = await loadDocumentFont({ id: "ipamj-mincho", file: IPAMJ_MINCHO_FILE });
  noto = await loadDocumentFont({ id: "noto-serif-jp", file: NOTO_SERIF_JP_FILE });
});

async function render(font: DocumentFont, options: { watermark?: string; createdAt?: Date; rows?: number } = {}): Promise<RenderedDocument> {
  const doc = new A4Document({
    title: "記録事項証明書",
    createdAt: options.createdAt ?? CREATED,
    font,
    headerRight: "証明書番号 2026-000123",
    footerLeft: CERTIFIER.issuerName,
    ...(options.watermark ? { watermark: options.watermark } : {}),
  });
  doc.heading("記録事項証明書");
  const rows = [
    { label: "氏名", value: NAMES.join(WIDE_SPACE) },
    { label: "異体字", value: [`${KUZU_AJ1}城`, `${KUZU_MJ}西`, "葛飾"].join(WIDE_SPACE) },
    { label: "住所", value: `神奈川県三浦郡葉山町堀内2135番地${WIDE_SPACE}葉山ハイツ101号室` },
    { label: "生年月日", value: "平成元年1月8日" },
  ];
  for (let i = 0; i < (options.rows ?? 0); i++) rows.push({ label: `追記${i + 1}`, value: "記載事項の追記".repeat(3) });
  doc.table(rows);
  drawCertification(doc, CERTIFIER, "2026-04-01");
  return doc.finish();
}

function save(name: string, pdf: Buffer): string {
  const file = path.join(OUT, name);
  fs.writeFileSync(file, pdf);
  return file;
}

/** The text in content order (-raw); pdftotext turns an ideographic space outside ActualText into a space. */
const pdftotext = (file: string) => execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"]).toString("utf8");
const squeezed = (text: string) => text.replace(/[\s\u3000]+/g, " ");
const pdfinfo = (file: string) => execFileSync("pdfinfo", [file]).toString("utf8");
const pdffonts = (file: string) => execFileSync("pdffonts", [file]).toString("utf8");

describe("A4 certificate page with IPAmj明朝", () => {
  let file: string;
  let rendered: RenderedDocument;

  beforeAll(async () => {
    rendered = await render(ipamj);
    file = save("page-ipamj.pdf", rendered.pdf);
  });

  it("is one A4 portrait page and reports the font it used", () => {
    expect(rendered.pageCount).toBe(1);
    expect(rendered.font).toEqual({ id: "ipamj-mincho", name: "IPAmj明朝" });
    const info = pdfinfo(file);
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)/);
  });

  it("gives back 髙橋, 𠮷田, 渡邉 and the variation sequences exactly, selector included", () => {
    const text = pdftotext(file);
    for (const name of NAMES) expect(text).toContain(name);
    expect(text).toContain(`${KUZU_AJ1}城`);
    expect(text).toContain(`${KUZU_MJ}西`);
    // The plain 葛 shares its glyph with a sequence; the text layer still tells them apart.
    expect(text).toContain("葛飾");
    expect(text).not.toContain(`${KUZU_AJ1}飾`);
  });

  it("prints the certifier block, the date in 和暦, the serial and the page number", () => {
    const text = pdftotext(file);
    expect(text).toContain("上記のとおり証明する。");
    expect(text).toContain("令和8年4月1日");
    expect(squeezed(text)).toContain("神奈川県葉山町長 山田 太郎");
    expect(text).toContain("証明書番号 2026-000123");
    expect(text).toMatch(/1 \/ 1/);
    expect(text).toContain("職印");
  });

  it("embeds IPAmj明朝 as a subset and no other font", () => {
    const rows = pdffonts(file).trim().split("\n").slice(2);
    expect(rows).toHaveLength(1);
    // name, type, encoding, emb, sub, uni
    expect(rows[0]).toMatch(/^[A-Z]{6}\+IPAmjMincho\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(rendered.pdf.length).toBeLessThan(60_000);
  });

  it("draws every character: nothing missing; the Adobe-Japan1 sequence falls back to the MJ base glyph", () => {
    expect(rendered.missingGlyphs).toBe(0);
    expect(rendered.fallbackVariants).toBe(1);
  });

  it("carries the title and producer as metadata, and nothing personal", () => {
    const info = pdfinfo(file);
    expect(info).toMatch(/Title:\s+記録事項証明書/);
    expect(info).toMatch(/Producer:\s+kyodo/);
    expect(info).not.toMatch(/Author|Subject|Keywords/);
    for (const name of NAMES) expect(info).not.toContain(name);
  });

  it("is byte-for-byte the same for the same content and creation date, and differs with another date", async () => {
    const again = await render(ipamj);
    expect(again.pdf.equals(rendered.pdf)).toBe(true);
    const later = await render(ipamj, { createdAt: new Date("2026-04-01T00:30:01Z") });
    expect(later.pdf.equals(rendered.pdf)).toBe(false);
  });

  it("renders to an image with pdftoppm (test-results/documents/page-ipamj-1.png)", () => {
    execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", file, path.join(OUT, "page-ipamj")]);
    const png = fs.readFileSync(path.join(OUT, "page-ipamj-1.png"));
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    // 80 dpi A4: 661 × 935 pixels, big-endian in the IHDR chunk.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([662, 936]);
  });
});

describe("pages, header and footer", () => {
  it("a long table continues on a second page, each page numbered and carrying the serial", async () => {
    const rendered = await render(ipamj, { rows: 40 });
    const file = save("two-pages.pdf", rendered.pdf);
    expect(rendered.pageCount).toBe(2);
    const pages = pdftotext(file).split("\f");
    expect(pages[0]).toMatch(/1 \/ 2/);
    expect(pages[1]).toMatch(/2 \/ 2/);
    expect(pages[1]).toContain("証明書番号 2026-000123");
    expect(pages[1]).toContain("上記のとおり証明する。");
  });

  it("a preview's watermark 見本 is on the page", async () => {
    const rendered = await render(ipamj, { watermark: "見本" });
    const file = save("preview.pdf", rendered.pdf);
    execFileSync("pdftoppm", ["-png", "-r", "80", file, path.join(OUT, "preview")]);
    expect(pdftotext(file).replace(/\s/g, "")).toContain("見本");
  });
});

describe("the npm-only fallback font, Noto Serif JP (FONT_NOTES)", () => {
  it("still produces the PDF, with the JIS names and its own Adobe-Japan1 variant of 葛", async () => {
    const rendered = await render(noto);
    const file = save("page-noto.pdf", rendered.pdf);
    expect(rendered.font).toEqual({ id: "noto-serif-jp", name: "Noto Serif JP" });
    const text = pdftotext(file);
    for (const name of NAMES) expect(text).toContain(name);
    expect(pdffonts(file)).toMatch(/[A-Z]{6}\+NotoSerifJP-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    // 葛+U+E0100 is drawn (its own glyph); 葛+U+E0102 (Moji_Joho) falls back to the base glyph.
    expect(rendered.fallbackVariants).toBe(1);
    expect(rendered.missingGlyphs).toBe(0);
  });

  it("uses the font's own glyph for an Adobe-Japan1 sequence, which fontkit alone would miss", () => {
    const [plain] = noto.font.layout("葛").glyphs;
    const [variant] = noto.font.layout(KUZU_AJ1).glyphs;
    expect(noto.variation(0x845b, 0xe0100)).toBe("variant");
    expect(variant!.id).not.toBe(plain!.id);
    expect(noto.variation(0x845b, 0xe0102)).toBe("absent");
    expect(noto.font.layout(KUZU_MJ).glyphs[0]!.id).toBe(plain!.id);
  });

  it("counts a character outside the font as missing (U+20000, an Extension B ideograph IPAmj明朝 has)", async () => {
    const ideograph = String.fromCodePoint(0x20000);
    expect(ipamj.font.hasGlyphForCodePoint(0x20000)).toBe(true);
    expect(noto.font.hasGlyphForCodePoint(0x20000)).toBe(false);
    const doc = new A4Document({ title: "見本", createdAt: CREATED, font: noto });
    doc.paragraph(`${ideograph}田 ${ideograph}川`);
    const rendered = await doc.finish();
    expect(rendered.missingGlyphs).toBe(1);
  });
});
