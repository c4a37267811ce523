import { describe, expect, it } from "vitest";
import { dayAfter, daysBefore, periodEnd, renewalOpensOn } from "./period.ts";

describe("the one-year period of a 支援措置 (受付日から起算して1年, 民法第143条第2項)", () => {
  it("ends the day before the same date a year later: accepted April 1 runs to March 31", () => {
    expect(periodEnd("2026-04-01")).toBe("2027-03-31");
    expect(periodEnd("2026-04-02")).toBe("2027-04-01");
  });

  it("a period from January 1 ends on December 31 of the same year", () => {
    expect(periodEnd("2026-01-01")).toBe("2026-12-31");
  });

  it("a period from February 29 ends on February 28, the last day of the month with no 29th", () => {
    expect(periodEnd("2024-02-29")).toBe("2025-02-28");
  });

  it("a period from March 1 after a leap day ends on the last day of February", () => {
    expect(periodEnd("2027-03-01")).toBe("2028-02-29");
    expect(periodEnd("2025-03-01")).toBe("2026-02-28");
  });

  it("a renewal continues from the day after the end", () => {
    expect(dayAfter("2027-03-31")).toBe("2027-04-01");
    expect(dayAfter("2028-02-28")).toBe("2028-02-29");
  });
});

describe("when a renewal (延長) may be applied for: one month before the end", () => {
  it("opens a month before, on the same day of the month", () => {
    expect(renewalOpensOn("2027-04-15")).toBe("2027-03-15");
  });

  it("a period ending March 31 opens on the last day of February", () => {
    expect(renewalOpensOn("2027-03-31")).toBe("2027-02-28");
    expect(renewalOpensOn("2028-03-31")).toBe("2028-02-29");
  });

  it("a period ending in January opens in December of the year before", () => {
    expect(renewalOpensOn("2027-01-10")).toBe("2026-12-10");
  });

  it("counts the expiry job's horizon in days either way", () => {
    expect(daysBefore("2027-03-31", 30)).toBe("2027-03-01");
    expect(daysBefore("2027-03-01", -30)).toBe("2027-03-31");
  });

  it("refuses a date that does not exist", () => {
    expect(() => periodEnd("2026-02-30")).toThrow(RangeError);
  });
});
