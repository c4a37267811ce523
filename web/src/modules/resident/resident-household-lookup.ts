// 世帯番号による世帯の確認 (finding a household by its 世帯番号): a 転入 into an existing household
// and a 世帯合併 name the household the clerk reads off the 住民票. The counter looks it up through
// the search (a read of personal data, with the 利用目的) and shows its head, members and address
// to confirm before anything is recorded.
import type { ApiClient } from "../../kit/api-client.ts";
import { ApiProblem } from "../../kit/api-client.ts";
import { purposeHeaders } from "../../kit/access-purpose.ts";
import type { Relationship, SearchPage } from "./resident-api.ts";
import { fullName } from "./resident-values.ts";

export interface FoundHousehold {
  householdId: string;
  householdNumber: string;
  postalCode: string | null;
  address: string;
  addressLine2: string | null;
  members: { personId: string; name: string; relationship: Relationship }[];
}

/** 「00012」, 「１２」: the 世帯番号 as the API takes it, or null when it is not one. */
export function householdNumberOf(text: string): string | null {
  const digits = text.normalize("NFKC").trim();
  return /^\d{1,15}$/.test(digits) ? digits : null;
}

export type HouseholdLookup = { found: FoundHousehold } | { message: string };

export async function lookUpHousehold(api: ApiClient, purpose: string, text: string): Promise<HouseholdLookup> {
  const number = householdNumberOf(text);
  if (number === null) return { message: "世帯番号は15桁以内の数字で入力してください" };
  try {
    const page = await api.get<SearchPage>(`/api/resident/persons?householdNumber=${number}&pageSize=100`, purposeHeaders(purpose));
    const first = page.items[0];
    if (!first) return { message: "この世帯番号の世帯（住民のいる世帯）は見つかりません" };
    return {
      found: {
        householdId: first.householdId,
        householdNumber: first.householdNumber,
        postalCode: first.postalCode,
        address: first.address,
        addressLine2: first.addressLine2,
        members: page.items.map((m) => ({ personId: m.personId, name: fullName(m), relationship: m.relationship })),
      },
    };
  } catch (error) {
    return { message: error instanceof ApiProblem ? error.titleJa : "世帯を確認できませんでした" };
  }
}
