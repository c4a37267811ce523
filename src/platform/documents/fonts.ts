// 帳票フォント (document fonts): the typeface certificates are set in, chosen and loaded once per
// process (opening a CJK font costs ≈ 250 ms; every document then shares the parsed font, and
// pdfkit embeds only the glyphs a document uses).
//
// The choice, first match wins:
//  1. KYODO_PDF_FONT — a .ttf/.otf path set by the operator (an error if it names no file).
//  2. IPAmj明朝 from Debian's fonts-ipamj-mincho: the 文字情報基盤 font. It draws every MJ character
//     and every Moji_Joho variation sequence, which is what resident records need.
//  3. Noto Serif JP Regular from the npm package @expo-google-fonts/noto-serif-jp, so that a
//     machine with only npm still produces PDFs. FONT_NOTES says what it cannot draw.
import fs from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { create, type Font } from "fontkit";

export type FontId = "ipamj-mincho" | "noto-serif-jp" | "custom";

export interface FontChoice {
  id: FontId;
  file: string;
}

/** How a font draws a variation sequence (base character + VS). */
export type VariationSupport =
  /** The sequence has a glyph of its own. */
  | "variant"
  /** The sequence is registered as the base character's usual glyph. */
  | "default"
  /** Not in the font: the base character's usual glyph is drawn instead. */
  | "absent";

export interface DocumentFont extends FontChoice {
  /** The typeface's name, as documents and the README report it. */
  name: string;
  /** The parsed font, shared by every document of the process. */
  font: Font;
  variation(base: number, selector: number): VariationSupport;
}

export interface FontNote {
  name: string;
  source: string;
  cannotRender: string[];
}

export const IPAMJ_MINCHO_FILE = "/usr/share/fonts/truetype/ipamj/ipamjm.ttf";
export const NOTO_SERIF_JP_FILE = createRequire(import.meta.url).resolve(
  "@expo-google-fonts/noto-serif-jp/400Regular/NotoSerifJP_400Regular.ttf",
);
export const FONT_ENV = "KYODO_PDF_FONT";

// Measured on IPAmj明朝 005.01 (Debian fonts-ipamj-mincho) and Noto Serif JP 2.003 (npm
// @expo-google-fonts/noto-serif-jp 0.4.3) by comparing their cmap tables.
export const FONT_NOTES: Record<FontId, FontNote> = {
  "ipamj-mincho": {
    name: "IPAmj明朝",
    source: `Debian package fonts-ipamj-mincho (${IPAMJ_MINCHO_FILE}), IPA Font License`,
    cannotRender: [
      "Variation sequences registered only in the Adobe-Japan1 collection of the IVD (e.g. 葛 U+845B U+E0100): " +
        "the base character's MJ glyph is drawn; the sequence is kept in the text layer.",
    ],
  },
  "noto-serif-jp": {
    name: "Noto Serif JP",
    source: "npm package @expo-google-fonts/noto-serif-jp (NotoSerifJP_400Regular.ttf), SIL Open Font License 1.1",
    cannotRender: [
      "MJ characters outside its 16,726 code points: of the 54,578 code points IPAmj明朝 maps, 39,803 are missing " +
        "(5,558 CJK Unified Ideographs, 5,660 of Extension A, 25,406 of Extension B, 2,627 of Extensions C–F); " +
        "MJ glyphs reachable only through a variation sequence are missing too. Such characters would print as " +
        "empty boxes, so a certificate containing one is refused (a preview shows them).",
      "Moji_Joho and Hanyo-Denshi variation sequences (e.g. 辻 U+8FBB U+E0102, 邉 U+9089 U+E0110): the base " +
        "character's usual glyph is drawn, so a registered 字形 may print differently; the sequence is kept in " +
        "the text layer. Its own Adobe-Japan1 sequences (e.g. 葛 U+845B U+E0100) are drawn.",
    ],
  },
  custom: {
    name: `the font named by ${FONT_ENV}`,
    source: `the file ${FONT_ENV} points to`,
    cannotRender: ["Whatever the font lacks; documents report missing glyphs and unsupported variation sequences."],
  },
};

