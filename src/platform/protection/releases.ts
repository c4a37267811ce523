// 一時解除 (a supervisor's release): a clerk who has a legitimate request for a protected person's
// certificate (the person themself after 本人確認, a court, a lawyer with a case the supervisor
// has examined) records who asked and why; a supervisor other than that clerk approves or
// refuses it; the clerk then issues exactly one certificate with it, the same day. Each step
// is an appended row and an audit entry; "once" is the primary key of protection_release_use.
import crypto from "node:crypto";
import type { Tx } from "../db/database.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { addresseeSubject, formatAddresseeNumber, parseAddresseeNumber } from "../addressee/addressee-number.ts";
import { protectionProblems } from "./problems.ts";

export type ReleaseState = "requested" | "approved" | "refused" | "used" | "expired";

export interface ReleaseView {
  releaseId: string;
  subjectNumber: string;
  /** The protected person's name, for the supervisor deciding (these views go only to staff). */
  subjectName: string | null;
  requestedByName: string | null;
  decidedByName: string | null;
  certificateKind: string;
  requesterKind: string;
  requesterNote: string;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  expiresAt: string;
  state: ReleaseState;
  decision: { approved: boolean; decidedBy: string; decidedAt: string; note: string } | null;
  use: { usedBy: string; usedAt: string; serial: string } | null;
}

export interface ReleaseRequest {
  subjectNumber: string;
  certificateKind: string;
  requesterKind: string;
  requesterNote: string;
  reason: string;
}

interface ReleaseRow {
  release_id: string;
  subject_number: string;
  certificate_kind: string;
  requester_kind: string;
  requester_note: string;
  reason: string;
  requested_by: string;
  requested_at: Date;
  expires_at: Date;
  approved: boolean | null;
  decided_by: string | null;
  decided_at: Date | null;
  note: string | null;
  used_by: string | null;
  used_at: Date | null;
  serial: string | null;
  subject_name: string | null;
  requested_by_name: string | null;
  decided_by_name: string | null;
}

const SELECT_RELEASES = `
  SELECT r.release_id::text, r.subject_number::text, r.certificate_kind, r.requester_kind, r.requester_note, r.reason,
         r.requested_by, r.requested_at, r.expires_at, d.approved, d.decided_by, d.decided_at, d.note, u.used_by, u.used_at, u.serial,
         a.name AS subject_name, rs.display_name AS requested_by_name, ds.display_name AS decided_by_name
  FROM protection_release r
  LEFT JOIN protection_release_decision d USING (tenant_id, release_id)
  LEFT JOIN protection_release_use u USING (tenant_id, release_id)
  LEFT JOIN addressee a ON a.number = r.subject_number
  LEFT JOIN staff_account rs ON 'staff:' || rs.id = r.requested_by
  LEFT JOIN staff_account ds ON 'staff:' || ds.id = d.decided_by`;

function stateOf(r: ReleaseRow, now: Date): ReleaseState {
  if (r.used_at) return "used";
  if (r.approved === false) return "refused";
  if (r.expires_at <= now) return "expired";
  return r.approved ? "approved" : "requested";
}

function toView(r: ReleaseRow, now: Date): ReleaseView {
  return {
    releaseId: r.release_id,
    subjectNumber: formatAddresseeNumber(r.subject_number),
    subjectName: r.subject_name,
    requestedByName: r.requested_by_name,
    decidedByName: r.decided_by_name,
    certificateKind: r.certificate_kind,
    requesterKind: r.requester_kind,
    requesterNote: r.requester_note,
    reason: r.reason,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    state: stateOf(r, now),
    decision:
      r.approved === null
        ? null
        : { approved: r.approved, decidedBy: r.decided_by!, decidedAt: r.decided_at!.toISOString(), note: r.note! },
    use: r.used_at ? { usedBy: r.used_by!, usedAt: r.used_at.toISOString(), serial: r.serial! } : null,
  };
}

/** The end of the day in Japan: a release is for a request at today's counter. */
function endOfJapaneseDay(now: Date): Date {
  const japan = new Date(now.getTime() + 9 * 3_600_000);
  const midnight = Date.UTC(japan.getUTCFullYear(), japan.getUTCMonth(), japan.getUTCDate() + 1) - 9 * 3_600_000;
  return new Date(midnight);
}

async function load(tx: Tx, releaseId: string): Promise<ReleaseRow> {
  if (!/^[0-9a-f-]{36}$/i.test(releaseId)) throw protectionProblems.releaseNotFound();
  const row = (await tx.query<ReleaseRow>(`${SELECT_RELEASES} WHERE r.release_id = $1`, [releaseId])).rows[0];
  if (!row) throw protectionProblems.releaseNotFound();
  return row;
}

