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

/**
 * Refusals no release can lift, and what the clerk does instead (住民基本台帳事務処理要領 第5-10 as
 * towns apply it): the 相手方 is refused outright; a protected person's own request is met at the
 * counter on a photo ID recorded each time, never by mail, コンビニ交付 or 広域交付, nor through an
 * agent or messenger.
 */
export const REFUSAL_ADVICE: Record<string, string> = {
  [ADVERSARY_REFUSAL]:
    "支援措置の相手方からの請求には、上長の承認があっても応じられません。請求者には「この窓口では交付できない」とだけ伝え、対象者の有無や所在は伝えないでください。",
  "protection.identity-check-required":
    "本人（同一世帯を含む）からの請求です。顔写真付きの本人確認書類を提示してもらい、写真と本人を照合して、下の「本人確認」に書類の種類を記録してください。上長の解除承認は要りません。",
  "protection.channel-refused":
    "本人からの請求でも、郵送・コンビニ交付・広域交付では交付できません。本人に、顔写真付きの本人確認書類を持って窓口へ来てもらうよう案内してください。",
  "protection.agent-refused":
    "代理人・使者からの請求には、委任状があっても応じられません（なりすまし防止）。本人が窓口で顔写真付きの本人確認書類を提示して請求するよう案内してください。",
};

/** A refusal that a supervisor's release can lift (a third party's request, the strict review). */
export function releasable(refusal: Refusal): boolean {
  return !(refusal.code in REFUSAL_ADVICE);
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
