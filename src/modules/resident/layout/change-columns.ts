// 異動記録の列 (the columns of the 異動 journal layout): one CSV row per person a 異動 touched —
// the change (id, kind, 異動日, 届出日, recorded time, staff, reason), the person (id, 宛名番号),
// which record fields the 異動 set for them, and those fields' values. A field the 異動 did not
// set has an empty cell; `fields` says which cells are values, so that "set to no value" (a 方書
// removed by a 転居) and "not set" stay apart although both are empty cells.
import { Type, type TSchema } from "@sinclair/typebox";
import type { LayoutColumn } from "../../../platform/contract.ts";
import { KindSchema, RelationshipSchema, SexSchema } from "../api-schemas.ts";
import type { ChangeKind } from "../change-kind.ts";
import { PERSON_FIELDS, REMOVAL_REASONS, type PersonField } from "../person-record.ts";
import type { Relationship } from "../relationship.ts";

const UUID = Type.String({ pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$" });
const DATE = Type.String({ format: "date" });
const POSTAL_CODE = Type.String({ pattern: "^\\d{7}$" });
const text = (minLength: number, maxLength: number) => Type.String({ minLength, maxLength });

/** `fields` holding this one character: every field of the record (a first registration). */
export const ALL_FIELDS_MARK = "*";

/** The CSV column of each record field: the field's name in snake_case. */
export const FIELD_COLUMN: Readonly<Record<PersonField, string>> = Object.fromEntries(
  PERSON_FIELDS.map((f) => [f, f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)]),
) as Record<PersonField, string>;

/**
 * What an empty cell of a listed field means. `empty-text`: the record holds "" (名 and 名カナ of
 * a person with a one-part name); `null`: the record holds no value; `required`: not allowed.
 */
export type EmptyCell = "empty-text" | "null" | "required";

interface FieldColumn {
  label: string;
  schema: TSchema;
  empty: EmptyCell;
  description?: string;
}

/** Labels and types of the record fields, with the limits the 異動 API accepts (api-schemas.ts). */
const FIELD_COLUMNS: Readonly<Record<PersonField, FieldColumn>> = {
  familyName: { label: "氏", schema: text(1, 50), empty: "required", description: "記録どおりの漢字（異体字セレクタを含む）" },
  givenName: { label: "名", schema: text(1, 50), empty: "empty-text", description: "氏と名に分かれない氏名では空欄" },
  familyNameKana: { label: "氏カナ", schema: text(1, 100), empty: "required", description: "全角カタカナ" },
  givenNameKana: { label: "名カナ", schema: text(1, 100), empty: "empty-text", description: "全角カタカナ" },
  sex: { label: "性別", schema: SexSchema, empty: "required" },
  birthDate: { label: "生年月日", schema: DATE, empty: "required" },
  householdId: { label: "世帯ID", schema: UUID, empty: "required", description: "この異動から属する世帯" },
  relationship: { label: "続柄", schema: RelationshipSchema, empty: "required", description: "世帯主との続柄" },
  postalCode: { label: "郵便番号", schema: POSTAL_CODE, empty: "null" },
  address: { label: "住所", schema: text(1, 200), empty: "required" },
  addressLine2: { label: "方書", schema: text(1, 100), empty: "null" },
  addressSinceDate: { label: "住所を定めた年月日", schema: DATE, empty: "required" },
  becameResidentDate: { label: "住民となった年月日", schema: DATE, empty: "required" },
  previousPostalCode: { label: "前住所の郵便番号", schema: POSTAL_CODE, empty: "null" },
  previousAddress: { label: "前住所", schema: text(1, 200), empty: "null" },
  previousAddressLine2: { label: "前住所の方書", schema: text(1, 100), empty: "null" },
  registeredDomicile: { label: "本籍", schema: text(1, 200), empty: "null" },
  domicileHead: { label: "筆頭者", schema: text(1, 100), empty: "null" },
  status: { label: "記録の状態", schema: Type.Union([Type.Literal("resident"), Type.Literal("removed")]), empty: "required", description: "`resident` 住民、`removed` 除票" },
  removalReason: {
    label: "消除事由",
    schema: Type.Union(REMOVAL_REASONS.map((r) => Type.Literal(r))),
    empty: "null",
    description: "`moved-out` 転出、`died` 死亡、`erased` 職権消除",
  },
  removalDate: { label: "消除日", schema: DATE, empty: "null", description: "転出・死亡・職権消除の異動日" },
  plannedMoveOutDate: { label: "転出予定日", schema: DATE, empty: "null" },
  destinationPostalCode: { label: "転出先の郵便番号", schema: POSTAL_CODE, empty: "null" },
  destinationAddress: { label: "転出先", schema: text(1, 200), empty: "null" },
  destinationAddressLine2: { label: "転出先の方書", schema: text(1, 100), empty: "null" },
  hasMyNumber: {
    label: "個人番号の有無",
    schema: Type.Boolean(),
    empty: "required",
    description: "個人番号を記録しているか。番号そのものはこのレイアウトに含めない",
  },
};

export function emptyCellOf(field: PersonField): EmptyCell {
  return FIELD_COLUMNS[field].empty;
}

const column = (name: string, label: string, schema: TSchema, required: boolean, description?: string): LayoutColumn => ({
  name,
  label,
  schema,
  required,
  ...(description ? { description } : {}),
});

const fieldColumns = (fields: readonly PersonField[]): LayoutColumn[] =>
  fields.map((f) => column(FIELD_COLUMN[f], FIELD_COLUMNS[f].label, FIELD_COLUMNS[f].schema, false, FIELD_COLUMNS[f].description));

const HOUSEHOLD_AT = PERSON_FIELDS.indexOf("householdId") + 1;

export const CHANGE_COLUMNS: LayoutColumn[] = [
  column("change_id", "異動ID", UUID, true, "異動ごとの識別子。一つの異動の行は続けて並ぶ"),
  column("kind", "異動事由", KindSchema, true),
  column("effective_date", "異動日", DATE, true),
  column("notified_date", "届出日", DATE, false, "職権記載・職権修正・職権消除では空欄"),
  column("recorded_at", "記録日時", Type.String({ format: "date-time" }), true, "異動を記録した日時"),
  column("actor", "記録者", text(1, 200), true, "記録した職員（`staff:<職員の識別子>`）、または記録したシステム"),
  column("reason", "理由", text(1, 500), false, "職権による異動では必須"),
  column("person_id", "個人ID", UUID, true),
  column("addressee_number", "宛名番号", Type.String({ pattern: "^\\d{1,15}$" }), true, "15桁。出力では先頭を0で埋める"),
  column(
    "fields",
    "記録した項目",
    Type.String({ pattern: "^(\\*|[a-z0-9_]+( [a-z0-9_]+)*)$" }),
    false,
    "この異動でその人について記録した項目の列名を空白で区切って並べる。すべての項目（最初の記録）は `*`。挙げた項目の空欄は値なしを記録する",
  ),
  ...fieldColumns(PERSON_FIELDS.slice(0, HOUSEHOLD_AT)),
  column("household_number", "世帯番号", Type.String({ pattern: "^[1-9]\\d{0,14}$" }), false, "世帯IDとともに記す"),
  ...fieldColumns(PERSON_FIELDS.slice(HOUSEHOLD_AT)),
];

/** One row of the layout as the framework hands it over: every column, null for an empty cell. */
export interface ChangeRow extends Record<string, unknown> {
  change_id: string;
  kind: ChangeKind;
  effective_date: string;
  notified_date: string | null;
  recorded_at: string;
  actor: string;
  reason: string | null;
  person_id: string;
  addressee_number: string;
  fields: string | null;
  household_number: string | null;
  family_name?: string | null;
  given_name?: string | null;
  family_name_kana?: string | null;
  given_name_kana?: string | null;
  sex?: "male" | "female" | null;
  birth_date?: string | null;
  household_id?: string | null;
  relationship?: Relationship | null;
  postal_code?: string | null;
  address?: string | null;
  address_line2?: string | null;
  address_since_date?: string | null;
  became_resident_date?: string | null;
  previous_postal_code?: string | null;
  previous_address?: string | null;
  previous_address_line2?: string | null;
  registered_domicile?: string | null;
  domicile_head?: string | null;
  status?: "resident" | "removed" | null;
  removal_reason?: string | null;
  removal_date?: string | null;
  planned_move_out_date?: string | null;
  destination_postal_code?: string | null;
  destination_address?: string | null;
  destination_address_line2?: string | null;
  has_my_number?: boolean | null;
}
