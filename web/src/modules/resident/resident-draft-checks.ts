// 異動届の項目の検査 (checks of the items of a 異動届 as typed): the shape the API needs — a name
// within its length, カナ in katakana (half-width and hiragana converted as the server does), a
// date typed in 和暦 or 西暦 that exists, a 7-digit 郵便番号, a 個人番号 with its check digit
// (番号法施行令 第8条). Whether the change makes sense against the registry (death before birth, a
// birth in the future, a household left without its head) is the server's rules' to say: the
// form asks them as the clerk types (POST /api/resident/changes/check).
import { isKatakanaName, toKatakanaName } from "../../../../src/lib/kana.ts";
import { checkMyNumber, normalizeMyNumber } from "../../../../src/lib/my-number.ts";
import type { AddressInputType, PersonInputType, Relationship } from "./resident-api.ts";
import type { FormErrors } from "./resident-form-errors.ts";
import { readDateInput } from "../../kit/wareki-date.ts";

/** The API's limits (api-schemas.ts). */
export const LIMITS = {
  familyName: 50,
  givenName: 50,
  kana: 100,
  address: 200,
  addressLine2: 100,
  postalCode: 10,
  registeredDomicile: 200,
  domicileHead: 100,
  reason: 500,
} as const;

/** Collects errors under keys while reading values; `value` is null when its item failed. */
export class DraftReader {
  readonly errors: FormErrors = {};

