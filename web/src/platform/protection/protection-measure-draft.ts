// 支援措置の申出の入力 (what the 支援措置担当 types for a new measure, a change, or the requester's
// identity at the certificate counter) turned into the API's bodies: 宛名番号 typed in any width,
// dates in 和暦 or 西暦, a 相手方 by 宛名番号 or by カナ and 生年月日 (the server matches either), and
// a reason for every change, since each is audited with it.
import type { FormErrors } from "../../modules/resident/resident-form-errors.ts";
import { readDateInput } from "../../kit/wareki-date.ts";

export type MeasureKind = "dv" | "stalking" | "child-abuse" | "other";

export const MEASURE_KIND_JA: Record<MeasureKind, string> = {
  dv: "DV（配偶者からの暴力）",
  stalking: "ストーカー行為等",
  "child-abuse": "児童虐待",
  other: "その他これらに準ずる行為",
};
export const MEASURE_KINDS = Object.keys(MEASURE_KIND_JA) as MeasureKind[];

/** The same, short, for a table column. */
export const MEASURE_KIND_SHORT: Record<MeasureKind, string> = { dv: "DV", stalking: "ストーカー", "child-abuse": "児童虐待", other: "その他" };

export const REASON_MAX_LENGTH = 500;

/** One 相手方 as typed: a 宛名番号, or カナ with 生年月日, and how they relate to the applicant. */
export interface AdversaryDraft {
  addresseeNumber: string;
  nameKana: string;
  birthDate: string;
  relation: string;
}

export const EMPTY_ADVERSARY: AdversaryDraft = { addresseeNumber: "", nameKana: "", birthDate: "", relation: "" };

export interface AdversaryBody {
  addresseeNumber?: string;
  nameKana?: string;
  birthDate?: string;
  relation?: string;
}

export interface MeasureDraft {
  kind: MeasureKind;
  applicantNumber: string;
  withNumbers: string;
  acceptedOn: string;
  startsOn: string;
  endsOn: string;
  adversaries: AdversaryDraft[];
  reason: string;
}

export const EMPTY_MEASURE: MeasureDraft = {
  kind: "dv",
  applicantNumber: "",
  withNumbers: "",
  acceptedOn: "",
  startsOn: "",
  endsOn: "",
  adversaries: [],
  reason: "",
};

export interface MeasureBody {
  kind: MeasureKind;
  applicantNumber: string;
  withNumbers: string[];
  adversaries: AdversaryBody[];
  acceptedOn: string;
  startsOn?: string;
  endsOn?: string;
  reason: string;
}

export type Checked<B> = { ok: true; body: B } | { ok: false; errors: FormErrors };

/** A 宛名番号 as typed (全角 too, leading zeros optional), as the API's digits, or null. */
export function readAddresseeNumber(text: string): string | null {
  const digits = text.normalize("NFKC").trim();
  return /^[0-9]{1,15}$/.test(digits) ? digits : null;
}

/** 宛名番号 separated by commas, 読点 or spaces: the numbers, or the first one that is not a number. */
export function readNumberList(text: string): { ok: true; numbers: string[] } | { ok: false; bad: string } {
  const parts = text.normalize("NFKC").split(/[\s,、]+/).filter(Boolean);
  const numbers: string[] = [];
  for (const part of parts) {
    const n = readAddresseeNumber(part);
    if (n === null) return { ok: false, bad: part };
    numbers.push(n);
  }
  return { ok: true, numbers };
}

function readReason(text: string, errors: FormErrors): string {
  const reason = text.trim();
  if (!reason) errors.reason = "理由を入力してください（監査ログに記録されます）";
  else if (reason.length > REASON_MAX_LENGTH) errors.reason = `理由は${REASON_MAX_LENGTH}文字以内で入力してください`;
  return reason;
}

/** The 相手方 typed, each by 宛名番号 or by カナ and 生年月日; empty rows are dropped. */
export function readAdversaries(drafts: readonly AdversaryDraft[], errors: FormErrors): AdversaryBody[] {
  const bodies: AdversaryBody[] = [];
  drafts.forEach((a, i) => {
    const key = `adversaries/${i}`;
    if (!a.addresseeNumber.trim() && !a.nameKana.trim() && !a.birthDate.trim() && !a.relation.trim()) return;
    const body: AdversaryBody = {};
    if (a.addresseeNumber.trim()) {
      const n = readAddresseeNumber(a.addresseeNumber);
      if (n === null) errors[`${key}/addresseeNumber`] = "宛名番号は15桁までの数字で入力してください";
      else body.addresseeNumber = n;
    }
    const birth = readDateInput(a.birthDate, { notFuture: true });
    if (birth.kind === "error") errors[`${key}/birthDate`] = birth.message;
    if (a.nameKana.trim()) body.nameKana = a.nameKana.trim();
    if (birth.kind === "date") body.birthDate = birth.iso;
    if (!body.addresseeNumber && !(body.nameKana && body.birthDate) && !errors[`${key}/addresseeNumber`] && !errors[`${key}/birthDate`]) {
      errors[key] = "相手方は宛名番号、またはカナ氏名と生年月日で指定してください";
    }
    if (a.relation.trim()) body.relation = a.relation.trim();
    bodies.push(body);
  });
  return bodies;
}

