// One person, one 住民票 (住民基本台帳法 第6条): a registration is refused when a current resident
// already has the same カナ, birth date and address — the same person entered twice — and when
// one request names the same person twice.
import { sameResidents } from "../queries.ts";
import { searchKey } from "../search-keys.ts";
import type { ChangeRule, Violation } from "./rule.ts";

export const noDuplicateRegistration: ChangeRule = {
  code: "no-duplicate-registration",
  status: 409,
  titleEn: "A resident with the same カナ, birth date and address is already registered",
  titleJa: "同じカナ氏名・生年月日・住所の住民が既に記録されています",
  law: "住民基本台帳法 第6条",
  async check({ tx, plan, today }) {
    const out: Violation[] = [];
    const seen = new Set<string>();
    const planned = plan.persons.map((p) => p.personId);
    for (const p of plan.persons) {
      if (!p.isRegistration) continue;
      const r = p.latestAfter;
      const kanaKey = searchKey(`${r.familyNameKana}${r.givenNameKana}`);
      const addressKey = searchKey(`${r.address}${r.addressLine2 ?? ""}`);
      const key = `${kanaKey}|${r.birthDate}|${addressKey}`;
      const found = (await tx.query(sameResidents(kanaKey, r.birthDate, addressKey, planned, today))).rows[0].n as number;
      if (found > 0 || seen.has(key)) out.push({ field: p.field, message: "the same person (カナ, birth date, address) is already a resident" });
      seen.add(key);
    }
    return out;
  },
};
