// 郵便番号 is seven digits (a hyphen and full-width digits were removed before this rule).
import type { PersonField } from "../person-record.ts";
import type { ChangeRule, Violation } from "./rule.ts";

const POSTAL_FIELDS: PersonField[] = ["postalCode", "previousPostalCode", "destinationPostalCode"];

export const postalCodeFormat: ChangeRule = {
  code: "postal-code-format",
  status: 400,
  titleEn: "A postal code is not seven digits",
  titleJa: "郵便番号は7桁です",
  law: "郵便番号 (日本郵便)",
  check({ plan }) {
    const out: Violation[] = [];
    for (const p of plan.persons) {
      for (const f of POSTAL_FIELDS) {
        const value = p.set[f];
        if (typeof value === "string" && !/^\d{7}$/.test(value)) out.push({ field: `${p.field}/${f}`, message: "must be 7 digits" });
      }
    }
    return out;
  },
};
