// The addressee API's TypeBox schemas: they validate requests, shape responses and produce the
// OpenAPI document. Shape only — the domain rules (カナ, 法人番号 check digit, real calendar
// dates, person-or-organisation fields) are checked in validation.ts, all at once.
import { Type, type TSchema } from "@sinclair/typebox";
import { BUSINESS_PATTERN } from "./mailing.ts";
import { AddressText, NameText } from "../http/text-schemas.ts";

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const DATE = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "YYYY-MM-DD" });
export const NUMBER = Type.String({ pattern: "^\\d{1,15}$", description: "宛名番号 (15 digits; leading zeros optional)" });
// Written out literal by literal so that the request types are the unions themselves; the
// tests check they list exactly ADDRESSEE_KINDS, KNOWN_AS, SEXES and RESIDENCE_END_REASONS.
export const Kind = Type.Union([Type.Literal("person"), Type.Literal("organisation")], {
  description: "person 個人 | organisation 法人・団体",
});
export const KnownAsSchema = Type.Union(
  [
    Type.Literal("landowner"),
    Type.Literal("taxpayer"),
    Type.Literal("former-resident"),
    Type.Literal("benefit"),
    Type.Literal("guardian"),
    Type.Literal("tax-administrator"),
    Type.Literal("creditor"),
    Type.Literal("other"),
  ],
  {
    description:
      "why a 住登外者 is known: landowner 固定資産所有者, taxpayer 課税対象, former-resident 旧住民, benefit 給付対象, " +
      "guardian 後見人・保護者, tax-administrator 納税管理人, creditor 債権者・支払先, other その他 (note required)",
  },
);
export const SexSchema = Type.Union([Type.Literal("male"), Type.Literal("female")]);
export const EndReasonSchema = Type.Union([Type.Literal("moved-out"), Type.Literal("died")], { description: "moved-out 転出 | died 死亡" });
export const Reason = Type.String({ minLength: 1, maxLength: 500, pattern: "\\S", description: "why (recorded in the history)" });

const NAME = NameText({ minLength: 1, maxLength: 100, description: "氏名 or 名称 (kanji as registered)" });
const KANA = NameText({ minLength: 1, maxLength: 200, description: "カナ; half-width or hiragana input is converted" });
const TEXT = (max: number, description?: string) => Type.String({ maxLength: max, ...(description ? { description } : {}) });
const ADDRESS = (max: number, description?: string) => AddressText({ maxLength: max, ...(description ? { description } : {}) });

export const PurposeHeaders = Type.Object({
  "x-kyodo-purpose": Type.String({
    minLength: 1,
    maxLength: 1000,
    description: "利用目的: why the person's data is read, percent-encoded UTF-8 (encodeURIComponent); recorded in the audit log",
  }),
});

export const OptionalPurposeHeaders = Type.Object({
  "x-kyodo-purpose": Type.Optional(
    Type.String({ maxLength: 1000, description: "利用目的 (percent-encoded UTF-8); the reason is recorded when absent" }),
  ),
});

export const NumberParams = Type.Object({ number: NUMBER });

const stateProperties = {
  number: Type.String({ description: "宛名番号 (15 digits)" }),
  kind: Kind,
  name: Type.String(),
  nameKana: Type.String(),
  birthDate: nullable(Type.String()),
  sex: nullable(SexSchema),
  corporateNumber: nullable(Type.String({ description: "法人番号 (13 digits)" })),
  postalCode: nullable(Type.String()),
  address: nullable(Type.String()),
  addressLine2: nullable(Type.String({ description: "方書" })),
  knownAs: nullable(KnownAsSchema),
  knownAsNote: nullable(Type.String()),
  residentSince: nullable(Type.String({ description: "derived from the resident registry" })),
  residentUntil: nullable(Type.String()),
  residentEndReason: nullable(EndReasonSchema),
  mergedInto: nullable(Type.String({ description: "the survivor this number was merged into" })),
};

export const SearchQuery = Type.Object(
  {
    name: Type.Optional(NameText({ minLength: 1, maxLength: 100, description: "kanji or カナ, any width; matches any part of any name held" })),
    birthDate: Type.Optional(DATE),
    number: Type.Optional(NUMBER),
    corporateNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
    kind: Type.Optional(Kind),
    address: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: "the start of the current address, whole (神奈川県…) or from the 町字 on (堀内 = 葉山町堀内 = 神奈川県三浦郡葉山町堀内)",
      }),
    ),
    page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);

