// 証明書交付簿 (certificate issue register): recording each issue and each void, with the audit
// entry, in the caller's tenant transaction; and reading the register back. Rows are only ever
// appended (see the migration).
import type { Tx } from "../db/database.ts";
import { appendAudit } from "../audit/audit-log.ts";
import type { FontId } from "./fonts.ts";
import type { RequesterKind } from "./requester.ts";
import type { CertificateSerial } from "./serial.ts";
import { insertIssue, insertVoid, selectIssue, selectIssues, type IssueFilter, type IssueRow } from "./queries.ts";
import { documentProblems } from "./problems.ts";

export const CERTIFICATE_ISSUED = "certificate.issued";
export const CERTIFICATE_PREVIEWED = "certificate.previewed";
export const CERTIFICATE_VOIDED = "certificate.voided";
export const CERTIFICATE_ISSUES_LISTED = "certificate.issues-listed";

export interface IssueRecord {
  /** Allocated by allocateSerial in this same transaction. */
  serial: CertificateSerial;
  kind: string;
  subject: string;
  options: Record<string, unknown>;
  purpose: string;
  requesterKind: RequesterKind;
  asOf: string;
  staffId: string;
  /** The audit actor, `staff:<id>`. */
  actor: string;
  issuedAt: Date;
  pageCount: number;
  byteCount: number;
  /** SHA-256 of the PDF's bytes as handed over: what the public verification compares. */
  sha256: string;
  font: FontId;
  /** The code printed on the certificate (verification.ts). */
  verificationCode: string;
}

/** Appends the issue and its audit entry (`certificate.issued`); returns the serial. */
export async function recordIssue(tx: Tx, r: IssueRecord): Promise<string> {
  const inserted = await tx.query(
    insertIssue({
      fiscalYear: r.serial.fiscalYear,
      number: r.serial.number,
      kind: r.kind,
      subject: r.subject,
      options: r.options,
      purpose: r.purpose,
      requesterKind: r.requesterKind,
      asOf: r.asOf,
      issuedBy: r.staffId,
      issuedAt: r.issuedAt,
      pageCount: r.pageCount,
      byteCount: r.byteCount,
      sha256: r.sha256,
      font: r.font,
      verificationCode: r.verificationCode,
    }),
  );
  const serial = inserted.rows[0].serial as string;
  await appendAudit(tx, {
    actor: r.actor,
    action: CERTIFICATE_ISSUED,
    subject: r.subject,
    purpose: r.purpose,
    detail: { serial, kind: r.kind, requesterKind: r.requesterKind, asOf: r.asOf, options: r.options, pageCount: r.pageCount, sha256: r.sha256 },
  });
  return serial;
}

export interface IssueView {
  serial: string;
  kind: string;
  subject: string;
  options: Record<string, unknown>;
  purpose: string;
  requesterKind: RequesterKind;
  asOf: string;
  issuedBy: { staffId: string; displayName: string | null };
  issuedAt: string;
  pageCount: number;
  byteCount: number;
  sha256: string;
  font: string;
  voided: { at: string; staffId: string; reason: string } | null;
}

function view(r: IssueRow): IssueView {
  return {
    serial: r.serial,
    kind: r.kind,
    subject: r.subject,
    options: r.options,
    purpose: r.purpose,
    requesterKind: r.requester_kind,
    asOf: r.as_of,
    issuedBy: { staffId: r.issued_by, displayName: r.issued_by_name },
    issuedAt: r.issued_at.toISOString(),
    pageCount: r.page_count,
    byteCount: r.byte_count,
    sha256: r.sha256,
    font: r.font,
    voided: r.voided_at ? { at: r.voided_at.toISOString(), staffId: r.voided_by!, reason: r.void_reason! } : null,
  };
}

export async function findIssue(tx: Tx, serial: CertificateSerial): Promise<IssueView | undefined> {
  const row = (await tx.query<IssueRow>(selectIssue(serial.fiscalYear, serial.number))).rows[0];
  return row && view(row);
}

export async function listIssues(tx: Tx, filter: IssueFilter): Promise<IssueView[]> {
  return (await tx.query<IssueRow>(selectIssues(filter))).rows.map(view);
}

export interface VoidRecord {
  issue: IssueView;
  serial: CertificateSerial;
  staffId: string;
  actor: string;
  reason: string;
}

/** Appends the void of an issued certificate and its audit entry; 409 when already voided. */
export async function recordVoid(tx: Tx, v: VoidRecord): Promise<Date> {
  const inserted = await tx.query(insertVoid(v.serial.fiscalYear, v.serial.number, v.staffId, v.reason));
  if (!inserted.rowCount) throw documentProblems.alreadyVoided();
  await appendAudit(tx, {
    actor: v.actor,
    action: CERTIFICATE_VOIDED,
    subject: v.issue.subject,
    purpose: v.reason,
    detail: { serial: v.serial.text, kind: v.issue.kind },
  });
  return inserted.rows[0].voided_at as Date;
}
