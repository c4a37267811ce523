import { describe, expect, it } from "vitest";
import { formatDateTimeJa } from "./date-format.ts";

describe("times shown in Japan time", () => {
  it("an instant is shown in Asia/Tokyo whatever the process's zone", () => {
    expect(formatDateTimeJa("2026-04-01T00:05:03Z")).toBe("2026/04/01 09:05:03");
  });

  it("late evening UTC is the next day in Japan", () => {
    expect(formatDateTimeJa("2026-03-31T15:00:00Z")).toBe("2026/04/01 00:00:00");
  });
});
