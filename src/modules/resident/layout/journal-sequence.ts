// 異動の順序と世帯の検査 (checking the journal as a sequence, second stage): replaying the file's
// 異動 in order, each must be possible on the registry as it stood — the rules the service runs
// when it records a change (rules/rule-table.ts), as far as they concern the journal itself:
//  - a person's first 異動 registers them (転入, 出生, 職権記載) and sets every field;
//  - only a registration puts a person on the registry, and not one who is on it already;
//  - only 転出, 死亡 and 職権消除 remove a record, only a resident's, with their own 消除事由
//    and the 異動日 as 消除日; a 除票 changes afterwards only by 職権修正 (住民基本台帳法 第8条);
//  - each kind sets only its own fields (a 転居 the address, a 氏名変更 the names, …);
//  - 異動日 never go back for a person, except a 職権修正, which never goes before the first
//    registration; nothing but a 職権修正 is dated before the birth; a 出生 is dated on the birth;
//  - カナ are full-width katakana, and a person with a 名 has a 名カナ;
//  - after every 異動 each household it touched has exactly one 世帯主 and one address, a
//    出生 or 世帯合併 joins a household that has members, a 世帯分離 forms a new one.
// Not re-judged: 同一人の二重記録 (no-duplicate-registration) and the uniqueness of 個人番号,
// which depend on data this layout does not carry, and "today" (the journal has its own dates).
// The replay also collects what the addressee register learns from the journal: when each
// person's residence began and ended.
import { isKatakanaName } from "../../../lib/kana.ts";
import { REGISTRATION_KINDS, type ChangeKind } from "../change-kind.ts";
import type { PersonField, PersonRecord, RemovalReason } from "../person-record.ts";
import { FIELD_COLUMN } from "./change-columns.ts";
import type { JournalRows, RowError } from "./change-rows.ts";
import { JournalReplay, type ReplayedEntry } from "./journal-replay.ts";

export interface ResidenceEvent {
  event: "began" | "ended";
  date: string;
  /** The addressee register's reason: 職権消除 ends residence as moved-out (addressee-sync.ts). */
  reason: "moved-out" | "died" | null;
}

export interface PersonFacts {
  /** The latest record: the fold of every entry. */
  latest: PersonRecord;
  /** The last entry in fold order (異動日, then journal order), for the projection. */
  last: { effectiveDate: string; change: number };
  /** Residence as the registry link reports it: began at each registration, ended at each removal. */
  residence: ResidenceEvent[];
  /** The record's address when residence last ended (the addressee keeps it unless a 転出先 is known). */
  addressAtRemoval: Pick<PersonRecord, "postalCode" | "address" | "addressLine2"> | null;
}

const ADDRESS: PersonField[] = ["postalCode", "address", "addressLine2"];
const PREVIOUS: PersonField[] = ["previousPostalCode", "previousAddress", "previousAddressLine2"];
const NAMES: PersonField[] = ["familyName", "givenName", "familyNameKana", "givenNameKana"];
const IDENTITY: PersonField[] = [...NAMES, "sex", "birthDate", "relationship", "registeredDomicile", "domicileHead"];

/** Fields an entry that neither registers nor removes may set, by kind (the kinds/ builders). */
const OTHER_ENTRY_FIELDS: Readonly<Record<ChangeKind, readonly PersonField[]>> = {
  "moved-in": ["relationship"],
  "ex-officio-entry": ["relationship"],
  born: [],
  "moved-out": ["relationship"],
  died: ["relationship"],
  "ex-officio-erasure": ["relationship"],
  "address-changed": [...ADDRESS, "addressSinceDate", ...PREVIOUS],
  "household-split": ["householdId", "relationship"],
  "household-merged": ["householdId", "relationship"],
  "head-changed": ["relationship"],
  "name-changed": NAMES,
  "ex-officio-correction": [...IDENTITY, ...ADDRESS, "addressSinceDate", "becameResidentDate", ...PREVIOUS, "hasMyNumber"],
};

const REMOVAL_STATE: PersonField[] = ["status", "removalReason", "removalDate"];
const REMOVAL_ENTRY_FIELDS: Partial<Record<ChangeKind, readonly PersonField[]>> = {
  "moved-out": [...REMOVAL_STATE, "plannedMoveOutDate", "destinationPostalCode", "destinationAddress", "destinationAddressLine2"],
  died: REMOVAL_STATE,
  "ex-officio-erasure": REMOVAL_STATE,
};

