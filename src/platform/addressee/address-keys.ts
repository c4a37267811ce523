// 住所の検索キー of an addressee (ADR 0022). An addressee's address is read against the national
// master (platform/address readNationalAddress) and stored with three keys:
//  - address_key: the whole address as the master writes it (都道府県 always first), folded for
//    search (lib/address-key.ts: widths, kana, the numbers of 番地・号): 「神奈川県」 finds every
//    address in it;
//  - town_key: the same from the 町字 on (都道府県, 郡 and 市区町村 left out, as the resident
//    search's town_key);
//  - municipality_code: the 全国地方公共団体コード of the 市区町村 written, or null when none is.
// A typed address is read the same way. With a 市区町村 typed, the 町字 part is looked for in that
// 市区町村; without one, in this town (the tenant's code, or an address that names no 市区町村).
// So 「堀内」, 「葉山町堀内」 and 「神奈川県三浦郡葉山町堀内」 find the same addressees in 葉山町 — and not
// a 住登外者 in 東京都千代田区堀内, whom 「千代田区堀内」 finds — each by one prefix range on an index.
import { addressSearchKey } from "../../lib/address-key.ts";
import { readNationalAddress } from "../address/national-address.ts";
import type { AddresseeState } from "./addressee.ts";

export interface AddressKeys {
  addressKey: string | null;
  townKey: string | null;
  /** 全国地方公共団体コード of the 市区町村 written; null when the address names none (read as this town). */
  municipalityCode: string | null;
}

const NONE: AddressKeys = { addressKey: null, townKey: null, municipalityCode: null };

function keysOf(text: string): AddressKeys {
  const read = readNationalAddress(text);
  if (typeof read === "string" || read.city === null) {
    const whole = addressSearchKey(typeof read === "string" ? text : read.text);
    return { addressKey: whole || null, townKey: whole || null, municipalityCode: null };
  }
  return { addressKey: addressSearchKey(read.text) || null, townKey: addressSearchKey(read.rest), municipalityCode: read.localGovernmentCode };
}

/** The keys of an addressee's current address (all null when it has none). */
export function addressKeys(state: Pick<AddresseeState, "address" | "addressLine2">): AddressKeys {
  if (state.address === null || state.address.trim() === "") return NONE;
  return keysOf(`${state.address}${state.addressLine2 ?? ""}`);
}

/** The keys of an address a clerk typed to search by; null when nothing searchable is left. */
export function typedAddressKeys(text: string): AddressKeys | null {
  const keys = keysOf(text);
  return keys.addressKey === null && (keys.townKey === null || keys.townKey === "") ? null : keys;
}
