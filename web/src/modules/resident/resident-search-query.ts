// 住民検索の条件 (search criteria): what the clerk typed, checked and turned into the query of
// GET /api/resident/persons — the name as typed (the server folds ﾀﾅｶ, たなか and タナカ together
// and matches kanji too), 生年月日 in 和暦 or 西暦 as an ISO date, the start of the 住所, a 世帯番号
// in 全角 or 半角 digits, and whether 除票 are included — or a Japanese message per field.
import { readDateInput } from "../../kit/wareki-date.ts";

export interface ResidentCriteria {
  name: string;
  birthDate: string;
  address: string;
  householdNumber: string;
  includeRemoved: boolean;
}

export type ResidentCriteriaErrors = Partial<Record<keyof ResidentCriteria | "form", string>>;

export const EMPTY_RESIDENT_CRITERIA: ResidentCriteria = { name: "", birthDate: "", address: "", householdNumber: "", includeRemoved: false };

/** The server's limits (SearchQuery in api-schemas.ts). */
export const SEARCH_NAME_MAX_LENGTH = 100;
export const SEARCH_ADDRESS_MAX_LENGTH = 200;

/** The query string of the criteria, or the Japanese message per field that cannot be searched. */
export function residentSearchQuery(criteria: ResidentCriteria): { query: string } | { errors: ResidentCriteriaErrors } {
  const errors: ResidentCriteriaErrors = {};
  const params = new URLSearchParams();
  const name = criteria.name.trim().replace(/\s+/g, " ");
  if (name.length > SEARCH_NAME_MAX_LENGTH) errors.name = `氏名は${SEARCH_NAME_MAX_LENGTH}文字以内で入力してください`;
  else if (name) params.set("q", name);
  const birth = readDateInput(criteria.birthDate);
  if (birth.kind === "error") errors.birthDate = birth.message;
  else if (birth.kind === "date") params.set("birthDate", birth.iso);
  const address = criteria.address.trim();
  if (address.length > SEARCH_ADDRESS_MAX_LENGTH) errors.address = `住所は${SEARCH_ADDRESS_MAX_LENGTH}文字以内で入力してください`;
  else if (address) params.set("address", address);
  const household = criteria.householdNumber.normalize("NFKC").trim();
  if (household && !/^\d{1,15}$/.test(household)) errors.householdNumber = "世帯番号は15桁以内の数字で入力してください";
  else if (household) params.set("householdNumber", household);
  if (Object.keys(errors).length) return { errors };
  if (![...params.keys()].length) return { errors: { form: "氏名・生年月日・住所・世帯番号のいずれかを入力してください" } };
  if (criteria.includeRemoved) params.set("includeRemoved", "true");
  return { query: params.toString() };
}