export async function requestRelease(tx: Tx, actor: string, input: ReleaseRequest, now = new Date()): Promise<ReleaseView> {
  const errors: { field: string; message: string }[] = [];
  const subject = parseAddresseeNumber(input.subjectNumber);
  if (subject === null) errors.push({ field: "body/subjectNumber", message: "must be a 宛名番号" });
  if (!input.requesterNote.trim()) errors.push({ field: "body/requesterNote", message: "say who asked" });
  if (!input.reason.trim()) errors.push({ field: "body/reason", message: "say why the request is legitimate" });
  if (errors.length || subject === null) throw protectionProblems.invalid(errors);
  const releaseId = crypto.randomUUID();
  await tx.query(
    `INSERT INTO protection_release (tenant_id, release_id, subject_number, certificate_kind, requester_kind, requester_note, reason,
       requested_by, requested_at, expires_at)
     VALUES (current_setting('kyodo.tenant_id'), $1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [releaseId, subject, input.certificateKind, input.requesterKind, input.requesterNote.trim(), input.reason.trim(), actor, now,
      endOfJapaneseDay(now)],
  );
  await appendAudit(tx, {
    actor,
    action: "protection.release-requested",
    subject: addresseeSubject(subject),
    purpose: input.reason.trim(),
    detail: { releaseId, certificateKind: input.certificateKind, requesterKind: input.requesterKind },
  });
  return toView(await load(tx, releaseId), now);
}

/** 承認 or 却下 by a supervisor (`protection:admin`) who is not the clerk who asked. */
export async function decideRelease(
  tx: Tx,
  actor: string,
  releaseId: string,
  input: { approved: boolean; note: string },
  now = new Date(),
): Promise<ReleaseView> {
  const row = await load(tx, releaseId);
  if (row.requested_by === actor) throw protectionProblems.ownRelease();
  if (row.approved !== null) throw protectionProblems.alreadyDecided();
  if (row.expires_at <= now) throw protectionProblems.releaseNotUsable("expired");
  if (!input.note.trim()) throw protectionProblems.invalid([{ field: "body/note", message: "must not be empty" }]);
  try {
    await tx.query(
      `INSERT INTO protection_release_decision (tenant_id, release_id, approved, decided_by, decided_at, note)
       VALUES (current_setting('kyodo.tenant_id'), $1, $2, $3, $4, $5)`,
      [releaseId, input.approved, actor, now, input.note.trim()],
    );
  } catch (error) {
    if ((error as { code?: string }).code === "23505") throw protectionProblems.alreadyDecided();
    throw error;
  }
  await appendAudit(tx, {
    actor,
    action: input.approved ? "protection.release-approved" : "protection.release-refused",
    subject: addresseeSubject(row.subject_number),
    purpose: input.note.trim(),
    detail: { releaseId, certificateKind: row.certificate_kind, requestedBy: row.requested_by },
  });
  return toView(await load(tx, releaseId), now);
}

export interface UsableRelease {
  releaseId: string;
  subjectNumber: string;
}

/** A release that may be used now for this subject and kind by this clerk, or why not. */
export async function releaseForUse(
  tx: Tx,
  releaseId: string,
  wanted: { subjectNumber: string | null; certificateKind: string; actor: string },
  now = new Date(),
): Promise<UsableRelease | { refused: string }> {
  if (!/^[0-9a-f-]{36}$/i.test(releaseId)) return { refused: "unknown release" };
  const row = (await tx.query<ReleaseRow>(`${SELECT_RELEASES} WHERE r.release_id = $1`, [releaseId])).rows[0];
  if (!row) return { refused: "unknown release" };
  const state = stateOf(row, now);
  if (state !== "approved") return { refused: `the release is ${state}` };
  const subject = wanted.subjectNumber === null ? null : parseAddresseeNumber(wanted.subjectNumber);
  if (subject !== row.subject_number) return { refused: "the release is for another subject" };
  if (row.certificate_kind !== wanted.certificateKind) return { refused: "the release is for another certificate kind" };
  if (row.requested_by !== wanted.actor) return { refused: "the release was asked for by another clerk" };
  return { releaseId: row.release_id, subjectNumber: formatAddresseeNumber(row.subject_number) };
}

/** Records the one use, in the issuing transaction; a second use fails on the primary key. */
export async function recordReleaseUse(tx: Tx, release: UsableRelease, actor: string, serial: string): Promise<void> {
  try {
    await tx.query(
      `INSERT INTO protection_release_use (tenant_id, release_id, used_by, serial)
       VALUES (current_setting('kyodo.tenant_id'), $1, $2, $3)`,
      [release.releaseId, actor, serial],
    );
  } catch (error) {
    if ((error as { code?: string }).code === "23505") throw protectionProblems.releaseUsed();
    throw error;
  }
  await appendAudit(tx, {
    actor,
    action: "protection.release-used",
    subject: addresseeSubject(release.subjectNumber),
    detail: { releaseId: release.releaseId, serial },
  });
}

export async function listReleases(tx: Tx, filter: { state?: ReleaseState }, now = new Date()): Promise<ReleaseView[]> {
  const rows = await tx.query<ReleaseRow>(`${SELECT_RELEASES} WHERE r.requested_at > now() - interval '30 days' ORDER BY r.requested_at DESC LIMIT 200`);
  const views = rows.rows.map((r) => toView(r, now));
  return filter.state ? views.filter((v) => v.state === filter.state) : views;
}

export async function getRelease(tx: Tx, releaseId: string, now = new Date()): Promise<ReleaseView> {
  return toView(await load(tx, releaseId), now);
}
