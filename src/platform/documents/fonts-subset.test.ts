import fs from "node:fs";
import { create, type Font } from "fontkit";
import { describe, expect, it } from "vitest";
import { A4Document } from "./pdf.ts";
import { drawCertification } from "./certifier.ts";
import { IPAMJ_MINCHO_FILE, loadDocumentFont, NOTO_SERIF_JP_FILE, type DocumentFont } from "./fonts.ts";

// Neither Japanese font has composite glyphs (glyphs built from others); DejaVu Serif (Debian's
// fonts-dejavu-core, which fontconfig and so the tests' Chromium pull in) draws À, É, ½ … as
// composites, so it exercises the subsetter's other path: components renumbered per subset.
const DEJAVU_SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";
const TEXT = ["𠮷田 髙橋 渡邉 齋藤 邊見", "葛\u{E0102} 辻\u{E0102}", "令和八年四月一日 0123456789", "À É Ç ½ ¾ Ö"];

async function draw(font: DocumentFont): Promise<Buffer> {
  const doc = new A4Document({ title: "見本", createdAt: new Date("2026-04-01T00:30:00Z"), font, headerRight: "証明書番号 2026-000123" });
  doc.heading("記録事項証明書").table(TEXT.map((value, i) => ({ label: `項目${i + 1}`, value })));
  drawCertification(doc, { prefectureName: "神奈川県", municipalityName: "葉山町", issuerName: "神奈川県葉山町", title: "神奈川県葉山町長", name: "山田 太郎", seal: null }, "2026-04-01");
  return (await doc.finish()).pdf;
}

describe("subsetting the document font from its glyph cache", () => {
  it("embeds the same bytes as fontkit's own subsetter, document after document, with each font, composite glyphs included", async () => {
    for (const choice of [
      { id: "ipamj-mincho" as const, file: IPAMJ_MINCHO_FILE },
      { id: "noto-serif-jp" as const, file: NOTO_SERIF_JP_FILE },
      { id: "custom" as const, file: DEJAVU_SERIF },
    ]) {
      const cached = await loadDocumentFont(choice);
      // The same file opened by fontkit alone: no glyph cache.
      const plain: DocumentFont = { ...cached, font: create(fs.readFileSync(choice.file)) as Font };
      for (let i = 0; i < 3; i++) {
        const [a, b] = [await draw(cached), await draw(plain)];
        expect(a.length).toBeGreaterThan(1000);
        expect(a.equals(b)).toBe(true);
      }
    }
  });
});
