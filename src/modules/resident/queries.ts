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
  /** 届出期間の末日 and 期間経過 with its 遅延の理由 (migration 0005). */
  deadlineDate: string | null;
  overdue: boolean;
  lateReason: string | null;
}

export const insertChange = (c: ChangeRow): QueryConfig => ({
  text: `INSERT INTO resident_change (tenant_id, change_id, kind, effective_date, notified_date, actor, reason, deadline_date, overdue, late_reason)
         VALUES (${TENANT}, $1, $2, $3, $4, $5, $6, $7, $8, $9)
         RETURNING seq::text AS seq, recorded_at`,
  values: [c.changeId, c.kind, c.effectiveDate, c.notifiedDate, c.actor, c.reason, c.deadlineDate, c.overdue, c.lateReason],
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

/**
 * A household's number and every entry of every person ever placed in it (an entry set
 * householdId to it), with their 宛名番号: all a fold of the household on any day needs, in one
 * round trip. One row with null entry columns when nobody was ever placed there; none when the
 * tenant has no such household.
 */
export const householdJournal = (householdId: string): QueryConfig => ({
  text: `SELECT h.household_number::text AS household_number, e.person_id::text AS person_id,
                p.addressee_number::text AS addressee_number, e.effective_date::text AS effective_date, e.seq::text AS seq, e.set
         FROM resident_household h
         LEFT JOIN resident_change_entry e ON e.tenant_id = h.tenant_id AND e.person_id IN (
           SELECT x.person_id FROM resident_change_entry x WHERE x.set ? 'householdId' AND (x.set ->> 'householdId') = $1)
         LEFT JOIN resident_person p ON p.tenant_id = e.tenant_id AND p.person_id = e.person_id
         WHERE h.household_id = $1::uuid`,
  values: [householdId],
});

/** Persons ever placed in the household (an entry set householdId to it). */
export const everInHousehold = (householdId: string): QueryConfig => ({
  text: `SELECT DISTINCT person_id::text FROM resident_change_entry
         WHERE set ? 'householdId' AND (set ->> 'householdId') = $1`,
  values: [householdId],
});

const CHANGE_COLUMNS = `c.change_id::text AS change_id, c.seq::text AS seq, c.kind, c.effective_date::text AS effective_date,
  c.notified_date::text AS notified_date, c.recorded_at, c.actor, c.reason,
  c.deadline_date::text AS deadline_date, c.overdue, c.late_reason`;

/**
 * A person's history: every change that touched them, with their entry (its own 異動日 and seq
 * too, so that the fold can read its entries from here), in journal order.
 */
export const changesOfPerson = (personId: string): QueryConfig => ({
  text: `SELECT ${CHANGE_COLUMNS}, e.person_id::text AS person_id, p.addressee_number::text AS addressee_number,
                e.set, e.before, e.after, e.effective_date::text AS entry_effective_date, e.seq::text AS entry_seq
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

/**
 * The 期間経過 届出 notified between two days (inclusive), each with every person it touched and
 * their record after it: the town's list for the 簡易裁判所 (late-notifications.ts). In 届出日
 * order, then by journal order and 宛名番号.
 */
export const overdueNotifications = (from: string, to: string): QueryConfig => ({
  text: `SELECT ${CHANGE_COLUMNS}, e.person_id::text AS person_id, p.addressee_number::text AS addressee_number, e.after
         FROM resident_change c
         JOIN resident_change_entry e ON e.tenant_id = c.tenant_id AND e.change_id = c.change_id
         JOIN resident_person p ON p.tenant_id = e.tenant_id AND p.person_id = e.person_id
         WHERE c.overdue AND c.notified_date BETWEEN $1::date AND $2::date
         ORDER BY c.notified_date, c.seq, p.addressee_number`,
  values: [from, to],
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
  /** The address from the 町字 on (address-search.ts townKey). */
  townKey: string;
  birthDate: string;
  status: string;
  removalDate: string | null;
  lastEffectiveDate: string;
  lastSeq: string;
}

export const upsertCurrent = (r: CurrentRow): QueryConfig => ({
  text: `INSERT INTO resident_current (tenant_id, person_id, addressee_number, household_id, record, name_key, given_name_key,
           kana_key, given_kana_key, address_key, birth_date, status, removal_date, last_effective_date, last_seq, town_key)
         VALUES (${TENANT}, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
         ON CONFLICT (tenant_id, person_id) DO UPDATE SET
           household_id = EXCLUDED.household_id, record = EXCLUDED.record, name_key = EXCLUDED.name_key,
           given_name_key = EXCLUDED.given_name_key, kana_key = EXCLUDED.kana_key, given_kana_key = EXCLUDED.given_kana_key,
           address_key = EXCLUDED.address_key, town_key = EXCLUDED.town_key, birth_date = EXCLUDED.birth_date, status = EXCLUDED.status,
           removal_date = EXCLUDED.removal_date, last_effective_date = EXCLUDED.last_effective_date,
           last_seq = EXCLUDED.last_seq, updated_at = now()`,
  values: [
    r.personId, n(r.addresseeNumber), r.householdId, JSON.stringify(r.record), r.nameKey, r.givenNameKey, r.kanaKey,
    r.givenKanaKey, r.addressKey, r.birthDate, r.status, r.removalDate, r.lastEffectiveDate, r.lastSeq, r.townKey,
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
  /** The start of the address from the 町字 on (platform/address townSearchKey), matched against town_key. */
  townKey: string | null;
  /** The start of the whole address (search-keys.ts), matched against address_key: 「神奈川県」 finds every address in it. */
  addressKey: string | null;
  householdId: string | null;
  householdNumber: string | null;
  includeRemoved: boolean;
  today: string;
}

/**
 * The first string after every string that starts with `prefix`, in byte order: the prefix and
 * U+10FFFF, the highest code point. (A key continuing the prefix with U+10FFFF itself, a
 * noncharacter no name or address holds, would fall outside.)
 */
export const prefixEnd = (prefix: string): string => `${prefix}\u{10FFFF}`;

/**
 * `column` starts with `prefix` ($n), as an index range. Under row-level security the planner
 * may not evaluate an operator that is not LEAKPROOF before the tenant's policy, so it cannot
 * turn LIKE (textlike is not) into an index condition: a LIKE search read every row of every
 * tenant. The byte-order comparisons of text_pattern_ops (~>=~, ~<~) and starts_with are
 * leakproof, so the range uses the (tenant_id, key text_pattern_ops) indexes and starts_with
 * keeps the match exact.
 */
const startsWith = (column: string, prefix: string, end: string) => `(${column} ~>=~ ${prefix} AND ${column} ~<~ ${end} AND starts_with(${column}, ${prefix}))`;

/**
 * One page of matches and their total. The matches are counted and ordered on the narrow key
 * columns; only the page's rows are then read whole and joined to their household, so a broad
 * search (every address of a town) does not carry every record through the count.
 */
export const searchCurrent = (f: SearchFilters, limit: number, offset: number): QueryConfig => ({
  text: `SELECT ${CURRENT_COLUMNS}, page.total
         FROM (
           SELECT m.person_id, m.kana_key, m.birth_date, count(*) OVER () AS total
           FROM resident_current m
           WHERE ($1::text IS NULL OR ${["m.kana_key", "m.given_kana_key", "m.name_key", "m.given_name_key"].map((c) => startsWith(c, "$1", "$10")).join(" OR ")})
             AND ($2::date IS NULL OR m.birth_date = $2)
             AND ($3::text IS NULL OR ${startsWith("m.address_key", "$3", "$11")} OR ${startsWith("m.town_key", "$12", "$13")})
             AND ($4::uuid IS NULL OR m.household_id = $4)
             AND ($5::bigint IS NULL OR m.household_id IN (SELECT household_id FROM resident_household WHERE household_number = $5))
             AND ($6 OR m.status = 'resident' OR m.removal_date > $7::date)
           ORDER BY m.kana_key, m.birth_date, m.person_id
           LIMIT $8 OFFSET $9
         ) page
         JOIN ${CURRENT_FROM} ON r.tenant_id = ${TENANT} AND r.person_id = page.person_id
         ORDER BY page.kana_key, page.birth_date, page.person_id`,
  values: [
    f.nameKey,
    f.birthDate,
    f.addressKey,
    f.householdId,
    f.householdNumber,
    f.includeRemoved,
    f.today,
    limit,
    offset,
    f.nameKey === null ? null : prefixEnd(f.nameKey),
    f.addressKey === null ? null : prefixEnd(f.addressKey),
    f.townKey,
    f.townKey === null ? null : prefixEnd(f.townKey),
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
