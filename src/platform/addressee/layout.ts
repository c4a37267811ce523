// 標準レイアウト (standard data layouts, architecture §6) of the addressee register:
//  - addressee.addressees: one row per addressee with its current state, merged ones included
//    (merged_into names the survivor), so that an export imported into an empty tenant gives
//    the same register back, under the same 宛名番号.
//  - addressee.mailing-addresses: the current 送付先 (withdrawn ones left out).
// What the layouts do not carry: the change history, former names and addresses, and the
// record of merges (an imported merge cannot be undone). An import writes one 'imported'
// history entry per addressee and moves the 宛名番号 counter past the highest imported number,
// so that a number is never handed out twice.
import { Type } from "@sinclair/typebox";
import type { LayoutColumn, LayoutDefinition } from "../contract.ts";
import type { Tx } from "../db/database.ts";
import {
  stateOf,
  type AddresseeKind,
  type AddresseeState,
  type AddresseeStateRow,
  type KnownAs,
  type ResidenceEndReason,
  type Sex,
} from "./addressee.ts";
import { formatAddresseeNumber, parseAddresseeNumber, reserveAddresseeNumbersUpTo } from "./addressee-number.ts";
import { EndReasonSchema, Kind, KnownAsSchema, SexSchema } from "./api-schemas.ts";
import { publishRegistered } from "./events.ts";
import {
  allNumbers,
  currentMailings,
  exportStates,
  existingNumbers,
  insertMailingVersion,
  insertResidenceEvent,
  type MailingValues,
} from "./queries.ts";
import { insertAddressee } from "./store.ts";
import { transactionActor, appendChange } from "./history.ts";
import { checkDate, checkFields, FieldErrors, type FieldError } from "./validation.ts";
import { BUSINESS_PATTERN, overlaps, validateMailing, type MailingInput } from "./mailing.ts";

const IMPORT_REASON = "標準レイアウトからの取込";
const EXPORT_BATCH = 500;

const text = (maxLength: number) => Type.String({ maxLength });
const DATE = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" });
const column = (name: string, label: string, schema: LayoutColumn["schema"], required: boolean, description?: string): LayoutColumn => ({
  name,
  label,
  schema,
  required,
  ...(description ? { description } : {}),
});

export type AddresseeLayoutRow = {
  number: string;
  kind: AddresseeKind;
  name: string;
  name_kana: string;
  birth_date?: string | null;
  sex?: Sex | null;
  corporate_number?: string | null;
  postal_code?: string | null;
  address?: string | null;
  address_line2?: string | null;
  known_as?: KnownAs | null;
  known_as_note?: string | null;
  resident_since?: string | null;
  resident_until?: string | null;
  resident_end_reason?: ResidenceEndReason | null;
  merged_into?: string | null;
};

/** Empty cells arrive as undefined, null or "": all mean "no value". */
function cell<T extends string>(value: T | null | undefined): T | null {
  return value === undefined || value === null || value === "" ? null : value;
}

/** Field names of validation.ts → column names of the layout. */
const COLUMN_OF: Record<string, string> = {
  name: "name",
  nameKana: "name_kana",
  birthDate: "birth_date",
  sex: "sex",
  corporateNumber: "corporate_number",
  postalCode: "postal_code",
  address: "address",
  addressLine2: "address_line2",
  knownAs: "known_as",
  knownAsNote: "known_as_note",
};

/** One row checked on its own: the cleaned state, or the row's errors by column. */
function checkRow(row: AddresseeLayoutRow): { state: AddresseeState | null; errors: { column: string; message: string }[] } {
  const errors = new FieldErrors();
  const number = parseAddresseeNumber(row.number ?? "");
  if (number === null) errors.add("number", "must be a 宛名番号 of 1–15 digits, not 0");
  const merged = cell(row.merged_into);
  const mergedInto = merged === null ? null : parseAddresseeNumber(merged);
  if (merged !== null && mergedInto === null) errors.add("merged_into", "must be a 宛名番号");
  const clean = checkFields(errors, {
    kind: row.kind,
    name: row.name ?? "",
    nameKana: row.name_kana ?? "",
    birthDate: cell(row.birth_date),
    sex: cell(row.sex),
    corporateNumber: cell(row.corporate_number),
    postalCode: cell(row.postal_code),
    address: cell(row.address),
    addressLine2: cell(row.address_line2),
    knownAs: cell(row.known_as),
    knownAsNote: cell(row.known_as_note),
  });
  const since = checkDate(errors, "resident_since", cell(row.resident_since));
  const until = checkDate(errors, "resident_until", cell(row.resident_until));
  const endReason = cell(row.resident_end_reason);
  if (since !== null && row.kind !== "person") errors.add("resident_since", "only a person can be a resident");
  if (until !== null && since === null) errors.add("resident_until", "needs resident_since");
  if (until !== null && since !== null && until < since) errors.add("resident_until", "must not be before resident_since");
  if ((until === null) !== (endReason === null)) errors.add("resident_end_reason", "given exactly when resident_until is");
  if (number !== null && mergedInto === number) errors.add("merged_into", "must differ from number");
  const list = errors.list.map((e: FieldError) => ({ column: COLUMN_OF[e.field] ?? e.field, message: e.message }));
  if (list.length || number === null) return { state: null, errors: list };
  return {
    state: {
      ...clean,
      number: formatAddresseeNumber(number),
      residentSince: since,
      residentUntil: until,
      residentEndReason: endReason,
      mergedInto: mergedInto === null ? null : formatAddresseeNumber(mergedInto),
    },
    errors: [],
  };
}

