// 宛名検索の条件 (search criteria): what the clerk typed, checked and turned into the query of
// GET /api/addressees — 生年月日 in 和暦 becomes an ISO date, 全角 digits become ASCII, a 法人番号 is
// checked for its check digit, an address goes as typed (the server reads it from its start or
// from the 町字 on: 「堀内」 = 「葉山町堀内」, ADR 0022) — or a Japanese message per field that
// cannot be searched.
import type { AddresseeKind } from "../../../../src/platform/addressee/addressee.ts";
import { checkCorporateNumberInput, NAME_MAX_LENGTH } from "./addressee-input.ts";
import { readDateInput } from "../../kit/wareki-date.ts";

export interface SearchCriteria {
  name: string;
  birthDate: string;
  number: string;
  corporateNumber: string;
  kind: "" | AddresseeKind;
  address: string;
}

/** The longest address the server searches by (api-schemas.ts SearchQuery.address). */
export const ADDRESS_SEARCH_MAX_LENGTH = 200;

export type CriteriaErrors = Partial<Record<keyof SearchCriteria | "form", string>>;

export const EMPTY_CRITERIA: SearchCriteria = { name: "", birthDate: "", number: "", corporateNumber: "", kind: "", address: "" };

/** The query string of the criteria, or the Japanese message per field that cannot be searched. */
export function searchQuery(criteria: SearchCriteria): { query: string } | { errors: CriteriaErrors } {
  const errors: CriteriaErrors = {};
  const params = new URLSearchParams();
  const name = criteria.name.trim();
  if (name.length > NAME_MAX_LENGTH) errors.name = `氏名・名称は${NAME_MAX_LENGTH}文字以内で入力してください`;
  else if (name) params.set("name", name);
  const birth = readDateInput(criteria.birthDate);
  if (birth.kind === "error") errors.birthDate = birth.message;
  else if (birth.kind === "date") params.set("birthDate", birth.iso);
  const number = criteria.number.normalize("NFKC").trim();
  if (number && !/^\d{1,15}$/.test(number)) errors.number = "宛名番号は15桁以内の数字で入力してください";
  else if (number) params.set("number", number);
  const corporate = checkCorporateNumberInput(criteria.corporateNumber);
  if (!corporate.ok) errors.corporateNumber = corporate.message;
  else if (corporate.value) params.set("corporateNumber", corporate.value);
  if (criteria.kind) params.set("kind", criteria.kind);
  const address = criteria.address.trim();
  if (address.length > ADDRESS_SEARCH_MAX_LENGTH) errors.address = `住所は${ADDRESS_SEARCH_MAX_LENGTH}文字以内で入力してください`;
  else if (address) params.set("address", address);
  if (Object.keys(errors).length) return { errors };
  if (![...params.keys()].length) return { errors: { form: "検索条件を1つ以上入力してください" } };
  return { query: params.toString() };
}