  fail(key: string, message: string): null {
    if (!(key in this.errors)) this.errors[key] = message;
    return null;
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  /** Free text: trimmed; required or null when empty. */
  text(key: string, value: string, label: string, max: number, required = false): string | null {
    const text = value.trim();
    if (!text) return required ? this.fail(key, `${label}を入力してください`) : null;
    if (text.length > max) return this.fail(key, `${label}は${max}文字以内で入力してください`);
    return text;
  }

  /** A date typed in 和暦 or 西暦, as an ISO date. */
  date(key: string, value: string, label: string, required = true): string | null {
    const input = readDateInput(value);
    if (input.kind === "error") return this.fail(key, input.message);
    if (input.kind === "empty") return required ? this.fail(key, `${label}を入力してください`) : null;
    return input.iso;
  }

  /** カナ as stored: full-width katakana. */
  kana(key: string, value: string, label: string, required: boolean): string | null {
    const kana = toKatakanaName(value);
    if (!kana) return required ? this.fail(key, `${label}を入力してください`) : null;
    if (!isKatakanaName(kana)) return this.fail(key, `${label}はカタカナで入力してください`);
    if (kana.length > LIMITS.kana) return this.fail(key, `${label}は${LIMITS.kana}文字以内で入力してください`);
    return kana;
  }

  /** 郵便番号: seven digits; 「240-0112」 and 全角 digits are accepted. */
  postalCode(key: string, value: string): string | null {
    if (!value.trim()) return null;
    const digits = value.normalize("NFKC").replace(/[-‐−ー〒\s]/g, "");
    return /^\d{7}$/.test(digits) ? digits : this.fail(key, "郵便番号は7桁の数字で入力してください");
  }

  /** 個人番号: optional; 12 digits whose last is the check digit. Never echoed in a message. */
  myNumber(key: string, value: string): string | null {
    if (!value.trim()) return null;
    const number = normalizeMyNumber(value);
    const problem = checkMyNumber(number);
    if (problem === "format") return this.fail(key, "個人番号は12桁の数字で入力してください");
    if (problem === "check-digit") return this.fail(key, "個人番号の検査用数字（最後の1桁）が合いません。番号を確かめてください");
    return number;
  }

  choice<T extends string>(key: string, value: "" | T, label: string): T | null {
    return value ? value : this.fail(key, `${label}を選んでください`);
  }
}

export interface AddressDraft {
  postalCode: string;
  address: string;
  addressLine2: string;
}

export const EMPTY_ADDRESS: AddressDraft = { postalCode: "", address: "", addressLine2: "" };

/** An address block under `prefix` ("address", "previousAddress", "destination"). */
export function readAddress(r: DraftReader, prefix: string, draft: AddressDraft, label: string): AddressInputType | null {
  const postalCode = r.postalCode(`${prefix}/postalCode`, draft.postalCode);
  const address = r.text(`${prefix}/address`, draft.address, label, LIMITS.address, true);
  const addressLine2 = r.text(`${prefix}/addressLine2`, draft.addressLine2, "方書", LIMITS.addressLine2);
  if (address === null) return null;
  return { postalCode, address, addressLine2 };
}

/** A person as a 転入届, 出生届 or 職権記載 gives them. */
export interface PersonDraft {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  sex: "" | "male" | "female";
  birthDate: string;
  relationship: "" | Relationship;
  registeredDomicile: string;
  domicileHead: string;
  myNumber: string;
  /** The 宛名番号 of the 住登外者 or former resident the clerk confirmed as this person, or "". */
  addresseeNumber: string;
}

export const PERSON_FIELD_ORDER = [
  "familyName",
  "givenName",
  "familyNameKana",
  "givenNameKana",
  "birthDate",
  "sex",
  "relationship",
  "registeredDomicile",
  "domicileHead",
  "myNumber",
] as const;

export function emptyPerson(relationship: "" | Relationship = ""): PersonDraft {
  return {
    familyName: "",
    givenName: "",
    familyNameKana: "",
    givenNameKana: "",
    sex: "",
    birthDate: "",
    relationship,
    registeredDomicile: "",
    domicileHead: "",
    myNumber: "",
    addresseeNumber: "",
  };
}

/** A person under `prefix` ("persons/0", "person"). */
export function readPerson(r: DraftReader, prefix: string, draft: PersonDraft): PersonInputType | null {
  const k = (field: string) => `${prefix}/${field}`;
  const familyName = r.text(k("familyName"), draft.familyName, "氏", LIMITS.familyName, true);
  const givenName = r.text(k("givenName"), draft.givenName, "名", LIMITS.givenName) ?? "";
  const familyNameKana = r.kana(k("familyNameKana"), draft.familyNameKana, "氏（カナ）", true);
  // A 名 needs its カナ as well (the server's kana-format rule asks the same).
  const givenNameKana = r.kana(k("givenNameKana"), draft.givenNameKana, "名（カナ）", givenName !== "") ?? "";
  const birthDate = r.date(k("birthDate"), draft.birthDate, "生年月日");
  const sex = r.choice(k("sex"), draft.sex, "性別");
  const relationship = r.choice(k("relationship"), draft.relationship, "続柄");
  const registeredDomicile = r.text(k("registeredDomicile"), draft.registeredDomicile, "本籍", LIMITS.registeredDomicile);
  const domicileHead = r.text(k("domicileHead"), draft.domicileHead, "筆頭者", LIMITS.domicileHead);
  const myNumber = r.myNumber(k("myNumber"), draft.myNumber);
  if (familyName === null || familyNameKana === null || birthDate === null || sex === null || relationship === null) return null;
  return {
    ...(draft.addresseeNumber ? { addresseeNumber: draft.addresseeNumber } : {}),
    familyName,
    givenName,
    familyNameKana,
    givenNameKana,
    sex,
    birthDate,
    relationship,
    registeredDomicile,
    domicileHead,
    ...(myNumber ? { myNumber } : {}),
  };
}

/** The keys of a person block, in the order the form shows them. */
export function personKeys(prefix: string): string[] {
  return [prefix, ...PERSON_FIELD_ORDER.map((f) => `${prefix}/${f}`)];
}

export function addressKeys(prefix: string): string[] {
  return [prefix, `${prefix}/postalCode`, `${prefix}/address`, `${prefix}/addressLine2`];
}
