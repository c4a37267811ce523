import { describe, expect, it } from "vitest";
import { addressNumberKey, foldAddressWidth, kanjiNumeralValue, normaliseBlock, toKanjiNumeral } from "./address-number.ts";

describe("アドレス・ベース・レジストリ 住所の正規化: numbers of an address", () => {
  it("reads 漢数字 written with units and positionally", () => {
    expect(kanjiNumeralValue("二千百三十五")).toBe(2135);
    expect(kanjiNumeralValue("二一三五")).toBe(2135);
    expect(kanjiNumeralValue("十")).toBe(10);
    expect(kanjiNumeralValue("十二")).toBe(12);
    expect(kanjiNumeralValue("百五")).toBe(105);
    expect(kanjiNumeralValue("〇")).toBe(0);
    expect(kanjiNumeralValue("色")).toBeNull();
    expect(kanjiNumeralValue("十百")).toBeNull();
    expect(kanjiNumeralValue("")).toBeNull();
  });

  it("writes 丁目 numbers in 漢数字 as the 町字マスター does", () => {
    expect(toKanjiNumeral(3)).toBe("三");
    expect(toKanjiNumeral(10)).toBe("十");
    expect(toKanjiNumeral(12)).toBe("十二");
    expect(toKanjiNumeral(20)).toBe("二十");
    expect(() => toKanjiNumeral(0)).toThrow(RangeError);
  });

  it("folds full-width digits and every dash between digits", () => {
    expect(foldAddressWidth("２１３５－３")).toBe("2135-3");
    expect(foldAddressWidth("2135ー3")).toBe("2135-3");
    expect(foldAddressWidth("2135−3")).toBe("2135-3");
    expect(foldAddressWidth("　堀内　")).toBe("堀内");
  });

  it("gives one stored form to every writing of a 地番", () => {
    for (const typed of ["2135番地3", "2135-3", "２１３５－３", "二千百三十五番地三", "二一三五番地の三", "2135番3", "2135の3"]) {
      expect(normaliseBlock(typed, "lot-number"), typed).toEqual({ text: "2135番地3", numbers: [2135, 3] });
    }
    expect(normaliseBlock("2135", "lot-number")?.text).toBe("2135番地");
    expect(normaliseBlock("2135番地", "lot-number")?.text).toBe("2135番地");
  });

  it("writes 街区符号 and 住居番号 as 番・号 under 住居表示", () => {
    for (const typed of ["5-12", "5番12号", "五番十二号", "５－１２", "5番地12"]) {
      expect(normaliseBlock(typed, "residence-indication"), typed).toEqual({ text: "5番12号", numbers: [5, 12] });
    }
    expect(normaliseBlock("5-12-3", "residence-indication")?.text).toBe("5番12号-3");
    expect(normaliseBlock("5", "residence-indication")?.text).toBe("5番");
  });

  it("refuses a 番地 that is not numbers", () => {
    expect(normaliseBlock("字大石123", "lot-number")).toBeNull();
    expect(normaliseBlock("", "lot-number")).toBeNull();
    expect(normaliseBlock("1-2-3-4", "lot-number")).toBeNull();
    expect(normaliseBlock("東京都千代田区千代田1番1号", "lot-number")).toBeNull();
  });

  it("keys 堀内2135番地3, 堀内２１３５－３ and 堀内二一三五の三 alike, keeping the 漢数字 of names", () => {
    expect(addressNumberKey("堀内2135番地3")).toBe("堀内2135-3");
    expect(addressNumberKey("堀内２１３５－３")).toBe("堀内2135-3");
    expect(addressNumberKey("堀内二一三五の三")).toBe("堀内2135-3");
    expect(addressNumberKey("一色三丁目5番12号")).toBe("一色三丁目5-12");
    expect(addressNumberKey("一の宮2番")).toBe("一の宮2");
    expect(addressNumberKey("堀内")).toBe("堀内");
  });
});
