// 住民票コード (jūminhyō kōdo, 住民基本台帳法 第7条第13号): the 11-digit code on each 住民票.
//
//  - Form: 10 random digits and one check digit (施行規則 第1条). The check digit is computed by a
//    formula the 総務大臣 sets (告示); its text could not be verified offline, so no formula is
//    invented here: a code is checked as 11 digits, and the designation file is trusted for the
//    check digit (ADR 0019).
//  - Designation: the municipality writes only codes designated to it (第30条の7 as enacted: by
//    the 都道府県知事; since 2015-10-05 by 地方公共団体情報システム機構), kept in
//    resident_code_designation (imported through resident-code-layout.ts; demo towns get a pool of
//    demo codes, is_demo).
//  - Assignment: at a person's first registration (出生, 転入, 職権記載), in the transaction that
//    records the 異動 and tied to it, the first unused designated code in designation order
//    (第30条の3). A person keeps the code for life: a later registration (a former resident moving
//    back) keeps it, and no code is overwritten — a change on request (第30条の4) is a new row.
//  - A tenant that has never received a designation (test tenants, a town before its first
//    import) registers persons without a code; a tenant whose designated codes are all used
//    refuses the registration (422 resident-code-pool-exhausted), and nothing is written.
import type { QueryConfig } from "pg";
import type { Tx } from "../../platform/db/database.ts";
import { Problem } from "../../platform/http/problem.ts";

const TENANT = "current_setting('kyodo.tenant_id', true)";

export const RESIDENT_CODE_PATTERN = "^[0-9]{11}$";

/** 11 ASCII digits (施行規則 第1条); the check digit is not verified (see the header). */
export function isResidentCodeFormat(value: string): boolean {
  return /^[0-9]{11}$/.test(value);
}

export const residentCodeProblems = {
  poolExhausted: () =>
    new Problem(
      422,
      "resident-code-pool-exhausted",
      "Every designated 住民票コード is in use: import the next designation first",
      "指定された住民票コードがすべて使用済みです。次の指定を取り込んでください",
    ),
};

// SQL

const currentCode = (personIds: string[]): QueryConfig => ({
  text: `SELECT DISTINCT ON (person_id) person_id::text, code FROM resident_code
          WHERE person_id = ANY($1::uuid[]) ORDER BY person_id, seq DESC`,
  values: [personIds],
});

const nextFreeCode = (): QueryConfig => ({
  text: `SELECT d.code FROM resident_code_designation d
          WHERE NOT EXISTS (SELECT 1 FROM resident_code c WHERE c.tenant_id = d.tenant_id AND c.code = d.code)
          ORDER BY d.seq LIMIT 1`,
  values: [],
});

const personCount = (): QueryConfig => ({ text: `SELECT count(*)::int AS n FROM resident_person`, values: [] });

const anyDesignation = (): QueryConfig => ({
  text: `SELECT EXISTS (SELECT 1 FROM resident_code_designation) AS designated`,
  values: [],
});

const insertCode = (personId: string, code: string, changeId: string): QueryConfig => ({
  text: `INSERT INTO resident_code (tenant_id, person_id, code, change_id) VALUES (${TENANT}, $1, $2, $3)`,
  values: [personId, code, changeId],
});

export const insertDesignation = (code: string, designatedOn: string, isDemo: boolean): QueryConfig => ({
  text: `INSERT INTO resident_code_designation (tenant_id, code, designated_on, is_demo) VALUES (${TENANT}, $1, $2, $3)
         ON CONFLICT (tenant_id, code) DO NOTHING`,
  values: [code, designatedOn, isDemo],
});

export const designationsAfter = (afterSeq: string, limit: number): QueryConfig => ({
  text: `SELECT seq::text, code, designated_on::text FROM resident_code_designation WHERE seq > $1 ORDER BY seq LIMIT $2`,
  values: [afterSeq, limit],
});

/**
 * Gives each person without a code the next free designated code, tied to the first 異動 that
 * registered them: one statement, for the demo towns' thousands of persons.
 */
