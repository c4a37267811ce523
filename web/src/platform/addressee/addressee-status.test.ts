import { describe, expect, it } from "vitest";
import { standingOf } from "./addressee-status.ts";

const TODAY = "2026-05-01";
const never = { residentSince: null, residentUntil: null, residentEndReason: null, mergedInto: null };

describe("住民・住登外 as of today", () => {
  it("someone never on the registry is 住登外", () => {
    expect(standingOf(never, TODAY)).toEqual({ label: "住登外", tone: "info", detail: null });
  });

  it("a resident is 住民 since the day the registry recorded, in 和暦", () => {
    expect(standingOf({ ...never, residentSince: "2020-04-01" }, TODAY)).toMatchObject({ label: "住民", detail: "令和2年4月1日から住民" });
  });

  it("a notified 転出 ahead keeps them 住民 until its day, which is the first day not resident", () => {
    const leaving = { ...never, residentSince: "2020-04-01", residentUntil: "2026-05-02", residentEndReason: "moved-out" as const };
    expect(standingOf(leaving, TODAY)).toMatchObject({ label: "住民", detail: "令和2年4月1日から住民。令和8年5月2日転出予定" });
    expect(standingOf({ ...leaving, residentUntil: TODAY }, TODAY)).toMatchObject({ label: "転出（住登外）", detail: "令和8年5月1日転出" });
  });

  it("after 死亡 the addressee stays, as 住登外", () => {
    expect(standingOf({ ...never, residentSince: "1950-01-01", residentUntil: "2025-12-31", residentEndReason: "died" }, TODAY)).toMatchObject({
      label: "死亡（住登外）",
    });
  });

  it("a number merged away says where it went", () => {
    expect(standingOf({ ...never, mergedInto: "000000000000001" }, TODAY)).toMatchObject({ label: "名寄せ済み", detail: "宛名番号 000000000000001 に統合" });
  });
});
