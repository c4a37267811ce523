import { describe, expect, it } from "vitest";
import { checkPeriod, defaultPeriod, reportQuery } from "./resident-late-notifications.ts";

describe("期間経過の届出: the period of 届出日", () => {
  it("is the current month up to today by default, typed in 和暦", () => {
    expect(defaultPeriod("2026-12-07")).toEqual({ from: "令和8年12月1日", to: "令和8年12月7日" });
    expect(checkPeriod(defaultPeriod("2026-12-07"))).toEqual({ ok: true, from: "2026-12-01", to: "2026-12-07" });
  });

  it("accepts 西暦 and 和暦, and refuses a missing day, a day that does not exist, a reversed or too long period", () => {
    expect(checkPeriod({ from: "2024-02-01", to: "R6.2.29" })).toEqual({ ok: true, from: "2024-02-01", to: "2024-02-29" });
    expect(checkPeriod({ from: "", to: "2024-02-29" })).toEqual({ ok: false, errors: { from: "期間の初日を入力してください" } });
    expect(checkPeriod({ from: "2025-02-29", to: "2025-03-01" })).toMatchObject({ ok: false, errors: { from: expect.any(String) } });
    expect(checkPeriod({ from: "2024-03-01", to: "2024-02-01" })).toEqual({ ok: false, errors: { to: "期間の末日は初日より後の日にしてください" } });
    expect(checkPeriod({ from: "2023-01-01", to: "2024-02-01" })).toEqual({ ok: false, errors: { to: "期間は1年以内にしてください" } });
    expect(reportQuery("2024-02-01", "2024-02-29")).toBe("from=2024-02-01&to=2024-02-29");
  });
});
