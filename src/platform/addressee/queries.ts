// The SQL of the addressee area, one named statement each, returning { text, values } for the
// caller to run; values are always bound. Every statement runs in a tenant transaction: rows
// are inserted with the transaction's tenant (current_setting('kyodo.tenant_id')) and row-level
// security keeps every read inside it, so no statement names a tenant itself.
// 宛名番号 travel as decimal strings of the stored integer (see addressee-number.ts); dates as
// YYYY-MM-DD text. A column selected as `x::text AS x` must be ordered by its qualified name
// (table.x), or PostgreSQL orders by the text alias ("10" before "9").
import type { QueryConfig } from "pg";
import type { AddresseeState } from "./addressee.ts";
import type { ChangeKind } from "./history.ts";
import { addressKeys } from "./address-keys.ts";

const TENANT = "current_setting('kyodo.tenant_id', true)";

/** The SELECT list reading an `addressee` row as AddresseeStateRow. */
export const STATE_COLUMNS = `a.number::text AS number, a.kind, a.name, a.name_kana, a.birth_date::text AS birth_date, a.sex,
  a.corporate_number, a.postal_code, a.address, a.address_line2, a.known_as, a.known_as_note,
  a.resident_since::text AS resident_since, a.resident_until::text AS resident_until, a.resident_end_reason,
  a.merged_into::text AS merged_into, a.version`;

/** The stored integer of a 15-digit 宛名番号 (leading zeros dropped). */
const n = (number: string): string => BigInt(number).toString();

// 宛名番号

export const allocateNumber = (): QueryConfig => ({
  text: `INSERT INTO addressee_counter (tenant_id, last_number) VALUES (${TENANT}, 1)
         ON CONFLICT (tenant_id) DO UPDATE SET last_number = addressee_counter.last_number + 1
         RETURNING last_number::text AS number`,
  values: [],
});

export const reserveNumbersUpTo = (highest: string): QueryConfig => ({
  text: `INSERT INTO addressee_counter (tenant_id, last_number) VALUES (${TENANT}, $1)
         ON CONFLICT (tenant_id) DO UPDATE SET last_number = greatest(addressee_counter.last_number, EXCLUDED.last_number)`,
  values: [n(highest)],
});

// The addressee row

export const selectState = (number: string, forUpdate = false): QueryConfig => ({
  text: `SELECT ${STATE_COLUMNS} FROM addressee a WHERE a.number = $1 ${forUpdate ? "FOR UPDATE" : ""}`,
  values: [n(number)],
});

/** Rows of several addressees, locked in number order (a merge locks both without deadlock). */
export const selectStatesForUpdate = (numbers: string[]): QueryConfig => ({
  text: `SELECT ${STATE_COLUMNS} FROM addressee a WHERE a.number = ANY($1::bigint[]) ORDER BY a.number FOR UPDATE`,
  values: [numbers.map(n)],
});

/** The row's values; the address search keys (address-keys.ts) are derived here, so every write keeps them. */
function stateValues(s: AddresseeState, nameKey: string, kanaKey: string): unknown[] {
  const { addressKey, townKey, municipalityCode } = addressKeys(s);
  return [
    n(s.number), s.kind, s.name, s.nameKana, nameKey, kanaKey, s.birthDate, s.sex, s.corporateNumber, s.postalCode,
    s.address, s.addressLine2, s.knownAs, s.knownAsNote, s.residentSince, s.residentUntil, s.residentEndReason,
    s.mergedInto === null ? null : n(s.mergedInto), addressKey, townKey, municipalityCode,
  ];
}

export const insertState = (s: AddresseeState, nameKey: string, kanaKey: string): QueryConfig => ({
  text: `INSERT INTO addressee (tenant_id, number, kind, name, name_kana, name_key, kana_key, birth_date, sex,
           corporate_number, postal_code, address, address_line2, known_as, known_as_note,
           resident_since, resident_until, resident_end_reason, merged_into, address_key, town_key,
           municipality_code)
         VALUES (${TENANT}, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)`,
  values: stateValues(s, nameKey, kanaKey),
});

