// 宛名 (atena, addressee): a person or organisation the municipality deals with, under one
// 宛名番号. This file holds the shape of an addressee's current state, as stored in the
// `addressee` row and copied into the history (addressee_change.before/after) and the merge
// records; dates are ISO strings (YYYY-MM-DD) and the 宛名番号 is its 15-digit form.
import { formatAddresseeNumber } from "./addressee-number.ts";

export type AddresseeKind = "person" | "organisation";
export const ADDRESSEE_KINDS: readonly AddresseeKind[] = ["person", "organisation"];

export type Sex = "male" | "female";
export const SEXES: readonly Sex[] = ["male", "female"];

/**
 * Why the municipality knows a 住登外者 (a person or organisation not on its resident registry):
 * landowner 固定資産の所有者, taxpayer 課税対象 (法人住民税, 軽自動車税…), former-resident 旧住民,
 * benefit 給付・手当の対象, guardian 後見人・保護者, tax-administrator 納税管理人, creditor 債権者・
 * 支払先, other (explained in the note).
 */
export type KnownAs =
  | "landowner"
  | "taxpayer"
  | "former-resident"
  | "benefit"
  | "guardian"
  | "tax-administrator"
  | "creditor"
  | "other";
export const KNOWN_AS: readonly KnownAs[] = [
  "landowner",
  "taxpayer",
  "former-resident",
  "benefit",
  "guardian",
  "tax-administrator",
  "creditor",
  "other",
];

/** 転出 (moved out of the municipality) or 死亡 (died): the two ways residence ends. */
export type ResidenceEndReason = "moved-out" | "died";
export const RESIDENCE_END_REASONS: readonly ResidenceEndReason[] = ["moved-out", "died"];

export interface ContactAddress {
  /** Seven digits, no hyphen. */
  postalCode: string | null;
  address: string | null;
  /** 方書: building, room, "c/o" — the part after the street address. */
  addressLine2: string | null;
}

/** The current state of one addressee: what the `addressee` row holds, in API form. */
export interface AddresseeState extends ContactAddress {
  number: string;
  kind: AddresseeKind;
  name: string;
  nameKana: string;
  birthDate: string | null;
  sex: Sex | null;
  corporateNumber: string | null;
  knownAs: KnownAs | null;
  knownAsNote: string | null;
  residentSince: string | null;
  residentUntil: string | null;
  residentEndReason: ResidenceEndReason | null;
  mergedInto: string | null;
}

/** The business fields of AddresseeState, in order: the keys history compares. */
export const STATE_FIELDS = [
  "kind",
  "name",
  "nameKana",
  "birthDate",
  "sex",
  "corporateNumber",
  "postalCode",
  "address",
  "addressLine2",
  "knownAs",
  "knownAsNote",
  "residentSince",
  "residentUntil",
  "residentEndReason",
  "mergedInto",
] as const satisfies readonly (keyof AddresseeState)[];

export type StateField = (typeof STATE_FIELDS)[number];

export interface AddresseeStateRow {
  number: string;
  kind: AddresseeKind;
  name: string;
  name_kana: string;
  birth_date: string | null;
  sex: Sex | null;
  corporate_number: string | null;
  postal_code: string | null;
  address: string | null;
  address_line2: string | null;
  known_as: KnownAs | null;
  known_as_note: string | null;
  resident_since: string | null;
  resident_until: string | null;
  resident_end_reason: ResidenceEndReason | null;
  merged_into: string | null;
  version: number;
}

export function stateOf(row: AddresseeStateRow): AddresseeState {
  return {
    number: formatAddresseeNumber(row.number),
    kind: row.kind,
    name: row.name,
    nameKana: row.name_kana,
    birthDate: row.birth_date,
    sex: row.sex,
    corporateNumber: row.corporate_number,
    postalCode: row.postal_code,
    address: row.address,
    addressLine2: row.address_line2,
    knownAs: row.known_as,
    knownAsNote: row.known_as_note,
    residentSince: row.resident_since,
    residentUntil: row.resident_until,
    residentEndReason: row.resident_end_reason,
    mergedInto: row.merged_into === null ? null : formatAddresseeNumber(row.merged_into),
  };
}

/** The fields whose values differ between two states, in STATE_FIELDS order. */
export function changedFields(before: AddresseeState, after: AddresseeState): StateField[] {
  return STATE_FIELDS.filter((f) => before[f] !== after[f]);
}

/**
 * Resident on a day by the current row: residence began on or before it and has not ended by
 * then (the 異動日 of 転出 or 死亡 is the first day not resident). For past days after several
 * moves in and out, read the residence periods instead (read.ts).
 */
export function isResidentOn(state: Pick<AddresseeState, "residentSince" | "residentUntil">, date: string): boolean {
  return state.residentSince !== null && state.residentSince <= date && (state.residentUntil === null || state.residentUntil > date);
}

/** The registry speaks for this addressee: a resident, or one whose notified 転出 lies ahead. */
export function isRegistryLinked(state: Pick<AddresseeState, "residentSince" | "residentUntil">, today: string): boolean {
  return state.residentSince !== null && (state.residentUntil === null || state.residentUntil > today);
}

/** The area id: also the module under which staff get the roles 閲覧 read, 更新 write, 管理 admin. */
export const ADDRESSEE_AREA_ID = "addressee";
