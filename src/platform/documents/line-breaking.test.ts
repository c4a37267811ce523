import { describe, expect, it } from "vitest";
import { fullWidthDigits, layoutLines, NO_LINE_START, segments } from "./line-breaking.ts";

/** Every character one unit wide: a line fits when it has at most `n` characters. */
const width = (n: number) => (line: string) => [...line].length <= n;

describe("改行: address components and 禁則 (JIS X 4051)", () => {
  it("splits an address after 丁目, 番地, 番 and 号 and before its 方書, never inside 番地 or 号室", () => {
    expect(segments("葉山町堀内２１３５番地　グランドメゾン葉山シーサイド１０１号室")).toEqual([
      "葉山町堀内２１３５番地　",
      "グランドメゾン葉山シーサイド１０１号室",
    ]);
    expect(segments("千代田一丁目1番1号")).toEqual(["千代田一丁目", "1番", "1号"]);
  });

  it("moves the 方書 to the next line whole rather than breaking it inside a word", () => {
    const laid = layoutLines("神奈川県三浦郡葉山町堀内２１３５番地　グランドメゾン葉山シーサイド１０１号室", width(24));
    expect(laid.split("\n")).toEqual(["神奈川県三浦郡葉山町堀内２１３５番地", "グランドメゾン葉山シーサイド１０１号室"]);
  });

  it("never starts a line with 、。）」ー or a small kana, nor ends one with an opening bracket", () => {
    const sentence = "この証明書は、転入の届出の際に「転入先」の市区町村長に提出してください。ーーっ（注）";
    // From six characters a line can always take the chain 。ーーっ with one character before it.
    for (let n = 6; n <= 20; n++) {
      const lines = layoutLines(sentence, width(n)).split("\n");
      expect(lines.join("")).toBe(sentence);
      for (const line of lines.slice(1)) expect(NO_LINE_START.has(line[0]!), `${n}: ${line}`).toBe(false);
      for (const line of lines.slice(0, -1)) expect("（「『【".includes(line.at(-1)!), `${n}: ${line}`).toBe(false);
    }
  });

  it("keeps a variation selector with its base character", () => {
    const lines = layoutLines("葛\u{E0100}葛\u{E0100}葛\u{E0100}", width(3)).split("\n");
    for (const line of lines) expect(line.codePointAt(0)).not.toBe(0xe0100);
  });

  it("prints an address's digits in one width: full-width, a hyphen between digits as －", () => {
    expect(fullWidthDigits("堀内2135番地 1-2-3 ハイツ１０1")).toBe("堀内２１３５番地 １－２－３ ハイツ１０１");
  });
});
