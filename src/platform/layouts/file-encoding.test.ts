import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { codePointLabel, decodeLayoutFile, encodeLayoutText, firstUnencodable } from "./file-encoding.ts";

describe("UTF-8 layout files", () => {
  it("decodes UTF-8 and strips a leading byte-order mark", () => {
    const body = Buffer.from("name\r\n髙橋\r\n", "utf8");
    expect(decodeLayoutFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]), "utf-8")).toEqual({ text: "name\r\n髙橋\r\n" });
    expect(decodeLayoutFile(body, "utf-8")).toEqual({ text: "name\r\n髙橋\r\n" });
  });

  it("names every line holding invalid bytes: a stray byte, an overlong form, an encoded surrogate, a cut sequence", () => {
    const lines = [
      Buffer.from("name\n"),
      Buffer.from("ok\n"),
      Buffer.from([0x61, 0xff, 0x0a]), // line 3: a byte never valid in UTF-8
      Buffer.from([0xc0, 0xaf, 0x0a]), // line 4: overlong "/"
      Buffer.from("ok\r\n"),
      Buffer.from([0xed, 0xa0, 0x80, 0x0d, 0x0a]), // line 6: UTF-16 surrogate U+D800
      Buffer.from([0xe9, 0xab]), // line 7: 髙 cut short at the end of the file
    ];
    const decoded = decodeLayoutFile(Buffer.concat(lines), "utf-8");
    expect(decoded).toEqual({ problems: [3, 4, 6, 7].map((line) => expect.objectContaining({ code: "invalid-utf-8", line })) });
  });

  it("writes no byte-order mark", () => {
    expect(encodeLayoutText("a\r\n", "utf-8")).toEqual(Buffer.from("a\r\n"));
  });
});

describe("Shift_JIS (CP932, Windows-31J) layout files", () => {
  it("round-trips JIS X 0208 kanji, half-width kana and the NEC/IBM extensions legacy tools use", () => {
    const text = "山田,ﾔﾏﾀﾞ,髙橋,﨑,①,㈱,～\r\n";
    const bytes = encodeLayoutText(text, "shift_jis");
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x8e, 0x52, 0x93, 0x63]));
    expect(decodeLayoutFile(bytes, "shift_jis")).toEqual({ text });
    expect(firstUnencodable(text)).toBeNull();
  });

  it("names the code point CP932 cannot hold instead of writing '?'", () => {
    expect(firstUnencodable("𠮷田")).toBe(0x20bb7);
    expect(firstUnencodable("葛\u{E0100}飾")).toBe(0xe0100);
    expect(firstUnencodable("10時〜12時")).toBe(0x301c);
    expect(firstUnencodable("¥100")).toBe(0xa5);
    expect(codePointLabel(0x20bb7)).toBe("U+20BB7");
    expect(codePointLabel(0xa5)).toBe("U+00A5");
  });

  it("names the lines of bytes that are not Shift_JIS", () => {
    const bytes = Buffer.concat([
      iconv.encode("name\r\n山田\r\n", "cp932"),
      Buffer.from([0x82, 0x20, 0x0d, 0x0a]), // line 3: a lead byte with no valid trail byte
      iconv.encode("田中\r\n", "cp932"),
    ]);
    expect(decodeLayoutFile(bytes, "shift_jis")).toEqual({ problems: [expect.objectContaining({ code: "invalid-shift-jis", line: 3 })] });
  });
});
