// 宛名検索 (addressee search): by name — kanji or カナ, width- and kana-insensitive, over every name
// an addressee has had — by birth date, 宛名番号, 法人番号 and current address (from its start or
// from the 町字 on: 「堀内」, 「葉山町堀内」 and 「神奈川県三浦郡葉山町堀内」 alike, ADR 0022), paged. Names match anywhere in the
// name (田中 finds 田中 太郎, タロウ finds it too); a merged-away addressee is listed with the
// number it was merged into, so an old number still leads somewhere.
import type { Tx } from "../db/database.ts";
import { stateOf, type AddresseeKind, type AddresseeState, type AddresseeStateRow } from "./addressee.ts";
import { parseAddresseeNumber } from "./addressee-number.ts";
import { typedAddressKeys } from "./address-keys.ts";
import { searchKey } from "./periods.ts";
import { searchAddressees } from "./queries.ts";

export interface SearchCriteria {
  name?: string;
  birthDate?: string;
  number?: string;
  corporateNumber?: string;
  kind?: AddresseeKind;
  address?: string;
}

export interface SearchPage {
  items: AddresseeState[];
  total: number;
  page: number;
  pageSize: number;
}

/** Which criteria a search used (for the audit log: their names, never their values). */
export function criteriaUsed(criteria: SearchCriteria): string[] {
  return (["name", "birthDate", "number", "corporateNumber", "kind", "address"] as const).filter((k) => criteria[k] !== undefined && criteria[k] !== "");
}

/** Criteria already checked at the edge: birthDate is a calendar date. */
export async function search(tx: Tx, criteria: SearchCriteria, page: number, pageSize: number): Promise<SearchPage> {
  const nameKey = criteria.name ? searchKey(criteria.name) : null;
  const number = criteria.number ? parseAddresseeNumber(criteria.number) : null;
  if (criteria.number && number === null) return { items: [], total: 0, page, pageSize };
  const address = criteria.address ? typedAddressKeys(criteria.address) : null;
  const filters = {
    nameKey: nameKey === "" ? null : nameKey,
    addressKey: address?.addressKey ?? null,
    townKey: address?.townKey ?? null,
    municipalityCode: address?.municipalityCode ?? null,
    birthDate: criteria.birthDate ?? null,
    number,
    corporateNumber: criteria.corporateNumber ?? null,
    kind: criteria.kind ?? null,
  };
  const run = (limit: number, offset: number) => tx.query<AddresseeStateRow & { total: string }>(searchAddressees(filters, limit, offset));
  const rows = (await run(pageSize, (page - 1) * pageSize)).rows;
  // A page past the end has no row to carry the total: count from the first page then.
  const totalRow = rows[0] ?? (page > 1 ? (await run(1, 0)).rows[0] : undefined);
  return { items: rows.map(stateOf), total: totalRow ? Number(totalRow.total) : 0, page, pageSize };
}
