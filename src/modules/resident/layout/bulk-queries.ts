// The SQL of the journal import and export, one named statement each, returning { text, values }.
// The import is set-based: each statement writes a batch of rows handed over as one JSON array
// ($1) and unpacked by jsonb_to_recordset, so a batch of thousands of rows is one round trip and
// one statement, and nested records (the 異動's set, before and after) arrive as jsonb, parsed
// once with the array — parsing jsonb is the dearest part of the import, so nothing is sent twice,
// and every object comes with its keys in jsonb's order, which spares PostgreSQL sorting them
// (jsonb-key-order.ts). Every statement runs in the importing tenant's transaction as the
// application role: rows take its tenant, and row-level security checks every row written and
// keeps every read inside it. (COPY is refused into tables under row-level security, and COPY
// into a staging table followed by INSERT … SELECT measured no cheaper: docs/adr/0011.)
import type { QueryConfig } from "pg";
import type { AddresseeState } from "../../../platform/addressee/addressee.ts";
import type { FieldSet, PersonRecord } from "../person-record.ts";
import { inJsonbKeyOrder, recordInJsonbOrder } from "./jsonb-key-order.ts";

const TENANT = "current_setting('kyodo.tenant_id', true)";

/**
 * A batch as one JSON array, each row's keys in jsonb's order (jsonb-key-order.ts); rows whose
 * fields hold records come already ordered from `ordered`.
 */
const batch = <T extends object>(text: string, rows: readonly T[], ordered: (row: T) => object = inJsonbKeyOrder): QueryConfig => ({
  text,
  values: [JSON.stringify(rows.map(ordered))],
});

// Checks before writing

/**
 * Room for the batches' sorts and function scans in memory rather than in temporary files, for
 * this transaction only (a batch of records is a few megabytes; the default is 4 MB).
 */
export const bulkWorkMemory = (): QueryConfig => ({ text: "SET LOCAL work_mem = '64MB'", values: [] });

export const registryPersonCount = (): QueryConfig => ({
  text: "SELECT count(*)::int AS n FROM (SELECT 1 FROM resident_person LIMIT 1) AS any_person",
  values: [],
});

/** The numbers the 宛名番号 and 世帯番号 counters would hand out next. */
export const nextCounterNumbers = (): QueryConfig => ({
  text: `SELECT coalesce((SELECT last_number FROM addressee_counter), 0)::bigint + 1 AS addressee,
                coalesce((SELECT last_number FROM resident_household_counter), 0)::bigint + 1 AS household`,
  values: [],
});

/** The addressees among the given 宛名番号 (stored integers), with what says whether one may be linked. */
export const addresseesAmong = (numbers: readonly string[]): QueryConfig => ({
  text: `SELECT number::text AS number, kind, merged_into IS NOT NULL AS merged, resident_since::text AS resident_since,
                resident_until::text AS resident_until, resident_end_reason
         FROM addressee WHERE number = ANY($1::bigint[])`,
  values: [numbers],
});

// Households

export interface HouseholdJson {
  h: string;
  n: string;
}

export const insertHouseholds = (rows: readonly HouseholdJson[]): QueryConfig =>
  batch(
    `INSERT INTO resident_household (tenant_id, household_id, household_number)
     SELECT ${TENANT}, x.h, x.n FROM jsonb_to_recordset($1::jsonb) AS x(h uuid, n bigint)`,
    rows,
  );

/** After numbers were taken as given, the counter hands out only higher ones (never a number twice). */
export const reserveHouseholdNumbersUpTo = (highest: string): QueryConfig => ({
  text: `INSERT INTO resident_household_counter (tenant_id, last_number) VALUES (${TENANT}, $1)
         ON CONFLICT (tenant_id) DO UPDATE SET last_number = greatest(resident_household_counter.last_number, EXCLUDED.last_number)`,
  values: [highest],
});

// Persons

export interface PersonJson {
  p: string;
  /** 宛名番号 as its stored integer. */
  a: string;
}

