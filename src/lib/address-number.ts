// 住所の数字の正規化 (normalising the numbers of an address): the 番地・号 a clerk types come as
// 2135番地3, ２１３５－３, 二千百三十五番地の三 or 二一三五-三; all are one address. The rules follow
// デジタル庁 アドレス・ベース・レジストリ「住所の正規化」as implemented by abr-geocoder and
// Geolonia's normalize-japanese-addresses: full-width digits and dashes are folded to ASCII,
// 漢数字 in the 番地・号 part become 算用数字 (both 二千百三十五 and 二一三五), and the hyphen
// form and the 「番地・番・号」 form are two writings of the same numbers. 丁目 stay in 漢数字,
// as the 町字マスター writes them (chome 「三丁目」, chome_number 3).
//
// Two stored forms, by how the 町字 is addressed (町字マスター rsdt_addr_flg):
//  - 住居表示 (住居表示に関する法律 第2条): 「{街区符号}番{住居番号}号」, e.g. 5番12号;
//  - 地番 (no 住居表示): 「{地番}番地{枝番}」, e.g. 2135番地3.

const DIGITS = "〇一二三四五六七八九";
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const KANJI_DIGIT_MAP: Record<string, number> = Object.fromEntries([...DIGITS].map((c, i) => [c, i]));
KANJI_DIGIT_MAP["零"] = 0;

/** Full-width digits and Latin letters to ASCII; every dash, minus and long mark between or after digits to "-". */
export function foldAddressWidth(text: string): string {
  return text
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/(?<=[0-9０-９一二三四五六七八九十〇])[-‐‑‒–—―−－ｰー─━](?=[0-9一二三四五六七八九十〇])/g, "-")
    .replace(/[\u3000 ]+/g, " ")
    .trim();
}

/**
 * The value of a 漢数字, positional (二一三五 = 2135) or with units (二千百三十五 = 2135, 十 = 10),
 * or null when the text is not one. Up to 9999: 番地 and 号 do not go further.
 */
export function kanjiNumeralValue(text: string): number | null {
  if (text === "" || ![...text].every((c) => c in KANJI_DIGIT_MAP || c in SMALL_UNITS)) return null;
  if (![...text].some((c) => c in SMALL_UNITS)) {
    return Number([...text].map((c) => KANJI_DIGIT_MAP[c]).join(""));
  }
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const c of text) {
    if (c in SMALL_UNITS) {
      const unit = SMALL_UNITS[c]!;
      if (unit >= lastUnit) return null;
      total += (digit ?? 1) * unit;
      digit = null;
      lastUnit = unit;
    } else {
      if (digit !== null) return null;
      digit = KANJI_DIGIT_MAP[c]!;
    }
  }
  return total + (digit ?? 0);
}

/** 漢数字 (for 丁目): 3 → 三, 12 → 十二, 20 → 二十. */
export function toKanjiNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError("丁目 numbers are 1–99");
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 0 ? "" : tens === 1 ? "十" : `${DIGITS[tens]}十`}${ones === 0 ? "" : DIGITS[ones]}`;
}

/** Every run of 漢数字 to 算用数字 (only where it is a number: not the 一 of 一色). */
function kanjiRunsToDigits(text: string): string {
  return text.replace(/[〇一二三四五六七八九十百千]+/g, (run) => String(kanjiNumeralValue(run) ?? run));
}

export type BlockStyle = "residence-indication" | "lot-number";

export interface NormalisedBlock {
  /** The stored form: 5番12号 (住居表示) or 2135番地3 (地番). */
  text: string;
  /** The numbers, for comparison: [5, 12] or [2135, 3]. */
  numbers: number[];
}

const BLOCK = /^(\d{1,5})(?:(?:番地|番|-|の)(\d{1,5})?(?:号)?(?:(?:-|の)(\d{1,5})(?:号)?)?)?$/;

/**
 * The 番地・号 part of an address (what follows the 町字) in its stored form, or null when it is
 * not one to three numbers: 2135-3, 二一三五番地の三 and 2135番地3 all give 2135番地3 for a
 * 地番 area; 5-12 and 五番十二号 give 5番12号 under 住居表示.
 */
export function normaliseBlock(text: string, style: BlockStyle): NormalisedBlock | null {
  const folded = kanjiRunsToDigits(foldAddressWidth(text)).replace(/\s+/g, "");
  const m = BLOCK.exec(folded);
  if (!m) return null;
  const numbers = [m[1], m[2], m[3]].filter((v): v is string => v !== undefined).map(Number);
  const [first, second, third] = numbers;
  const rest = third === undefined ? "" : `-${third}`;
  if (style === "residence-indication") {
    return { text: second === undefined ? `${first}番` : `${first}番${second}号${rest}`, numbers };
  }
  return { text: second === undefined ? `${first}番地` : `${first}番地${second}${rest}`, numbers };
}

const KANJI_RUN = "[〇一二三四五六七八九十百千]+";
const NUMBER_AHEAD = new RegExp(`${KANJI_RUN}(?=番|号|-|$|の[0-9〇一二三四五六七八九十])`, "g");
const NUMBER_BEHIND = new RegExp(`(?<=[0-9]|番地|番|号|-|[0-9]の)${KANJI_RUN}`, "g");

/**
 * A search and comparison key for the numbers of an address: widths folded, 漢数字 that stand
 * for a 番地 or 号 (before 番・号・-, at the end, or after a number) as digits, and 番地/番/号/の
 * between numbers as "-" — so 堀内2135番地3, 堀内２１３５－３ and 堀内二一三五の三 share the key
 * 堀内2135-3. The 漢数字 of names stay: 一色, 一の宮 and 三丁目 are kept as written.
 */
export function addressNumberKey(text: string): string {
  const toDigits = (run: string) => String(kanjiNumeralValue(run) ?? run);
  return foldAddressWidth(text)
    .replace(/\s+/g, "")
    .replace(NUMBER_AHEAD, toDigits)
    .replace(NUMBER_BEHIND, toDigits)
    .replace(/(?<=\d)(?:番地の?|番の?|号の?|の)(?=\d)/g, "-")
    .replace(/(?<=\d)(?:番地|番|号)$/, "");
}
