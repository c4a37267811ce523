// 証明書の請求内容 (what the counter asks the certificates API for): the kind — 住民票の写し,
// 住民票記載事項証明書, 転出証明書 — with its options, the 請求者の区分, the 利用目的 the requester
// stated and, when asked, the day the facts are stated as of. Items printed only on request each
// need a role (住民基本台帳法 第12条第5項; certificates/item-permissions.ts): 世帯主・続柄, 本籍・筆頭者
// and 前住所 need 証明, the 個人番号 needs 管理 — without it the option is offered disabled, with why.
// The request carries its 請求の方法 (窓口・郵送; コンビニ交付 and 広域交付 reach the API from other
// systems) and, at the counter, the 本人確認 made: the kind of photo ID seen, from a fixed list, and
// that it was checked — never its number or anything read from it. Under 支援措置 the server meets
// a protected person's own request only at the counter on such a check (住民基本台帳事務処理要領
// 第5-10; src/platform/protection/check.ts).
import type { Static } from "@sinclair/typebox";
import type { EntryItem } from "../../../../src/modules/resident/certificates/entry-certificate.ts";
import type { MoveOutCertificateOptions } from "../../../../src/modules/resident/certificates/move-out-certificate.ts";
import type { ResidenceCopyOptions } from "../../../../src/modules/resident/certificates/residence-copy.ts";
import type { IdentityDocument, RequestChannel, RequesterKind } from "../../../../src/platform/documents/requester.ts";
import type { FormErrors } from "./resident-form-errors.ts";
import { readDateInput } from "../../kit/wareki-date.ts";

export const RESIDENCE_COPY = "resident.juminhyo" as const;
export const ENTRY_CERTIFICATE = "resident.kisai-jiko" as const;
export const MOVE_OUT_CERTIFICATE = "resident.tenshutsu" as const;

export type ResidentCertificateKind = typeof RESIDENCE_COPY | typeof ENTRY_CERTIFICATE | typeof MOVE_OUT_CERTIFICATE;
export const CERTIFICATE_KINDS: readonly ResidentCertificateKind[] = [RESIDENCE_COPY, ENTRY_CERTIFICATE, MOVE_OUT_CERTIFICATE];

export type ResidenceCopyChoice = Static<typeof ResidenceCopyOptions>;
export type MoveOutChoice = Static<typeof MoveOutCertificateOptions>;

/** The items of a 記載事項証明書, in the order of 第7条 (the order they print in). */
export const ENTRY_ITEM_LABELS: Record<EntryItem, string> = {
  nameKana: "フリガナ",
  birthDate: "生年月日",
  sex: "性別",
  headOfHousehold: "世帯主・続柄",
  domicile: "本籍・筆頭者",
  becameResidentDate: "住民となった年月日",
  address: "住所",
  addressSinceDate: "住所を定めた年月日と届出",
  previousAddress: "前住所",
  myNumber: "個人番号",
  residentCode: "住民票コード",
};

export const ENTRY_ITEMS = Object.keys(ENTRY_ITEM_LABELS) as EntryItem[];

/** The items and options that need 管理 (resident:admin) rather than 証明. */
export const NEEDS_ADMIN = new Set<string>(["showMyNumber", "myNumber"]);

export const MY_NUMBER_EXPLANATION = "個人番号の記載には住民記録の「管理」権限が必要です（番号法により記載は監査ログに記録されます）";

/** 請求の方法 as the counter's screen offers them (the API also takes コンビニ交付 and 広域交付). */
export const CHANNEL_LABELS: Record<RequestChannel, string> = {
  counter: "窓口",
  mail: "郵送",
  "convenience-store": "コンビニ交付",
  "wide-area": "広域交付",
};
export const COUNTER_CHANNELS: readonly RequestChannel[] = ["counter", "mail"];

/** 顔写真付きの本人確認書類, as src/platform/documents/requester.ts lists them. */
export const IDENTITY_DOCUMENT_LABELS: Record<IdentityDocument, string> = {
  "driver-license": "運転免許証",
  "my-number-card": "マイナンバーカード（個人番号カード）",
  passport: "旅券（パスポート）",
  "residence-card": "在留カード",
  "special-permanent-resident-certificate": "特別永住者証明書",
  "driving-history-certificate": "運転経歴証明書",
  "disability-certificate-with-photo": "身体障害者手帳等（写真付き）",
};
export const IDENTITY_DOCUMENTS = Object.keys(IDENTITY_DOCUMENT_LABELS) as IdentityDocument[];