export const insertPersons = (rows: readonly PersonJson[]): QueryConfig =>
  batch(
    `INSERT INTO resident_person (tenant_id, person_id, addressee_number)
     SELECT ${TENANT}, x.p, x.a FROM jsonb_to_recordset($1::jsonb) AS x(p uuid, a bigint)`,
    rows,
  );

// The journal

export interface ChangeJson {
  /** Position in the batch: the journal's order, which the identity seq must follow. */
  i: number;
  c: string;
  k: string;
  d: string;
  n: string | null;
  r: string;
  a: string;
  w: string | null;
}

/** Inserts changes in journal order; seq (the identity) is drawn row by row in that order and returned. */
export const insertChanges = (rows: readonly ChangeJson[]): QueryConfig =>
  batch(
    `INSERT INTO resident_change (tenant_id, change_id, kind, effective_date, notified_date, recorded_at, actor, reason)
     SELECT ${TENANT}, x.c, x.k, x.d, x.n, x.r, x.a, x.w
     FROM jsonb_to_recordset($1::jsonb) AS x(i integer, c uuid, k text, d date, n date, r timestamptz, a text, w text)
     ORDER BY x.i
     RETURNING change_id::text AS change_id, seq::text AS seq`,
    rows,
  );

export interface EntryJson {
  c: string;
  p: string;
  /** The change's seq and 異動日. */
  s: string;
  d: string;
  /** The set, or null when it equals the record after (a first registration: nothing before). */
  e: FieldSet | null;
  b: PersonRecord | null;
  a: PersonRecord;
}

export const insertEntries = (rows: readonly EntryJson[]): QueryConfig =>
  batch(
    `INSERT INTO resident_change_entry (tenant_id, change_id, person_id, seq, effective_date, set, before, after)
     SELECT ${TENANT}, x.c, x.p, x.s, x.d, coalesce(x.e, x.a), x.b, x.a
     FROM jsonb_to_recordset($1::jsonb) AS x(c uuid, p uuid, s bigint, d date, e jsonb, b jsonb, a jsonb)`,
    rows,
    (r) => ({ a: recordInJsonbOrder(r.a), b: recordInJsonbOrder(r.b), c: r.c, d: r.d, e: recordInJsonbOrder(r.e), p: r.p, s: r.s }),
  );

// The projection

export interface CurrentJson {
  p: string;
  a: string;
  h: string;
  r: PersonRecord;
  nk: string;
  gnk: string;
  kk: string;
  gkk: string;
  ak: string;
  /** town_key: the address from the 町字 on (platform/address townSearchKey, ADR 0022). */
  tk: string;
  bd: string;
  st: string;
  rd: string | null;
  /** 異動日 and seq of the person's last entry in fold order. */
  led: string;
  ls: string;
}

export const insertCurrent = (rows: readonly CurrentJson[]): QueryConfig =>
  batch(
    `INSERT INTO resident_current (tenant_id, person_id, addressee_number, household_id, record, name_key, given_name_key,
       kana_key, given_kana_key, address_key, town_key, birth_date, status, removal_date, last_effective_date, last_seq)
     SELECT ${TENANT}, x.p, x.a, x.h, x.r, x.nk, x.gnk, x.kk, x.gkk, x.ak, x.tk, x.bd, x.st, x.rd, x.led, x.ls
     FROM jsonb_to_recordset($1::jsonb)
       AS x(p uuid, a bigint, h uuid, r jsonb, nk text, gnk text, kk text, gkk text, ak text, tk text, bd date, st text, rd date, led date, ls bigint)`,
    rows,
    (x) => ({
      a: x.a, h: x.h, p: x.p, r: recordInJsonbOrder(x.r),
      ak: x.ak, bd: x.bd, kk: x.kk, ls: x.ls, nk: x.nk, rd: x.rd, st: x.st, tk: x.tk,
      gkk: x.gkk, gnk: x.gnk, led: x.led,
    }),
  );

// Addressees created for persons the register does not know yet

export interface AddresseeJson {
  /** Stored integer of the 宛名番号. */
  n: string;
  name: string;
  kana: string;
  nk: string;
  kk: string;
  bd: string;
  sex: string;
  pc: string | null;
  ad: string | null;
  ad2: string | null;
  /** The address search keys (addressee/address-keys.ts). */
  ak: string | null;
  tk: string | null;
  mc: string | null;
  since: string | null;
  until: string | null;
  why: string | null;
  /** The state as the history keeps it (addressee_change.after). */
  st: AddresseeState;
}

