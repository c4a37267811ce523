// The SQL of the documents area, one named statement each, returning { text, values } for the
// caller to run; values are always bound. Every statement runs in a tenant transaction: rows
// are written with the transaction's tenant and row-level security keeps every read inside it.
import type { QueryConfig } from "pg";
import type { RequesterKind } from "./requester.ts";

const TENANT = "current_setting('kyodo.tenant_id', true)";

/** Serialises serial allocation per tenant until the transaction ends. */
export const lockSerials = (): QueryConfig => ({
  text: `SELECT pg_advisory_xact_lock(hashtextextended('certificate-serial:' || ${TENANT}, 0))`,
  values: [],
});

export const nextSerialNumber = (fiscalYear: number): QueryConfig => ({
  text: "SELECT coalesce(max(number), 0) + 1 AS number FROM certificate_issue WHERE fiscal_year = $1",
  values: [fiscalYear],
});

export interface IssueInsert {
  fiscalYear: number;
  number: number;
  kind: string;
  subject: string;
  options: Record<string, unknown>;
  purpose: string;
  requesterKind: RequesterKind;
  asOf: string;
  issuedBy: string;
  issuedAt: Date;
  pageCount: number;
  byteCount: number;
  sha256: string;
  font: string;
  verificationCode: string;
}

export const insertIssue = (i: IssueInsert): QueryConfig => ({
  text: `INSERT INTO certificate_issue (tenant_id, fiscal_year, number, kind, subject, options, purpose, requester_kind,
           as_of, issued_by, issued_at, page_count, byte_count, sha256, font, verification_code)
         VALUES (${TENANT}, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
         RETURNING serial`,
  values: [
    i.fiscalYear, i.number, i.kind, i.subject, i.options, i.purpose, i.requesterKind, i.asOf, i.issuedBy, i.issuedAt,
    i.pageCount, i.byteCount, i.sha256, i.font, i.verificationCode,
  ],
});

export const insertVoid = (fiscalYear: number, number: number, voidedBy: string, reason: string): QueryConfig => ({
  text: `INSERT INTO certificate_void (tenant_id, fiscal_year, number, voided_by, reason)
         VALUES (${TENANT}, $1, $2, $3, $4)
         ON CONFLICT DO NOTHING
         RETURNING voided_at`,
  values: [fiscalYear, number, voidedBy, reason],
});

export interface IssueRow {
  serial: string;
  kind: string;
  subject: string;
  options: Record<string, unknown>;
  purpose: string;
  requester_kind: RequesterKind;
  as_of: string;
  issued_by: string;
  issued_by_name: string | null;
  issued_at: Date;
  page_count: number;
  byte_count: number;
  sha256: string;
  font: string;
  voided_at: Date | null;
  voided_by: string | null;
  void_reason: string | null;
}

const ISSUE_SELECT = `SELECT i.serial, i.kind, i.subject, i.options, i.purpose, i.requester_kind, i.as_of::text AS as_of,
    i.issued_by, s.display_name AS issued_by_name, i.issued_at, i.page_count, i.byte_count, i.sha256, i.font,
    v.voided_at, v.voided_by, v.reason AS void_reason
  FROM certificate_issue i
  LEFT JOIN certificate_void v USING (tenant_id, fiscal_year, number)
  LEFT JOIN staff_account s ON s.tenant_id = i.tenant_id AND s.id = i.issued_by`;

export const selectIssue = (fiscalYear: number, number: number): QueryConfig => ({
  text: `${ISSUE_SELECT} WHERE i.fiscal_year = $1 AND i.number = $2`,
  values: [fiscalYear, number],
});

export interface IssueFilter {
  subject: string | null;
  /** Issue dates in Japan, inclusive (YYYY-MM-DD). */
  from: string | null;
  to: string | null;
  /** The kinds the reader may see; null for all. */
  kinds: string[] | null;
  limit: number;
}

/** The register, newest first; dates are days in Japan (Asia/Tokyo), whatever the server's zone. */
export const selectIssues = (f: IssueFilter): QueryConfig => ({
  text: `${ISSUE_SELECT}
         WHERE ($1::text IS NULL OR i.subject = $1)
           AND ($2::date IS NULL OR i.issued_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Tokyo')
           AND ($3::date IS NULL OR i.issued_at < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Tokyo')
           AND ($4::text[] IS NULL OR i.kind = ANY($4))
         ORDER BY i.issued_at DESC, i.fiscal_year DESC, i.number DESC
         LIMIT $5`,
  values: [f.subject, f.from, f.to, f.kinds, f.limit],
});