export interface CertificateDraft {
  kind: ResidentCertificateKind;
  residenceCopy: ResidenceCopyChoice;
  entryItems: EntryItem[];
  moveOut: MoveOutChoice;
  requesterKind: RequesterKind;
  channel: RequestChannel;
  /** The photo ID seen at the counter ("" none). */
  identityDocument: IdentityDocument | "";
  /** The clerk compared the ID's photo with the requester. */
  identityChecked: boolean;
  purpose: string;
  asOf: string;
}

export const EMPTY_CERTIFICATE: CertificateDraft = {
  kind: RESIDENCE_COPY,
  residenceCopy: { scope: "household", members: [], showRelationship: true, showDomicile: false, showMyNumber: false, showResidentCode: false, showPreviousAddress: true },
  entryItems: ["birthDate", "sex", "address"],
  moveOut: { wholeMove: true },
  requesterKind: "self",
  channel: "counter",
  identityDocument: "",
  identityChecked: false,
  purpose: "",
  asOf: "",
};

export const PURPOSE_MAX_LENGTH = 200;

export interface CertificateBody {
  subjectId: string;
  options: Record<string, unknown>;
  purpose: string;
  requesterKind: RequesterKind;
  channel: RequestChannel;
  /** 本人確認 at the counter: the kind of photo ID seen, and that it was checked. */
  identityCheck?: { document: IdentityDocument; checked: true };
  asOf?: string;
  /** 請求者の本人確認, checked against the 相手方 of 支援措置. */
  requester?: { addresseeNumber?: string; nameKana?: string; birthDate?: string };
  /** An approved 支援措置 release for this subject and kind. */
  releaseId?: string;
}

export type CertificateCheck = { ok: true; body: CertificateBody } | { ok: false; errors: FormErrors };

/** The request for the person under 宛名番号 `addresseeNumber`, or what is missing (keyed as the server names fields). */
export function certificateRequest(draft: CertificateDraft, addresseeNumber: string): CertificateCheck {
  const errors: FormErrors = {};
  const purpose = draft.purpose.trim();
  if (!purpose) errors.purpose = "利用目的を入力してください（請求書に書かれた目的）";
  else if (purpose.length > PURPOSE_MAX_LENGTH) errors.purpose = `利用目的は${PURPOSE_MAX_LENGTH}文字以内で入力してください`;
  const asOf = readDateInput(draft.asOf, { notFuture: true });
  if (asOf.kind === "error") errors.asOf = asOf.message;
  // The ID is recorded only at the counter, and only as seen: a kind without the tick, or the tick without a kind, is unfinished.
  const atCounter = draft.channel === "counter";
  if (atCounter && draft.identityDocument && !draft.identityChecked) errors.identityCheck = "本人確認書類の写真と請求者を照合したら、チェックを付けてください";
  else if (atCounter && !draft.identityDocument && draft.identityChecked) errors.identityCheck = "確認した本人確認書類の種類を選んでください";
  let options: Record<string, unknown>;
  switch (draft.kind) {
    case RESIDENCE_COPY: {
      const copy = draft.residenceCopy;
      if (copy.scope === "chosen" && copy.members.length === 0) errors["options/members"] = "記載する世帯員を選んでください";
      options = { ...copy, members: copy.scope === "chosen" ? copy.members : [] };
      break;
    }
    case ENTRY_CERTIFICATE:
      if (draft.entryItems.length === 0) errors["options/items"] = "証明する事項を1つ以上選んでください";
      // Printed in the order of 第7条 whatever order they were ticked in.
      options = { items: ENTRY_ITEMS.filter((i) => draft.entryItems.includes(i)) };
      break;
    case MOVE_OUT_CERTIFICATE:
      options = { ...draft.moveOut };
      break;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    body: {
      subjectId: `addressee:${addresseeNumber}`,
      options,
      purpose,
      requesterKind: draft.requesterKind,
      channel: draft.channel,
      ...(atCounter && draft.identityDocument && draft.identityChecked ? { identityCheck: { document: draft.identityDocument, checked: true as const } } : {}),
      ...(asOf.kind === "date" ? { asOf: asOf.iso } : {}),
    },
  };
}

export const CERTIFICATE_KEYS = [
  "purpose",
  "requesterKind",
  "channel",
  "identityCheck",
  "asOf",
  "subjectId",
  "options",
  "options/members",
  "options/items",
  "options/showRelationship",
  "options/showDomicile",
  "options/showMyNumber",
  "options/showResidentCode",
  "options/showPreviousAddress",
  "options/wholeMove",
  "requester/addresseeNumber",
  "requester/nameKana",
  "requester/birthDate",
];