export const updateState = (s: AddresseeState, nameKey: string, kanaKey: string): QueryConfig => ({
  text: `UPDATE addressee SET kind = $2, name = $3, name_kana = $4, name_key = $5, kana_key = $6, birth_date = $7,
           sex = $8, corporate_number = $9, postal_code = $10, address = $11, address_line2 = $12, known_as = $13,
           known_as_note = $14, resident_since = $15, resident_until = $16, resident_end_reason = $17,
           merged_into = $18, address_key = $19, town_key = $20, municipality_code = $21, version = version + 1, updated_at = now()
         WHERE number = $1`,
  values: stateValues(s, nameKey, kanaKey),
});

/** Follows merged_into from a number to the addressee that stands for it today. */
export const resolveNumber = (number: string): QueryConfig => ({
  text: `WITH RECURSIVE chain (number, merged_into, depth) AS (
           SELECT number, merged_into, 0 FROM addressee WHERE number = $1
           UNION ALL
           SELECT a.number, a.merged_into, c.depth + 1 FROM addressee a JOIN chain c ON a.number = c.merged_into
           WHERE c.depth < 32)
         SELECT number::text AS number FROM chain WHERE merged_into IS NULL`,
  values: [n(number)],
});

/** Numbers merged into this one, directly or through another merged number. */
export const mergedIntoNumbers = (number: string): QueryConfig => ({
  text: `WITH RECURSIVE absorbed (number, depth) AS (
           SELECT number, 0 FROM addressee WHERE merged_into = $1
           UNION ALL
           SELECT a.number, x.depth + 1 FROM addressee a JOIN absorbed x ON a.merged_into = x.number WHERE x.depth < 32)
         SELECT number::text AS number FROM absorbed ORDER BY absorbed.number`,
  values: [n(number)],
});

// Name and address periods

export const insertName = (
  number: string,
  validFrom: string | null,
  name: string,
  nameKana: string,
  nameKey: string,
  kanaKey: string,
): QueryConfig => ({
  text: `INSERT INTO addressee_name (tenant_id, number, valid_from, name, name_kana, name_key, kana_key)
         VALUES (${TENANT}, $1, $2, $3, $4, $5, $6)`,
  values: [n(number), validFrom, name, nameKana, nameKey, kanaKey],
});

export const insertAddress = (number: string, validFrom: string | null, s: AddresseeState): QueryConfig => ({
  text: `INSERT INTO addressee_address (tenant_id, number, valid_from, postal_code, address, address_line2)
         VALUES (${TENANT}, $1, $2, $3, $4, $5)`,
  values: [n(number), validFrom, s.postalCode, s.address, s.addressLine2],
});

/** The start of the latest period (NULL: from the start, or no period yet). */
export const latestPeriodStart = (table: "addressee_name" | "addressee_address", number: string): QueryConfig => ({
  text: `SELECT valid_from::text AS valid_from FROM ${table} WHERE number = $1 ORDER BY seq DESC LIMIT 1`,
  values: [n(number)],
});

export const nameAsOf = (number: string, date: string): QueryConfig => ({
  text: `SELECT name, name_kana FROM addressee_name WHERE number = $1 AND (valid_from IS NULL OR valid_from <= $2)
         ORDER BY valid_from DESC NULLS LAST, seq DESC LIMIT 1`,
  values: [n(number), date],
});

export const addressAsOf = (number: string, date: string): QueryConfig => ({
  text: `SELECT postal_code, address, address_line2 FROM addressee_address
         WHERE number = $1 AND (valid_from IS NULL OR valid_from <= $2)
         ORDER BY valid_from DESC NULLS LAST, seq DESC LIMIT 1`,
  values: [n(number), date],
});

export const namePeriods = (number: string): QueryConfig => ({
  text: `SELECT seq::text AS seq, valid_from::text AS valid_from, name, name_kana, recorded_at
         FROM addressee_name WHERE number = $1 ORDER BY addressee_name.seq`,
  values: [n(number)],
});

