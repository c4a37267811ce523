import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  checkLocalGovernmentCode,
  isPrefectureCode,
  localGovernmentCheckDigit,
  prefectureCodeOf,
} from "./local-government-code.ts";

describe("全国地方公共団体コード 検査数字 (総務省)", () => {
  it.each([
    ["131016", "千代田区"],
    ["011002", "札幌市"],
    ["143014", "葉山町"],
    ["143421", "二宮町 (remainder 10 → 1)"],
    ["140007", "神奈川県"],
  ])("accepts the real code %s (%s)", (code) => {
    expect(checkLocalGovernmentCode(code)).toBeNull();
  });

  it("folds a remainder of 0 to check digit 1 and a remainder of 1 to 0", () => {
    // 1,1,0,0,0 → 6+5 = 11 → remainder 0 → 11 → 1
    expect(localGovernmentCheckDigit("11000")).toBe(1);
    // 2,0,0,0,0 → 12 → remainder 1 → 10 → 0
    expect(localGovernmentCheckDigit("20000")).toBe(0);
  });

  it("rejects a wrong check digit and a malformed code", () => {
    expect(checkLocalGovernmentCode("143015")).toBe("check-digit");
    expect(checkLocalGovernmentCode("14301")).toBe("format");
    expect(checkLocalGovernmentCode("14301a")).toBe("format");
  });

  it("exactly one check digit is valid for every five digits", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{5}$/), (five) => {
        const valid = [...Array(10).keys()].filter((d) => checkLocalGovernmentCode(`${five}${d}`) === null);
        expect(valid).toEqual([localGovernmentCheckDigit(five)]);
      }),
    );
  });

  it("knows prefectures and the prefecture of a municipality", () => {
    expect(isPrefectureCode("140007")).toBe(true);
    expect(isPrefectureCode("143014")).toBe(false);
    expect(prefectureCodeOf("143014")).toBe("140007");
    expect(prefectureCodeOf("131016")).toBe("130001");
  });
});
