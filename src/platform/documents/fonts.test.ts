import { describe, expect, it } from "vitest";
import {
  chooseDocumentFont,
  coverageOf,
  FONT_ENV,
  FONT_NOTES,
  IPAMJ_MINCHO_FILE,
  loadDocumentFont,
  NOTO_SERIF_JP_FILE,
} from "./fonts.ts";

describe("choosing the document font", () => {
  const only = (...files: string[]) => (file: string) => files.includes(file);

  it("prefers IPAmj明朝 from Debian's fonts-ipamj-mincho", () => {
    expect(chooseDocumentFont({}, only(IPAMJ_MINCHO_FILE, NOTO_SERIF_JP_FILE))).toEqual({ id: "ipamj-mincho", file: IPAMJ_MINCHO_FILE });
  });

  it("falls back to Noto Serif JP from npm on a machine without it", () => {
    expect(chooseDocumentFont({}, only(NOTO_SERIF_JP_FILE))).toEqual({ id: "noto-serif-jp", file: NOTO_SERIF_JP_FILE });
  });

  it(`takes ${FONT_ENV} first, and refuses one that names no file`, () => {
    expect(chooseDocumentFont({ [FONT_ENV]: "/fonts/own.ttf" }, only("/fonts/own.ttf", IPAMJ_MINCHO_FILE))).toEqual({
      id: "custom",
      file: "/fonts/own.ttf",
    });
    expect(() => chooseDocumentFont({ [FONT_ENV]: "/fonts/none.ttf" }, only(IPAMJ_MINCHO_FILE))).toThrow(FONT_ENV);
  });

  it("the npm fallback is installed with the project", () => {
    expect(chooseDocumentFont({}, () => false).file).toBe(NOTO_SERIF_JP_FILE);
    expect(NOTO_SERIF_JP_FILE).toMatch(/@expo-google-fonts\/noto-serif-jp\/400Regular\/NotoSerifJP_400Regular\.ttf$/);
  });
});

describe("loading a font", () => {
  it("opens each font file once per process and shares it", async () => {
    const choice = { id: "noto-serif-jp" as const, file: NOTO_SERIF_JP_FILE };
    const [first, second] = await Promise.all([loadDocumentFont(choice), loadDocumentFont(choice)]);
    expect(second).toBe(first);
    expect(await loadDocumentFont(choice)).toBe(first);
    expect(first.name).toBe(FONT_NOTES["noto-serif-jp"].name);
  });

  it("a custom font is named by its family", async () => {
    const custom = await loadDocumentFont({ id: "custom", file: NOTO_SERIF_JP_FILE });
    expect(custom).toMatchObject({ id: "custom", name: "Noto Serif JP" });
  });

  it("a file that is not a font is refused, and a later load tries again", async () => {
    const choice = { id: "custom" as const, file: new URL(import.meta.url).pathname };
    const first = loadDocumentFont(choice);
    await expect(first).rejects.toThrow();
    const second = loadDocumentFont(choice);
    expect(second).not.toBe(first);
    await expect(second).rejects.toThrow();
  });
});

describe("what a font can draw (Moji_Joho variation sequences)", () => {
  it("IPAmj明朝 has the Moji_Joho sequences of 葛, 辻 and 邉 as glyphs of their own", async () => {
    const font = await loadDocumentFont({ id: "ipamj-mincho", file: IPAMJ_MINCHO_FILE });
    expect(font.variation(0x845b, 0xe0102)).toBe("variant");
    expect(font.variation(0x8fbb, 0xe0102)).toBe("variant");
    expect(font.variation(0x9089, 0xe0110)).toBe("variant");
    expect(font.variation(0x845b, 0xe0100)).toBe("absent");
    expect(coverageOf(font, "辻\u{E0102}邉\u{E0110}")).toEqual({ missing: [], fallbackVariants: 0 });
  });

  it("Noto Serif JP lacks them and they count as drawn with the base glyph", async () => {
    const font = await loadDocumentFont({ id: "noto-serif-jp", file: NOTO_SERIF_JP_FILE });
    expect(coverageOf(font, "辻\u{E0102}邉\u{E0110}\u{20000}")).toEqual({ missing: [0x20000], fallbackVariants: 2 });
  });
});
