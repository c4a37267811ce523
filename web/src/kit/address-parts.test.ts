import { describe, expect, it } from "vitest";
import { addressParts } from "./address-parts.ts";

describe("address parts", () => {
  it("splits at the prefecture, district, municipality, 町字 and 番地, and keeps the 方書 apart", () => {
    expect(addressParts("神奈川県三浦郡葉山町堀内1番地\u3000潮風ハイツ201号")).toEqual(["神奈川県", "三浦郡", "葉山町", "堀内", "1番地", "\u3000潮風ハイツ201号"]);
  });

  it("takes a 政令市's ward after the city, and 丁目 in 漢数字", () => {
    expect(addressParts("神奈川県横浜市中区山下町三丁目1番")).toEqual(["神奈川県", "横浜市", "中区", "山下町", "三丁目1番"]);
  });

  it("knows the prefectures whose names contain 都 or 府", () => {
    expect(addressParts("京都府京都市左京区岡崎1")[0]).toBe("京都府");
    expect(addressParts("東京都千代田区千代田1番1号")).toEqual(["東京都", "千代田区", "千代田", "1番1号"]);
    expect(addressParts("北海道札幌市中央区北一条西2丁目")).toEqual(["北海道", "札幌市", "中央区", "北一条西", "2丁目"]);
  });

  it("gives the text back unchanged when joined, whatever it is", () => {
    for (const text of ["葉山町", "", "堀内１２３", "市川市市川1丁目", "abc def"]) expect(addressParts(text).join("")).toBe(text);
  });
});
