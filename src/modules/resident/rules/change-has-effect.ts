// A 氏名変更, 世帯主変更 or 職権修正 must change something: one that sets every field to the value it
// already has is refused rather than recorded as an empty 異動.
import type { ChangeRule } from "./rule.ts";

export const changeHasEffect: ChangeRule = {
  code: "change-has-effect",
  status: 400,
  titleEn: "The change does not change anything",
  titleJa: "変更内容がありません",
  law: "住民基本台帳法施行令 第12条",
  check: ({ plan }) =>
    plan.persons.every((p) => Object.keys(p.set).length === 0)
      ? [{ field: "body", message: "every value given is already recorded" }]
      : [],
};