export const addressPeriods = (number: string): QueryConfig => ({
  text: `SELECT seq::text AS seq, valid_from::text AS valid_from, postal_code, address, address_line2, recorded_at
         FROM addressee_address WHERE number = $1 ORDER BY addressee_address.seq`,
  values: [n(number)],
});

// Residence

export const insertResidenceEvent = (
  number: string,
  event: "began" | "ended",
  effectiveDate: string,
  endReason: string | null,
): QueryConfig => ({
  text: `INSERT INTO addressee_residence (tenant_id, number, event, effective_date, end_reason)
         VALUES (${TENANT}, $1, $2, $3, $4)`,
  values: [n(number), event, effectiveDate, endReason],
});

export const latestResidenceEvent = (number: string): QueryConfig => ({
  text: `SELECT event, effective_date::text AS effective_date, end_reason FROM addressee_residence
         WHERE number = $1 ORDER BY addressee_residence.effective_date DESC, addressee_residence.seq DESC LIMIT 1`,
  values: [n(number)],
});

/** Residence on a day: the latest event on or before it, and the start of the period it is in. */
export const residenceAsOf = (number: string, date: string): QueryConfig => ({
  text: `SELECT e.event, e.effective_date::text AS effective_date, e.end_reason,
                (SELECT b.effective_date::text FROM addressee_residence b
                 WHERE b.number = e.number AND b.event = 'began' AND b.effective_date <= e.effective_date
                 ORDER BY b.effective_date DESC, b.seq DESC LIMIT 1) AS began
         FROM addressee_residence e WHERE e.number = $1 AND e.effective_date <= $2
         ORDER BY e.effective_date DESC, e.seq DESC LIMIT 1`,
  values: [n(number), date],
});

export const residenceEvents = (number: string): QueryConfig => ({
  text: `SELECT seq::text AS seq, event, effective_date::text AS effective_date, end_reason, recorded_at
         FROM addressee_residence WHERE number = $1 ORDER BY addressee_residence.effective_date, addressee_residence.seq`,
  values: [n(number)],
});

// History

export const currentActor = (): QueryConfig => ({
  text: "SELECT coalesce(nullif(current_setting('kyodo.actor', true), ''), 'system') AS actor",
  values: [],
});

export const insertChange = (
  number: string,
  change: ChangeKind,
  fields: readonly string[],
  reason: string | null,
  actor: string,
  before: unknown,
  after: unknown,
): QueryConfig => ({
  text: `INSERT INTO addressee_change (tenant_id, number, change, fields, reason, actor, before, after)
         VALUES (${TENANT}, $1, $2, $3, $4, $5, $6, $7) RETURNING seq::text AS seq`,
  values: [n(number), change, fields, reason, actor, before === null ? null : JSON.stringify(before),
    after === null ? null : JSON.stringify(after)],
});

export const changesOf = (number: string): QueryConfig => ({
  text: `SELECT seq::text AS seq, change, fields, reason, actor, changed_at, before, after
         FROM addressee_change WHERE number = $1 ORDER BY addressee_change.seq`,
  values: [n(number)],
});

// 名寄せ

export const duplicateCandidates = (limit: number, offset: number): QueryConfig => ({
  // bigint comes back from pg as a decimal string; ordering stays numeric.
  text: `SELECT x.number AS number_a, y.number AS number_b, 'kana-and-birth-date' AS matched_on
         FROM addressee x JOIN addressee y
           ON y.kana_key = x.kana_key AND y.birth_date = x.birth_date AND y.number > x.number
         WHERE x.kind = 'person' AND y.kind = 'person' AND x.merged_into IS NULL AND y.merged_into IS NULL
         UNION ALL
         SELECT x.number, y.number, 'corporate-number'
         FROM addressee x JOIN addressee y ON y.corporate_number = x.corporate_number AND y.number > x.number
         WHERE x.merged_into IS NULL AND y.merged_into IS NULL
         ORDER BY 1, 2 LIMIT $1 OFFSET $2`,
  values: [limit, offset],
});

