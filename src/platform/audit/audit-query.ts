// The search of GET /api/audit as one statement: only the filters given become conditions
// (so each can use its index, migration 0003), values always bound, newest first. A subject of
// digits alone is a 宛名番号 and means `addressee:<15 digits>`; an actor that is a bare uuid
// means the staff account `staff:<uuid>`. Days are Japan's (Asia/Tokyo), both ends included. A
// purpose matches as stated or with its details (「証明書の交付」 finds 「証明書の交付：勤務先へ」).
import { parseAddresseeNumber, addresseeSubject } from "../addressee/addressee-number.ts";

export interface AuditFilter {
  action?: string;
  subject?: string;
  actor?: string;
  purpose?: string;
  from?: string;
  to?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A real calendar day (2026-02-30 is not). */
function isDay(text: string): boolean {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

export function subjectOf(text: string): string {
  if (/^[0-9]{1,15}$/.test(text)) {
    const number = parseAddresseeNumber(text);
    if (number) return addresseeSubject(number);
  }
  return text;
}

export function actorOf(text: string): string {
  return UUID.test(text) ? `staff:${text.toLowerCase()}` : text;
}

export function auditQuery(
  filter: AuditFilter,
  before: string | null,
  limit: number,
): { text: string; values: unknown[] } | { errors: { field: string; message: string }[] } {
  const errors: { field: string; message: string }[] = [];
  for (const key of ["from", "to"] as const) {
    const day = filter[key];
    if (day !== undefined && !isDay(day)) errors.push({ field: `querystring/${key}`, message: "not a calendar day" });
  }
  if (filter.from && filter.to && filter.from > filter.to && !errors.length) {
    errors.push({ field: "querystring/to", message: "before from" });
  }
  if (errors.length) return { errors };
  const values: unknown[] = [];
  const where: string[] = [];
  const bind = (value: unknown) => `$${values.push(value)}`;
  if (before !== null) where.push(`seq < ${bind(before)}::bigint`);
  if (filter.subject !== undefined) where.push(`subject = ${bind(subjectOf(filter.subject))}`);
  if (filter.actor !== undefined) where.push(`actor = ${bind(actorOf(filter.actor))}`);
  if (filter.action !== undefined) where.push(`action = ${bind(filter.action)}`);
  if (filter.purpose !== undefined) {
    const details = `${filter.purpose.replace(/[\\%_]/g, (c) => `\\${c}`)}：%`;
    where.push(`(purpose = ${bind(filter.purpose)} OR purpose LIKE ${bind(details)})`);
  }
  if (filter.from !== undefined) where.push(`at >= (${bind(filter.from)}::date)::timestamp AT TIME ZONE 'Asia/Tokyo'`);
  if (filter.to !== undefined) where.push(`at < (${bind(filter.to)}::date + 1)::timestamp AT TIME ZONE 'Asia/Tokyo'`);
  const text = `SELECT seq::text, at, actor, action, subject, purpose, detail, hash FROM audit_log
    ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY audit_log.seq DESC LIMIT ${bind(limit)}`;
  return { text, values };
}
