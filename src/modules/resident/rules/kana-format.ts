// カナ氏名 is written in full-width katakana (half-width and hiragana input is converted before
// this rule); 名カナ may be empty only for a person with no 名.
import { isKatakanaName } from "../../../lib/kana.ts";
import type { ChangeRule, Violation } from "./rule.ts";

export const kanaFormat: ChangeRule = {
  code: "kana-format",
  status: 400,
  titleEn: "A カナ name is not written in katakana",
  titleJa: "カナ氏名はカタカナで入力してください",
  law: "住民記録システム標準仕様書 (カナ氏名)",
  check({ plan }) {
    const out: Violation[] = [];
    for (const p of plan.persons) {
      const family = p.set.familyNameKana;
      if (family !== undefined && !isKatakanaName(family)) out.push({ field: `${p.field}/familyNameKana`, message: "must be katakana" });
      const given = p.set.givenNameKana;
      if (given !== undefined && given !== "" && !isKatakanaName(given)) out.push({ field: `${p.field}/givenNameKana`, message: "must be katakana" });
      const r = p.afterOnDate;
      if (r.givenName !== "" && r.givenNameKana === "") out.push({ field: `${p.field}/givenNameKana`, message: "required when there is a 名" });
    }
    return out;
  },
};
