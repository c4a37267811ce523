// 一時解除の申請 (asking a supervisor to release one certificate of a protected person): what the
// clerk records — who asked at the counter and why — and which release the certificate request
// carries. A release is for one subject and one certificate kind; once approved the request
// carries it, and after the issue it is kept so that another attempt is refused by the server
// (and audited) rather than silently re-asked.
import type { ReleaseView } from "./protection-api.ts";
import type { FormErrors } from "../../modules/resident/resident-form-errors.ts";
import { REASON_MAX_LENGTH } from "./protection-measure-draft.ts";

/** The server's refusal of a protected person's certificate, for the kind it was asked for. */
export interface Refusal {
  code: string;
  titleJa: string;
  kind: string;
}

export const ADVERSARY_REFUSAL = "protection.requester-is-adversary";

/** A refusal that a supervisor's release can lift (not a 相手方's request). */
export function releasable(refusal: Refusal): boolean {
  return refusal.code !== ADVERSARY_REFUSAL;
}

/** The release id to send with a request for `subjectNumber` and `kind`, or null. */
export function usableRelease(release: ReleaseView | null, subjectNumber: string, kind: string): string | null {
  if (!release || release.subjectNumber !== subjectNumber || release.certificateKind !== kind) return null;
  return release.state === "approved" || release.state === "used" ? release.releaseId : null;
}

/** A release request is shown (pending, approved) instead of the form to ask for one. */
export function awaitingOrApproved(release: ReleaseView | null, subjectNumber: string, kind: string): boolean {
  return release !== null && release.subjectNumber === subjectNumber && release.certificateKind === kind && (release.state === "requested" || release.state === "approved");
}

export const NOTE_MAX_LENGTH = 200;

export interface ReleaseDraft {
  requesterNote: string;
  reason: string;
}

export function releaseBody(
  draft: ReleaseDraft,
  fixed: { subjectNumber: string; certificateKind: string; requesterKind: string },
): { ok: true; body: ReleaseDraft & typeof fixed } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const requesterNote = draft.requesterNote.trim();
  const reason = draft.reason.trim();
  if (!requesterNote) errors.requesterNote = "請求者（誰から請求されたか）を入力してください";
  else if (requesterNote.length > NOTE_MAX_LENGTH) errors.requesterNote = `${NOTE_MAX_LENGTH}文字以内で入力してください`;
  if (!reason) errors.reason = "解除が必要な理由を入力してください";
  else if (reason.length > REASON_MAX_LENGTH) errors.reason = `${REASON_MAX_LENGTH}文字以内で入力してください`;
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, body: { ...fixed, requesterNote, reason } };
}

/**
 * The clerk's own release still waiting or approved for this person (newest first), so leaving
 * the certificate screen while the supervisor decides loses nothing.
 */
export function openReleaseFor(own: readonly ReleaseView[], subjectNumber: string): ReleaseView | null {
  return (
    [...own]
      .filter((r) => r.subjectNumber === subjectNumber && (r.state === "requested" || r.state === "approved"))
      .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))[0] ?? null
  );
}