/** Cross-row rules: unique numbers, numbers free in the tenant, merges that point into the file. */
async function checkRows(tx: Tx, rows: AddresseeLayoutRow[]) {
  const errors: { row: number; column: string; message: string }[] = [];
  const states: (AddresseeState | null)[] = [];
  const firstRowOf = new Map<string, number>();
  rows.forEach((row, index) => {
    const checked = checkRow(row);
    errors.push(...checked.errors.map((e) => ({ row: index, ...e })));
    states.push(checked.state);
    if (checked.state) {
      const seen = firstRowOf.get(checked.state.number);
      if (seen !== undefined) errors.push({ row: index, column: "number", message: `duplicate 宛名番号 (also on row ${seen})` });
      else firstRowOf.set(checked.state.number, index);
    }
  });
  const numbers = [...firstRowOf.keys()];
  const taken = new Set(
    numbers.length ? (await tx.query(existingNumbers(numbers))).rows.map((r) => formatAddresseeNumber(r.number as string)) : [],
  );
  states.forEach((state, index) => {
    if (!state) return;
    if (taken.has(state.number)) errors.push({ row: index, column: "number", message: "宛名番号 already used in this municipality" });
    if (state.mergedInto !== null) {
      const target = firstRowOf.get(state.mergedInto);
      if (target === undefined) errors.push({ row: index, column: "merged_into", message: "no row with this 宛名番号" });
      else if (states[target] && states[target]!.kind !== state.kind) {
        errors.push({ row: index, column: "merged_into", message: "a person and an organisation cannot be merged" });
      }
    }
  });
  return { errors, states };
}

/** Survivors before the rows merged into them, so every merged_into points at an existing row. */
function survivorsFirst(states: AddresseeState[]): AddresseeState[] | null {
  const pending = new Map(states.map((s) => [s.number, s]));
  const ordered: AddresseeState[] = [];
  const placed = new Set<string>();
  while (pending.size) {
    const ready = [...pending.values()].filter((s) => s.mergedInto === null || placed.has(s.mergedInto));
    if (ready.length === 0) return null;
    for (const s of ready) {
      ordered.push(s);
      placed.add(s.number);
      pending.delete(s.number);
    }
  }
  return ordered;
}

