// 改行 (line breaking) for certificates: where a long value may be split, decided here rather
// than by pdfkit, which breaks CJK text between any two characters (「グランドメゾン葉／山」).
//
//  - Break opportunities are the component boundaries of an address: after a space (the
//    ideographic space between an address and its 方書 included) and after 丁目, 番地, 番, 号,
//    条 and 地割. A segment that fits on the next line is moved there whole.
//  - A segment longer than a whole line is broken between characters, with 禁則処理 (JIS X 4051
//    行頭禁則・行末禁則): no line starts with a closing bracket, a comma or full stop, a small kana
//    or a prolonged sound mark, and no line ends with an opening bracket; the offending
//    character is pushed to the next line with its neighbour (追い出し).
// The result is the text with "\n" where lines end, each line no wider than the box.

/** 行頭禁則: characters that must not begin a line. */
export const NO_LINE_START = new Set([
  ..."、。，．,.・：；:;？！?!）」』】〕〉》］｝)]}ー‐–—…‥ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻ゝゞヽヾ゛゜％%",
]);

/** 行末禁則: characters that must not end a line. */
export const NO_LINE_END = new Set([..."（「『【〔〈《［｛([{"]);

const SPACE = /[\s\u3000]/u;
const COMPONENT_SUFFIXES = ["丁目", "番地", "地割", "号", "条", "番"];

/** Whether a line may end after `chars[i]`: a space, or the end of an address component. */
function breaksAfter(chars: readonly string[], i: number): boolean {
  const next = chars[i + 1];
  if (next === undefined) return false;
  if (SPACE.test(chars[i]!)) return !SPACE.test(next);
  if (SPACE.test(next) || NO_LINE_START.has(next)) return false;
  const tail = chars.slice(Math.max(0, i - 1), i + 1).join("");
  // 「番」 inside 「番地」 is not the end of a component.
  if (chars[i] === "番" && next === "地") return false;
  // 「号室」「号棟」「番館」: the suffix belongs to the 方書 that goes on.
  if (/[号番]/u.test(chars[i]!) && /[室棟館]/u.test(next)) return false;
  return COMPONENT_SUFFIXES.some((s) => tail.endsWith(s));
}

/** Splits the text into segments that end at break opportunities (spaces stay at a segment's end). */
export function segments(text: string): string[] {
  const chars = [...text];
  const out: string[] = [];
  let current = "";
  chars.forEach((c, i) => {
    current += c;
    if (breaksAfter(chars, i)) {
      out.push(current);
      current = "";
    }
  });
  if (current) out.push(current);
  return out;
}

/** Breaks one segment wider than a line between characters, with 禁則 (追い出し). */
function breakCharacters(segment: string, fits: (line: string) => boolean): string[] {
  const lines: string[][] = [];
  let line: string[] = [];
  for (const c of segment) {
    // A variation selector or other combining mark stays with its base character.
    if (line.length > 0 && /\p{M}|[\u{E0100}-\u{E01EF}\uFE00-\uFE0F]/u.test(c)) {
      line.push(c);
      continue;
    }
    if (line.length === 0 || fits([...line, c].join(""))) {
      line.push(c);
      continue;
    }
    const carried: string[] = [c];
    // 行頭禁則: the character may not start the next line, so its predecessors go with it.
    while (NO_LINE_START.has(carried[0]!) && line.length > 1) carried.unshift(line.pop()!);
    // 行末禁則: an opening bracket may not end this line.
    while (line.length > 1 && NO_LINE_END.has(line[line.length - 1]!)) carried.unshift(line.pop()!);
    lines.push(line);
    line = carried;
  }
  if (line.length) lines.push(line);
  return lines.map((l) => l.join(""));
}

/**
 * The text laid out in lines no wider than `fits` allows: explicit newlines are kept, each
 * paragraph is filled greedily with whole segments, and a segment wider than a line is broken
 * between characters under 禁則.
 */
export function layoutLines(text: string, fits: (line: string) => boolean): string {
  return text
    .split("\n")
    .map((paragraph) => {
      const lines: string[] = [];
      let current = "";
      for (const segment of segments(paragraph)) {
        if (fits((current + segment).trimEnd())) {
          current += segment;
          continue;
        }
        if (current.trim()) lines.push(current.trimEnd());
        const piece = segment.trimStart();
        if (fits(piece.trimEnd())) {
          current = piece;
          continue;
        }
        const broken = breakCharacters(piece.trimEnd(), fits);
        lines.push(...broken.slice(0, -1));
        current = broken[broken.length - 1] ?? "";
        if (SPACE.test(segment.slice(-1))) current += segment.slice(-1);
      }
      if (current.trim() || lines.length === 0) lines.push(current.trimEnd());
      return lines.join("\n");
    })
    .join("\n");
}

/** Half-width digits (and a hyphen between digits) as full-width: one width for the numbers of an address. */
export function fullWidthDigits(text: string): string {
  return text
    .replace(/(?<=[0-9０-９])[-‐－ー−](?=[0-9０-９])/gu, "－")
    .replace(/[0-9]/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}
