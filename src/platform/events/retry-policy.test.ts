import { describe, expect, it } from "vitest";
import { DEFAULT_BACKOFF, retryDelayMs } from "./retry-policy.ts";

describe("retry back-off", () => {
  it("doubles from the base after each failure: 1 s, 2 s, 4 s, 8 s", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, DEFAULT_BACKOFF))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it("never exceeds the cap, however many failures", () => {
    expect(retryDelayMs(13, DEFAULT_BACKOFF)).toBe(DEFAULT_BACKOFF.maxMs);
    expect(retryDelayMs(5_000, { baseMs: 1_000, maxMs: 30_000 })).toBe(30_000);
  });
});
