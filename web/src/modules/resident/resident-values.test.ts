import { describe, expect, it } from "vitest";
import { addressText, changeLine, fullName, postalCodeText, recordValue } from "./resident-values.ts";

describe("住民票の値の表示", () => {
  it("prints names and addresses as the 住民票 does, with a full-width space", () => {
    expect(fullName({ familyName: "潮見", givenName: "健一" })).toBe("潮見\u3000健一");
    expect(fullName({ familyName: "ジョン・スミス", givenName: "" })).toBe("ジョン・スミス");
    expect(addressText("神奈川県三浦郡葉山町一色1234番地", "潮風ハイツ201号")).toBe("神奈川県三浦郡葉山町一色1234番地\u3000潮風ハイツ201号");
    expect(postalCodeText("2400112")).toBe("〒240-0112");
    expect(postalCodeText(null)).toBe("");
  });

  it("reads each item of the history in words: 和暦 dates, 性別, 続柄, 消除の事由, an empty value as （なし）", () => {
    expect(recordValue("birthDate", "1985-05-12")).toBe("昭和60年5月12日");
    expect(recordValue("sex", "female")).toBe("女");
    expect(recordValue("relationship", "wife")).toBe("妻");
    expect(recordValue("removalReason", "moved-out")).toBe("転出");
    expect(recordValue("status", "removed")).toBe("消除");
    expect(recordValue("hasMyNumber", true)).toBe("記録あり");
    expect(recordValue("addressLine2", null)).toBe("（なし）");
    expect(changeLine("postalCode", "2400111", "2400112")).toBe("郵便番号：〒240-0111 → 〒240-0112");
  });
});
