import { describe, expect, it } from "vitest";
import { describeCronJa } from "./cron-description.ts";

describe("job schedules in Japanese", () => {
  it("a daily run reads 毎日 with the time, minutes always two digits", () => {
    expect(describeCronJa("0 3 * * *")).toBe("毎日 3:00");
    expect(describeCronJa("5 23 * * *")).toBe("毎日 23:05");
  });

  it("weekdays, weekends and single days of the week are named, Sunday as 0 or 7", () => {
    expect(describeCronJa("30 8 * * 1-5")).toBe("平日 8:30");
    expect(describeCronJa("0 9 * * 0,6")).toBe("土日 9:00");
    expect(describeCronJa("0 6 * * 1")).toBe("毎週月曜 6:00");
    expect(describeCronJa("0 6 * * 7")).toBe("毎週日曜 6:00");
    expect(describeCronJa("0 6 * * 1,3,5")).toBe("毎週月・水・金曜 6:00");
  });

  it("monthly, hourly and every-N-minutes schedules have their own wording", () => {
    expect(describeCronJa("0 0 1 * *")).toBe("毎月1日 0:00");
    expect(describeCronJa("15 * * * *")).toBe("毎時 15分");
    expect(describeCronJa("*/15 * * * *")).toBe("15分ごと");
    expect(describeCronJa("* * * * *")).toBe("毎分");
  });

  it("anything less common is left to the expression itself", () => {
    expect(describeCronJa("0 3 * 4 *")).toBeNull();
    expect(describeCronJa("0 3 1 * 1")).toBeNull();
    expect(describeCronJa("0 */2 * * *")).toBeNull();
    expect(describeCronJa("0 25 * * *")).toBeNull();
    expect(describeCronJa("@daily")).toBeNull();
  });
});
