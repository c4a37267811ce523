// 支援措置 (DV等支援措置) records: who is protected, of what kind, for which period, against whom
// (相手方) and for which businesses. Every change appends a version (created, renewed, changed,
// ended) with who, when and why, and an audit entry; nothing is updated in place. Only the
// dedicated role (`protection:write`, 支援措置担当) reaches these functions (routes.ts).
import crypto from "node:crypto";
import type { Tx } from "../db/database.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { addresseeSubject, formatAddresseeNumber, parseAddresseeNumber } from "../addressee/addressee-number.ts";
import { isIsoDate } from "../../lib/wareki.ts";
import { normalizeKana } from "../../lib/kana.ts";
import { dayAfter, periodEnd, renewalOpensOn } from "./period.ts";
import { protectionProblems } from "./problems.ts";

export const MEASURE_KINDS = ["dv", "stalking", "child-abuse", "other"] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];
export const MEASURE_KIND_JA: Record<MeasureKind, string> = {
  dv: "配偶者からの暴力（DV）",
  stalking: "ストーカー行為等",
  "child-abuse": "児童虐待",
  other: "その他これらに準ずる行為",
};

/** 相手方: by 宛名番号 when the person is known to the municipality, else by カナ and birth date. */
export interface Adversary {
  addresseeNumber: string | null;
  nameKana: string | null;
  birthDate: string | null;
  /** 続柄 to the victim as told (元配偶者 …); free text for the clerk, never logged. */
  relation: string | null;
}

export type MeasureStatus = "scheduled" | "active" | "expired" | "ended";

export interface MeasureView {
  measureId: string;
  version: number;
  change: "created" | "renewed" | "changed" | "ended";
  kind: MeasureKind;
  applicantNumber: string;
  protectedNumbers: string[];
  adversaries: Adversary[];
  businesses: string[] | null;
  acceptedOn: string;
  startsOn: string;
  endsOn: string;
  endedOn: string | null;
  status: MeasureStatus;
  renewalOpensOn: string;
  reason: string;
  recordedBy: string;
  recordedAt: string;
}

/** 相手方 as given in a request: any field may be missing; checkAdversaries says what is needed. */
export type AdversaryInput = { [K in keyof Adversary]?: Adversary[K] | undefined };

export interface NewMeasure {
  kind: MeasureKind;
  applicantNumber: string;
  /** Household members protected with the applicant (the applicant is always protected). */
  withNumbers?: string[];
  adversaries?: AdversaryInput[];
  businesses?: string[] | null;
  acceptedOn: string;
  startsOn?: string;
  endsOn?: string;
  reason: string;
}

export interface MeasureChange {
  kind?: MeasureKind;
  withNumbers?: string[];
  adversaries?: AdversaryInput[];
  businesses?: string[] | null;
  reason: string;
}

interface VersionRow {
  measure_id: string;
  version: number;
  change: MeasureView["change"];
  kind: MeasureKind;
  applicant_number: string;
  protected_numbers: string[];
  adversaries: Adversary[];
  businesses: string[] | null;
  accepted_on: string;
  starts_on: string;
  ends_on: string;
  ended_on: string | null;
  reason: string;
  recorded_by: string;
  recorded_at: Date;
}

const VERSION_COLUMNS = `measure_id::text, version, change, kind, applicant_number::text, protected_numbers::text[],
  adversaries, businesses, accepted_on::text, starts_on::text, ends_on::text, ended_on::text, reason, recorded_by, recorded_at`;

export function statusOn(m: Pick<VersionRow, "starts_on" | "ends_on" | "ended_on">, date: string): MeasureStatus {
  if (m.ended_on !== null && m.ended_on <= date) return "ended";
  if (date < m.starts_on) return "scheduled";
  return date <= m.ends_on ? "active" : "expired";
}

function toView(r: VersionRow, today: string): MeasureView {
  return {
    measureId: r.measure_id,
    version: r.version,
    change: r.change,
    kind: r.kind,
    applicantNumber: formatAddresseeNumber(r.applicant_number),
    protectedNumbers: r.protected_numbers.map(formatAddresseeNumber),
    adversaries: r.adversaries,
    businesses: r.businesses,
    acceptedOn: r.accepted_on,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    endedOn: r.ended_on,
    status: statusOn(r, today),
    renewalOpensOn: renewalOpensOn(r.ends_on),
    reason: r.reason,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at.toISOString(),
  };
}

