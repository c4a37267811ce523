import { describe, expect, it } from "vitest";
import { PREFECTURES, prefectureOf } from "./prefectures.ts";

describe("都道府県 by the first two digits of a 全国地方公共団体コード (JIS X 0401)", () => {
  it("finds 北海道 (01), 東京都 (13) and 沖縄県 (47) with their own codes and check digits", () => {
    expect(prefectureOf("011002")).toEqual({ code: "010006", name: "北海道" });
    expect(prefectureOf("131016")).toEqual({ code: "130001", name: "東京都" });
    expect(prefectureOf("472018")).toEqual({ code: "470007", name: "沖縄県" });
  });

  it("finds none for 00 or 48–99, which JIS X 0401 does not assign", () => {
    for (const code of ["000019", "480002", "990019", "", "1"]) expect(prefectureOf(code), code).toBeUndefined();
  });

  it("holds the 47 in order", () => {
    expect(PREFECTURES).toHaveLength(47);
    expect(PREFECTURES.map((p) => p.code.slice(0, 2))).toEqual(Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, "0")));
  });
});
