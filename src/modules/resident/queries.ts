// The SQL of the resident module, one named statement each, returning { text, values } for the
// caller to run; values are always bound. Every statement runs in a tenant transaction: rows are
// inserted with the transaction's tenant and row-level security keeps every read inside it.
// 宛名番号 travel as 15-digit strings and are stored as bigint; dates as YYYY-MM-DD text.
import type { QueryConfig } from "pg";

const TENANT = "current_setting('kyodo.tenant_id', true)";
const n = (addresseeNumber: string): string => BigInt(addresseeNumber).toString();

/**
 * Serialises the tenant's 異動: rules that look at other persons (duplicates, one head per
 * household) must see a registry nobody else is changing. Every change also appends to the
 * tenant's audit chain, which serialises on its own lock, so this costs no extra concurrency.
 */
export const lockJournal = (): QueryConfig => ({
  text: `SELECT pg_advisory_xact_lock(hashtextextended('resident-journal:' || ${TENANT}, 0))`,
  values: [],
});

// Persons and households

export const insertPerson = (personId: string, addresseeNumber: string): QueryConfig => ({
  text: `INSERT INTO resident_person (tenant_id, person_id, addressee_number) VALUES (${TENANT}, $1, $2)`,
  values: [personId, n(addresseeNumber)],
});

export const selectPersons = (personIds: string[]): QueryConfig => ({
  text: `SELECT person_id::text, addressee_number::text FROM resident_person WHERE person_id = ANY($1::uuid[])`,
  values: [personIds],
});

export const personByAddressee = (addresseeNumber: string): QueryConfig => ({
  text: `SELECT person_id::text, addressee_number::text FROM resident_person WHERE addressee_number = $1`,
  values: [n(addresseeNumber)],
});

export const allPersons = (): QueryConfig => ({
  text: `SELECT person_id::text, addressee_number::text FROM resident_person ORDER BY resident_person.person_id`,
  values: [],
});

export const allocateHouseholdNumber = (): QueryConfig => ({
  text: `INSERT INTO resident_household_counter (tenant_id, last_number) VALUES (${TENANT}, 1)
         ON CONFLICT (tenant_id) DO UPDATE SET last_number = resident_household_counter.last_number + 1
         RETURNING last_number::text AS number`,
  values: [],
});

export const insertHousehold = (householdId: string, householdNumber: string): QueryConfig => ({
  text: `INSERT INTO resident_household (tenant_id, household_id, household_number) VALUES (${TENANT}, $1, $2)`,
  values: [householdId, householdNumber],
});

export const selectHouseholds = (householdIds: string[]): QueryConfig => ({
  text: `SELECT household_id::text, household_number::text FROM resident_household WHERE household_id = ANY($1::uuid[])`,
  values: [householdIds],
});

// The journal

export interface ChangeRow {
  changeId: string;
  kind: string;
  effectiveDate: string;
  notifiedDate: string | null;
  actor: string;
  reason: string | null;
}

export const insertChange = (c: ChangeRow): QueryConfig => ({
  text: `INSERT INTO resident_change (tenant_id, change_id, kind, effective_date, notified_date, actor, reason)
         VALUES (${TENANT}, $1, $2, $3, $4, $5, $6)
         RETURNING seq::text AS seq, recorded_at`,
  values: [c.changeId, c.kind, c.effectiveDate, c.notifiedDate, c.actor, c.reason],
});

export const insertEntry = (e: {
  changeId: string;
  personId: string;
  seq: string;
  effectiveDate: string;
  set: unknown;
  before: unknown;
  after: unknown;
}): QueryConfig => ({
  text: `INSERT INTO resident_change_entry (tenant_id, change_id, person_id, seq, effective_date, set, before, after)
         VALUES (${TENANT}, $1, $2, $3, $4, $5, $6, $7)`,
  values: [e.changeId, e.personId, e.seq, e.effectiveDate, JSON.stringify(e.set), e.before === null ? null : JSON.stringify(e.before), JSON.stringify(e.after)],
});

