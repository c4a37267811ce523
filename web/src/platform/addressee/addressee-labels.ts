// 宛名の表示: Japanese words for the codes the addressee API uses — kind, sex, why a 住登外者 is
// known (把握事由), the kinds of change in the history, the fields a change touched, the
// businesses a 送付先 is for. A code without a word is shown as it is, so a newer one is never
// hidden.
import type { AddresseeKind, KnownAs, ResidenceEndReason, Sex } from "../../../../src/platform/addressee/addressee.ts";
import type { ChangeKind } from "../../../../src/platform/addressee/history.ts";
import type { DuplicateMatch } from "../../../../src/platform/addressee/duplicates.ts";
import { moduleNameJa } from "../identity/role-names.ts";

export const KIND_LABELS: Record<AddresseeKind, string> = { person: "個人", organisation: "法人・団体" };

export const SEX_LABELS: Record<Sex, string> = { male: "男", female: "女" };

/** 把握事由: in the order a clerk meets them most. */
export const KNOWN_AS_LABELS: Record<KnownAs, string> = {
  landowner: "固定資産の所有者",
  taxpayer: "課税対象（法人住民税・軽自動車税など）",
  "former-resident": "旧住民（転出者など）",
  benefit: "給付・手当の対象",
  guardian: "後見人・保護者",
  "tax-administrator": "納税管理人",
  creditor: "債権者・支払先",
  other: "その他",
};

export const END_REASON_LABELS: Record<ResidenceEndReason, string> = { "moved-out": "転出", died: "死亡" };

export const CHANGE_LABELS: Record<ChangeKind, string> = {
  registered: "登録",
  imported: "取込",
  corrected: "訂正・変更",
  "resident-linked": "住民記録との連携",
  "resident-changed": "住民記録による変更",
  "resident-removed": "住民でなくなった（転出・死亡）",
  merged: "名寄せ（統合された）",
  "merge-survived": "名寄せ（統合先）",
  "merge-undone": "名寄せの取消",
  "mailing-added": "送付先の登録",
  "mailing-changed": "送付先の変更",
  "mailing-withdrawn": "送付先の取消",
};

const FIELD_LABELS: Record<string, string> = {
  kind: "種別",
  name: "氏名・名称",
  nameKana: "カナ",
  birthDate: "生年月日",
  sex: "性別",
  corporateNumber: "法人番号",
  postalCode: "郵便番号",
  address: "住所",
  addressLine2: "方書",
  knownAs: "把握事由",
  knownAsNote: "把握事由の補足",
  residentSince: "住民となった日",
  residentUntil: "住民でなくなった日",
  residentEndReason: "住民でなくなった事由",
  mergedInto: "統合先",
  mailing: "送付先",
};

export const MATCH_LABELS: Record<DuplicateMatch, string> = {
  "kana-and-birth-date": "カナ氏名と生年月日が一致",
  "corporate-number": "法人番号が一致",
};

/** The businesses a 送付先 can be for: every business, then the modules by their Japanese names. */
export const ALL_BUSINESSES = "*";
const MAILING_BUSINESS_IDS = ["tax", "nhi", "pension", "care", "elderly-medical", "child-allowance", "school", "election", "seal"];

export function labelOf<K extends string>(labels: Record<K, string>, code: K | null | undefined): string {
  if (code === null || code === undefined) return "―";
  return labels[code] ?? code;
}

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

export function businessLabel(business: string): string {
  return business === ALL_BUSINESSES ? "すべての業務" : moduleNameJa(business);
}

export function mailingBusinessOptions(): { value: string; label: string }[] {
  return [...MAILING_BUSINESS_IDS.map((id) => ({ value: id, label: businessLabel(id) })), { value: ALL_BUSINESSES, label: businessLabel(ALL_BUSINESSES) }];
}