const REMOVAL_REASON_OF: Partial<Record<ChangeKind, RemovalReason>> = { "moved-out": "moved-out", died: "died", "ex-officio-erasure": "erased" };

class Errors {
  readonly list: RowError[] = [];
  constructor(private readonly cap: number) {}
  get full(): boolean {
    return this.list.length >= this.cap;
  }
  add(row: number, field: PersonField | string, message: string): void {
    if (this.full) return;
    const column = field in FIELD_COLUMN ? FIELD_COLUMN[field as PersonField] : field;
    this.list.push({ row, column, message });
  }
}

function checkEntry(r: ReplayedEntry, kind: ChangeKind, effectiveDate: string, row: number, errors: Errors): "registration" | "removal" | "other" {
  const raw = r.entry.set;
  const isNew = r.latestBefore === null;
  const after = r.afterOnDate;
  const outside = (allowed: readonly PersonField[]) => Object.keys(r.set).find((f) => !allowed.includes(f as PersonField));
  let role: "registration" | "removal" | "other" = "other";

  if (raw.status === "resident") {
    role = "registration";
    if (!REGISTRATION_KINDS.includes(kind)) errors.add(row, "status", "only 転入, 出生 and 職権記載 put a person on the registry");
    else if (isNew && !r.entry.setsEveryField) errors.add(row, "fields", "a person's first 異動 sets every field of the record (fields *)");
    else if (!isNew && r.latestBefore!.status === "resident") errors.add(row, "status", "the person is already a resident (住民基本台帳法 第6条)");
    else if (after.removalReason !== null || after.removalDate !== null || after.plannedMoveOutDate !== null) {
      errors.add(row, "removalReason", "a registration leaves no 消除事由, 消除日 or 転出予定日 on the record");
    }
    if (kind === "born" && after.birthDate !== effectiveDate) errors.add(row, "birth_date", "a 出生's 異動日 is the birth date");
  } else if (raw.status === "removed") {
    role = "removal";
    const allowed = REMOVAL_ENTRY_FIELDS[kind];
    if (allowed === undefined) errors.add(row, "status", "only 転出, 死亡 and 職権消除 remove a record");
    else if (isNew) errors.add(row, "person_id", "a person's first 異動 must register them (転入, 出生 or 職権記載)");
    else if (r.latestBefore!.status !== "resident") errors.add(row, "status", "the record is already removed (除票)");
    else {
      const stray = outside(allowed);
      if (stray !== undefined) errors.add(row, stray, `a ${kind} does not set this field`);
      if (after.removalReason !== REMOVAL_REASON_OF[kind]) errors.add(row, "removalReason", `must be ${REMOVAL_REASON_OF[kind]} for a ${kind}`);
      if (after.removalDate !== effectiveDate) errors.add(row, "removalDate", "must be the 異動日");
    }
  } else if (isNew) {
    errors.add(row, "person_id", "a person's first 異動 must register them (転入, 出生 or 職権記載)");
  } else {
    const stray = outside(OTHER_ENTRY_FIELDS[kind]);
    if (stray !== undefined) errors.add(row, stray, `a ${kind} does not set this field for this person`);
    else if (kind !== "ex-officio-correction" && r.latestBefore!.status !== "resident") {
      errors.add(row, "person_id", "the record is already removed (除票): only a 職権修正 changes it");
    }
  }

  if (!isNew) {
    if (kind === "ex-officio-correction") {
      if (effectiveDate < r.firstEffectiveDate) errors.add(row, "effective_date", "a 職権修正 is not dated before the person's first registration");
    } else if (effectiveDate < r.lastEffectiveDateBefore) {
      errors.add(row, "effective_date", "lies before this person's latest 異動日: only a 職権修正 may be dated back");
    }
  }
  if (kind !== "ex-officio-correction" && effectiveDate < after.birthDate) errors.add(row, "effective_date", "lies before the person's birth");
  if (raw.familyNameKana !== undefined && !isKatakanaName(raw.familyNameKana)) errors.add(row, "familyNameKana", "must be full-width katakana");
  if (raw.givenNameKana !== undefined && raw.givenNameKana !== "" && !isKatakanaName(raw.givenNameKana)) {
    errors.add(row, "givenNameKana", "must be full-width katakana");
  }
  if (after.givenName !== "" && after.givenNameKana === "") errors.add(row, "givenNameKana", "is required when there is a 名");
  return role;
}