/** Every entry of the given persons, in journal order: what the fold reads. */
export const entriesOf = (personIds: string[]): QueryConfig => ({
  text: `SELECT person_id::text, effective_date::text AS effective_date, seq::text AS seq, set
         FROM resident_change_entry WHERE person_id = ANY($1::uuid[])
         ORDER BY resident_change_entry.effective_date, resident_change_entry.seq`,
  values: [personIds],
});

/** Persons ever placed in the household (an entry set householdId to it). */
export const everInHousehold = (householdId: string): QueryConfig => ({
  text: `SELECT DISTINCT person_id::text FROM resident_change_entry
         WHERE set ? 'householdId' AND (set ->> 'householdId') = $1`,
  values: [householdId],
});

const CHANGE_COLUMNS = `c.change_id::text AS change_id, c.seq::text AS seq, c.kind, c.effective_date::text AS effective_date,
  c.notified_date::text AS notified_date, c.recorded_at, c.actor, c.reason`;

/** A person's history: every change that touched them, with their entry, in journal order. */
export const changesOfPerson = (personId: string): QueryConfig => ({
  text: `SELECT ${CHANGE_COLUMNS}, e.person_id::text AS person_id, p.addressee_number::text AS addressee_number,
                e.set, e.before, e.after
         FROM resident_change_entry e
         JOIN resident_change c ON c.tenant_id = e.tenant_id AND c.change_id = e.change_id
         JOIN resident_person p ON p.tenant_id = e.tenant_id AND p.person_id = e.person_id
         WHERE e.person_id = $1
         ORDER BY c.effective_date, c.seq`,
  values: [personId],
});

export const changeWithEntries = (changeId: string): QueryConfig => ({
  text: `SELECT ${CHANGE_COLUMNS}, e.person_id::text AS person_id, p.addressee_number::text AS addressee_number,
                e.set, e.before, e.after
         FROM resident_change c
         JOIN resident_change_entry e ON e.tenant_id = c.tenant_id AND e.change_id = c.change_id
         JOIN resident_person p ON p.tenant_id = e.tenant_id AND p.person_id = e.person_id
         WHERE c.change_id = $1
         ORDER BY p.addressee_number`,
  values: [changeId],
});

// The projection

export const CURRENT_COLUMNS = `r.person_id::text AS person_id, r.addressee_number::text AS addressee_number,
  r.household_id::text AS household_id, h.household_number::text AS household_number, r.record,
  r.last_effective_date::text AS last_effective_date, r.last_seq::text AS last_seq`;

const CURRENT_FROM = `resident_current r JOIN resident_household h ON h.tenant_id = r.tenant_id AND h.household_id = r.household_id`;

export const currentOf = (personIds: string[]): QueryConfig => ({
  text: `SELECT ${CURRENT_COLUMNS} FROM ${CURRENT_FROM} WHERE r.person_id = ANY($1::uuid[])`,
  values: [personIds],
});

/** The members of households by the latest records: persons placed there and not removed. */
export const currentMembers = (householdIds: string[]): QueryConfig => ({
  text: `SELECT ${CURRENT_COLUMNS} FROM ${CURRENT_FROM}
         WHERE r.household_id = ANY($1::uuid[]) AND r.status = 'resident'`,
  values: [householdIds],
});

export interface CurrentRow {
  personId: string;
  addresseeNumber: string;
  householdId: string;
  record: unknown;
  nameKey: string;
  givenNameKey: string;
  kanaKey: string;
  givenKanaKey: string;
  addressKey: string;
  birthDate: string;
  status: string;
  removalDate: string | null;
  lastEffectiveDate: string;
  lastSeq: string;
}