type FieldErrors = { field: string; message: string }[];

/** 宛名番号 given as digits → stored integers; each must be a person in the register. */
async function personNumbers(tx: Tx, given: readonly string[], field: string, errors: FieldErrors): Promise<string[]> {
  const parsed: string[] = [];
  given.forEach((text, i) => {
    const n = parseAddresseeNumber(text);
    if (n === null) errors.push({ field: `${field}/${i}`, message: "must be a 宛名番号" });
    else parsed.push(n);
  });
  if (parsed.length === 0) return parsed;
  const found = await tx.query<{ number: string }>(
    "SELECT number::text FROM addressee WHERE number = ANY($1::bigint[]) AND kind = 'person'",
    [parsed],
  );
  const known = new Set(found.rows.map((r) => r.number));
  given.forEach((text, i) => {
    const n = parseAddresseeNumber(text);
    if (n !== null && !known.has(n)) errors.push({ field: `${field}/${i}`, message: "no such person in the addressee register" });
  });
  return [...new Set(parsed)];
}

async function checkAdversaries(tx: Tx, given: readonly AdversaryInput[], errors: FieldErrors): Promise<Adversary[]> {
  const checked: Adversary[] = [];
  for (const [i, a] of given.entries()) {
    const field = `body/adversaries/${i}`;
    let addresseeNumber: string | null = null;
    if (a.addresseeNumber) {
      const [n] = await personNumbers(tx, [a.addresseeNumber], `${field}/addresseeNumber`, errors);
      addresseeNumber = n ? formatAddresseeNumber(n) : null;
    }
    const nameKana = a.nameKana?.trim() ? a.nameKana.trim() : null;
    if (a.birthDate && !isIsoDate(a.birthDate)) errors.push({ field: `${field}/birthDate`, message: "must be an existing date YYYY-MM-DD" });
    if (!a.addresseeNumber && !(nameKana && a.birthDate)) {
      errors.push({ field, message: "name the person by 宛名番号, or by カナ and birth date" });
    }
    checked.push({ addresseeNumber, nameKana, birthDate: a.birthDate ?? null, relation: a.relation?.trim() || null });
  }
  return checked;
}

/** The key a requester is matched on when not known by 宛名番号: normalised カナ + birth date. */
export function adversaryKey(nameKana: string, birthDate: string): string {
  return `${normalizeKana(nameKana)}|${birthDate}`;
}

function checkDate(value: string | undefined, field: string, errors: FieldErrors): void {
  if (value !== undefined && !isIsoDate(value)) errors.push({ field, message: "must be an existing date YYYY-MM-DD" });
}

async function insertVersion(tx: Tx, measureId: string, version: number, v: Omit<VersionRow, "measure_id" | "version" | "recorded_at">) {
  try {
    const row = await tx.query<VersionRow>(
      `INSERT INTO protection_measure_version (tenant_id, measure_id, version, change, kind, applicant_number, protected_numbers,
         adversaries, businesses, accepted_on, starts_on, ends_on, ended_on, reason, recorded_by)
       VALUES (current_setting('kyodo.tenant_id'), $1, $2, $3, $4, $5, $6::bigint[], $7, $8, $9, $10, $11, $12, $13, $14)
       RETURNING ${VERSION_COLUMNS}`,
      [measureId, version, v.change, v.kind, v.applicant_number, v.protected_numbers, JSON.stringify(v.adversaries), v.businesses,
        v.accepted_on, v.starts_on, v.ends_on, v.ended_on, v.reason, v.recorded_by],
    );
    return row.rows[0]!;
  } catch (error) {
    if ((error as { code?: string }).code === "23505") throw protectionProblems.concurrentChange();
    throw error;
  }
}

async function audit(tx: Tx, actor: string, action: string, r: VersionRow, extra: Record<string, unknown> = {}) {
  await appendAudit(tx, {
    actor,
    action,
    subject: addresseeSubject(r.applicant_number),
    purpose: r.reason,
    detail: { measureId: r.measure_id, version: r.version, kind: r.kind, protectedCount: r.protected_numbers.length, ...extra },
  });
}