export const addresseesLayout: LayoutDefinition<AddresseeLayoutRow> = {
  id: "addressee.addressees",
  personColumn: "number",
  name: "宛名 (団体内統合宛名)",
  version: "1",
  columns: [
    column("number", "宛名番号", Type.String({ pattern: "^\\d{1,15}$" }), true, "15桁。出力では先頭を0で埋める"),
    column("kind", "区分", Kind, true, "`person` 個人、`organisation` 法人・団体"),
    column("name", "氏名・名称", text(100), true),
    column("name_kana", "カナ氏名・カナ名称", text(200), true, "全角カタカナ"),
    column("birth_date", "生年月日", DATE, false, "個人のみ"),
    column("sex", "性別", SexSchema, false, "`male` 男、`female` 女。個人のみ"),
    column("corporate_number", "法人番号", Type.String({ pattern: "^\\d{13}$" }), false, "法人・団体のみ。検査用数字を確かめる"),
    column("postal_code", "郵便番号", Type.String({ pattern: "^\\d{7}$" }), false),
    column("address", "住所", text(200), false),
    column("address_line2", "方書", text(100), false),
    column("known_as", "把握事由", KnownAsSchema, false, "住登外者として把握している理由"),
    column("known_as_note", "把握事由の補足", text(500), false),
    column("resident_since", "住民となった日", DATE, false, "住民記録による"),
    column("resident_until", "住民でなくなった日", DATE, false, "転出または死亡の異動日"),
    column("resident_end_reason", "消除事由", EndReasonSchema, false, "`moved-out` 転出、`died` 死亡"),
    column("merged_into", "名寄せ先宛名番号", Type.String({ pattern: "^\\d{1,15}$" }), false, "名寄せで残った宛名番号"),
  ],

  async *exportRows(tx) {
    let after = "0";
    for (;;) {
      const rows = (await tx.query<AddresseeStateRow>(exportStates(after, EXPORT_BATCH))).rows;
      for (const row of rows) {
        const s = stateOf(row);
        yield {
          number: s.number,
          kind: s.kind,
          name: s.name,
          name_kana: s.nameKana,
          birth_date: s.birthDate,
          sex: s.sex,
          corporate_number: s.corporateNumber,
          postal_code: s.postalCode,
          address: s.address,
          address_line2: s.addressLine2,
          known_as: s.knownAs,
          known_as_note: s.knownAsNote,
          resident_since: s.residentSince,
          resident_until: s.residentUntil,
          resident_end_reason: s.residentEndReason,
          merged_into: s.mergedInto,
        };
      }
      if (rows.length < EXPORT_BATCH) return;
      after = rows[rows.length - 1]!.number;
    }
  },

  async validateRows(tx, rows) {
    const { errors, states } = await checkRows(tx, rows);
    if (errors.length === 0 && survivorsFirst(states as AddresseeState[]) === null) {
      errors.push({ row: 0, column: "merged_into", message: "the merges form a cycle" });
    }
    return errors;
  },

  async importRows(tx, rows, platform) {
    const { errors, states } = await checkRows(tx, rows);
    const ordered = errors.length ? null : survivorsFirst(states as AddresseeState[]);
    if (!ordered) throw new Error("addressee.addressees: rows do not validate; run validateRows first");
    let highest = 0n;
    for (const state of ordered) {
      await insertAddressee(tx, state, "imported", IMPORT_REASON);
      if (state.residentSince !== null) await tx.query(insertResidenceEvent(state.number, "began", state.residentSince, null));
      if (state.residentUntil !== null) {
        await tx.query(insertResidenceEvent(state.number, "ended", state.residentUntil, state.residentEndReason));
      }
      await publishRegistered(platform.events, tx, {
        number: state.number,
        kind: state.kind,
        resident: state.residentSince !== null && state.residentUntil === null,
        knownAs: state.knownAs,
        imported: true,
      });
      if (BigInt(state.number) > highest) highest = BigInt(state.number);
    }
    if (highest > 0n) await reserveAddresseeNumbersUpTo(tx, highest.toString());
    return { imported: ordered.length };
  },
};