export const SearchResult = Type.Object({
  items: Type.Array(Type.Object(stateProperties)),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

const fieldInputs = {
  name: NAME,
  nameKana: KANA,
  birthDate: Type.Optional(nullable(DATE)),
  sex: Type.Optional(nullable(SexSchema)),
  corporateNumber: Type.Optional(nullable(Type.String({ maxLength: 20, description: "法人番号 (13 digits)" }))),
  postalCode: Type.Optional(nullable(Type.String({ maxLength: 10 }))),
  address: Type.Optional(nullable(ADDRESS(200))),
  addressLine2: Type.Optional(nullable(ADDRESS(100, "方書"))),
  knownAsNote: Type.Optional(nullable(TEXT(500))),
};

export const RegisterBody = Type.Object(
  { kind: Kind, ...fieldInputs, knownAs: KnownAsSchema, reason: Type.Optional(Reason) },
  { additionalProperties: false },
);

export const CorrectBody = Type.Object(
  {
    ...fieldInputs,
    name: Type.Optional(NAME),
    nameKana: Type.Optional(KANA),
    knownAs: Type.Optional(nullable(KnownAsSchema)),
    nameEffectiveDate: Type.Optional(DATE),
    addressEffectiveDate: Type.Optional(DATE),
    version: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: "the version shown; 409 if it changed meanwhile" })),
    reason: Reason,
  },
  { additionalProperties: false },
);

export const MailingBody = Type.Object(
  {
    business: Type.String({ pattern: BUSINESS_PATTERN, description: "module id (tax, nhi, pension…) or * for every business" }),
    validFrom: DATE,
    validUntil: Type.Optional(nullable(DATE)),
    recipientName: NAME,
    recipientKana: Type.Optional(nullable(KANA)),
    recipientRole: Type.Optional(nullable(TEXT(100, "納税管理人, 成年後見人, 入院先…"))),
    postalCode: Type.Optional(nullable(Type.String({ maxLength: 10 }))),
    address: ADDRESS(200),
    addressLine2: Type.Optional(nullable(ADDRESS(100, "方書"))),
    reason: Reason,
  },
  { additionalProperties: false },
);

export const MailingParams = Type.Object({ number: NUMBER, mailingId: Type.String({ format: "uuid" }) });

export const MailingSchema = Type.Object({
  mailingId: Type.String(),
  version: Type.Integer(),
  number: Type.String(),
  business: Type.String(),
  validFrom: Type.String(),
  validUntil: nullable(Type.String()),
  recipientName: Type.String(),
  recipientKana: nullable(Type.String()),
  recipientRole: nullable(Type.String()),
  postalCode: nullable(Type.String()),
  address: Type.String(),
  addressLine2: nullable(Type.String()),
  withdrawn: Type.Boolean(),
  reason: Type.String(),
  actor: Type.String(),
  recordedAt: Type.String({ format: "date-time" }),
});

export const ReasonBody = Type.Object({ reason: Reason }, { additionalProperties: false });

export const MergeSchema = Type.Object({
  id: Type.String(),
  survivor: Type.String(),
  merged: Type.String(),
  reason: Type.String(),
  actor: Type.String(),
  actorName: Type.Optional(nullable(Type.String({ description: "the staff member's name (the town's own staff only)" }))),
  mergedAt: Type.String({ format: "date-time" }),
  undoneAt: nullable(Type.String({ format: "date-time" })),
  undoReason: nullable(Type.String()),
  undoneBy: nullable(Type.String()),
});

export const MergeBody = Type.Object(
  { survivor: NUMBER, merged: NUMBER, reason: Reason },
  { additionalProperties: false },
);

export const DuplicatesQuery = Type.Object(
  {
    page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
  },
  { additionalProperties: false },
);

export const DuplicatePairSchema = Type.Object({
  matchedOn: Type.Union([Type.Literal("kana-and-birth-date"), Type.Literal("corporate-number")]),
  a: Type.Object(stateProperties),
  b: Type.Object(stateProperties),
});

export const ViewSchema = Type.Object({
  ...stateProperties,
  requestedNumber: Type.String({ description: "the number asked for (a merged number shows its survivor)" }),
  version: Type.Integer(),
  isResident: Type.Boolean(),
  names: Type.Array(
    Type.Object({ validFrom: nullable(Type.String()), name: Type.String(), nameKana: Type.String(), recordedAt: Type.String() }),
  ),
  addresses: Type.Array(
    Type.Object({
      validFrom: nullable(Type.String()),
      postalCode: nullable(Type.String()),
      address: nullable(Type.String()),
      addressLine2: nullable(Type.String()),
      recordedAt: Type.String(),
    }),
  ),
  residence: Type.Array(
    Type.Object({
      event: Type.Union([Type.Literal("began"), Type.Literal("ended")]),
      effectiveDate: Type.String(),
      endReason: nullable(Type.String()),
      recordedAt: Type.String(),
    }),
  ),
  mailingAddresses: Type.Array(MailingSchema),
  merges: Type.Array(MergeSchema),
  mergedFrom: Type.Array(Type.String()),
  history: Type.Array(
    Type.Object({
      seq: Type.String(),
      change: Type.String(),
      fields: Type.Array(Type.String()),
      reason: nullable(Type.String()),
      actor: Type.String(),
      actorName: nullable(Type.String({ description: "the staff member's name (the town's own staff only); null for the system" })),
      changedAt: Type.String(),
      before: Type.Unknown({ description: "the state (or mailing address) before the change; null for a registration" }),
      after: Type.Unknown({ description: "the state after the change" }),
    }),
  ),
});
