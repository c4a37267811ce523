// 住民検索 (search): over the projection, by name in kanji or カナ (width- and kana-insensitive:
// ﾀﾅｶ = タナカ = たなか; matching the start of the full name, the 氏 or the 名), birth date, the
// address from its 町字 on (with or without the 都道府県・市区町村 typed), household; paged. 除票 (records removed on or before today) only when
// asked; a 転出 whose 転出予定日 is still ahead is a resident until then.
import type { Tx } from "../../platform/db/database.ts";
import { formatAddresseeNumber } from "../../platform/addressee/addressee-number.ts";
import { todayInJapan } from "../../platform/addressee/calendar-date.ts";
import { isResidentOn, type PersonRecord } from "./person-record.ts";
import { searchCurrent } from "./queries.ts";
import { RELATIONSHIPS } from "./relationship.ts";
import { searchKey } from "./search-keys.ts";
import { townSearchKey } from "../../platform/address/index.ts";

export interface SearchCriteria {
  q?: string;
  birthDate?: string;
  address?: string;
  householdId?: string;
  householdNumber?: string;
  includeRemoved?: boolean;
}

export interface SearchItem {
  personId: string;
  addresseeNumber: string;
  householdId: string;
  householdNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  sex: PersonRecord["sex"];
  birthDate: string;
  relationship: PersonRecord["relationship"];
  relationshipJa: string;
  postalCode: string | null;
  address: string;
  addressLine2: string | null;
  isRemoved: boolean;
  removalReason: PersonRecord["removalReason"];
  removalDate: string | null;
}

export interface SearchPage {
  items: SearchItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** Which criteria a search used (for the audit log: their names, never their values). */
export function criteriaUsed(c: SearchCriteria): string[] {
  return (["q", "birthDate", "address", "householdId", "householdNumber"] as const).filter((k) => c[k] !== undefined && c[k] !== "");
}

/** The search key of a typed address (platform/address townSearchKey), or null when empty. */
function townKey(text: string | undefined): string | null {
  if (text === undefined) return null;
  const k = townSearchKey(text);
  return k === "" ? null : k;
}

export async function searchResidents(tx: Tx, criteria: SearchCriteria, page: number, pageSize: number): Promise<SearchPage> {
  const today = todayInJapan();
  const key = (text: string | undefined) => {
    if (text === undefined) return null;
    const k = searchKey(text);
    return k === "" ? null : k;
  };
  const filters = {
    nameKey: key(criteria.q),
    birthDate: criteria.birthDate ?? null,
    addressKey: key(criteria.address),
    townKey: townKey(criteria.address),
    householdId: criteria.householdId ?? null,
    householdNumber: criteria.householdNumber ? BigInt(criteria.householdNumber).toString() : null,
    includeRemoved: criteria.includeRemoved ?? false,
    today,
  };
  // The address matches from its start (神奈川県…) or from the 町字 on: 「堀内」, 「葉山町堀内」 and
  // 「神奈川県三浦郡葉山町堀内」 are one town key.
  const run = (limit: number, offset: number) => tx.query(searchCurrent(filters, limit, offset));
  const rows = (await run(pageSize, (page - 1) * pageSize)).rows;
  const totalRow = rows[0] ?? (page > 1 ? (await run(1, 0)).rows[0] : undefined);
  const items = rows.map((row): SearchItem => {
    const r = row.record as PersonRecord;
    return {
      personId: row.person_id,
      addresseeNumber: formatAddresseeNumber(row.addressee_number),
      householdId: row.household_id,
      householdNumber: row.household_number,
      familyName: r.familyName,
      givenName: r.givenName,
      familyNameKana: r.familyNameKana,
      givenNameKana: r.givenNameKana,
      sex: r.sex,
      birthDate: r.birthDate,
      relationship: r.relationship,
      relationshipJa: RELATIONSHIPS[r.relationship],
      postalCode: r.postalCode,
      address: r.address,
      addressLine2: r.addressLine2,
      isRemoved: !isResidentOn(r, today),
      removalReason: r.removalReason,
      removalDate: r.removalDate,
    };
  });
  return { items, total: totalRow ? Number(totalRow.total) : 0, page, pageSize };
}
