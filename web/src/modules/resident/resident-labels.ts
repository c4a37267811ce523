// 住民記録の表示名 (the Japanese words of the resident screens): the items of the 住民票 as the
// history names them, 性別, 消除の事由, 異動の種類, 続柄 and 請求者の区分. The codes come from the
// server; a code without a word here is shown as it is, so nothing newer is ever hidden.
import { CHANGE_KINDS, CHANGE_KIND_NAMES_JA, isExOfficio } from "../../../../src/modules/resident/change-kind.ts";
import { RELATIONSHIP_CODES, RELATIONSHIPS } from "../../../../src/modules/resident/relationship.ts";
import type { RequesterKind } from "../../../../src/platform/documents/requester.ts";
import type { ChangeKind, PersonField, Relationship } from "./resident-api.ts";

export { CHANGE_KINDS, isExOfficio };

export const SEX_JA = { male: "男", female: "女" } as const;

export const REMOVAL_REASON_JA: Record<string, string> = { "moved-out": "転出", died: "死亡", erased: "職権消除" };

export const STATUS_JA: Record<string, string> = { resident: "住民", removed: "消除" };

/** Each item of the record (src/modules/resident/person-record.ts) as the 住民票 names it. */
export const FIELD_LABELS: Record<PersonField, string> = {
  familyName: "氏",
  givenName: "名",
  familyNameKana: "氏（カナ）",
  givenNameKana: "名（カナ）",
  sex: "性別",
  birthDate: "生年月日",
  householdId: "世帯",
  relationship: "続柄",
  postalCode: "郵便番号",
  address: "住所",
  addressLine2: "方書",
  addressSinceDate: "住所を定めた日",
  becameResidentDate: "住民となった日",
  previousPostalCode: "前住所の郵便番号",
  previousAddress: "前住所",
  previousAddressLine2: "前住所の方書",
  registeredDomicile: "本籍",
  domicileHead: "筆頭者",
  status: "状態",
  removalReason: "消除の事由",
  removalDate: "消除日",
  plannedMoveOutDate: "転出予定日",
  destinationPostalCode: "転出先の郵便番号",
  destinationAddress: "転出先",
  destinationAddressLine2: "転出先の方書",
  hasMyNumber: "個人番号",
};

export function fieldLabel(field: string): string {
  return (FIELD_LABELS as Record<string, string>)[field] ?? field;
}

export function kindLabel(kind: ChangeKind): string {
  return CHANGE_KIND_NAMES_JA[kind] ?? kind;
}

export function relationshipLabel(code: Relationship): string {
  return RELATIONSHIPS[code] ?? code;
}

/** The 続柄 a clerk chooses from, 世帯主 first, in the order of the 住民票. */
export const RELATIONSHIP_OPTIONS: readonly { value: Relationship; label: string }[] = RELATIONSHIP_CODES.map((code) => ({
  value: code,
  label: RELATIONSHIPS[code],
}));

/** 請求者の区分 (住民基本台帳法 第12条, 第12条の2, 第12条の3); the server's list is requester.ts. */
export const REQUESTER_KIND_JA: Record<RequesterKind, string> = {
  self: "本人",
  "same-household": "同一世帯の者",
  agent: "代理人・使者",
  "third-party": "第三者（本人等以外の者の申出）",
  official: "職務上請求（国・地方公共団体、士業など）",
};

export const REQUESTER_KINDS = Object.keys(REQUESTER_KIND_JA) as RequesterKind[];
