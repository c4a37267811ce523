// 入力の整形 (cleaning input) before the rules judge it: カナ to full-width katakana, postal codes
// and 個人番号 to ASCII digits, free text trimmed. Kanji names are only trimmed — never NFC- or
// NFKC-normalised, which could replace a registered 異体字 — so what the clerk entered (with its
// IVS) is what the registry keeps.
import { toKatakanaName } from "../../lib/kana.ts";
import { normalizeMyNumber } from "../../lib/my-number.ts";
import type { AddressInputType, PersonInputType } from "./api-schemas.ts";
import type { FieldSet } from "./person-record.ts";

export function cleanText(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

/** 郵便番号 as seven ASCII digits when it is one; otherwise as typed, for the rule to refuse. */
export function cleanPostalCode(text: string | null | undefined): string | null {
  const value = cleanText(text);
  if (value === null) return null;
  return value.normalize("NFKC").replace(/[-‐−ー〒\s]/g, "");
}

export function cleanName(text: string): string {
  return text.trim();
}

export function cleanKana(text: string): string {
  return toKatakanaName(text);
}

export function cleanMyNumber(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === "" ? undefined : normalizeMyNumber(text);
}

export function addressFields(input: AddressInputType): Pick<Required<FieldSet>, "postalCode" | "address" | "addressLine2"> {
  return { postalCode: cleanPostalCode(input.postalCode), address: input.address.trim(), addressLine2: cleanText(input.addressLine2) };
}

export function previousAddressFields(input: AddressInputType | undefined): Pick<Required<FieldSet>, "previousPostalCode" | "previousAddress" | "previousAddressLine2"> {
  if (!input) return { previousPostalCode: null, previousAddress: null, previousAddressLine2: null };
  const a = addressFields(input);
  return { previousPostalCode: a.postalCode, previousAddress: a.address, previousAddressLine2: a.addressLine2 };
}

export function destinationFields(input: AddressInputType): Pick<Required<FieldSet>, "destinationPostalCode" | "destinationAddress" | "destinationAddressLine2"> {
  const a = addressFields(input);
  return { destinationPostalCode: a.postalCode, destinationAddress: a.address, destinationAddressLine2: a.addressLine2 };
}

/** The identity fields of a person as entered on a 転入届, 出生届 or 職権記載. */
export function identityFields(input: Omit<PersonInputType, "addresseeNumber">): FieldSet {
  return {
    familyName: cleanName(input.familyName),
    givenName: cleanName(input.givenName),
    familyNameKana: cleanKana(input.familyNameKana),
    givenNameKana: cleanKana(input.givenNameKana),
    sex: input.sex,
    birthDate: input.birthDate,
    relationship: input.relationship,
    registeredDomicile: cleanText(input.registeredDomicile),
    domicileHead: cleanText(input.domicileHead),
  };
}
