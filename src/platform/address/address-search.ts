// 住所検索のキー (the search key of an address from the 町字 on): 都道府県, 郡 and 市区町村 are left
// out (read against the national master), widths, kana and the numbers of 番地・号 folded
// (lib/address-key.ts). The same key serves the stored address and what a clerk types, so
// 「堀内」, 「葉山町堀内」 and 「神奈川県三浦郡葉山町堀内」 all become 堀内 and find, by one prefix
// range on an index, every address in 堀内 (ADR 0022).
import { addressSearchKey } from "../../lib/address-key.ts";
import { readNationalAddress } from "./national-address.ts";

export function townSearchKey(address: string): string {
  const read = readNationalAddress(address);
  return addressSearchKey(typeof read === "string" || read.city === null ? address : read.rest);
}
