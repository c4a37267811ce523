// 住民票の値の表示 (how a value of the record reads on screen): names with the full-width space
// the registry prints, 郵便番号 as 〒240-0112, dates in 和暦 with the 西暦 beside them where a clerk
// compares them, codes (性別, 続柄, 消除の事由) in words, and an empty value as （なし）.
import { fullName, fullNameKana } from "../../../../src/modules/resident/person-record.ts";
import type { Relationship } from "./resident-api.ts";
import { fieldLabel, relationshipLabel, REMOVAL_REASON_JA, SEX_JA, STATUS_JA } from "./resident-labels.ts";
import { warekiDateJa } from "../../kit/wareki-date.ts";

export { fullName, fullNameKana };

const DATE_FIELDS = new Set([
  "birthDate",
  "addressSinceDate",
  "becameResidentDate",
  "removalDate",
  "plannedMoveOutDate",
]);
const POSTAL_FIELDS = new Set(["postalCode", "previousPostalCode", "destinationPostalCode"]);

/** 「〒240-0112」, or the text as stored when it is not seven digits. */
export function postalCodeText(code: string | null | undefined): string {
  if (!code) return "";
  return /^\d{7}$/.test(code) ? `〒${code.slice(0, 3)}-${code.slice(3)}` : `〒${code}`;
}

/** 住所 with its 方書 after a full-width space, as the 住民票 prints them. */
export function addressText(address: string | null | undefined, line2?: string | null): string {
  if (!address) return "";
  return line2 ? `${address}\u3000${line2}` : address;
}

/** 「1980/05/05」: the 西暦 shown beneath a 和暦 date for checking against a card. */
export function slashDate(iso: string): string {
  return iso.replace(/-/g, "/");
}

/** One value of the record, as the 異動 history shows it before → after. */
export function recordValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "（なし）";
  if (typeof value === "boolean") return field === "hasMyNumber" ? (value ? "記録あり" : "記録なし") : value ? "はい" : "いいえ";
  if (typeof value !== "string") return JSON.stringify(value);
  if (DATE_FIELDS.has(field)) return warekiDateJa(value);
  if (POSTAL_FIELDS.has(field)) return postalCodeText(value);
  switch (field) {
    case "sex":
      return SEX_JA[value as keyof typeof SEX_JA] ?? value;
    case "relationship":
      return relationshipLabel(value as Relationship);
    case "status":
      return STATUS_JA[value] ?? value;
    case "removalReason":
      return REMOVAL_REASON_JA[value] ?? value;
    default:
      return value;
  }
}

/** 「住所：…旧… → …新…」 */
export function changeLine(field: string, before: unknown, after: unknown): string {
  return `${fieldLabel(field)}：${recordValue(field, before)} → ${recordValue(field, after)}`;
}
