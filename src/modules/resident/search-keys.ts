// 検索キー (search keys): how a name or an address is compared in a search. カナ and kanji alike go
// through normalizeKana (width- and kana-insensitive, no spaces: ﾀﾅｶ = タナカ = たなか), Latin
// letters are upper-cased, and Ideographic Variation Selectors are dropped, so 葛󠄀城 (with IVS)
// is found by 葛城 typed on any keyboard. The stored names themselves keep their IVS.
import { normalizeKana } from "../../lib/kana.ts";

const VARIATION_SELECTORS = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;

export function searchKey(text: string): string {
  return normalizeKana(text.replace(VARIATION_SELECTORS, "")).toUpperCase();
}
