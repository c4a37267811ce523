import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkTenantCodeInput, describeMasterLookup, type MasterLookup } from "./tenant-code-input.ts";

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

describe("the master's answer as the code field shows it", () => {
  const hakone: MasterLookup = {
    code: "143821", kind: "municipality", name: "箱根町", nameKana: "ハコネマチ", prefectureName: "神奈川県", onboardable: true, isTenant: false,
  };

  it("a municipality that can be onboarded is named with its reading", () => {
    expect(describeMasterLookup(hakone)).toEqual({ message: null, prefectureName: "神奈川県", status: "神奈川県 箱根町（ハコネマチ）" });
  });

  it("a 政令指定都市 and a 特別区 say which they are", () => {
    expect(describeMasterLookup({ ...hakone, kind: "designated-city", name: "横浜市", nameKana: "ヨコハマシ" }).status).toBe("神奈川県 横浜市（ヨコハマシ）・政令指定都市");
    expect(describeMasterLookup({ ...hakone, kind: "special-ward", name: "千代田区", nameKana: "チヨダク", prefectureName: "東京都" }).status).toBe("東京都 千代田区（チヨダク）・特別区");
  });

  it("a code that cannot be onboarded gives the server's reason as the field's error", () => {
    const ward = { ...hakone, kind: "ward" as const, onboardable: false, reason: "横浜市鶴見区は政令指定都市の区（行政区）です" };
    expect(describeMasterLookup(ward)).toMatchObject({ message: "横浜市鶴見区は政令指定都市の区（行政区）です", status: null });
    expect(describeMasterLookup({ ...hakone, onboardable: false }).message).toBe("この団体コードは登録できません");
  });
});
