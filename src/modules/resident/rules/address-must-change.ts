// A 転居 is a move to another address within the municipality (住民基本台帳法 第23条): the new
// 住所 or 方書 must differ from the current one.
import type { ChangeRule } from "./rule.ts";

export const addressMustChange: ChangeRule = {
  code: "address-must-change",
  status: 400,
  titleEn: "The new address is the current one",
  titleJa: "新住所が現住所と同じです",
  law: "住民基本台帳法 第23条",
  check: ({ plan }) =>
    plan.persons.every((p) => !("address" in p.set) && !("addressLine2" in p.set))
      ? [{ field: "body/address", message: "same as the current address" }]
      : [],
};
