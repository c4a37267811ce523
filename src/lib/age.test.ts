import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ageOn, attainsAgeOn, schoolEntryDate } from "./age.ts";

describe("年齢計算ニ関スル法律 and 民法第143条: an age rises the day before the birthday", () => {
  it("on the day before the 20th birthday the person is already 20", () => {
    expect(ageOn("2006-05-10", "2026-05-08")).toBe(19);
    expect(ageOn("2006-05-10", "2026-05-09")).toBe(20);
    expect(ageOn("2006-05-10", "2026-05-10")).toBe(20);
    expect(attainsAgeOn("2006-05-10", 20)).toBe("2026-05-09");
  });

  it("on the day of birth the age is 0, and age 0 is attained the day before", () => {
    expect(ageOn("2025-06-15", "2025-06-15")).toBe(0);
    expect(attainsAgeOn("2025-06-15", 0)).toBe("2025-06-14");
  });

  it("a January 1 birth attains each age on December 31 of the year before", () => {
    expect(attainsAgeOn("2000-01-01", 18)).toBe("2017-12-31");
    expect(ageOn("2000-01-01", "2017-12-30")).toBe(17);
    expect(ageOn("2000-01-01", "2017-12-31")).toBe(18);
  });

  it("a March 1 birth attains each age on February 28, or February 29 in a leap year", () => {
    expect(attainsAgeOn("2001-03-01", 23)).toBe("2024-02-29");
    expect(attainsAgeOn("2001-03-01", 24)).toBe("2025-02-28");
  });

  it("a February 29 birth attains each age on February 28, in leap and common years alike", () => {
    expect(attainsAgeOn("2004-02-29", 1)).toBe("2005-02-28");
    expect(attainsAgeOn("2004-02-29", 4)).toBe("2008-02-28");
    expect(ageOn("2004-02-29", "2005-02-27")).toBe(0);
    expect(ageOn("2004-02-29", "2005-02-28")).toBe(1);
    expect(ageOn("2004-02-29", "2008-02-28")).toBe(4);
    expect(ageOn("2004-02-29", "2008-02-29")).toBe(4);
    expect(ageOn("2004-02-29", "2026-02-27")).toBe(21);
    expect(ageOn("2004-02-29", "2026-02-28")).toBe(22);
  });

  it("refuses a date before the birth and a date that does not exist", () => {
    expect(() => ageOn("2020-01-01", "2019-12-31")).toThrow(RangeError);
    expect(() => ageOn("2026-02-29", "2027-01-01")).toThrow(RangeError);
    expect(() => attainsAgeOn("2020-01-01", -1)).toThrow(RangeError);
    expect(() => attainsAgeOn("2020-01-01", 1.5)).toThrow(RangeError);
  });

  it("the age changes exactly on the day attainsAgeOn names, for any birth date and age", () => {
    const day = 86_400_000;
    const dates = fc.integer({ min: 0, max: 60_000 }).map((n) => new Date(Date.UTC(1900, 0, 1) + n * day).toISOString().slice(0, 10));
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 110 }), (birth, age) => {
        const attained = attainsAgeOn(birth, age);
        const before = new Date(Date.parse(attained) - day).toISOString().slice(0, 10);
        expect(ageOn(birth, attained)).toBe(age);
        expect(ageOn(birth, before)).toBe(age - 1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("学校教育法第17条: school entry (学齢)", () => {
  it("a child born on April 1 enters school a year before one born on April 2", () => {
    expect(schoolEntryDate("2019-04-01")).toBe("2025-04-01");
    expect(schoolEntryDate("2019-04-02")).toBe("2026-04-01");
  });

  it("children born from April 2 to the next April 1 enter together", () => {
    expect(schoolEntryDate("2018-04-02")).toBe("2025-04-01");
    expect(schoolEntryDate("2018-12-31")).toBe("2025-04-01");
    expect(schoolEntryDate("2019-01-01")).toBe("2025-04-01");
    expect(schoolEntryDate("2019-03-31")).toBe("2025-04-01");
  });

  it("a February 29 birth enters in the April after its sixth February 28", () => {
    expect(schoolEntryDate("2020-02-29")).toBe("2026-04-01");
  });
});
