import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isKatakanaName, normalizeKana, toKatakanaName } from "./kana.ts";

describe("normalizeKana: the width- and kana-insensitive search key", () => {
  it("half-width katakana, full-width katakana and hiragana give the same key", () => {
    const key = normalizeKana("タナカ タロウ");
    expect(key).toBe("タナカタロウ");
    expect(normalizeKana("ﾀﾅｶ ﾀﾛｳ")).toBe(key);
    expect(normalizeKana("たなか　たろう")).toBe(key);
    expect(normalizeKana("  タナカ\u3000\u3000タロウ ")).toBe(key);
  });

  it("joins a half-width dakuten or handakuten to its kana (ｶﾞ → ガ, ﾊﾟ → パ)", () => {
    expect(normalizeKana("ｶﾞｷﾞｸﾞｹﾞｺﾞ")).toBe("ガギグゲゴ");
    expect(normalizeKana("ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ")).toBe("パピプペポ");
    expect(normalizeKana("ﾜﾀﾅﾍﾞ")).toBe("ワタナベ");
    expect(normalizeKana("ﾜﾀﾅﾍﾞ")).toHaveLength(4);
  });

  it("treats ヴ the same however it is written", () => {
    expect(normalizeKana("ｳﾞｨｸﾄﾙ")).toBe("ヴィクトル");
    expect(normalizeKana("ゔぃくとる")).toBe("ヴィクトル");
    expect(normalizeKana("う゛ぃくとる")).toBe("ヴィクトル");
    expect(normalizeKana("ウ\u3099ィクトル")).toBe("ヴィクトル");
  });

  it("joins a spacing dakuten typed after hiragana (か゛ → ガ)", () => {
    expect(normalizeKana("か゛とう")).toBe("ガトウ");
    expect(normalizeKana("は゜ん")).toBe("パン");
  });

  it("keeps small kana small: キョウコ and キヨウコ stay different", () => {
    expect(normalizeKana("ｷｮｳｺ")).toBe("キョウコ");
    expect(normalizeKana("キヨウコ")).not.toBe(normalizeKana("キョウコ"));
    expect(normalizeKana("ﾏｯﾁｬﾝ")).toBe("マッチャン");
  });

  it("removes middle dots of foreign names and maps a dash after kana to ー", () => {
    expect(normalizeKana("スミス・ジョン")).toBe("スミスジョン");
    expect(normalizeKana("ｽﾐｽ･ｼﾞｮﾝ")).toBe("スミスジョン");
    expect(normalizeKana("ｻｰﾌｧｰ")).toBe("サーファー");
    expect(normalizeKana("サ－ファ-")).toBe("サーファー");
  });

  it("folds full-width Latin letters and digits to ASCII and leaves kanji as they are", () => {
    expect(normalizeKana("ＡＢＣ１２３")).toBe("ABC123");
    expect(normalizeKana("田中　太郎")).toBe("田中太郎");
    expect(normalizeKana("髙橋 𠮷")).toBe("髙橋𠮷");
  });

  it("is idempotent", () => {
    expect(normalizeKana("ﾊ･゛")).toBe("バ");
    expect(normalizeKana("ｱ･--")).toBe("アーー");
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."ｱｶﾞﾊﾟｯｰ ･あがぱっー　アガパッ・かﾞ゛漢A１-") }), (s) => {
        expect(normalizeKana(normalizeKana(s))).toBe(normalizeKana(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("toKatakanaName: the stored カナ", () => {
  it("converts half-width and hiragana input and separates parts with one full-width space", () => {
    expect(toKatakanaName("ﾀﾅｶ ﾀﾛｳ")).toBe("タナカ\u3000タロウ");
    expect(toKatakanaName(" たなか    たろう ")).toBe("タナカ\u3000タロウ");
    expect(toKatakanaName("ｶﾌﾞｼｷｶﾞｲｼｬ ﾊﾔﾏ")).toBe("カブシキガイシャ\u3000ハヤマ");
  });

  it("leaves what is not kana in place, for the validator to reject", () => {
    expect(toKatakanaName("田中 タロウ")).toBe("田中\u3000タロウ");
  });
});

describe("isKatakanaName", () => {
  it.each(["タナカ\u3000タロウ", "タナカ タロウ", "ヴィクトル", "キョウコ", "サーファー", "スミス・ジョン", "ヱヴァ", "ササキ"])(
    "accepts %s",
    (text) => expect(isKatakanaName(text)).toBe(true),
  );

  it.each([
    ["", "empty"],
    ["たなか", "hiragana"],
    ["ﾀﾅｶ", "half-width"],
    ["田中", "kanji"],
    ["TANAKA", "Latin"],
    ["タナカ1", "a digit"],
    [" タナカ", "a leading space"],
    ["タナカ  タロウ", "two spaces"],
    ["・タナカ", "a leading middle dot"],
  ])("rejects %s (%s)", (text) => expect(isKatakanaName(text)).toBe(false));

  it("accepts every stored form made from katakana input", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom(..."アイウエオカガキャッヴー"), minLength: 1 }), { minLength: 1, maxLength: 3 }), (parts) => {
        expect(isKatakanaName(toKatakanaName(parts.join(" ")))).toBe(true);
      }),
    );
  });
});