/** The body of POST /api/protection/measures, or what is missing, keyed by field. */
export function measureBody(draft: MeasureDraft): Checked<MeasureBody> {
  const errors: FormErrors = {};
  const applicant = readAddresseeNumber(draft.applicantNumber);
  if (applicant === null) errors.applicantNumber = "申出者の宛名番号を入力してください（15桁までの数字）";
  const withNumbers = readNumberList(draft.withNumbers);
  if (!withNumbers.ok) errors.withNumbers = `宛名番号ではありません：${withNumbers.bad}`;
  const accepted = readDateInput(draft.acceptedOn, { notFuture: true });
  if (accepted.kind === "empty") errors.acceptedOn = "受付日を入力してください";
  else if (accepted.kind === "error") errors.acceptedOn = accepted.message;
  const starts = readDateInput(draft.startsOn);
  if (starts.kind === "error") errors.startsOn = starts.message;
  const ends = readDateInput(draft.endsOn);
  if (ends.kind === "error") errors.endsOn = ends.message;
  if (starts.kind === "date" && ends.kind === "date" && ends.iso < starts.iso) errors.endsOn = "終了日は開始日より後の日付にしてください";
  const adversaries = readAdversaries(draft.adversaries, errors);
  const reason = readReason(draft.reason, errors);
  if (Object.keys(errors).length || applicant === null || !withNumbers.ok || accepted.kind !== "date") return { ok: false, errors };
  return {
    ok: true,
    body: {
      kind: draft.kind,
      applicantNumber: applicant,
      withNumbers: withNumbers.numbers,
      adversaries,
      acceptedOn: accepted.iso,
      ...(starts.kind === "date" ? { startsOn: starts.iso } : {}),
      ...(ends.kind === "date" ? { endsOn: ends.iso } : {}),
      reason,
    },
  };
}

/** 延長 or 終了: a day (受付日 or 終了日) and the reason. */
export function datedChangeBody<K extends "acceptedOn" | "endedOn">(key: K, dayText: string, reasonText: string): Checked<Record<K, string> & { reason: string }> {
  const errors: FormErrors = {};
  const day = readDateInput(dayText);
  if (day.kind === "empty") errors[key] = "日付を入力してください";
  else if (day.kind === "error") errors[key] = day.message;
  const reason = readReason(reasonText, errors);
  if (Object.keys(errors).length || day.kind !== "date") return { ok: false, errors };
  return { ok: true, body: { [key]: day.iso, reason } as Record<K, string> & { reason: string } };
}

/** 請求者の本人確認 at the certificate counter: by 宛名番号, or by カナ and 生年月日, or not recorded. */
export interface RequesterDraft {
  addresseeNumber: string;
  nameKana: string;
  birthDate: string;
}

export const EMPTY_REQUESTER: RequesterDraft = { addresseeNumber: "", nameKana: "", birthDate: "" };

export function requesterBody(draft: RequesterDraft): { ok: true; body: AdversaryBody | null } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const body: AdversaryBody = {};
  if (draft.addresseeNumber.trim()) {
    const n = readAddresseeNumber(draft.addresseeNumber);
    if (n === null) errors["requester/addresseeNumber"] = "宛名番号は15桁までの数字で入力してください";
    else body.addresseeNumber = n;
  }
  if (draft.nameKana.trim()) body.nameKana = draft.nameKana.trim();
  const birth = readDateInput(draft.birthDate, { notFuture: true });
  if (birth.kind === "error") errors["requester/birthDate"] = birth.message;
  else if (birth.kind === "date") body.birthDate = birth.iso;
  if ((body.nameKana === undefined) !== (birth.kind === "empty") && !errors["requester/birthDate"]) {
    errors[body.nameKana === undefined ? "requester/nameKana" : "requester/birthDate"] = "カナ氏名と生年月日は両方入力してください";
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, body: Object.keys(body).length ? body : null };
}

/** 変更: the kind, who is protected with the applicant and the 相手方 as now typed, with the reason. */
export interface ChangeDraft {
  kind: MeasureKind;
  withNumbers: string;
  adversaries: AdversaryDraft[];
  reason: string;
}

export function changeBody(draft: ChangeDraft): Checked<{ kind: MeasureKind; withNumbers: string[]; adversaries: AdversaryBody[]; reason: string }> {
  const errors: FormErrors = {};
  const withNumbers = readNumberList(draft.withNumbers);
  if (!withNumbers.ok) errors.withNumbers = `宛名番号ではありません：${withNumbers.bad}`;
  const adversaries = readAdversaries(draft.adversaries, errors);
  const reason = readReason(draft.reason, errors);
  if (Object.keys(errors).length || !withNumbers.ok) return { ok: false, errors };
  return { ok: true, body: { kind: draft.kind, withNumbers: withNumbers.numbers, adversaries, reason } };
}

/** A measure's 相手方 as the change form starts from them. */
export function adversaryDrafts(list: readonly { addresseeNumber: string | null; nameKana: string | null; birthDate: string | null; relation: string | null }[]): AdversaryDraft[] {
  return list.map((a) => ({ addresseeNumber: a.addresseeNumber ?? "", nameKana: a.nameKana ?? "", birthDate: a.birthDate ?? "", relation: a.relation ?? "" }));
}