/** Which font documents use, by the order in the header. */
export function chooseDocumentFont(env: NodeJS.ProcessEnv = process.env, exists: (file: string) => boolean = existsSync): FontChoice {
  const custom = env[FONT_ENV];
  if (custom) {
    if (!exists(custom)) throw new Error(`${FONT_ENV} names no readable font file`);
    return { id: "custom", file: custom };
  }
  if (exists(IPAMJ_MINCHO_FILE)) return { id: "ipamj-mincho", file: IPAMJ_MINCHO_FILE };
  return { id: "noto-serif-jp", file: NOTO_SERIF_JP_FILE };
}

/** The private cmap lookup of fontkit 2.0.4 that pdfkit's text layout goes through. */
interface CmapProcessor {
  uvs: { varSelectors: { toArray(): UvsSelector[] } } | null;
  getVariationSelector(codePoint: number, selector: number): number;
}

interface UvsSelector {
  varSelector: number;
  defaultUVS: ArrayLike<{ startUnicodeValue: number; additionalCount: number }> | null;
  nonDefaultUVS: ArrayLike<{ unicodeValue: number; glyphID: number }> | null;
}

interface SelectorIndex {
  defaults: { start: number; end: number }[];
  variants: Map<number, number>;
}

/**
 * Indexes the font's cmap format 14 (Unicode variation sequences) and routes fontkit through
 * it. fontkit 2.0.4's getVariationSelector stops when a selector record has a default-UVS
 * table that does not list the character, without looking at its non-default table, so fonts
 * with both tables (Noto Serif JP for U+E0100) lose their variant glyphs. IPAmj明朝 has no
 * default tables and is unaffected; the replacement answers the same for it.
 */
function indexVariations(font: Font): (base: number, selector: number) => { support: VariationSupport; glyph: number } {
  const processor = (font as unknown as { _cmapProcessor: CmapProcessor })._cmapProcessor;
  const selectors = new Map<number, SelectorIndex>();
  for (const record of processor.uvs?.varSelectors.toArray() ?? []) {
    const defaults = Array.from(record.defaultUVS ?? [], (r) => ({ start: r.startUnicodeValue, end: r.startUnicodeValue + r.additionalCount }));
    const variants = new Map(Array.from(record.nonDefaultUVS ?? [], (r) => [r.unicodeValue, r.glyphID] as const));
    selectors.set(record.varSelector, { defaults, variants });
  }
  const lookup = (base: number, selector: number) => {
    const index = selectors.get(selector);
    const glyph = index?.variants.get(base);
    if (glyph) return { support: "variant" as const, glyph };
    if (index?.defaults.some((r) => base >= r.start && base <= r.end)) return { support: "default" as const, glyph: 0 };
    return { support: "absent" as const, glyph: 0 };
  };
  // 0 tells fontkit to fall back to the base character's glyph.
  processor.getVariationSelector = (codePoint, selector) => lookup(codePoint, selector).glyph;
  return lookup;
}

/** The private parts of fontkit 2.0.4's TrueType font and subset that subsetting goes through. */
interface TrueTypeInternals {
  directory: { tables: Record<string, unknown> };
  _variationProcessor: unknown;
  loca: { offsets: number[] };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  getGlyph(id: number): { _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null; advanceWidth: number; _getMetrics(): { leftBearing: number } };
  createSubset(): TrueTypeSubset;
}

interface TrueTypeSubset {
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(id: number): number;
  _addGlyph(id: number): number;
}

/** What the subsetter needs of one glyph, read once per process. */
interface SubsetGlyph {
  bytes: Uint8Array;
  /** A composite glyph's components: the glyph each names and where its id sits in `bytes`. */
  components: { glyphID: number; pos: number }[] | null;
  advance: number;
  bearing: number;
}