export type MailingLayoutRow = {
  mailing_id: string;
  number: string;
  business: string;
  valid_from: string;
  valid_until?: string | null;
  recipient_name: string;
  recipient_kana?: string | null;
  recipient_role?: string | null;
  postal_code?: string | null;
  address: string;
  address_line2?: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const MAILING_COLUMN_OF: Record<string, string> = {
  business: "business",
  validFrom: "valid_from",
  validUntil: "valid_until",
  recipientName: "recipient_name",
  recipientKana: "recipient_kana",
  recipientRole: "recipient_role",
  postalCode: "postal_code",
  address: "address",
  addressLine2: "address_line2",
};

function toMailingInput(row: MailingLayoutRow): MailingInput {
  return {
    business: row.business ?? "",
    validFrom: row.valid_from ?? "",
    validUntil: cell(row.valid_until),
    recipientName: row.recipient_name ?? "",
    recipientKana: cell(row.recipient_kana),
    recipientRole: cell(row.recipient_role),
    postalCode: cell(row.postal_code),
    address: row.address ?? "",
    addressLine2: cell(row.address_line2),
  };
}

interface CheckedMailing {
  mailingId: string;
  number: string;
  values: MailingValues;
}

/** Every row's rules, unique ids, addressees that exist, and no overlapping periods per business. */
async function checkMailingRows(tx: Tx, rows: MailingLayoutRow[]) {
  const errors: { row: number; column: string; message: string }[] = [];
  const checked: (CheckedMailing | null)[] = [];
  const seen = new Set<string>();
  const numbers = [...new Set(rows.map((r) => parseAddresseeNumber(r.number ?? "")).filter((x): x is string => x !== null))];
  const existing = new Set(
    numbers.length ? (await tx.query(existingNumbers(numbers))).rows.map((r) => formatAddresseeNumber(r.number as string)) : [],
  );
  rows.forEach((row, index) => {
    const before = errors.length;
    const id = (row.mailing_id ?? "").toLowerCase();
    if (!UUID.test(id)) errors.push({ row: index, column: "mailing_id", message: "must be a UUID" });
    else if (seen.has(id)) errors.push({ row: index, column: "mailing_id", message: "duplicate mailing_id" });
    else seen.add(id);
    const number = parseAddresseeNumber(row.number ?? "");
    if (number === null || !existing.has(formatAddresseeNumber(number))) {
      errors.push({ row: index, column: "number", message: "no addressee with this 宛名番号 (import addressee.addressees first)" });
    }
    const { values, errors: fieldErrors } = validateMailing(toMailingInput(row), "");
    errors.push(...fieldErrors.map((e) => ({ row: index, column: MAILING_COLUMN_OF[e.field] ?? e.field, message: e.message })));
    checked.push(errors.length === before && number !== null ? { mailingId: id, number: formatAddresseeNumber(number), values } : null);
  });
  checked.forEach((a, i) => {
    if (!a) return;
    const clash = checked.findIndex(
      (b, j) => j < i && b !== null && b.number === a.number && b.values.business === a.values.business && overlaps(a.values, b.values),
    );
    if (clash !== -1) errors.push({ row: i, column: "valid_from", message: `period overlaps row ${clash} of the same addressee and business` });
  });
  return { errors, checked };
}

export const mailingAddressesLayout: LayoutDefinition<MailingLayoutRow> = {
  id: "addressee.mailing-addresses",
  personColumn: "number",
  name: "送付先",
  version: "1",
  columns: [
    column("mailing_id", "送付先ID", Type.String({ pattern: "^[0-9a-fA-F-]{36}$" }), true),
    column("number", "宛名番号", Type.String({ pattern: "^\\d{1,15}$" }), true),
    column("business", "業務", Type.String({ pattern: BUSINESS_PATTERN }), true, "業務（モジュール）の識別子。すべての業務には `*`"),
    column("valid_from", "開始日", DATE, true),
    column("valid_until", "終了日", DATE, false, "この日を含む。空欄は終了日なし"),
    column("recipient_name", "送付先氏名・名称", text(100), true),
    column("recipient_kana", "送付先カナ", text(200), false),
    column("recipient_role", "続柄・関係", text(100), false, "納税管理人、成年後見人、入院先…"),
    column("postal_code", "郵便番号", Type.String({ pattern: "^\\d{7}$" }), false),
    column("address", "送付先住所", text(200), true),
    column("address_line2", "方書", text(100), false),
  ],

  async *exportRows(tx) {
    const all = (await tx.query(allNumbers())).rows.map((r) => formatAddresseeNumber(r.number as string));
    for (let i = 0; i < all.length; i += EXPORT_BATCH) {
      const rows = (await tx.query(currentMailings(all.slice(i, i + EXPORT_BATCH)))).rows;
      rows.sort((a, b) => Number(BigInt(a.number) - BigInt(b.number)) || String(a.mailing_id).localeCompare(String(b.mailing_id)));
      for (const r of rows) {
        if (r.withdrawn) continue;
        yield {
          mailing_id: r.mailing_id,
          number: formatAddresseeNumber(r.number as string),
          business: r.business,
          valid_from: r.valid_from,
          valid_until: r.valid_until,
          recipient_name: r.recipient_name,
          recipient_kana: r.recipient_kana,
          recipient_role: r.recipient_role,
          postal_code: r.postal_code,
          address: r.address,
          address_line2: r.address_line2,
        };
      }
    }
  },

  async validateRows(tx, rows) {
    return (await checkMailingRows(tx, rows)).errors;
  },

  async importRows(tx, rows) {
    const { errors, checked } = await checkMailingRows(tx, rows);
    if (errors.length) throw new Error("addressee.mailing-addresses: rows do not validate; run validateRows first");
    const actor = await transactionActor(tx);
    for (const m of checked as CheckedMailing[]) {
      await tx.query(insertMailingVersion(m.mailingId, 1, m.number, m.values, false, IMPORT_REASON, actor));
      await appendChange(tx, {
        number: m.number,
        change: "mailing-added",
        fields: ["mailing"],
        reason: IMPORT_REASON,
        before: null,
        after: { mailingId: m.mailingId, ...m.values },
      });
    }
    return { imported: checked.length };
  },
};
