// Every date of a 異動 must be a day that exists (2026-02-30 and 2025-02-29 do not).
import { isCalendarDate } from "../../../platform/addressee/calendar-date.ts";
import type { PersonField } from "../person-record.ts";
import type { ChangeRule, Violation } from "./rule.ts";

const DATE_FIELDS: PersonField[] = ["birthDate", "addressSinceDate", "becameResidentDate"];

export const calendarDates: ChangeRule = {
  code: "calendar-dates",
  status: 400,
  titleEn: "A date does not exist",
  titleJa: "存在しない日付です",
  law: "暦 (YYYY-MM-DD)",
  check({ plan }) {
    const out: Violation[] = [];
    const bad = (field: string) => out.push({ field, message: "must be an existing calendar date (YYYY-MM-DD)" });
    if (!isCalendarDate(plan.effectiveDate)) bad("body/effectiveDate");
    if (plan.notifiedDate !== null && !isCalendarDate(plan.notifiedDate)) bad("body/notifiedDate");
    for (const p of plan.persons) {
      for (const f of DATE_FIELDS) {
        const value = p.set[f];
        if (typeof value === "string" && !isCalendarDate(value)) bad(`${p.field}/${f}`);
      }
    }
    return out;
  },
};