export const insertMerge = (survivor: string, merged: string, reason: string, actor: string, survivorBefore: AddresseeState, mergedBefore: AddresseeState): QueryConfig => ({
  text: `INSERT INTO addressee_merge (tenant_id, survivor, merged, reason, actor, survivor_before, merged_before)
         VALUES (${TENANT}, $1, $2, $3, $4, $5, $6) RETURNING id::text AS id, merged_at`,
  values: [n(survivor), n(merged), reason, actor, JSON.stringify(survivorBefore), JSON.stringify(mergedBefore)],
});

const MERGE_COLUMNS = `m.id::text AS id, m.survivor::text AS survivor, m.merged::text AS merged, m.reason, m.actor, m.merged_at,
  m.survivor_before, m.merged_before, u.undone_at, u.reason AS undo_reason, u.actor AS undone_by`;

export const selectMerge = (id: string): QueryConfig => ({
  text: `SELECT ${MERGE_COLUMNS} FROM addressee_merge m LEFT JOIN addressee_merge_undo u ON u.merge_id = m.id
         WHERE m.id = $1`,
  values: [id],
});

export const mergesOf = (number: string): QueryConfig => ({
  text: `SELECT ${MERGE_COLUMNS} FROM addressee_merge m LEFT JOIN addressee_merge_undo u ON u.merge_id = m.id
         WHERE m.survivor = $1 OR m.merged = $1 ORDER BY m.id`,
  values: [n(number)],
});

export const insertMergeUndo = (mergeId: string, reason: string, actor: string): QueryConfig => ({
  text: `INSERT INTO addressee_merge_undo (tenant_id, merge_id, reason, actor) VALUES (${TENANT}, $1, $2, $3)`,
  values: [mergeId, reason, actor],
});

// 送付先

export interface MailingValues {
  business: string;
  validFrom: string;
  validUntil: string | null;
  recipientName: string;
  recipientKana: string | null;
  recipientRole: string | null;
  postalCode: string | null;
  address: string;
  addressLine2: string | null;
}

