// 文字コード (character encoding) of a layout file: UTF-8 (the default, written without a
// BOM; a BOM is accepted and stripped on import) or "Shift_JIS" for legacy tools. What those
// tools mean by Shift_JIS is Microsoft's CP932 (Windows-31J), which adds NEC and IBM
// characters such as 髙, ①, ㈱ to JIS X 0208, so that is what "shift_jis" encodes. A
// character CP932 cannot hold (𠮷, 〜 U+301C, an IVS selector…) is never replaced by "?":
// the caller learns its code point and fails, because a silently altered name is worse
// than no file.
import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";

export type LayoutEncoding = "utf-8" | "shift_jis";
export const LAYOUT_ENCODINGS: readonly LayoutEncoding[] = ["utf-8", "shift_jis"];

/** The iconv-lite name of the encoding legacy Japanese tools call Shift_JIS. */
const CP932 = "cp932";
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export interface DecodeProblem {
  code: "invalid-utf-8" | "invalid-shift-jis";
  line: number;
  message: string;
}

export type Decoded = { text: string } | { problems: DecodeProblem[] };

/** The byte offset of every malformed UTF-8 sequence (one per sequence), per RFC 3629. */
function invalidUtf8Offsets(input: Buffer): number[] {
  const offsets: number[] = [];
  let i = 0;
  while (i < input.length) {
    const b = input[i]!;
    let length = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
    let valid = length > 0 && i + length <= input.length;
    let codePoint = b & (0xff >> (length + 1));
    for (let k = 1; valid && k < length; k++) {
      const c = input[i + k]!;
      if ((c & 0xc0) !== 0x80) valid = false;
      codePoint = (codePoint << 6) | (c & 0x3f);
    }
    if (valid && (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff))) valid = false;
    if (valid) {
      i += length;
    } else {
      offsets.push(i);
      i++;
      while (i < input.length && (input[i]! & 0xc0) === 0x80) i++;
    }
  }
  return offsets;
}

/** The distinct 1-based lines holding the given (ascending) byte offsets, in one pass. */
function linesOfOffsets(input: Buffer, offsets: readonly number[]): number[] {
  const lines: number[] = [];
  let line = 1;
  let next = 0;
  for (let i = 0; i < input.length && next < offsets.length; i++) {
    if (i === offsets[next]) {
      if (lines[lines.length - 1] !== line) lines.push(line);
      next++;
    }
    const b = input[i];
    if (b === 0x0a || (b === 0x0d && input[i + 1] !== 0x0a)) line++;
  }
  return lines;
}

/** Bytes of a layout file → its text, or the lines that hold bytes the encoding cannot have. */
export function decodeLayoutFile(input: Buffer, encoding: LayoutEncoding): Decoded {
  if (encoding === "utf-8") {
    const body = input.subarray(0, 3).equals(BOM) ? input.subarray(3) : input;
    if (isUtf8(body)) return { text: body.toString("utf8") };
    return {
      problems: linesOfOffsets(body, invalidUtf8Offsets(body)).map((line) => ({
        code: "invalid-utf-8" as const,
        line,
        message: "bytes that are not valid UTF-8",
      })),
    };
  }
  const text = iconv.decode(input, CP932);
  if (!text.includes("\uFFFD")) return { text };
  // CP932 has no U+FFFD, so every one in the text marks bytes the decoder could not map; its
  // trail bytes never include CR or LF, so the text's lines are the file's lines.
  const lines = new Set<number>();
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) lines.add(line);
    else if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return {
    problems: [...lines].map((l) => ({ code: "invalid-shift-jis" as const, line: l, message: "bytes that are not valid Shift_JIS (CP932)" })),
  };
}

/** Do the CP932 bytes decode back to exactly the text they were encoded from? */
export function decodesBackTo(bytes: Buffer, text: string): boolean {
  return iconv.decode(bytes, CP932) === text;
}

/** Is every character of the text representable in CP932, so that it survives the round trip? */
function survivesCp932(text: string): boolean {
  return decodesBackTo(iconv.encode(text, CP932), text);
}

/** The first code point of a text that CP932 cannot represent, or null when all can. */
export function firstUnencodable(text: string): number | null {
  if (survivesCp932(text)) return null;
  for (const ch of text) {
    if (!survivesCp932(ch)) return ch.codePointAt(0)!;
  }
  // Each character survives alone but not the whole: cannot happen in a stateless encoding.
  return text.codePointAt(0)!;
}

/** Text → bytes; for Shift_JIS the caller has checked the text with firstUnencodable. */
export function encodeLayoutText(text: string, encoding: LayoutEncoding): Buffer {
  return encoding === "utf-8" ? Buffer.from(text, "utf8") : iconv.encode(text, CP932);
}

/** U+XXXX notation of a code point, at least four hex digits. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The charset parameter of a Content-Type for the encoding. */
export function charsetOf(encoding: LayoutEncoding): string {
  return encoding === "utf-8" ? "utf-8" : "Shift_JIS";
}
