import { describe, expect, it } from "vitest";
import { deadlineOf, isTownHoliday, judgeDeadline, notificationDeadline } from "./notification-deadline.ts";

describe("届出期間: 14 days from the day after the 異動 (民法 第140条), ending at the end of the last day (第141条)", () => {
  it("the 14th day after the move is in time, the 15th is late", () => {
    // 2026-03-02 (月) → the 14th day is 2026-03-16 (月).
    expect(notificationDeadline("2026-03-02")).toBe("2026-03-16");
    expect(judgeDeadline("2026-03-02", "2026-03-16")).toEqual({ deadlineDate: "2026-03-16", overdue: false });
    expect(judgeDeadline("2026-03-02", "2026-03-17")).toEqual({ deadlineDate: "2026-03-16", overdue: true });
    expect(judgeDeadline("2026-03-02", "2026-03-02")).toMatchObject({ overdue: false });
  });

  it("counts across month ends and 2月29日 in calendar days", () => {
    expect(notificationDeadline("2025-01-31")).toBe("2025-02-14");
    // Leap year: 2月15日 + 14 = 2月29日; in a common year the same count gives 3月1日.
    expect(notificationDeadline("2024-02-15")).toBe("2024-02-29");
    expect(judgeDeadline("2024-02-15", "2024-03-01")).toMatchObject({ overdue: true });
    expect(notificationDeadline("2023-02-15")).toBe("2023-03-01");
    // A move on 2月29日 itself.
    expect(notificationDeadline("2024-02-29")).toBe("2024-03-14");
    expect(judgeDeadline("2024-02-29", "2024-03-15")).toMatchObject({ overdue: true });
  });

  it("a last day on the town's 休日 moves to the next working day (地方自治法 第4条の2第4項)", () => {
    // Saturday 2025-02-15 → Monday 2025-02-17.
    expect(notificationDeadline("2025-02-01")).toBe("2025-02-17");
    expect(judgeDeadline("2025-02-01", "2025-02-17")).toMatchObject({ overdue: false });
    expect(judgeDeadline("2025-02-01", "2025-02-18")).toMatchObject({ overdue: true });
    // 年末年始 (12月29日〜1月3日) and the weekend after it: 2025-12-29 → 2026-01-05.
    expect(notificationDeadline("2025-12-15")).toBe("2026-01-05");
    // こどもの日 and its 振替休日: 2026-05-05 (火), 05-06 (水) → 05-07 (木).
    expect(notificationDeadline("2026-04-21")).toBe("2026-05-07");
    expect(isTownHoliday("2026-05-06")).toBe(true);
    expect(isTownHoliday("2026-05-07")).toBe(false);
    expect(isTownHoliday("2026-12-28")).toBe(false);
    expect(isTownHoliday("2026-12-29")).toBe(true);
    expect(isTownHoliday("2027-01-03")).toBe(true);
  });

  it("applies to 転入・転居・世帯変更 and to the 世帯主変更 chosen with a head's 転出 or 死亡, nothing else", () => {
    const late = { effectiveDate: "2026-03-02", notifiedDate: "2026-03-30" };
    for (const kind of ["moved-in", "address-changed", "household-split", "household-merged", "head-changed"] as const) {
      expect(deadlineOf({ kind, ...late }), kind).toEqual({ deadlineDate: "2026-03-16", overdue: true });
    }
    for (const kind of ["moved-out", "born", "died", "name-changed"] as const) expect(deadlineOf({ kind, ...late }), kind).toBeNull();
    expect(deadlineOf({ kind: "died", ...late, headChange: { automatic: false } })).toMatchObject({ overdue: true });
    // One member remains and becomes head without a 届出: no period runs.
    expect(deadlineOf({ kind: "died", ...late, headChange: { automatic: true } })).toBeNull();
    // A 転出 notified ahead with the new head: in time.
    expect(deadlineOf({ kind: "moved-out", effectiveDate: "2026-03-30", notifiedDate: "2026-03-02", headChange: { automatic: false } })).toMatchObject({ overdue: false });
    expect(deadlineOf({ kind: "ex-officio-erasure", effectiveDate: "2026-03-02", notifiedDate: null, headChange: { automatic: false } })).toBeNull();
  });
});
