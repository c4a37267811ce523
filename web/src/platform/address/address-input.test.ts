import { describe, expect, it } from "vitest";
import { candidateDetail, candidateQuery, candidatesPath, candidatesToList, composeAddress, masterDate, postalDigits, postalText, type Candidate } from "./address-input.ts";

const horiuchi: Candidate = {
  machiazaId: "0001000",
  townArea: "堀内",
  townAreaKana: "ホリウチ",
  address: "神奈川県三浦郡葉山町堀内",
  postalCode: "2400112",
  addressing: "lot-number",
};
const isshiki: Candidate = { ...horiuchi, machiazaId: "0002000", townArea: "一色", address: "神奈川県三浦郡葉山町一色", postalCode: "2400111" };

describe("住所入力 (address input, pure parts)", () => {
  it("reads a complete 〒 in any width, with 〒 and any dash, and nothing shorter", () => {
    expect(postalDigits("240-0112")).toBe("2400112");
    expect(postalDigits("〒２４０－０１１２")).toBe("2400112");
    expect(postalDigits(" 2400112 ")).toBe("2400112");
    expect(postalDigits("240-011")).toBeNull();
    expect(postalDigits("堀内")).toBeNull();
    expect(postalText("2400112")).toBe("240-0112");
    expect(postalText(null)).toBe("");
  });

  it("asks the master for the 町字 typed, else for a complete 〒, else nothing", () => {
    expect(candidateQuery(" 堀内 ", "240-0112")).toBe("堀内");
    expect(candidateQuery("", "２４０－０１１２")).toBe("2400112");
    expect(candidateQuery("", "240-01")).toBeNull();
    expect(candidateQuery("x".repeat(101), "")).toBeNull();
    expect(candidatesPath("葉山町堀内", "2026-04-01")).toBe(`/api/address/candidates?q=${encodeURIComponent("葉山町堀内")}&date=2026-04-01`);
    expect(candidatesPath("堀内", null)).toBe(`/api/address/candidates?q=${encodeURIComponent("堀内")}`);
  });

  it("joins the chosen 町字 and the 番地・号 typed after it", () => {
    expect(composeAddress("神奈川県三浦郡葉山町堀内", " 2135-3 ")).toBe("神奈川県三浦郡葉山町堀内2135-3");
    expect(composeAddress("葉山町堀内2135番地3 ", "")).toBe("葉山町堀内2135番地3");
  });

  it("lists candidates until the text is a candidate's address or goes past it", () => {
    expect(candidatesToList("堀", [horiuchi, isshiki])).toEqual([horiuchi, isshiki]);
    expect(candidatesToList("", [horiuchi])).toEqual([horiuchi]);
    expect(candidatesToList("神奈川県三浦郡葉山町堀内", [horiuchi])).toEqual([]);
    expect(candidatesToList("神奈川県三浦郡葉山町堀内2135", [horiuchi])).toEqual([]);
    expect(candidatesToList("神奈川県三浦郡葉山町一", [horiuchi, isshiki])).toEqual([horiuchi, isshiki]);
  });

  it("describes a candidate by its 〒 and how its 番地 are written", () => {
    expect(candidateDetail(horiuchi)).toBe("〒240-0112・地番（○番地○）");
    expect(candidateDetail({ ...horiuchi, postalCode: null, addressing: "residence-indication" })).toBe("〒なし・住居表示（○番○号）");
  });

  it("takes the 異動日 for the master only as a whole ISO date", () => {
    expect(masterDate("2026-04-01")).toBe("2026-04-01");
    expect(masterDate("R8.4.1")).toBeNull();
    expect(masterDate(null)).toBeNull();
  });
});
