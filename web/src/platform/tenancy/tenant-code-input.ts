// 全国地方公共団体コード as an operator types it into the 団体の追加 form: Japanese messages for
// each way it can be wrong, checked with the same rule (検査数字, weights 6,5,4,3,2) as the server;
// then the server's 総務省 master names the municipality (or says why it cannot be a tenant).
import { checkLocalGovernmentCode, isPrefectureCode, localGovernmentCheckDigit } from "../../../../src/lib/local-government-code.ts";
import { PREFECTURES } from "../../../../src/lib/prefectures.ts";

export interface TenantCodeCheck {
  /** Why the code cannot be registered, or null (also null while a partial code is still being typed). */
  message: string | null;
  /** The prefecture (都道府県) the code belongs to, once the code is valid. */
  prefectureName: string | null;
}

const FORMAT = "団体コードは半角数字6桁で入力してください";

/** `typing`: a partial code (fewer than six digits) is not yet an error. */
export function checkTenantCodeInput(code: string, typing: boolean): TenantCodeCheck {
  if (code === "") return { message: typing ? null : FORMAT, prefectureName: null };
  if (!/^\d+$/.test(code) || code.length > 6) return { message: FORMAT, prefectureName: null };
  if (code.length < 6) return { message: typing ? null : FORMAT, prefectureName: null };
  const prefecture = PREFECTURES.find((p) => p.code.slice(0, 2) === code.slice(0, 2));
  if (!prefecture) return { message: "先頭2桁の都道府県番号（01〜47）が正しくありません", prefectureName: null };
  if (checkLocalGovernmentCode(code) === "check-digit") {
    const expected = localGovernmentCheckDigit(code.slice(0, 5));
    return {
      message: `検査数字（6桁目）が正しくありません。${code.slice(0, 5)} の検査数字は ${expected} です`,
      prefectureName: null,
    };
  }
  if (isPrefectureCode(code)) return { message: "都道府県コードは団体として登録できません", prefectureName: null };
  return { message: null, prefectureName: prefecture.name };
}

/** The server's answer for a code in the 全国地方公共団体コード master (GET /api/operator/municipality-master/:code). */
export interface MasterLookup {
  code: string;
  kind: "prefecture" | "designated-city" | "municipality" | "special-ward" | "ward";
  name: string;
  nameKana: string;
  prefectureName: string;
  city?: { code: string; name: string };
  onboardable: boolean;
  isTenant: boolean;
  reason?: string;
}

const KIND_NOTES: Partial<Record<MasterLookup["kind"], string>> = {
  "designated-city": "・政令指定都市",
  "special-ward": "・特別区",
};

/** What the code field says once the master has answered: the name to be registered, or why not. */
export function describeMasterLookup(lookup: MasterLookup): TenantCodeCheck & { status: string | null } {
  if (!lookup.onboardable) {
    return { message: lookup.reason ?? "この団体コードは登録できません", prefectureName: lookup.prefectureName, status: null };
  }
  return {
    message: null,
    prefectureName: lookup.prefectureName,
    status: `${lookup.prefectureName} ${lookup.name}（${lookup.nameKana}）${KIND_NOTES[lookup.kind] ?? ""}`,
  };
}
