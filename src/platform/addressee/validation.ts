// 入力チェック (input rules) for an addressee's fields, shared by the HTTP API, the registry link
// and the standard layout. Each rule names the field it rejects; the messages never repeat the
// value (it may be a name or an address), only what is wrong with it.
import { isKatakanaName, toKatakanaName } from "../../lib/kana.ts";
import { checkCorporateNumber, normalizeCorporateNumber } from "../../lib/corporate-number.ts";
import { isCalendarDate, todayInJapan } from "./calendar-date.ts";
import type { AddresseeKind, KnownAs, Sex } from "./addressee.ts";

export interface FieldError {
  field: string;
  message: string;
}

/** Collects errors under a field prefix (`body/` for the HTTP API, a column for a layout). */
export class FieldErrors {
  readonly list: FieldError[] = [];
  constructor(private readonly prefix = "") {}

  add(field: string, message: string): void {
    this.list.push({ field: `${this.prefix}${field}`, message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }
}

/** The earliest birth date accepted: old land records still name owners born in the 1800s. */
const EARLIEST_BIRTH_DATE = "1800-01-01";

// Private-use code points (外字 of a legacy system) mean nothing outside that system: they must
// be mapped to Unicode (with an IVS where needed) before they are stored (domain primer, 文字).
const PRIVATE_USE = /[\uE000-\uF8FF\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]/u;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/** A name as stored: trimmed, spaces between parts as one full-width space (氏 名, U+3000). */
export function cleanName(text: string): string {
  return text.trim().split(/\s+/).filter(Boolean).join("\u3000");
}

/** Free text (addresses, notes): trimmed; empty becomes null. */
export function cleanText(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

export function checkName(errors: FieldErrors, field: string, text: string): string {
  const name = cleanName(text);
  if (name === "") errors.add(field, "required");
  else if (PRIVATE_USE.test(name)) errors.add(field, "contains a private-use character (外字); map it to Unicode first");
  else if (CONTROL.test(name)) errors.add(field, "contains a control character");
  return name;
}

export function checkKana(errors: FieldErrors, field: string, text: string): string {
  const kana = toKatakanaName(text);
  if (kana === "") errors.add(field, "required");
  else if (!isKatakanaName(kana)) errors.add(field, "must be written in katakana (カナ), with spaces between parts only");
  return kana;
}

export function checkText(errors: FieldErrors, field: string, text: string | null | undefined): string | null {
  const value = cleanText(text);
  if (value !== null && (PRIVATE_USE.test(value) || CONTROL.test(value))) {
    errors.add(field, "contains a private-use or control character");
  }
  return value;
}

/** 郵便番号: seven digits; a hyphen and full-width digits are accepted and removed. */
export function checkPostalCode(errors: FieldErrors, field: string, text: string | null | undefined): string | null {
  const value = cleanText(text);
  if (value === null) return null;
  const digits = value.normalize("NFKC").replace(/[-‐−ー]/g, "");
  if (!/^\d{7}$/.test(digits)) {
    errors.add(field, "must be a postal code of 7 digits");
    return null;
  }
  return digits;
}

/** Any calendar date (a period's start, an 異動日), not after `notAfter` when given. */
export function checkDate(
  errors: FieldErrors,
  field: string,
  text: string | null | undefined,
  notAfter?: string,
): string | null {
  if (text === null || text === undefined) return null;
  if (!isCalendarDate(text)) {
    errors.add(field, "must be an existing calendar date (YYYY-MM-DD)");
    return null;
  }
  if (notAfter !== undefined && text > notAfter) {
    errors.add(field, "must not be in the future");
    return null;
  }
  return text;
}

/** 生年月日: an existing date, not in the future (Japan time), not before 1800. */
export function checkBirthDate(errors: FieldErrors, field: string, text: string | null | undefined, today = todayInJapan()): string | null {
  const date = checkDate(errors, field, text, today);
  if (date !== null && date < EARLIEST_BIRTH_DATE) {
    errors.add(field, `must not be before ${EARLIEST_BIRTH_DATE}`);
    return null;
  }
  return date;
}

/** 法人番号: 13 digits whose first digit is the check digit (法人番号の指定等に関する省令 第2条). */
export function checkCorporateNumberField(errors: FieldErrors, field: string, text: string | null | undefined): string | null {
  const value = cleanText(text);
  if (value === null) return null;
  const number = normalizeCorporateNumber(value);
  const problem = checkCorporateNumber(number);
  if (problem === "format") errors.add(field, "must be a 法人番号 of 13 digits");
  else if (problem === "check-digit") errors.add(field, "check digit does not match (法人番号の指定等に関する省令 第2条)");
  return problem === null ? number : null;
}

/** The fields of a person or organisation as a clerk or a file gives them. */
export interface AddresseeFields {
  kind: AddresseeKind;
  name: string;
  nameKana: string;
  birthDate?: string | null;
  sex?: Sex | null;
  corporateNumber?: string | null;
  postalCode?: string | null;
  address?: string | null;
  addressLine2?: string | null;
  knownAs?: KnownAs | null;
  knownAsNote?: string | null;
}

export interface CleanFields {
  kind: AddresseeKind;
  name: string;
  nameKana: string;
  birthDate: string | null;
  sex: Sex | null;
  corporateNumber: string | null;
  postalCode: string | null;
  address: string | null;
  addressLine2: string | null;
  knownAs: KnownAs | null;
  knownAsNote: string | null;
}

/**
 * Every rule for a whole set of fields, all at once so that one answer names every bad field:
 * names and カナ, dates, the 法人番号, what belongs to a person and what to an organisation.
 */
export function checkFields(errors: FieldErrors, input: AddresseeFields, today = todayInJapan()): CleanFields {
  const person = input.kind === "person";
  const clean: CleanFields = {
    kind: input.kind,
    name: checkName(errors, "name", input.name),
    nameKana: checkKana(errors, "nameKana", input.nameKana),
    birthDate: person ? checkBirthDate(errors, "birthDate", input.birthDate, today) : null,
    sex: person ? (input.sex ?? null) : null,
    corporateNumber: person ? null : checkCorporateNumberField(errors, "corporateNumber", input.corporateNumber),
    postalCode: checkPostalCode(errors, "postalCode", input.postalCode),
    address: checkText(errors, "address", input.address),
    addressLine2: checkText(errors, "addressLine2", input.addressLine2),
    knownAs: input.knownAs ?? null,
    knownAsNote: checkText(errors, "knownAsNote", input.knownAsNote),
  };
  if (!person && input.birthDate) errors.add("birthDate", "only a person has a birth date");
  if (!person && input.sex) errors.add("sex", "only a person has a sex");
  if (person && input.corporateNumber) errors.add("corporateNumber", "only an organisation has a 法人番号");
  if (clean.addressLine2 !== null && clean.address === null) errors.add("addressLine2", "needs an address");
  if (clean.postalCode !== null && clean.address === null) errors.add("postalCode", "needs an address");
  if (clean.knownAs === "other" && clean.knownAsNote === null) errors.add("knownAsNote", "required when knownAs is other");
  return clean;
}