export const upsertCurrent = (r: CurrentRow): QueryConfig => ({
  text: `INSERT INTO resident_current (tenant_id, person_id, addressee_number, household_id, record, name_key, given_name_key,
           kana_key, given_kana_key, address_key, birth_date, status, removal_date, last_effective_date, last_seq)
         VALUES (${TENANT}, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         ON CONFLICT (tenant_id, person_id) DO UPDATE SET
           household_id = EXCLUDED.household_id, record = EXCLUDED.record, name_key = EXCLUDED.name_key,
           given_name_key = EXCLUDED.given_name_key, kana_key = EXCLUDED.kana_key, given_kana_key = EXCLUDED.given_kana_key,
           address_key = EXCLUDED.address_key, birth_date = EXCLUDED.birth_date, status = EXCLUDED.status,
           removal_date = EXCLUDED.removal_date, last_effective_date = EXCLUDED.last_effective_date,
           last_seq = EXCLUDED.last_seq, updated_at = now()`,
  values: [
    r.personId, n(r.addresseeNumber), r.householdId, JSON.stringify(r.record), r.nameKey, r.givenNameKey, r.kanaKey,
    r.givenKanaKey, r.addressKey, r.birthDate, r.status, r.removalDate, r.lastEffectiveDate, r.lastSeq,
  ],
});

export const deleteProjection = (): QueryConfig => ({ text: `DELETE FROM resident_current`, values: [] });

/** Residents (on `today`) with the same カナ, birth date and address, other than the given persons. */
export const sameResidents = (kanaKey: string, birthDate: string, addressKey: string, except: string[], today: string): QueryConfig => ({
  text: `SELECT count(*)::int AS n FROM resident_current
         WHERE kana_key = $1 AND birth_date = $2 AND address_key = $3 AND NOT (person_id = ANY($4::uuid[]))
           AND (status = 'resident' OR removal_date > $5)`,
  values: [kanaKey, birthDate, addressKey, except, today],
});

export interface SearchFilters {
  nameKey: string | null;
  birthDate: string | null;
  addressKey: string | null;
  householdId: string | null;
  householdNumber: string | null;
  includeRemoved: boolean;
  today: string;
}

/** LIKE prefix with the pattern characters escaped (the value stays bound). */
export const likePrefix = (text: string): string => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const searchCurrent = (f: SearchFilters, limit: number, offset: number): QueryConfig => ({
  text: `SELECT ${CURRENT_COLUMNS}, count(*) OVER () AS total
         FROM ${CURRENT_FROM}
         WHERE ($1::text IS NULL OR r.kana_key LIKE $1 OR r.given_kana_key LIKE $1 OR r.name_key LIKE $1 OR r.given_name_key LIKE $1)
           AND ($2::date IS NULL OR r.birth_date = $2)
           AND ($3::text IS NULL OR r.address_key LIKE $3)
           AND ($4::uuid IS NULL OR r.household_id = $4)
           AND ($5::bigint IS NULL OR h.household_number = $5)
           AND ($6 OR r.status = 'resident' OR r.removal_date > $7::date)
         ORDER BY r.kana_key, r.birth_date, r.person_id
         LIMIT $8 OFFSET $9`,
  values: [
    f.nameKey === null ? null : likePrefix(f.nameKey),
    f.birthDate,
    f.addressKey === null ? null : likePrefix(f.addressKey),
    f.householdId,
    f.householdNumber,
    f.includeRemoved,
    f.today,
    limit,
    offset,
  ],
});

// 個人番号

export const insertMyNumber = (r: {
  personId: string;
  ciphertext: Buffer;
  iv: Buffer;
  tag: Buffer;
  keyId: string;
  lookupHash: Buffer;
  changeId: string;
}): QueryConfig => ({
  text: `INSERT INTO resident_my_number (tenant_id, person_id, ciphertext, iv, tag, key_id, lookup_hash, change_id)
         VALUES (${TENANT}, $1, $2, $3, $4, $5, $6, $7)`,
  values: [r.personId, r.ciphertext, r.iv, r.tag, r.keyId, r.lookupHash, r.changeId],
});

export const latestMyNumber = (personId: string): QueryConfig => ({
  text: `SELECT ciphertext, iv, tag, key_id, lookup_hash FROM resident_my_number WHERE person_id = $1
         ORDER BY resident_my_number.seq DESC LIMIT 1`,
  values: [personId],
});

export const myNumberHolder = (lookupHash: Buffer): QueryConfig => ({
  text: `SELECT person_id::text FROM resident_my_number WHERE lookup_hash = $1`,
  values: [lookupHash],
});
