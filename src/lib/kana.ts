// カナ (kana): the reading of a name, in katakana, as registries store it (カナ氏名). Clerks and
// legacy files write it in half-width ｶﾀｶﾅ, in hiragana, with full-width or ASCII spaces, with
// a middle dot between the parts of a foreign name; a search must find タナカ タロウ from ﾀﾅｶ ﾀﾛｳ or
// たなか たろう (with a full-width space). Two forms:
//  - toKatakanaName: the stored form — full-width katakana, one full-width space between parts.
//  - normalizeKana:  the search key — the same, without any space or middle dot.
// Small kana (ャュョッ…) stay small: キヨシ and キョシ are different names.

const HIRAGANA_TO_KATAKANA = 0x60;

/**
 * Width folding and dakuten: ﾞ/ﾟ (half-width) are combining marks after NFKC, so ｶﾞ becomes ガ;
 * the spacing marks ゛/゜ (U+309B/U+309C) would become a space plus a combining mark under NFKC,
 * so they are turned into the combining marks first (か゛ → が, う゛ → ゔ).
 */
function foldWidthAndMarks(input: string): string {
  return input.replace(/\u309B/g, "\u3099").replace(/\u309C/g, "\u309A").normalize("NFKC").normalize("NFC");
}

/** Hiragana (ぁ–ゖ, and the iteration marks ゝゞ) to katakana; ゔ becomes ヴ like any other. */
function hiraganaToKatakana(input: string): string {
  return input.replace(/[\u3041-\u3096\u309D\u309E]/g, (c) => String.fromCharCode(c.charCodeAt(0) + HIRAGANA_TO_KATAKANA));
}

/** A hyphen or dash typed for the long-vowel mark after a kana (ﾃﾞｰﾀ written テ-タ) is ー. */
function dashesAfterKanaToLongVowel(input: string): string {
  return input.replace(/(?<=[\u30A1-\u30FA\u30FC])[-\u2010-\u2015\u2212]+/g, (dashes) => "ー".repeat(dashes.length));
}

function fold(input: string): string {
  return dashesAfterKanaToLongVowel(hiraganaToKatakana(foldWidthAndMarks(input)));
}

/**
 * The stored form of a カナ name: full-width katakana, parts separated by one full-width space,
 * no leading or trailing space. Anything that is not kana is left as it is, so that
 * isKatakanaName can reject it.
 */
export function toKatakanaName(input: string): string {
  return fold(input).trim().split(/\s+/).filter(Boolean).join("\u3000");
}

/**
 * The search key of a name or reading: width- and kana-insensitive, with spaces (ASCII,
 * U+3000 and any other) and middle dots (・, ･) removed. ﾀﾅｶ ﾀﾛｳ, タナカ タロウ and たなか たろう
 * all give タナカタロウ. Applied to a kanji name it folds width and spacing the same way.
 */
export function normalizeKana(input: string): string {
  // Removing a separator can bring a stray dakuten next to a kana (ﾊ･ﾞ): compose again.
  return dashesAfterKanaToLongVowel(fold(input).replace(/[\s\u30FB]/g, "").normalize("NFC"));
}

const KATAKANA_PART = "[\\u30A1-\\u30FA\\u30FC\\u30FD\\u30FE]+(?:\\u30FB[\\u30A1-\\u30FA\\u30FC\\u30FD\\u30FE]+)*";
const KATAKANA_NAME = new RegExp(`^${KATAKANA_PART}(?:[ \\u3000]${KATAKANA_PART})*$`);

/**
 * True when the text is a カナ name in its stored form: full-width katakana (small kana, ヴ and
 * ヷ–ヺ included), the long-vowel mark ー, the iteration marks ヽヾ, a middle dot between the parts
 * of a foreign name, and single spaces between parts. Hiragana, half-width kana, kanji, Latin
 * letters and digits are not.
 */
export function isKatakanaName(text: string): boolean {
  return KATAKANA_NAME.test(text);
}
