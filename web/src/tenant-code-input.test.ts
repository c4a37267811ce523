import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkTenantCodeInput } from "./tenant-code-input.ts";

describe("全国地方公共団体コード as typed in 団体の追加", () => {
  it("a partial code is no error while typing, but is one on submit", () => {
    expect(checkTenantCodeInput("1438", true).message).toBeNull();
    expect(checkTenantCodeInput("1438", false).message).toBe("団体コードは半角数字6桁で入力してください");
    expect(checkTenantCodeInput("", false).message).toBe("団体コードは半角数字6桁で入力してください");
  });

  it("letters or full-width digits are refused at once", () => {
    expect(checkTenantCodeInput("14a", true).message).toContain("半角数字6桁");
    expect(checkTenantCodeInput("１４３８２１", true).message).toContain("半角数字6桁");
  });

  it("a wrong check digit names the right one (箱根町 is 143821)", () => {
    expect(checkTenantCodeInput("143820", true).message).toBe("検査数字（6桁目）が正しくありません。14382 の検査数字は 1 です");
  });

  it("a valid municipality code names its prefecture", () => {
    expect(checkTenantCodeInput("143821", true)).toEqual({ message: null, prefectureName: "神奈川県" });
    expect(checkTenantCodeInput("131016", true)).toEqual({ message: null, prefectureName: "東京都" });
  });

  it("a prefecture's own code is not a municipality", () => {
    expect(checkTenantCodeInput("140007", true).message).toBe("都道府県コードは団体として登録できません");
  });

  it("a prefecture number outside 01–47 is refused", () => {
    expect(checkTenantCodeInput("480002", true).message).toContain("01〜47");
  });

  it("of the ten possible sixth digits exactly one is accepted", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 47 }), fc.integer({ min: 1, max: 999 }), (pref, town) => {
        const five = `${String(pref).padStart(2, "0")}${String(town).padStart(3, "0")}`;
        const accepted = [...Array(10).keys()].filter((d) => checkTenantCodeInput(`${five}${d}`, false).message === null);
        expect(accepted).toHaveLength(1);
      }),
    );
  });
});