export const insertMailingVersion = (
  mailingId: string,
  version: number,
  number: string,
  m: MailingValues,
  withdrawn: boolean,
  reason: string,
  actor: string,
): QueryConfig => ({
  text: `INSERT INTO addressee_mailing (tenant_id, mailing_id, version, number, business, valid_from, valid_until,
           recipient_name, recipient_kana, recipient_role, postal_code, address, address_line2, withdrawn, reason, actor)
         VALUES (${TENANT}, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
  values: [mailingId, version, n(number), m.business, m.validFrom, m.validUntil, m.recipientName, m.recipientKana,
    m.recipientRole, m.postalCode, m.address, m.addressLine2, withdrawn, reason, actor],
});

const MAILING_COLUMNS = `mailing_id::text AS mailing_id, version, number::text AS number, business,
  valid_from::text AS valid_from, valid_until::text AS valid_until, recipient_name, recipient_kana, recipient_role,
  postal_code, address, address_line2, withdrawn, reason, actor, recorded_at`;

/** The latest version of each mailing address of some addressees (withdrawn ones included). */
export const currentMailings = (numbers: string[]): QueryConfig => ({
  text: `SELECT ${MAILING_COLUMNS} FROM (
           SELECT DISTINCT ON (mailing_id) * FROM addressee_mailing WHERE number = ANY($1::bigint[])
           ORDER BY mailing_id, version DESC) m
         ORDER BY business, valid_from, mailing_id`,
  values: [numbers.map(n)],
});

export const mailingVersions = (mailingId: string): QueryConfig => ({
  text: `SELECT ${MAILING_COLUMNS} FROM addressee_mailing WHERE mailing_id = $1 ORDER BY version`,
  values: [mailingId],
});

/** Serialises writers of one addressee's mailing addresses, so overlap checks see each other. */
export const lockMailings = (number: string): QueryConfig => ({
  text: `SELECT pg_advisory_xact_lock(hashtextextended('addressee-mailing:' || ${TENANT} || ':' || $1, 0))`,
  values: [n(number)],
});

// Search

export interface SearchFilters {
  nameKey: string | null;
  /** The start of the whole address (address-keys.ts), matched against address_key: 「神奈川県」 finds every address in it. */
  addressKey: string | null;
  /** The start of the address from the 町字 on, matched against town_key: 「堀内」 = 「葉山町堀内」. */
  townKey: string | null;
  /** The 市区町村 the 町字 part is looked for in (its 全国地方公共団体コード); null: this town. */
  municipalityCode: string | null;
  birthDate: string | null;
  number: string | null;
  corporateNumber: string | null;
  kind: string | null;
}

/** LIKE pattern matching the key anywhere, with the key's own % _ \ taken literally. */
export function containsPattern(key: string): string {
  return `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * `column` starts with `prefix` ($n) as an index range: the byte-order comparisons of
 * text_pattern_ops and starts_with are leakproof, so under row-level security the planner can
 * use the (tenant_id, key text_pattern_ops) index, which it cannot for LIKE (ADR 0012). The end
 * of the range is the prefix and U+10FFFF, the highest code point.
 */
const startsWith = (column: string, prefix: string, end: string) => `(${column} ~>=~ ${prefix} AND ${column} ~<~ ${end} AND starts_with(${column}, ${prefix}))`;
const prefixEnd = (prefix: string | null): string | null => (prefix === null ? null : `${prefix}\u{10FFFF}`);

export const searchAddressees = (f: SearchFilters, limit: number, offset: number): QueryConfig => ({
  text: `SELECT ${STATE_COLUMNS}, count(*) OVER () AS total
         FROM addressee a
         WHERE ($1::text IS NULL OR EXISTS (
                 SELECT 1 FROM addressee_name h WHERE h.number = a.number
                 AND (h.name_key LIKE $1 ESCAPE '\\' OR h.kana_key LIKE $1 ESCAPE '\\')))
           AND ($2::date IS NULL OR a.birth_date = $2)
           AND ($3::bigint IS NULL OR a.number = $3)
           AND ($4::text IS NULL OR a.corporate_number = $4)
           AND ($5::text IS NULL OR a.kind = $5)
           AND (($8::text IS NULL AND $10::text IS NULL)
                OR ($8::text IS NOT NULL AND ${startsWith("a.address_key", "$8", "$9")})
                OR ($10::text IS NOT NULL AND ${startsWith("a.town_key", "$10", "$11")}
                    AND (a.municipality_code = coalesce($12, ${TENANT}) OR (a.municipality_code IS NULL AND coalesce($12, ${TENANT}) = ${TENANT}))))
         ORDER BY a.kana_key, a.number
         LIMIT $6 OFFSET $7`,
  values: [f.nameKey === null ? null : containsPattern(f.nameKey), f.birthDate, f.number === null ? null : n(f.number),
    f.corporateNumber, f.kind, limit, offset, f.addressKey, prefixEnd(f.addressKey), f.townKey, prefixEnd(f.townKey), f.municipalityCode],
});

// Move-in candidates

export const moveInCandidates = (kanaKey: string, birthDate: string): QueryConfig => ({
  text: `SELECT ${STATE_COLUMNS}
         FROM addressee a
         WHERE a.kind = 'person' AND a.birth_date = $2 AND a.merged_into IS NULL
           AND (a.resident_since IS NULL OR a.resident_until IS NOT NULL)
           AND EXISTS (SELECT 1 FROM addressee_name h WHERE h.number = a.number AND h.kana_key = $1)
         ORDER BY a.number`,
  values: [kanaKey, birthDate],
});

// Layout

export const exportStates = (afterNumber: string, limit: number): QueryConfig => ({
  text: `SELECT ${STATE_COLUMNS} FROM addressee a WHERE a.number > $1 ORDER BY a.number LIMIT $2`,
  values: [n(afterNumber), limit],
});

export const allNumbers = (): QueryConfig => ({
  text: "SELECT number::text AS number FROM addressee ORDER BY addressee.number",
  values: [],
});

export const existingNumbers = (numbers: string[]): QueryConfig => ({
  text: "SELECT number::text AS number FROM addressee WHERE number = ANY($1::bigint[])",
  values: [numbers.map(n)],
});
