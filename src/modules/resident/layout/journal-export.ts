// 異動記録の出力 (exporting the journal): every entry of the tenant's 異動 journal as one row, in
// journal order, read through a server-side cursor so that a registry of a million persons is
// streamed, never held. Each row lists the fields the entry set (`*` for all of them) and
// their values; the 世帯番号 accompanies every household id.
import { formatAddresseeNumber } from "../../../platform/addressee/addressee-number.ts";
import type { Tx } from "../../../platform/db/database.ts";
import { cursorRows } from "../../../platform/layouts/cursor-rows.ts";
import type { ChangeKind } from "../change-kind.ts";
import { PERSON_FIELDS, type FieldSet } from "../person-record.ts";
import { journalRows } from "./bulk-queries.ts";
import { ALL_FIELDS_MARK, FIELD_COLUMN, type ChangeRow } from "./change-columns.ts";

export interface StoredEntry extends Record<string, unknown> {
  change_id: string;
  kind: ChangeKind;
  effective_date: string;
  notified_date: string | null;
  recorded_at: string;
  actor: string;
  reason: string | null;
  person_id: string;
  addressee_number: string;
  set: FieldSet;
  household_number: string | null;
}

const CURSOR_BATCH = 2000;

/** The fields column of a set: `*` for every field, else the set's columns in the layout's order. */
function fieldsCell(set: Record<string, unknown>): string | null {
  const listed = PERSON_FIELDS.filter((f) => f in set);
  if (listed.length === PERSON_FIELDS.length) return ALL_FIELDS_MARK;
  return listed.length ? listed.map((f) => FIELD_COLUMN[f]).join(" ") : null;
}

export function toChangeRow(stored: StoredEntry): ChangeRow {
  const s = stored.set as Record<string, unknown>;
  const v = (field: string) => (field in s ? s[field] : null) as never;
  // One literal with every column, so that a million rows share one shape.
  return {
    change_id: stored.change_id,
    kind: stored.kind,
    effective_date: stored.effective_date,
    notified_date: stored.notified_date,
    recorded_at: stored.recorded_at,
    actor: stored.actor,
    reason: stored.reason,
    person_id: stored.person_id,
    addressee_number: formatAddresseeNumber(stored.addressee_number),
    fields: fieldsCell(s),
    family_name: v("familyName"),
    given_name: v("givenName"),
    family_name_kana: v("familyNameKana"),
    given_name_kana: v("givenNameKana"),
    sex: v("sex"),
    birth_date: v("birthDate"),
    household_id: v("householdId"),
    household_number: "householdId" in s ? stored.household_number : null,
    relationship: v("relationship"),
    postal_code: v("postalCode"),
    address: v("address"),
    address_line2: v("addressLine2"),
    address_since_date: v("addressSinceDate"),
    became_resident_date: v("becameResidentDate"),
    previous_postal_code: v("previousPostalCode"),
    previous_address: v("previousAddress"),
    previous_address_line2: v("previousAddressLine2"),
    registered_domicile: v("registeredDomicile"),
    domicile_head: v("domicileHead"),
    status: v("status"),
    removal_reason: v("removalReason"),
    removal_date: v("removalDate"),
    planned_move_out_date: v("plannedMoveOutDate"),
    destination_postal_code: v("destinationPostalCode"),
    destination_address: v("destinationAddress"),
    destination_address_line2: v("destinationAddressLine2"),
    has_my_number: v("hasMyNumber"),
  };
}

export async function* exportJournal(tx: Tx): AsyncGenerator<ChangeRow> {
  const { text, values } = journalRows();
  for await (const stored of cursorRows<StoredEntry>(tx, text, values, CURSOR_BATCH)) yield toChangeRow(stored);
}
