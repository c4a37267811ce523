// 氏名変更・職権修正の入力 (changes to one person's own items). The form starts from the record
// as it stands and sends only what the clerk changed: a 氏名変更 the new 氏・名 and their カナ, a
// 職権修正 any item of the 住民票 (a wrong 生年月日, a misspelt 本籍, a missing 方書), dated from when
// the corrected value applies — which may lie in the past (住民基本台帳法 第8条, 施行令 第12条).
import { warekiDateJa } from "../../kit/wareki-date.ts";
import type { ExOfficioCorrection, NameChanged, ResidentRecord } from "./resident-api.ts";
import { emptyDates, EX_OFFICIO_KEYS, NOTIFIED_KEYS, readExOfficio, readNotified, type ChangeDatesDraft } from "./resident-change-dates.ts";
import { DraftReader, LIMITS } from "./resident-draft-checks.ts";
import type { DraftCheck } from "./resident-form-errors.ts";

export interface NameDraft extends ChangeDatesDraft {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
}

type NameFields = Pick<ResidentRecord, "familyName" | "givenName" | "familyNameKana" | "givenNameKana">;

export function emptyNameChange(record: NameFields, today?: string): NameDraft {
  return {
    ...emptyDates(today),
    familyName: record.familyName,
    givenName: record.givenName,
    familyNameKana: record.familyNameKana,
    givenNameKana: record.givenNameKana,
  };
}

export const NAME_CHANGE_KEYS = [...NOTIFIED_KEYS, "familyName", "givenName", "familyNameKana", "givenNameKana", "personId"];

export function checkNameChange(draft: NameDraft, personId: string, record: NameFields): DraftCheck<NameChanged> {
  const r = new DraftReader();
  const dates = readNotified(r, draft, "変更日");
  const familyName = r.text("familyName", draft.familyName, "氏", LIMITS.familyName, true);
  const givenName = r.text("givenName", draft.givenName, "名", LIMITS.givenName) ?? "";
  const familyNameKana = r.kana("familyNameKana", draft.familyNameKana, "氏（カナ）", true);
  const givenNameKana = r.kana("givenNameKana", draft.givenNameKana, "名（カナ）", givenName !== "") ?? "";
  if (!r.ok) return { ok: false, errors: r.errors };
  const next = { familyName: familyName!, givenName, familyNameKana: familyNameKana!, givenNameKana };
  const changed = (Object.keys(next) as (keyof NameFields)[]).filter((k) => next[k] !== record[k]);
  if (changed.length === 0) return { ok: false, errors: { familyName: "新しい氏名を入力してください（今の氏名と同じです）" } };
  return { ok: true, body: { kind: "name-changed", ...dates!, personId, ...Object.fromEntries(changed.map((k) => [k, next[k]])) } };
}

/** The items a 職権修正 may correct, in the order of the 住民票 (status and household have 異動 of their own). */
export const CORRECTABLE = [
  "familyName",
  "givenName",
  "familyNameKana",
  "givenNameKana",
  "birthDate",
  "sex",
  "relationship",
  "postalCode",
  "address",
  "addressLine2",
  "addressSinceDate",
  "becameResidentDate",
  "previousPostalCode",
  "previousAddress",
  "previousAddressLine2",
  "registeredDomicile",
  "domicileHead",
  "myNumber",
] as const;

export type Correctable = (typeof CORRECTABLE)[number];

const DATE_ITEMS = new Set<Correctable>(["birthDate", "addressSinceDate", "becameResidentDate"]);
const TEXT_LIMITS: Partial<Record<Correctable, number>> = {
  familyName: LIMITS.familyName,
  givenName: LIMITS.givenName,
  address: LIMITS.address,
  addressLine2: LIMITS.addressLine2,
  previousAddress: LIMITS.address,
  previousAddressLine2: LIMITS.addressLine2,
  registeredDomicile: LIMITS.registeredDomicile,
  domicileHead: LIMITS.domicileHead,
};

export interface CorrectionDraft extends ChangeDatesDraft {
  values: Record<Correctable, string>;
}

/** The record's values as the fields show them: dates in 和暦, the 個人番号 empty (it is never shown). */
export function emptyCorrection(record: ResidentRecord, today?: string): CorrectionDraft {
  const values = {} as Record<Correctable, string>;
  for (const item of CORRECTABLE) {
    const value = item === "myNumber" ? null : record[item];
    values[item] = value === null || value === undefined ? "" : DATE_ITEMS.has(item) ? warekiDateJa(value) : String(value);
  }
  return { ...emptyDates(today), values };
}

export const correctionKey = (item: Correctable): string => `corrections/0/fields/${item}`;

export const CORRECTION_KEYS = [...EX_OFFICIO_KEYS, "corrections", ...CORRECTABLE.map(correctionKey)];

/** The items whose value differs from the record, read into the API's shape. */
export function checkCorrection(draft: CorrectionDraft, personId: string, record: ResidentRecord): DraftCheck<ExOfficioCorrection> {
  const r = new DraftReader();
  const dates = readExOfficio(r, draft, "職権で修正する理由");
  const fields: Record<string, unknown> = {};
  for (const item of CORRECTABLE) {
    const key = correctionKey(item);
    const typed = draft.values[item];
    let value: string | null;
    if (item === "myNumber") {
      value = r.myNumber(key, typed);
      if (value !== null) fields.myNumber = value;
      continue;
    }
    if (DATE_ITEMS.has(item)) value = r.date(key, typed, "日付");
    else if (item === "familyNameKana") value = r.kana(key, typed, "氏（カナ）", true);
    else if (item === "givenNameKana") value = r.kana(key, typed, "名（カナ）", false);
    else if (item === "postalCode" || item === "previousPostalCode") value = r.postalCode(key, typed);
    else if (item === "sex" || item === "relationship") value = typed ? typed : r.fail(key, "選んでください");
    else value = r.text(key, typed, "この項目", TEXT_LIMITS[item] ?? LIMITS.address, item === "familyName" || item === "address");
    if (key in r.errors) continue;
    const current = record[item] ?? null;
    const next = item === "givenName" || item === "givenNameKana" ? (value ?? "") : value;
    if (next !== current) fields[item] = next;
  }
  if (r.ok && Object.keys(fields).length === 0) r.fail("corrections", "修正する項目の値を変えてください");
  if (!r.ok) return { ok: false, errors: r.errors };
  return { ok: true, body: { kind: "ex-officio-correction", ...dates!, corrections: [{ personId, fields: fields as ExOfficioCorrection["corrections"][number]["fields"] }] } };
}