const assignMissing = (): QueryConfig => ({
  text: `WITH first_change AS (
           SELECT DISTINCT ON (person_id) person_id, change_id FROM resident_change_entry ORDER BY person_id, effective_date, seq
         ), waiting AS (
           SELECT p.person_id, f.change_id, row_number() OVER (ORDER BY p.person_id) AS n
             FROM resident_person p JOIN first_change f ON f.person_id = p.person_id
            WHERE NOT EXISTS (SELECT 1 FROM resident_code c WHERE c.tenant_id = p.tenant_id AND c.person_id = p.person_id)
         ), free AS (
           SELECT d.code, row_number() OVER (ORDER BY d.seq) AS n FROM resident_code_designation d
            WHERE NOT EXISTS (SELECT 1 FROM resident_code c WHERE c.tenant_id = d.tenant_id AND c.code = d.code)
         )
         INSERT INTO resident_code (tenant_id, person_id, code, change_id)
         SELECT ${TENANT}, w.person_id, free.code, w.change_id FROM waiting w JOIN free ON free.n = w.n`,
  values: [],
});

const insertDemoDesignations = (codes: string[], designatedOn: string): QueryConfig => ({
  text: `INSERT INTO resident_code_designation (tenant_id, code, designated_on, is_demo)
         SELECT ${TENANT}, code, $2, true FROM unnest($1::text[]) WITH ORDINALITY AS t(code, i) ORDER BY i
         ON CONFLICT (tenant_id, code) DO NOTHING`,
  values: [codes, designatedOn],
});

// Operations, in the caller's tenant transaction

/** The current 住民票コード of each person who has one. */
export async function residentCodesOf(tx: Tx, personIds: readonly string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = (await tx.query(currentCode([...personIds]))).rows as { person_id: string; code: string }[];
  return new Map(rows.map((r) => [r.person_id, r.code]));
}

/**
 * Writes a designated code on the 住民票 of a person registered by `changeId`, unless they hold
 * one already (kept for life). Returns the person's code, or null when the tenant has no
 * designation at all. The caller holds the journal lock, so two registrations never take the
 * same code (and the unique key would refuse it if they did).
 */
export async function assignResidentCode(tx: Tx, personId: string, changeId: string): Promise<string | null> {
  const held = (await residentCodesOf(tx, [personId])).get(personId);
  if (held !== undefined) return held;
  const free = (await tx.query(nextFreeCode())).rows[0] as { code: string } | undefined;
  if (free === undefined) {
    if ((await tx.query(anyDesignation())).rows[0].designated) throw residentCodeProblems.poolExhausted();
    return null;
  }
  await tx.query(insertCode(personId, free.code, changeId));
  return free.code;
}

/** Gives every person without a code one (while free codes last); returns how many got one. */
export async function assignMissingResidentCodes(tx: Tx): Promise<number> {
  return (await tx.query(assignMissing())).rowCount ?? 0;
}

/**
 * Demo codes, clearly not designated ones: flagged is_demo in the pool and all starting with
 * 00000, a 5-digit run no real designation is known to use — they only have to be distinct and
 * 11 digits. Deterministic from the seed, so a demo town seeded twice gets the same codes.
 */
export function demoResidentCodes(seed: number, count: number): string[] {
  const codes: string[] = [];
  const offset = Math.abs(seed) % 400_000;
  for (let i = 0; i < count; i++) codes.push(`00000${String((offset + i * 7) % 1_000_000).padStart(6, "0")}`);
  return [...new Set(codes)];
}

/** Fills the demo pool (once: a tenant with any designation keeps it) and assigns codes to everyone. */
export async function seedDemoResidentCodes(tx: Tx, seed: number, today: string): Promise<{ designated: number; assigned: number }> {
  let designated = 0;
  if (!(await tx.query(anyDesignation())).rows[0].designated) {
    const persons = Number((await tx.query(personCount())).rows[0].n);
    // Enough for the demo registry and a generous number of registrations made in the demo.
    designated = (await tx.query(insertDemoDesignations(demoResidentCodes(seed, persons + 2000), today))).rowCount ?? 0;
  }
  return { designated, assigned: await assignMissingResidentCodes(tx) };
}
