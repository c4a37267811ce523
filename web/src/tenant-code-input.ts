// 全国地方公共団体コード as an operator types it into the 団体の追加 form: Japanese messages for
// each way it can be wrong, checked with the same rule (検査数字, weights 6,5,4,3,2) as the server.
import { checkLocalGovernmentCode, isPrefectureCode, localGovernmentCheckDigit } from "../../src/lib/local-government-code.ts";
import { PREFECTURES } from "../../src/lib/prefectures.ts";

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
