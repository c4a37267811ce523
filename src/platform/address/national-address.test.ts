import { describe, expect, it } from "vitest";
import { readNationalAddress } from "./national-address.ts";

describe("前住所・転出先・本籍 read against the 全国地方公共団体コード master", () => {
  it("reads 都道府県, 郡, 町村 and the rest, folding widths", () => {
    const a = readNationalAddress("神奈川県三浦郡葉山町堀内２１３５－３");
    expect(a).toMatchObject({ text: "神奈川県三浦郡葉山町堀内2135-3", localGovernmentCode: "143014", county: "三浦郡", city: "葉山町", rest: "堀内2135-3" });
  });

  it("reads a 特別区 and the 行政区 of a 政令指定都市", () => {
    expect(readNationalAddress("東京都千代田区千代田1番1号")).toMatchObject({ localGovernmentCode: "131016", city: "千代田区", ward: null });
    expect(readNationalAddress("神奈川県横浜市中区日本大通1番地")).toMatchObject({ city: "横浜市", ward: "中区", localGovernmentCode: "141046" });
  });

  it("adds the 都道府県 of a 市区町村 whose name is unique in Japan", () => {
    expect(readNationalAddress("横浜市中区山下町1番地")).toMatchObject({ text: "神奈川県横浜市中区山下町1番地" });
  });

  it("refuses an unknown 都道府県 or 市区町村", () => {
    expect(readNationalAddress("府中市宮西町1丁目")).toBe("unknown-prefecture"); // 東京都 and 広島県 both have a 府中市
    expect(readNationalAddress("東京府千代田区")).toBe("unknown-prefecture");
    expect(readNationalAddress("東京都葉山町1番地")).toBe("unknown-municipality");
    expect(readNationalAddress("神奈川県横浜市")).toMatchObject({ city: "横浜市", ward: null, localGovernmentCode: "141003" });
    expect(readNationalAddress("住所")).toBe("unknown-prefecture");
  });

  it("takes a 都道府県 alone, as a 転出予定 may know only that", () => {
    expect(readNationalAddress("大阪府")).toMatchObject({ text: "大阪府", city: null, localGovernmentCode: "270008" });
  });

  it("takes a move abroad written 国外 and the country", () => {
    expect(readNationalAddress("国外 アメリカ合衆国")).toMatchObject({ localGovernmentCode: null, rest: "アメリカ合衆国" });
  });
});
