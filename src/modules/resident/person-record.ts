// 住民票の記載事項 (what the 住民票 records of one person, 住民基本台帳法 第7条): the record of a
// resident as the 異動 journal folds it. Dates are ISO strings (YYYY-MM-DD). Names are kept as
// given — kanji with any Ideographic Variation Sequence, never NFC-normalised, because NFC can
// swap a registered 異体字 for its unified form; カナ is stored full-width (src/lib/kana.ts).
// The 個人番号 is not part of the record (it lives encrypted in resident_my_number); the record
// only says whether one is held.
import type { Sex } from "../../platform/addressee/addressee.ts";
import type { Relationship } from "./relationship.ts";

export type { Sex };

/** Why a record became a 除票: 転出 moved-out, 死亡 died, 職権消除 erased. */
export type RemovalReason = "moved-out" | "died" | "erased";
export const REMOVAL_REASONS: readonly RemovalReason[] = ["moved-out", "died", "erased"];

export interface PersonRecord {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  sex: Sex;
  birthDate: string;
  householdId: string;
  /** 続柄: relationship to the head of the household. */
  relationship: Relationship;
  postalCode: string | null;
  /** 住所 */
  address: string;
  /** 方書: building and room. */
  addressLine2: string | null;
  /** 住所を定めた年月日: the day the person took this address (転入, 転居, 出生). */
  addressSinceDate: string;
  /** 住民となった年月日 */
  becameResidentDate: string;
  /** 前住所: the address before 転入 or 転居. */
  previousPostalCode: string | null;
  previousAddress: string | null;
  previousAddressLine2: string | null;
  /** 本籍 */
  registeredDomicile: string | null;
  /** 筆頭者 of the 戸籍 at 本籍. */
  domicileHead: string | null;
  status: "resident" | "removed";
  removalReason: RemovalReason | null;
  /** The 異動日 of the 転出, 死亡 or 職権消除. */
  removalDate: string | null;
  /** 転出予定日: set when the 転出 was notified before the move (届出日 ≤ 異動日). */
  plannedMoveOutDate: string | null;
  /** 転出先 */
  destinationPostalCode: string | null;
  destinationAddress: string | null;
  destinationAddressLine2: string | null;
  /** Whether a 個人番号 is held for the person (the number itself is never in the record). */
  hasMyNumber: boolean;
}

export type PersonField = keyof PersonRecord;

/** Every field, in the order the history lists changed fields. */
export const PERSON_FIELDS = [
  "familyName",
  "givenName",
  "familyNameKana",
  "givenNameKana",
  "sex",
  "birthDate",
  "householdId",
  "relationship",
  "postalCode",
  "address",
  "addressLine2",
  "addressSinceDate",
  "becameResidentDate",
  "previousPostalCode",
  "previousAddress",
  "previousAddressLine2",
  "registeredDomicile",
  "domicileHead",
  "status",
  "removalReason",
  "removalDate",
  "plannedMoveOutDate",
  "destinationPostalCode",
  "destinationAddress",
  "destinationAddressLine2",
  "hasMyNumber",
] as const satisfies readonly PersonField[];

/** What one 異動 sets for one person: the changed fields only. */
export type FieldSet = Partial<PersonRecord>;

/** The fields whose values differ, in PERSON_FIELDS order. */
export function changedFields(before: Partial<PersonRecord> | null, set: FieldSet): PersonField[] {
  return PERSON_FIELDS.filter((f) => f in set && (before === null || before[f] !== set[f]));
}

/** The part of `set` that differs from `before`. */
export function differingSet(before: PersonRecord | null, set: FieldSet): FieldSet {
  const out: Record<string, unknown> = {};
  for (const f of changedFields(before, set)) out[f] = set[f];
  return out as FieldSet;
}

/** 氏名 as one string: family and given name with a full-width space, as registries print it. */
export function fullName(r: Pick<PersonRecord, "familyName" | "givenName">): string {
  return r.givenName ? `${r.familyName}\u3000${r.givenName}` : r.familyName;
}

export function fullNameKana(r: Pick<PersonRecord, "familyNameKana" | "givenNameKana">): string {
  return r.givenNameKana ? `${r.familyNameKana}\u3000${r.givenNameKana}` : r.familyNameKana;
}

/** Resident on `date` by this record: not removed, or removed only from a later day (転出予定). */
export function isResidentOn(record: PersonRecord, date: string): boolean {
  return record.status === "resident" || (record.removalDate !== null && record.removalDate > date);
}
