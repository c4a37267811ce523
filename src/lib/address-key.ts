// 住所の検索キー (search key of an address): how an address, or the part of one a clerk types, is
// compared. Widths and kana as for names (kana.ts normalizeKana: no spaces, any width), variation
// selectors dropped, Latin letters upper-cased, and the numbers of 番地・号 in one form
// (address-number.ts addressNumberKey), so 堀内2135番地3 and 堀内２１３５－３ have one key.
import { addressNumberKey } from "./address-number.ts";
import { normalizeKana } from "./kana.ts";

const VARIATION_SELECTORS = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;

export function addressSearchKey(text: string): string {
  return normalizeKana(addressNumberKey(text.replace(VARIATION_SELECTORS, ""))).toUpperCase();
}
