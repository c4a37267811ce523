import { describe, expect, it } from "vitest";
import { normaliseNameText, textFault } from "./text.ts";

describe("text accepted at the edge", () => {
  it("refuses NUL, unpaired surrogates and control characters, and keeps tab and line breaks", () => {
    expect(textFault("検査\u0000太郎")).toBe("nul");
    expect(textFault("検査\ud800太郎")).toBe("unpaired-surrogate");
    expect(textFault("\udc00")).toBe("unpaired-surrogate");
    expect(textFault("末尾\ud83d")).toBe("unpaired-surrogate");
    expect(textFault("ベル\u0007")).toBe("control-character");
    expect(textFault("C1\u0085")).toBe("control-character");
    expect(textFault("𠮷田\t一行目\r\n二行目")).toBeNull();
    expect(textFault("😀 surrogate pair")).toBeNull();
  });
});

describe("NFC for names and addresses", () => {
  it("composes kana with a separate voiced mark, so one name is stored one way", () => {
    expect(normaliseNameText("か\u3099とう")).toBe("がとう");
    expect(normaliseNameText("ハ\u309Aン")).toBe("パン");
  });

  it("keeps CJK compatibility ideographs, which plain NFC would replace", () => {
    expect("\uFA19".normalize("NFC")).toBe("\u795E");
    expect(normaliseNameText("\uFA19田か\u3099")).toBe("\uFA19田が");
    expect(normaliseNameText("\u{2F800}山")).toBe("\u{2F800}山");
  });

  it("keeps ideographic variation sequences (IVS) as sent", () => {
    const watanabe = "渡邉\u{E0100}";
    expect(normaliseNameText(watanabe)).toBe(watanabe);
  });
});
