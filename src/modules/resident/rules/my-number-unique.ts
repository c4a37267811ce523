// A 個人番号 belongs to one person only (番号法 第8条第2項第1号: 他のいずれの個人番号とも異なる):
// a number already held by another person in the registry is refused — found by its lookup
// hash, without decrypting anything.
import type { ChangeRule, Violation } from "./rule.ts";

export const myNumberUnique: ChangeRule = {
  code: "my-number-unique",
  status: 409,
  titleEn: "The 個人番号 is held by another person",
  titleJa: "この個人番号は他の住民に記録されています",
  law: "行政手続における特定の個人を識別するための番号の利用等に関する法律 第8条第2項",
  async check({ tx, plan, vault }) {
    const out: Violation[] = [];
    const inPlan = new Map<string, string>();
    for (const p of plan.persons) {
      if (p.myNumber === undefined) continue;
      const holder = (await vault.holderOf(tx, p.myNumber)) ?? inPlan.get(p.myNumber);
      if (holder !== undefined && holder !== null && holder !== p.personId) out.push({ field: `${p.field}/myNumber`, message: "held by another person" });
      inPlan.set(p.myNumber, p.personId);
    }
    return out;
  },
};