/**
 * Replays the journal, checking each 異動 against the registry it leaves; returns the errors
 * (at most `cap`) and what each person's residence was.
 */
export function checkJournalSequence(journal: JournalRows, cap: number): { errors: RowError[]; facts: PersonFacts[] } {
  const errors = new Errors(cap);
  const residence: ResidenceEvent[][] = journal.persons.map(() => []);
  const addressAtRemoval: PersonFacts["addressAtRemoval"][] = journal.persons.map(() => null);
  const replay = new JournalReplay(journal);
  const members = new Map<string, Set<number>>();
  const seenHouseholds = new Set<string>();

  for (const change of journal.changes) {
    if (errors.full) break;
    const { kind, effectiveDate } = change;
    // The households this change places people in, as they were before it.
    const joined = new Map<string, { hadMembers: boolean; seen: boolean }>();
    for (let i = change.firstRow; i < change.endRow; i++) {
      const id = journal.entries[i]!.set.householdId;
      if (id !== undefined && !joined.has(id)) joined.set(id, { hadMembers: (members.get(id)?.size ?? 0) > 0, seen: seenHouseholds.has(id) });
    }
    const touched = new Set<string>();
    for (let i = change.firstRow; i < change.endRow; i++) {
      const r = replay.step();
      const role = checkEntry(r, kind, effectiveDate, i, errors);
      const person = r.entry.person;
      const before = r.latestBefore;
      const after = r.latestAfter;
      if (r.set.householdId !== undefined) {
        const state = joined.get(r.set.householdId)!;
        if (kind === "household-split" && state.seen) errors.add(i, "householdId", "a 世帯分離 forms a new household");
        const mustHaveMembers = kind === "household-merged" || kind === "born" || (role === "registration" && state.seen);
        if (mustHaveMembers && !state.hadMembers) errors.add(i, "householdId", "the household has no members to join");
      }
      if (before?.status === "resident") members.get(before.householdId)?.delete(person);
      if (after.status === "resident") {
        let set = members.get(after.householdId);
        if (!set) members.set(after.householdId, (set = new Set()));
        set.add(person);
      }
      seenHouseholds.add(after.householdId);
      if (before) touched.add(before.householdId);
      touched.add(after.householdId);
      if (role === "registration") residence[person]!.push({ event: "began", date: effectiveDate, reason: null });
      if (role === "removal") {
        residence[person]!.push({ event: "ended", date: after.removalDate ?? effectiveDate, reason: after.removalReason === "died" ? "died" : "moved-out" });
        addressAtRemoval[person] = { postalCode: after.postalCode, address: after.address, addressLine2: after.addressLine2 };
      }
    }
    // 住民基本台帳法 第7条第4号: one 世帯主 per household; one address per household (世帯の認定).
    for (const householdId of touched) {
      const ids = members.get(householdId);
      if (!ids || ids.size === 0) continue;
      let heads = 0;
      const addresses = new Set<string>();
      for (const id of ids) {
        const record = replay.latestOf(id)!;
        if (record.relationship === "head") heads++;
        addresses.add(`${record.address}\u0000${record.addressLine2 ?? ""}`);
      }
      const number = journal.householdNumbers.get(householdId) ?? "?";
      if (heads !== 1) errors.add(change.firstRow, "relationship", `leaves household ${number} with ${heads} 世帯主: a household has exactly one`);
      if (addresses.size > 1) errors.add(change.firstRow, "address", `leaves household ${number} at ${addresses.size} addresses: a household has one`);
    }
  }
  if (errors.list.length) return { errors: errors.list, facts: [] };
  const facts = journal.persons.map((_, person) => ({
    latest: replay.latestOf(person)!,
    last: replay.lastOf(person)!,
    residence: residence[person]!,
    addressAtRemoval: addressAtRemoval[person]!,
  }));
  return { errors: [], facts };
}
