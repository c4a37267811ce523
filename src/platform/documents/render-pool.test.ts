import { describe, expect, it } from "vitest";
import { A4Document } from "./pdf.ts";
import { IPAMJ_MINCHO_FILE, loadDocumentFont, NOTO_SERIF_JP_FILE, type DocumentFont } from "./fonts.ts";
import { RENDER_THREADS_ENV, renderDrawing, renderThreadCount } from "./render-pool.ts";
import { failingDrawing, sampleDrawing, type SampleContent } from "./sample-drawing.ts";

const CONTENT: SampleContent = {
  heading: "記録事項証明書",
  rows: [
    { label: "氏名", value: "𠮷田　髙橋　渡邉" },
    { label: "住所", value: "神奈川県三浦郡葉山町堀内2135番地" },
    { label: "異体字", value: "葛\u{E0102}" },
  ],
  certifier: { prefectureName: "神奈川県", municipalityName: "葉山町", issuerName: "神奈川県葉山町", title: "神奈川県葉山町長", name: "山田 太郎", seal: null },
  date: "2026-04-01",
};

const open = (font: DocumentFont, serial: string) =>
  new A4Document({ title: "記録事項証明書", createdAt: new Date("2026-04-01T00:30:00Z"), font, headerRight: `証明書番号 ${serial}`, footerLeft: "神奈川県葉山町" });

/** The same drawing on this thread, with render threads switched off. */
async function onMainThread(font: DocumentFont, serial: string) {
  const saved = process.env[RENDER_THREADS_ENV];
  process.env[RENDER_THREADS_ENV] = "0";
  try {
    return await renderDrawing(open(font, serial), sampleDrawing, CONTENT);
  } finally {
    if (saved === undefined) delete process.env[RENDER_THREADS_ENV];
    else process.env[RENDER_THREADS_ENV] = saved;
  }
}

describe("drawing certificates in render threads", () => {
  it("a render thread produces the very bytes the main thread does, with either font", async () => {
    for (const choice of [
      { id: "ipamj-mincho" as const, file: IPAMJ_MINCHO_FILE },
      { id: "noto-serif-jp" as const, file: NOTO_SERIF_JP_FILE },
    ]) {
      const font = await loadDocumentFont(choice);
      const here = await onMainThread(font, "2026-000001");
      const there = await renderDrawing(open(font, "2026-000001"), sampleDrawing, CONTENT);
      expect(there.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(there.pdf.equals(here.pdf)).toBe(true);
      expect(there).toMatchObject({ pageCount: 1, font: { id: choice.id }, missingGlyphs: here.missingGlyphs, fallbackVariants: here.fallbackVariants });
    }
  });

  it("documents drawn at once in the threads each come back whole, to their own caller", async () => {
    const font = await loadDocumentFont({ id: "ipamj-mincho", file: IPAMJ_MINCHO_FILE });
    const serials = Array.from({ length: 6 }, (_, i) => `2026-00010${i}`);
    const drawn = await Promise.all(serials.map((serial) => renderDrawing(open(font, serial), sampleDrawing, CONTENT)));
    for (const [i, serial] of serials.entries()) expect(drawn[i]!.pdf.equals((await onMainThread(font, serial)).pdf)).toBe(true);
  });

  it("a drawing that throws fails its own render with its message, and the threads keep drawing", async () => {
    const font = await loadDocumentFont({ id: "ipamj-mincho", file: IPAMJ_MINCHO_FILE });
    await expect(renderDrawing(open(font, "2026-000200"), failingDrawing, { heading: "失敗" })).rejects.toThrow("the sample drawing failed");
    const after = await renderDrawing(open(font, "2026-000201"), sampleDrawing, CONTENT);
    expect(after.pdf.equals((await onMainThread(font, "2026-000201")).pdf)).toBe(true);
  });

  it(`takes the number of threads from ${RENDER_THREADS_ENV}, 0 meaning the main thread, and refuses nonsense`, () => {
    expect(renderThreadCount({ [RENDER_THREADS_ENV]: "0" })).toBe(0);
    expect(renderThreadCount({ [RENDER_THREADS_ENV]: "3" })).toBe(3);
    expect(renderThreadCount({})).toBeGreaterThanOrEqual(1);
    expect(() => renderThreadCount({ [RENDER_THREADS_ENV]: "two" })).toThrow(RENDER_THREADS_ENV);
  });
});
