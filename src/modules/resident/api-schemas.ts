// The resident API's TypeBox schemas: they validate requests, shape responses and produce the
// OpenAPI document. A 異動 is one body discriminated by `kind`, each kind with its own fields.
// Shape only — the domain rules (real dates, カナ, 個人番号 check digit, one head per household…)
// are the named rules in rules/, checked in the service.
import { Type, type Static, type TSchema } from "@sinclair/typebox";
import { CHANGE_KINDS, CHANGE_KIND_NAMES_JA, type ChangeKind } from "./change-kind.ts";
import { RELATIONSHIP_CODES, RELATIONSHIPS, type Relationship } from "./relationship.ts";
import { REMOVAL_REASONS, type RemovalReason } from "./person-record.ts";
import { AddressText, NameText } from "../../platform/http/text-schemas.ts";

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const DATE = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "YYYY-MM-DD (the UI converts 和暦)" });
export const UUID = Type.String({ pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$" });
const ADDRESSEE_NUMBER = Type.String({ pattern: "^\\d{1,15}$", description: "宛名番号 (15 digits; leading zeros optional)" });
const NAME = (description: string) => NameText({ minLength: 1, maxLength: 50, description });
const KANA = (description: string) => NameText({ minLength: 1, maxLength: 100, description: `${description}; half-width or hiragana input is converted` });
const TEXT = (max: number, description: string) => Type.String({ maxLength: max, description });
const ADDRESS = (max: number, description: string) => AddressText({ maxLength: max, description });
const REASON = Type.String({ minLength: 1, maxLength: 500, pattern: "\\S", description: "理由 (recorded in the journal)" });
const LATE_REASON = Type.String({
  minLength: 1,
  maxLength: 500,
  pattern: "\\S",
  description: "遅延の理由: required when the 届出 comes after its 届出期間 (14 days, 住民基本台帳法 第22条・第23条・第25条), refused otherwise",
});

export const SexSchema = Type.Union([Type.Literal("male"), Type.Literal("female")], { description: "male 男 | female 女" });
// Unions built from the code lists; Unsafe gives them their static type (TypeBox types a union
// from a tuple only), the schema stays the union.
export const RelationshipSchema = Type.Unsafe<Relationship>(
  Type.Union(
    RELATIONSHIP_CODES.map((code) => Type.Literal(code)),
    { description: `続柄: ${RELATIONSHIP_CODES.map((c) => `${c} ${RELATIONSHIPS[c]}`).join(", ")}` },
  ),
);
export const KindSchema = Type.Unsafe<ChangeKind>(
  Type.Union(
    CHANGE_KINDS.map((k) => Type.Literal(k)),
    { description: CHANGE_KINDS.map((k) => `${k} ${CHANGE_KIND_NAMES_JA[k]}`).join(", ") },
  ),
);

export const AddressInput = Type.Object(
  {
    postalCode: Type.Optional(nullable(Type.String({ maxLength: 10, description: "郵便番号 (7 digits; a hyphen is accepted)" }))),
    address: AddressText({ minLength: 1, maxLength: 200, description: "住所" }),
    addressLine2: Type.Optional(nullable(ADDRESS(100, "方書"))),
  },
  { additionalProperties: false },
);

export const PersonInput = Type.Object(
  {
    addresseeNumber: Type.Optional(ADDRESSEE_NUMBER),
    familyName: NAME("氏 (kanji as registered, IVS kept)"),
    givenName: NameText({ maxLength: 50, description: "名 (empty for a single-part name)" }),
    familyNameKana: KANA("氏カナ"),
    givenNameKana: NameText({ maxLength: 100, description: "名カナ" }),
    sex: SexSchema,
    birthDate: DATE,
    relationship: RelationshipSchema,
    registeredDomicile: Type.Optional(nullable(ADDRESS(200, "本籍"))),
    domicileHead: Type.Optional(nullable(NameText({ maxLength: 100, description: "筆頭者" }))),
    myNumber: Type.Optional(Type.String({ maxLength: 20, description: "個人番号 (12 digits; spaces and hyphens are dropped)" })),
  },
  { additionalProperties: false },
);

export const RelationshipUpdate = Type.Object({ personId: UUID, relationship: RelationshipSchema }, { additionalProperties: false });

const RELATIONSHIPS_FIELD = Type.Optional(
  Type.Array(RelationshipUpdate, { maxItems: 50, description: "new 続柄 of members, e.g. the new 世帯主 when the head leaves" }),
);

const notified = {
  effectiveDate: DATE,
  notifiedDate: DATE,
  reason: Type.Optional(REASON),
  lateReason: Type.Optional(LATE_REASON),
};
const exOfficio = {
  effectiveDate: DATE,
  reason: REASON,
};

export const MovedInBody = Type.Object(
  {
    kind: Type.Literal("moved-in"),
    ...notified,
    householdId: Type.Optional(UUID),
    address: AddressInput,
    previousAddress: AddressInput,
    persons: Type.Array(PersonInput, { minItems: 1, maxItems: 30 }),
    relationships: RELATIONSHIPS_FIELD,
  },
  { additionalProperties: false, description: "転入: into a new household (no householdId) or an existing one" },
);

export const ExOfficioEntryBody = Type.Object(
  {
    kind: Type.Literal("ex-officio-entry"),
    ...exOfficio,
    becameResidentDate: Type.Optional(DATE),
    householdId: Type.Optional(UUID),
    address: AddressInput,
    previousAddress: Type.Optional(AddressInput),
    persons: Type.Array(PersonInput, { minItems: 1, maxItems: 30 }),
    relationships: RELATIONSHIPS_FIELD,
  },
  { additionalProperties: false, description: "職権記載" },
);

export const BornBody = Type.Object(
  {
    kind: Type.Literal("born"),
    ...notified,
    householdId: UUID,
    person: Type.Omit(PersonInput, ["addresseeNumber"], { additionalProperties: false }),
  },
  { additionalProperties: false, description: "出生: the 異動日 is the birth date" },
);

export const MovedOutBody = Type.Object(
  {
    kind: Type.Literal("moved-out"),
    ...notified,
    personIds: Type.Array(UUID, { minItems: 1, maxItems: 30 }),
    destination: AddressInput,
    relationships: RELATIONSHIPS_FIELD,
  },
  { additionalProperties: false, description: "転出: the 異動日 is the (planned) move-out date; 転出予定 when notified before it" },
);

export const DiedBody = Type.Object(
  { kind: Type.Literal("died"), ...notified, personId: UUID, relationships: RELATIONSHIPS_FIELD },
  { additionalProperties: false, description: "死亡: the 異動日 is the date of death" },
);

export const ExOfficioErasureBody = Type.Object(
  { kind: Type.Literal("ex-officio-erasure"), ...exOfficio, personIds: Type.Array(UUID, { minItems: 1, maxItems: 30 }), relationships: RELATIONSHIPS_FIELD },
  { additionalProperties: false, description: "職権消除" },
);

export const AddressChangedBody = Type.Object(
  { kind: Type.Literal("address-changed"), ...notified, householdId: UUID, address: AddressInput },
  { additionalProperties: false, description: "転居: the whole household moves within the municipality" },
);

export const HouseholdSplitBody = Type.Object(
  {
    kind: Type.Literal("household-split"),
    ...notified,
    householdId: UUID,
    personIds: Type.Array(UUID, { minItems: 1, maxItems: 30, description: "members who form the new household" }),
    relationships: Type.Array(RelationshipUpdate, { minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false, description: "世帯分離: some members form a new household at the same address" },
);

export const HouseholdMergedBody = Type.Object(
  {
    kind: Type.Literal("household-merged"),
    ...notified,
    householdId: UUID,
    intoHouseholdId: UUID,
    relationships: Type.Array(RelationshipUpdate, { minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false, description: "世帯合併: every member of householdId joins intoHouseholdId" },
);

export const HeadChangedBody = Type.Object(
  {
    kind: Type.Literal("head-changed"),
    ...notified,
    householdId: UUID,
    relationships: Type.Array(RelationshipUpdate, { minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false, description: "世帯主変更: the new head and everyone's new 続柄" },
);

export const NameChangedBody = Type.Object(
  {
    kind: Type.Literal("name-changed"),
    ...notified,
    personId: UUID,
    familyName: Type.Optional(NAME("氏")),
    givenName: Type.Optional(NameText({ maxLength: 50, description: "名" })),
    familyNameKana: Type.Optional(KANA("氏カナ")),
    givenNameKana: Type.Optional(NameText({ maxLength: 100, description: "名カナ" })),
  },
  { additionalProperties: false, description: "氏名変更" },
);

export const CorrectionFields = Type.Object(
  {
    familyName: Type.Optional(NAME("氏")),
    givenName: Type.Optional(NameText({ maxLength: 50 })),
    familyNameKana: Type.Optional(KANA("氏カナ")),
    givenNameKana: Type.Optional(NameText({ maxLength: 100 })),
    sex: Type.Optional(SexSchema),
    birthDate: Type.Optional(DATE),
    relationship: Type.Optional(RelationshipSchema),
    postalCode: Type.Optional(nullable(Type.String({ maxLength: 10 }))),
    address: Type.Optional(AddressText({ minLength: 1, maxLength: 200 })),
    addressLine2: Type.Optional(nullable(TEXT(100, "方書"))),
    addressSinceDate: Type.Optional(DATE),
    becameResidentDate: Type.Optional(DATE),
    previousPostalCode: Type.Optional(nullable(Type.String({ maxLength: 10 }))),
    previousAddress: Type.Optional(nullable(ADDRESS(200, "前住所"))),
    previousAddressLine2: Type.Optional(nullable(ADDRESS(100, "前住所の方書"))),
    registeredDomicile: Type.Optional(nullable(ADDRESS(200, "本籍"))),
    domicileHead: Type.Optional(nullable(NameText({ maxLength: 100, description: "筆頭者" }))),
    myNumber: Type.Optional(Type.String({ maxLength: 20, description: "個人番号" })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ExOfficioCorrectionBody = Type.Object(
  {
    kind: Type.Literal("ex-officio-correction"),
    ...exOfficio,
    corrections: Type.Array(Type.Object({ personId: UUID, fields: CorrectionFields }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 30,
    }),
  },
  { additionalProperties: false, description: "職権修正: the values apply from the 異動日 on, which may lie in the past" },
);

export const CHANGE_BODIES = {
  "moved-in": MovedInBody,
  "moved-out": MovedOutBody,
  "address-changed": AddressChangedBody,
  born: BornBody,
  died: DiedBody,
  "household-split": HouseholdSplitBody,
  "household-merged": HouseholdMergedBody,
  "head-changed": HeadChangedBody,
  "name-changed": NameChangedBody,
  "ex-officio-entry": ExOfficioEntryBody,
  "ex-officio-correction": ExOfficioCorrectionBody,
  "ex-officio-erasure": ExOfficioErasureBody,
} as const;

export const ChangeBody = Type.Union(
  [
    MovedInBody,
    MovedOutBody,
    AddressChangedBody,
    BornBody,
    DiedBody,
    HouseholdSplitBody,
    HouseholdMergedBody,
    HeadChangedBody,
    NameChangedBody,
    ExOfficioEntryBody,
    ExOfficioCorrectionBody,
    ExOfficioErasureBody,
  ],
  { description: "one 異動, discriminated by kind" },
);

export type MovedIn = Static<typeof MovedInBody>;
export type ExOfficioEntry = Static<typeof ExOfficioEntryBody>;
export type Born = Static<typeof BornBody>;
export type MovedOut = Static<typeof MovedOutBody>;
export type Died = Static<typeof DiedBody>;
export type ExOfficioErasure = Static<typeof ExOfficioErasureBody>;
export type AddressChanged = Static<typeof AddressChangedBody>;
export type HouseholdSplit = Static<typeof HouseholdSplitBody>;
export type HouseholdMerged = Static<typeof HouseholdMergedBody>;
export type HeadChanged = Static<typeof HeadChangedBody>;
export type NameChanged = Static<typeof NameChangedBody>;
export type ExOfficioCorrection = Static<typeof ExOfficioCorrectionBody>;
export type ChangeRequest = Static<typeof ChangeBody>;
export type PersonInputType = Static<typeof PersonInput>;
export type AddressInputType = Static<typeof AddressInput>;
export type RelationshipUpdateType = Static<typeof RelationshipUpdate>;

// Responses

const optionalText = nullable(Type.String());

/** The record of person-record.ts, field by field (a test checks it lists exactly PERSON_FIELDS). */
export const RecordSchema = Type.Object(
  {
    familyName: Type.String(),
    givenName: Type.String(),
    familyNameKana: Type.String(),
    givenNameKana: Type.String(),
    sex: SexSchema,
    birthDate: Type.String(),
    householdId: Type.String(),
    relationship: RelationshipSchema,
    postalCode: optionalText,
    address: Type.String(),
    addressLine2: optionalText,
    addressSinceDate: Type.String({ description: "住所を定めた年月日" }),
    becameResidentDate: Type.String({ description: "住民となった年月日" }),
    previousPostalCode: optionalText,
    previousAddress: nullable(Type.String({ description: "前住所" })),
    previousAddressLine2: optionalText,
    registeredDomicile: nullable(Type.String({ description: "本籍" })),
    domicileHead: nullable(Type.String({ description: "筆頭者" })),
    status: Type.Union([Type.Literal("resident"), Type.Literal("removed")]),
    removalReason: nullable(
      Type.Unsafe<RemovalReason>(Type.Union(REMOVAL_REASONS.map((r) => Type.Literal(r)), { description: "moved-out 転出 | died 死亡 | erased 職権消除" })),
    ),
    removalDate: optionalText,
    plannedMoveOutDate: nullable(Type.String({ description: "転出予定日" })),
    destinationPostalCode: optionalText,
    destinationAddress: nullable(Type.String({ description: "転出先" })),
    destinationAddressLine2: optionalText,
    hasMyNumber: Type.Boolean({ description: "a 個人番号 is held (the number itself is only revealed to 管理)" }),
  },
  { description: "the 住民票 record (see person-record.ts)" },
);
const PartialRecord = Type.Partial(RecordSchema);

export const ChangeEntrySchema = Type.Object({
  personId: Type.String(),
  addresseeNumber: Type.String(),
  fields: Type.Array(Type.String(), { description: "the fields this change set for this person" }),
  before: nullable(PartialRecord),
  after: PartialRecord,
});

/** 届出期間 of a change (notification-deadline.ts): none for a kind without one. */
const deadlineFields = {
  deadlineDate: nullable(Type.String({ description: "届出期間の末日 (異動日 + 14 days, moved past the town's 休日)" })),
  overdue: Type.Boolean({ description: "期間経過: notified after deadlineDate" }),
  lateReason: nullable(Type.String({ description: "遅延の理由" })),
};

const ChangeCoreSchema = Type.Object({
  changeId: Type.String(),
  seq: Type.String(),
  kind: KindSchema,
  kindJa: Type.String(),
  effectiveDate: Type.String({ description: "異動日" }),
  notifiedDate: nullable(Type.String({ description: "届出日 (none for 職権)" })),
  recordedAt: Type.String({ format: "date-time" }),
  actor: Type.String(),
  reason: nullable(Type.String()),
  ...deadlineFields,
  entries: Type.Array(ChangeEntrySchema),
});

export const ChangeSchema = Type.Composite([
  ChangeCoreSchema,
  Type.Object({
    /** The 世帯主変更 recorded with a removal that took the 世帯主 away (same transaction). */
    headChange: Type.Optional(ChangeCoreSchema),
  }),
]);

export const ChangeCheckSchema = Type.Object({
  ok: Type.Literal(true),
  deadline: nullable(
    Type.Object({ deadlineDate: Type.String(), overdue: Type.Boolean() }, { description: "the 届出期間 the 届出 (or the 世帯主変更 recorded with it) falls under" }),
  ),
  entries: Type.Array(
    Type.Object({ personId: nullable(Type.String({ description: "null for a person the change would register" })), fields: Type.Array(Type.String()) }),
  ),
});

export const HistoryItemSchema = Type.Object({
  changeId: Type.String(),
  seq: Type.String(),
  kind: KindSchema,
  kindJa: Type.String(),
  effectiveDate: Type.String(),
  notifiedDate: nullable(Type.String()),
  recordedAt: Type.String({ format: "date-time" }),
  actor: Type.String(),
  actorName: nullable(Type.String({ description: "the staff member's name (the town's own staff only); null for the system" })),
  reason: nullable(Type.String({ description: "理由・備考; for a 期間経過 届出 followed by 「期間経過」 and the 遅延の理由" })),
  ...deadlineFields,
  fields: Type.Array(Type.String()),
  before: nullable(PartialRecord),
  after: PartialRecord,
});

/** A history item on its own (GET …/changes): it names its person, as every person in a response must (§3a). */
export const PersonHistoryItemSchema = Type.Composite([
  Type.Object({ addresseeNumber: Type.String({ description: "宛名番号 of the person" }) }),
  HistoryItemSchema,
]);

export const MemberSchema = Type.Object({
  personId: Type.String(),
  addresseeNumber: Type.String(),
  familyName: Type.String(),
  givenName: Type.String(),
  familyNameKana: Type.String(),
  givenNameKana: Type.String(),
  sex: SexSchema,
  birthDate: Type.String(),
  relationship: RelationshipSchema,
  relationshipJa: Type.String(),
});

export const HouseholdSchema = Type.Object({
  householdId: Type.String(),
  householdNumber: Type.String({ description: "世帯番号" }),
  asOf: Type.String(),
  headPersonId: nullable(Type.String()),
  postalCode: nullable(Type.String()),
  address: nullable(Type.String()),
  addressLine2: nullable(Type.String()),
  members: Type.Array(MemberSchema),
});

export const PersonViewSchema = Type.Object({
  personId: Type.String(),
  addresseeNumber: Type.String(),
  householdNumber: Type.String(),
  asOf: Type.String(),
  isResident: Type.Boolean({ description: "on the registry on asOf" }),
  isRemovedRecord: Type.Boolean({ description: "除票: removed on or before asOf" }),
  relationshipJa: Type.String(),
  record: RecordSchema,
  household: HouseholdSchema,
  scheduled: Type.Array(
    Type.Object({ changeId: Type.String(), kind: KindSchema, effectiveDate: Type.String() }),
    { description: "changes known on asOf that take effect later (転出予定)" },
  ),
  history: Type.Array(HistoryItemSchema),
});

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(NameText({ minLength: 1, maxLength: 100, description: "氏名 in kanji or カナ, any width; matches the start of the full name, the 氏 or the 名" })),
    birthDate: Type.Optional(DATE),
    address: Type.Optional(AddressText({ minLength: 1, maxLength: 200, description: "start of the 住所" })),
    householdId: Type.Optional(UUID),
    householdNumber: Type.Optional(Type.String({ pattern: "^\\d{1,15}$", description: "世帯番号" })),
    includeRemoved: Type.Boolean({ default: false, description: "include 除票" }),
    page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);

export const SearchItemSchema = Type.Object({
  personId: Type.String(),
  addresseeNumber: Type.String(),
  householdId: Type.String(),
  householdNumber: Type.String(),
  familyName: Type.String(),
  givenName: Type.String(),
  familyNameKana: Type.String(),
  givenNameKana: Type.String(),
  sex: SexSchema,
  birthDate: Type.String(),
  relationship: RelationshipSchema,
  relationshipJa: Type.String(),
  postalCode: nullable(Type.String()),
  address: Type.String(),
  addressLine2: nullable(Type.String()),
  isRemoved: Type.Boolean({ description: "除票 (removed on or before today)" }),
  removalReason: nullable(Type.String()),
  removalDate: nullable(Type.String()),
});

export const SearchResultSchema = Type.Object({
  items: Type.Array(SearchItemSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const PurposeHeaders = Type.Object({
  "x-kyodo-purpose": Type.String({
    minLength: 1,
    maxLength: 1000,
    description: "利用目的: why the person's data is read, percent-encoded UTF-8 (encodeURIComponent); recorded in the audit log",
  }),
});

export const OptionalPurposeHeaders = Type.Object({
  "x-kyodo-purpose": Type.Optional(Type.String({ maxLength: 1000, description: "利用目的 (percent-encoded UTF-8); the reason is recorded when absent" })),
});

export const IdParams = Type.Object({ id: UUID });
export const AsOfQuery = Type.Object({ asOf: Type.Optional(DATE) }, { additionalProperties: false });

export const MoveInCandidatesQuery = Type.Object(
  { kana: NameText({ minLength: 1, maxLength: 100 }), birthDate: DATE },
  { additionalProperties: false },
);

export const MoveInCandidateSchema = Type.Object({
  addresseeNumber: Type.String(),
  name: Type.String(),
  nameKana: Type.String(),
  birthDate: nullable(Type.String()),
  sex: nullable(SexSchema),
  postalCode: nullable(Type.String()),
  address: nullable(Type.String()),
  addressLine2: nullable(Type.String()),
  residentUntil: nullable(Type.String({ description: "a former resident: the day residence ended" })),
  isFormerResident: Type.Boolean(),
});

export const MyNumberSchema = Type.Object({
  personId: Type.String(),
  addresseeNumber: Type.String(),
  myNumber: Type.String({ description: "個人番号 (12 digits)" }),
});

// 期間経過の届出一覧 (late-notifications.ts)

export const LateNotificationsQuery = Type.Object(
  {
    from: Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "first 届出日 of the period (YYYY-MM-DD)" }),
    to: Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "last 届出日 of the period (YYYY-MM-DD), included" }),
  },
  { additionalProperties: false },
);

export const LateNotificationReportSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  notificationCount: Type.Integer({ description: "期間経過の届出の件数" }),
  personCount: Type.Integer({ description: "その届出の対象者の人数" }),
  byKind: Type.Array(Type.Object({ kind: KindSchema, kindJa: Type.String(), notifications: Type.Integer(), persons: Type.Integer() })),
  items: Type.Array(
    Type.Object({
      changeId: Type.String(),
      kind: KindSchema,
      kindJa: Type.String(),
      effectiveDate: Type.String({ description: "異動日" }),
      notifiedDate: Type.String({ description: "届出日" }),
      deadlineDate: Type.String({ description: "届出期間の末日" }),
      daysLate: Type.Integer({ description: "届出期間の末日から届出日までの日数" }),
      lateReason: Type.String({ description: "遅延の理由" }),
      recordedAt: Type.String({ format: "date-time" }),
      persons: Type.Array(
        Type.Object({
          personId: Type.String(),
          addresseeNumber: Type.String(),
          familyName: Type.String(),
          givenName: Type.String(),
          familyNameKana: Type.String(),
          givenNameKana: Type.String(),
          birthDate: Type.String(),
          address: Type.String(),
          addressLine2: nullable(Type.String()),
        }),
      ),
    }),
  ),
});
