// 生年月日 cannot lie after today: nobody is registered before being born.
import type { ChangeRule, Violation } from "./rule.ts";

export const birthNotInFuture: ChangeRule = {
  code: "birth-not-in-future",
  status: 400,
  titleEn: "The birth date lies in the future",
  titleJa: "生年月日が未来の日付です",
  law: "住民基本台帳法 第7条第2号 (出生の年月日)",
  check({ plan, today }) {
    const out: Violation[] = [];
    for (const p of plan.persons) {
      if (p.set.birthDate !== undefined && p.set.birthDate > today) out.push({ field: `${p.field}/birthDate`, message: "must not be after today" });
    }
    return out;
  },
};
