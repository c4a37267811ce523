// 請求者の区分 (requester kind): who asked for a certificate, as the 住民基本台帳法 tells requests
// apart — 本人 and 同一世帯 (第12条, 本人等の請求), 代理人・使者 (a person acting for them, or only
// carrying their request, 第12条第2項第2号), 第三者 (第12条の3, 本人等以外の者の申出) and
// 職務上請求 (public bodies, 第12条の2, and 特定事務受任者 such as lawyers, 第12条の3第2項). The
// register keeps the kind, never the person.
//
// 請求の方法 (channel): 窓口 (at the counter), 郵送 (by mail), コンビニ交付 (with the マイナンバーカード
// at a multi-function copier) and 広域交付 (at another municipality's counter, 第12条の4). Under 支援措置 (DV等支援
// 措置, 住民基本台帳事務処理要領 第5-10) the channel decides whether a protected person's own
// request can be met at all (src/platform/protection/check.ts).
//
// 本人確認の記録: the photo ID a clerk saw at the counter — its kind from a fixed list, and that it
// was checked. Who checked and when are the issuing staff member and the instant of issue; the
// record is appended with the issue (certificate_issue_request) and never holds the document's
// number, the person's name or anything else read from the card.
import { Type, type Static } from "@sinclair/typebox";
import type { Tx } from "../db/database.ts";
import type { CertificateSerial } from "./serial.ts";

export const RequesterKindSchema = Type.Union(
  [
    Type.Literal("self"),
    Type.Literal("same-household"),
    Type.Literal("agent"),
    Type.Literal("third-party"),
    Type.Literal("official"),
  ],
  { description: "本人 self, 同一世帯 same-household, 代理人・使者 agent, 第三者 third-party, 職務上請求 official" },
);

export type RequesterKind = Static<typeof RequesterKindSchema>;

export const REQUESTER_KINDS: readonly RequesterKind[] = RequesterKindSchema.anyOf.map((s) => s.const);

export const REQUESTER_KIND_NAMES_JA: Record<RequesterKind, string> = {
  self: "本人",
  "same-household": "同一世帯",
  agent: "代理人・使者",
  "third-party": "第三者",
  official: "職務上請求",
};

/** 本人等の請求 (第12条): the person or a member of their household asks. */
export function isOwnRequest(kind: RequesterKind): boolean {
  return kind === "self" || kind === "same-household";
}

export const RequestChannelSchema = Type.Union(
  [Type.Literal("counter"), Type.Literal("mail"), Type.Literal("convenience-store"), Type.Literal("wide-area")],
  { description: "請求の方法: 窓口 counter, 郵送 mail, コンビニ交付 convenience-store, 広域交付 wide-area" },
);

export type RequestChannel = Static<typeof RequestChannelSchema>;

export const REQUEST_CHANNELS: readonly RequestChannel[] = RequestChannelSchema.anyOf.map((s) => s.const);

export const REQUEST_CHANNEL_NAMES_JA: Record<RequestChannel, string> = {
  counter: "窓口",
  mail: "郵送",
  "convenience-store": "コンビニ交付",
  "wide-area": "広域交付",
};

/** A request without a channel was made at the counter: the staff screens are the counter's. */
export const DEFAULT_CHANNEL: RequestChannel = "counter";

/**
 * The photo IDs accepted for a strict 本人確認 at the counter (官公署が発行した顔写真付きの書類, one
 * is enough): the list towns publish for 支援措置対象者 and for 住民票の写し requests generally.
 */
export const IdentityDocumentSchema = Type.Union(
  [
    Type.Literal("driver-license"),
    Type.Literal("my-number-card"),
    Type.Literal("passport"),
    Type.Literal("residence-card"),
    Type.Literal("special-permanent-resident-certificate"),
    Type.Literal("driving-history-certificate"),
    Type.Literal("disability-certificate-with-photo"),
  ],
  { description: "本人確認書類 (顔写真付き): 運転免許証, マイナンバーカード, 旅券, 在留カード, 特別永住者証明書, 運転経歴証明書, 身体障害者手帳等" },
);

export type IdentityDocument = Static<typeof IdentityDocumentSchema>;

export const IDENTITY_DOCUMENTS: readonly IdentityDocument[] = IdentityDocumentSchema.anyOf.map((s) => s.const);

export const IDENTITY_DOCUMENT_NAMES_JA: Record<IdentityDocument, string> = {
  "driver-license": "運転免許証",
  "my-number-card": "マイナンバーカード（個人番号カード）",
  passport: "旅券（パスポート）",
  "residence-card": "在留カード",
  "special-permanent-resident-certificate": "特別永住者証明書",
  "driving-history-certificate": "運転経歴証明書",
  "disability-certificate-with-photo": "身体障害者手帳等（写真付き）",
};

export const IdentityCheckSchema = Type.Object(
  {
    document: IdentityDocumentSchema,
    checked: Type.Literal(true, { description: "the clerk saw the document and compared its photo with the requester" }),
  },
  {
    additionalProperties: false,
    description: "本人確認: the photo ID seen at the counter (kind only; who checked and when are recorded by the platform)",
  },
);

export type IdentityCheck = Static<typeof IdentityCheckSchema>;

export interface RequestRecord {
  channel: RequestChannel;
  identityCheck: IdentityCheck | null;
  /** The issuing staff member, who checked the ID. */
  staffId: string;
  /** The instant of issue, when the ID was checked. */
  at: Date;
}

/** Appends how an issued certificate was asked for, and the 本人確認 made, beside its issue row. */
export async function recordRequest(tx: Tx, serial: CertificateSerial, r: RequestRecord): Promise<void> {
  const checked = r.identityCheck !== null;
  await tx.query(
    `INSERT INTO certificate_issue_request (tenant_id, fiscal_year, number, channel, identity_document, identity_checked_by, identity_checked_at)
     VALUES (current_setting('kyodo.tenant_id'), $1, $2, $3, $4, $5, $6)`,
    [serial.fiscalYear, serial.number, r.channel, r.identityCheck?.document ?? null, checked ? r.staffId : null, checked ? r.at : null],
  );
}
