// 監査ログの検索条件: the screen's filter form as GET /api/audit (and its CSV export) take it —
// days, the member of staff, the person (宛名番号), the action and the purpose. Only what was
// filled in becomes a condition; a 宛名番号 is typed with or without hyphens and full-width digits.
export interface AuditFilterDraft {
  from: string;
  to: string;
  actor: string;
  subject: string;
  action: string;
  purpose: string;
}

export const EMPTY_AUDIT_FILTER: AuditFilterDraft = { from: "", to: "", actor: "", subject: "", action: "", purpose: "" };

export type AuditFilterCheck = { ok: true; query: string } | { ok: false; errors: Partial<Record<keyof AuditFilterDraft, string>> };

const toHalfWidth = (text: string) => text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** The query string of the filter (without `?`), or what is wrong with it, field by field. */
export function auditFilterQuery(draft: AuditFilterDraft): AuditFilterCheck {
  const errors: Partial<Record<keyof AuditFilterDraft, string>> = {};
  const params = new URLSearchParams();
  if (draft.from) params.set("from", draft.from);
  if (draft.to) params.set("to", draft.to);
  if (draft.from && draft.to && draft.from > draft.to) errors.to = "終わりの日は始めの日より後にしてください";
  if (draft.actor) params.set("actor", draft.actor);
  const subject = toHalfWidth(draft.subject.trim()).replace(/[-‐－\s]/g, "");
  if (subject) {
    if (/^[0-9]{1,15}$/.test(subject)) params.set("subject", subject);
    else errors.subject = "宛名番号は15桁までの数字で入力してください";
  }
  if (draft.action) params.set("action", draft.action);
  const purpose = draft.purpose.trim();
  if (purpose) {
    if (purpose.length > 100) errors.purpose = "利用目的は100文字以内で入力してください";
    else params.set("purpose", purpose);
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, query: params.toString() };
}