export async function createMeasure(tx: Tx, actor: string, input: NewMeasure, today: string): Promise<MeasureView> {
  const errors: FieldErrors = [];
  if (!MEASURE_KINDS.includes(input.kind)) errors.push({ field: "body/kind", message: "unknown kind" });
  checkDate(input.acceptedOn, "body/acceptedOn", errors);
  checkDate(input.startsOn, "body/startsOn", errors);
  checkDate(input.endsOn, "body/endsOn", errors);
  const reason = input.reason.trim();
  if (!reason) errors.push({ field: "body/reason", message: "must not be empty" });
  const [applicant] = await personNumbers(tx, [input.applicantNumber], "body/applicantNumber", errors);
  const withNumbers = await personNumbers(tx, input.withNumbers ?? [], "body/withNumbers", errors);
  const adversaries = await checkAdversaries(tx, input.adversaries ?? [], errors);
  let startsOn = "";
  let endsOn = "";
  if (!errors.some((e) => /acceptedOn|startsOn|endsOn/.test(e.field))) {
    startsOn = input.startsOn ?? input.acceptedOn;
    if (startsOn < input.acceptedOn) errors.push({ field: "body/startsOn", message: "must not be before the day the application was accepted" });
    if (input.acceptedOn > today) errors.push({ field: "body/acceptedOn", message: "must not be in the future" });
    // 受付日から起算して1年: the longest first period; a shorter one may be set.
    const longest = periodEnd(startsOn);
    endsOn = input.endsOn ?? longest;
    if (endsOn < startsOn) errors.push({ field: "body/endsOn", message: "must not be before the start" });
    if (endsOn > longest) errors.push({ field: "body/endsOn", message: `a period is at most one year (until ${longest})` });
  }
  if (errors.length || !applicant) throw protectionProblems.invalid(errors);
  const measureId = crypto.randomUUID();
  await tx.query(
    "INSERT INTO protection_measure (tenant_id, measure_id, created_by) VALUES (current_setting('kyodo.tenant_id'), $1, $2)",
    [measureId, actor],
  );
  const row = await insertVersion(tx, measureId, 1, {
    change: "created",
    kind: input.kind,
    applicant_number: applicant,
    protected_numbers: [applicant, ...withNumbers.filter((n) => n !== applicant)],
    adversaries,
    businesses: input.businesses?.length ? [...new Set(input.businesses)] : null,
    accepted_on: input.acceptedOn,
    starts_on: startsOn,
    ends_on: endsOn,
    ended_on: null,
    reason,
    recorded_by: actor,
  });
  await audit(tx, actor, "protection.measure-created", row, { startsOn, endsOn });
  return toView(row, today);
}

