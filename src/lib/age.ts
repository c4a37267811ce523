// 年齢計算 (nenrei keisan): a person's age as the law counts it.
//
// 年齢計算ニ関スル法律 (明治35年法律第50号): 1 年齢ハ出生ノ日ヨリ之ヲ起算ス; 2 民法第百四十三条ノ
// 規定ハ年齢ノ計算ニ之ヲ準用ス. 民法第143条第2項: a period counted in years ends on the day
// before the day that corresponds to the first day (起算日に応当する日の前日); when the last month
// has no such day, on the last day of that month. So an age is attained at the end of the day
// before the birthday, and the law says the person "reached" it (満N歳に達した日) on that day.
// Someone born on February 29 attains every age on February 28, in leap years too.
//
// Dates are ISO strings (YYYY-MM-DD), the dates the law speaks of (生年月日), with no time zone.
import { isIsoDate } from "./wareki.ts";

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function parse(iso: string, what: string): Ymd {
  if (!isIsoDate(iso)) throw new RangeError(`${what} is not an existing date written YYYY-MM-DD`);
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

function format({ year, month, day }: Ymd): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function dayBefore(date: Ymd): Ymd {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day - 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The last day of a period of `years` years whose first day `firstDay` counts (起算日): the day
 * before the corresponding day (民法第143条第2項); from a February 29, February 28 — ただし書
 * when the last year has no February 29, and the day before it when it has.
 */
export function periodInYearsEndsOn(firstDay: string, years: number): string {
  const first = parse(firstDay, "firstDay");
  if (!Number.isInteger(years) || years < 0) throw new RangeError("years must be a whole number, 0 or more");
  const year = first.year + years;
  if (first.month === 2 && first.day === 29) return format({ year, month: 2, day: 28 });
  return format(dayBefore({ year, month: first.month, day: first.day }));
}

/**
 * The day on which the law treats `age` as attained (満N歳に達した日): the day before the
 * birthday in the year birth + age; for a February 29 birth, February 28 of that year.
 */
export function attainsAgeOn(birthDate: string, age: number): string {
  parse(birthDate, "birthDate");
  if (!Number.isInteger(age) || age < 0) throw new RangeError("age must be a whole number of years, 0 or more");
  return periodInYearsEndsOn(birthDate, age);
}

/** The legal age on `date`: on the day before a birthday the person already has the new age. */
export function ageOn(birthDate: string, date: string): number {
  parse(date, "date");
  if (date < birthDate) throw new RangeError("date is before the birth date");
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  // A January 1 birth attains the next age on December 31, still in the calendar year before.
  if (attainsAgeOn(birthDate, years + 1) <= date) return years + 1;
  return attainsAgeOn(birthDate, years) <= date ? years : years - 1;
}

/**
 * 学齢 (school age): the day a child must start elementary school. 学校教育法第17条第1項: from
 * the first beginning of a school year after the day the child reaches six (満六歳に達した日の
 * 翌日以後における最初の学年の初め); 学校教育法施行規則第59条: the school year begins on April 1.
 * A child born on April 1 reaches six on March 31 and starts the next day; one born on April 2
 * reaches six on April 1 and starts a year later.
 */
export function schoolEntryDate(birthDate: string): string {
  const reachesSix = attainsAgeOn(birthDate, 6);
  const year = Number(reachesSix.slice(0, 4));
  // The first April 1 on or after the day after reaching six, i.e. strictly after reachesSix.
  return reachesSix < `${year}-04-01` ? `${year}-04-01` : `${year + 1}-04-01`;
}