/**
 * Makes the font's subsets reuse what they read of each glyph. pdfkit embeds a subset of the
 * font in every document, and fontkit 2.0.4's TrueType subsetter decodes each glyph's whole
 * outline (every point, through restructure) only to learn whether it is a composite — the
 * largest single cost of drawing a certificate. The raw glyph bytes, the components and the
 * metrics never change for a font, so they are read once per glyph and process; the subset
 * then writes exactly the bytes it wrote before (component ids renumbered for each subset, as
 * fontkit does). Variable fonts, whose outlines fontkit re-encodes, keep fontkit's own path.
 */
function cacheSubsetGlyphs(parsed: Font): void {
  const font = parsed as unknown as TrueTypeInternals;
  if (!font.directory.tables.glyf || font.directory.tables["CFF "] || font._variationProcessor) return;
  const glyphs = new Map<number, SubsetGlyph>();
  const read = (gid: number): SubsetGlyph => {
    let cached = glyphs.get(gid);
    if (!cached) {
      const glyph = font.getGlyph(gid);
      const header = glyph._decode();
      const start = font.loca.offsets[gid]!;
      const stream = font._getTableStream("glyf");
      stream.pos += start;
      cached = {
        bytes: Uint8Array.from(stream.readBuffer(font.loca.offsets[gid + 1]! - start)),
        components: header && header.numberOfContours < 0 ? (header.components ?? []).map((c) => ({ glyphID: c.glyphID, pos: c.pos })) : null,
        advance: glyph.advanceWidth,
        bearing: glyph._getMetrics().leftBearing,
      };
      glyphs.set(gid, cached);
    }
    return cached;
  };
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset();
    // As fontkit's _addGlyph, from the cache.
    subset._addGlyph = (gid: number) => {
      const glyph = read(gid);
      let bytes = glyph.bytes;
      if (glyph.components) {
        bytes = Uint8Array.from(glyph.bytes);
        const view = new DataView(bytes.buffer);
        for (const component of glyph.components) view.setUint16(component.pos, subset.includeGlyph(component.glyphID));
      }
      subset.glyf.push(bytes);
      subset.loca.offsets.push(subset.offset);
      subset.hmtx.metrics.push({ advance: glyph.advance, bearing: glyph.bearing });
      subset.offset += bytes.length;
      return subset.glyf.length - 1;
    };
    return subset;
  };
}

const loaded = new Map<string, Promise<DocumentFont>>();

async function open(choice: FontChoice): Promise<DocumentFont> {
  const parsed = create(await fs.readFile(choice.file));
  if ("fonts" in parsed) throw new Error("a font collection (.ttc) cannot be used; name a .ttf or .otf file");
  const lookup = indexVariations(parsed);
  cacheSubsetGlyphs(parsed);
  const name = choice.id === "custom" ? parsed.familyName : FONT_NOTES[choice.id].name;
  return { ...choice, name, font: parsed, variation: (base, selector) => lookup(base, selector).support };
}

/** The document font, opened on first use and then shared; a failed load is retried next time. */
export function loadDocumentFont(choice: FontChoice = chooseDocumentFont()): Promise<DocumentFont> {
  const key = `${choice.id}:${choice.file}`;
  let pending = loaded.get(key);
  if (!pending) {
    pending = open(choice);
    pending.catch(() => loaded.delete(key));
    loaded.set(key, pending);
  }
  return pending;
}

export const isVariationSelector = (cp: number): boolean => (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);

export interface TextCoverage {
  /** Distinct code points the font has no glyph for (drawn as empty boxes). */
  missing: number[];
  /** Variation sequences drawn with the base character's usual glyph. */
  fallbackVariants: number;
}

/** What of `text` the font cannot draw as written. */
export function coverageOf(font: DocumentFont, text: string): TextCoverage {
  const missing = new Set<number>();
  let fallbackVariants = 0;
  let previous: number | null = null;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (isVariationSelector(cp)) {
      if (previous !== null && font.variation(previous, cp) === "absent") fallbackVariants++;
    } else if (cp > 0x20 && cp !== 0x3000 && !font.font.hasGlyphForCodePoint(cp)) {
      missing.add(cp);
    }
    previous = cp;
  }
  return { missing: [...missing], fallbackVariants };
}