async function latest(tx: Tx, measureId: string): Promise<VersionRow> {
  if (!/^[0-9a-f-]{36}$/i.test(measureId)) throw protectionProblems.measureNotFound();
  const row = await tx.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM protection_measure_version WHERE measure_id = $1 ORDER BY version DESC LIMIT 1`,
    [measureId],
  );
  if (!row.rows[0]) throw protectionProblems.measureNotFound();
  return row.rows[0];
}

/** 延長: another year from the day after the current end, applied for from one month before it. */
export async function renewMeasure(
  tx: Tx,
  actor: string,
  measureId: string,
  input: { acceptedOn: string; reason: string },
  today: string,
): Promise<MeasureView> {
  const current = await latest(tx, measureId);
  const errors: FieldErrors = [];
  checkDate(input.acceptedOn, "body/acceptedOn", errors);
  if (!input.reason.trim()) errors.push({ field: "body/reason", message: "must not be empty" });
  if (errors.length) throw protectionProblems.invalid(errors);
  if (current.ended_on !== null) throw protectionProblems.alreadyEnded();
  if (input.acceptedOn > current.ends_on) throw protectionProblems.renewalTooLate();
  const opens = renewalOpensOn(current.ends_on);
  if (input.acceptedOn < opens) throw protectionProblems.renewalNotOpen(opens);
  // The new year runs from the day after the current end; the measure keeps its first day, so
  // it protects without a gap from the start to the new end.
  const renewalStarts = dayAfter(current.ends_on);
  const row = await insertVersion(tx, measureId, current.version + 1, {
    ...current,
    change: "renewed",
    accepted_on: input.acceptedOn,
    ends_on: periodEnd(renewalStarts),
    reason: input.reason.trim(),
    recorded_by: actor,
  });
  await audit(tx, actor, "protection.measure-renewed", row, { renewalStarts, endsOn: row.ends_on });
  return toView(row, today);
}

/** Changes who is protected, the 相手方, the kind or the businesses; the period stays. */
export async function changeMeasure(tx: Tx, actor: string, measureId: string, input: MeasureChange, today: string): Promise<MeasureView> {
  const current = await latest(tx, measureId);
  if (current.ended_on !== null) throw protectionProblems.alreadyEnded();
  const errors: FieldErrors = [];
  if (input.kind !== undefined && !MEASURE_KINDS.includes(input.kind)) errors.push({ field: "body/kind", message: "unknown kind" });
  if (!input.reason.trim()) errors.push({ field: "body/reason", message: "must not be empty" });
  const withNumbers = input.withNumbers ? await personNumbers(tx, input.withNumbers, "body/withNumbers", errors) : null;
  const adversaries = input.adversaries ? await checkAdversaries(tx, input.adversaries, errors) : null;
  if (errors.length) throw protectionProblems.invalid(errors);
  const applicant = current.applicant_number;
  const row = await insertVersion(tx, measureId, current.version + 1, {
    ...current,
    change: "changed",
    kind: input.kind ?? current.kind,
    protected_numbers: withNumbers ? [applicant, ...withNumbers.filter((n) => n !== applicant)] : current.protected_numbers,
    adversaries: adversaries ?? current.adversaries,
    businesses: input.businesses === undefined ? current.businesses : input.businesses?.length ? [...new Set(input.businesses)] : null,
    reason: input.reason.trim(),
    recorded_by: actor,
  });
  await audit(tx, actor, "protection.measure-changed", row);
  return toView(row, today);
}

/** 終了: the measure stops protecting from `endedOn` (the day of the request, or a later day). */
export async function endMeasure(
  tx: Tx,
  actor: string,
  measureId: string,
  input: { endedOn: string; reason: string },
  today: string,
): Promise<MeasureView> {
  const current = await latest(tx, measureId);
  if (current.ended_on !== null) throw protectionProblems.alreadyEnded();
  const errors: FieldErrors = [];
  checkDate(input.endedOn, "body/endedOn", errors);
  if (!errors.length && input.endedOn < today) errors.push({ field: "body/endedOn", message: "must not be in the past" });
  if (!input.reason.trim()) errors.push({ field: "body/reason", message: "must not be empty" });
  if (errors.length) throw protectionProblems.invalid(errors);
  const row = await insertVersion(tx, measureId, current.version + 1, {
    ...current,
    change: "ended",
    ended_on: input.endedOn,
    reason: input.reason.trim(),
    recorded_by: actor,
  });
  await audit(tx, actor, "protection.measure-ended", row, { endedOn: input.endedOn });
  return toView(row, today);
}

export async function getMeasure(tx: Tx, measureId: string, today: string): Promise<{ current: MeasureView; versions: MeasureView[] }> {
  if (!/^[0-9a-f-]{36}$/i.test(measureId)) throw protectionProblems.measureNotFound();
  const rows = await tx.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM protection_measure_version WHERE measure_id = $1 ORDER BY version DESC`,
    [measureId],
  );
  if (!rows.rows[0]) throw protectionProblems.measureNotFound();
  const versions = rows.rows.map((r) => toView(r, today));
  return { current: versions[0]!, versions };
}

export interface MeasureFilter {
  /** Active today, or ending within `expiringWithinDays`, or every measure. */
  status?: "active" | "all";
  expiringWithinDays?: number;
  /** Only measures protecting this 宛名番号. */
  addresseeNumber?: string;
}

export async function listMeasures(tx: Tx, filter: MeasureFilter, today: string): Promise<MeasureView[]> {
  const number = filter.addresseeNumber ? parseAddresseeNumber(filter.addresseeNumber) : null;
  if (filter.addresseeNumber && number === null) throw protectionProblems.invalid([{ field: "querystring/addresseeNumber", message: "must be a 宛名番号" }]);
  const rows = await tx.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM protection_measure_current
     WHERE ($1::bigint IS NULL OR protected_numbers @> ARRAY[$1::bigint])
     ORDER BY ends_on, measure_id`,
    [number],
  );
  let views = rows.rows.map((r) => toView(r, today));
  if (filter.status !== "all") views = views.filter((v) => v.status === "active" || v.status === "scheduled");
  if (filter.expiringWithinDays !== undefined) {
    const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + filter.expiringWithinDays * 86_400_000).toISOString().slice(0, 10);
    views = views.filter((v) => v.status === "active" && v.endsOn <= horizon);
  }
  return views;
}
