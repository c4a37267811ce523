// The part of fontkit 2 (pdfkit's font engine, which ships no types) that the documents area
// uses: opening a font once per process and asking it which characters it can draw.
declare module "fontkit" {
  export interface Glyph {
    id: number;
    codePoints: number[];
    advanceWidth: number;
    path: { commands: { command: "moveTo" | "lineTo" | "quadraticCurveTo" | "bezierCurveTo" | "closePath"; args: number[] }[] };
  }

  export interface Font {
    postscriptName: string;
    familyName: string;
    numGlyphs: number;
    unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): { glyphs: Glyph[] };
  }

  export interface FontCollection {
    fonts: Font[];
  }

  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}