/**
 * One statement per batch writes what insertAddressee (addressee/store.ts) writes for a new
 * addressee: the row, its first name and address periods (from the start: valid_from NULL) and
 * one 'imported' history entry with the state after, by the transaction's actor.
 */
export const insertAddressees = (rows: readonly AddresseeJson[], reason: string): QueryConfig => ({
  text: `WITH x AS (
           SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(n bigint, name text, kana text, nk text, kk text, bd date, sex text,
             pc text, ad text, ad2 text, ak text, tk text, mc text, since date, until date, why text, st jsonb)),
         a AS (
           INSERT INTO addressee (tenant_id, number, kind, name, name_kana, name_key, kana_key, birth_date, sex,
             postal_code, address, address_line2, address_key, town_key, municipality_code, resident_since, resident_until, resident_end_reason)
           SELECT ${TENANT}, n, 'person', name, kana, nk, kk, bd, sex, pc, ad, ad2, ak, tk, mc, since, until, why FROM x),
         names AS (
           INSERT INTO addressee_name (tenant_id, number, valid_from, name, name_kana, name_key, kana_key)
           SELECT ${TENANT}, n, NULL, name, kana, nk, kk FROM x),
         addresses AS (
           INSERT INTO addressee_address (tenant_id, number, valid_from, postal_code, address, address_line2)
           SELECT ${TENANT}, n, NULL, pc, ad, ad2 FROM x)
         INSERT INTO addressee_change (tenant_id, number, change, fields, reason, actor, before, after)
         SELECT ${TENANT}, n, 'imported', '{}', $2, coalesce(nullif(current_setting('kyodo.actor', true), ''), 'system'), NULL, st FROM x`,
  values: [JSON.stringify(rows.map((r) => inJsonbKeyOrder({ ...r, st: inJsonbKeyOrder(r.st) }))), reason],
});

export interface ResidenceJson {
  i: number;
  n: string;
  e: "began" | "ended";
  d: string;
  r: string | null;
}

/** Residence began/ended events, in the order the registry link would have written them. */
export const insertResidenceEvents = (rows: readonly ResidenceJson[]): QueryConfig =>
  batch(
    `INSERT INTO addressee_residence (tenant_id, number, event, effective_date, end_reason)
     SELECT ${TENANT}, x.n, x.e, x.d, x.r FROM jsonb_to_recordset($1::jsonb) AS x(i integer, n bigint, e text, d date, r text)
     ORDER BY x.i`,
    rows,
  );

/** addressee-number.ts reserveAddresseeNumbersUpTo, for numbers taken as given. */
export const reserveAddresseeNumbersUpTo = (highest: string): QueryConfig => ({
  text: `INSERT INTO addressee_counter (tenant_id, last_number) VALUES (${TENANT}, $1)
         ON CONFLICT (tenant_id) DO UPDATE SET last_number = greatest(addressee_counter.last_number, EXCLUDED.last_number)`,
  values: [highest],
});

// Export

/** Every entry of the journal in journal order, the persons of one change by 宛名番号. */
export const journalRows = (): { text: string; values: unknown[] } => ({
  text: `SELECT c.change_id::text AS change_id, c.kind, c.effective_date::text AS effective_date,
                c.notified_date::text AS notified_date,
                to_char(c.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at,
                c.actor, c.reason, e.person_id::text AS person_id, p.addressee_number::text AS addressee_number, e.set,
                h.household_number::text AS household_number
         FROM resident_change c
         JOIN resident_change_entry e ON e.tenant_id = c.tenant_id AND e.change_id = c.change_id
         JOIN resident_person p ON p.tenant_id = e.tenant_id AND p.person_id = e.person_id
         LEFT JOIN resident_household h ON h.tenant_id = e.tenant_id AND h.household_id = (e.set ->> 'householdId')::uuid
         ORDER BY c.seq, p.addressee_number`,
  values: [],
});
