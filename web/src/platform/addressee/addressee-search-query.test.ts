import { describe, expect, it } from "vitest";
import { EMPTY_CRITERIA, searchQuery } from "./addressee-search-query.ts";

describe("宛名検索 criteria", () => {
  it("a half-width カナ name goes as typed (the server folds it) and a 和暦 birth date as ISO", () => {
    const built = searchQuery({ ...EMPTY_CRITERIA, name: " ﾀﾅｶ ", birthDate: "S55.4.1" });
    expect(built).toEqual({ query: "name=%EF%BE%80%EF%BE%85%EF%BD%B6&birthDate=1980-04-01" });
  });

  it("full-width digits of a 宛名番号 are searched as ASCII; letters are refused at the field", () => {
    expect(searchQuery({ ...EMPTY_CRITERIA, number: "１２" })).toEqual({ query: "number=12" });
    expect(searchQuery({ ...EMPTY_CRITERIA, number: "12a" })).toMatchObject({ errors: { number: expect.any(String) } });
  });

  it("a 法人番号 with a wrong check digit is refused before searching", () => {
    expect(searchQuery({ ...EMPTY_CRITERIA, corporateNumber: "8000012050002" })).toMatchObject({ errors: { corporateNumber: expect.stringContaining("検査用数字") } });
    expect(searchQuery({ ...EMPTY_CRITERIA, corporateNumber: "7000012050002", kind: "organisation" })).toEqual({
      query: "corporateNumber=7000012050002&kind=organisation",
    });
  });

  it("no criterion at all is refused for the whole form", () => {
    expect(searchQuery(EMPTY_CRITERIA)).toEqual({ errors: { form: "検索条件を1つ以上入力してください" } });
  });

  it("an address goes as typed, trimmed (the server folds widths and reads the 町字 part); an overlong one is refused at the field", () => {
    expect(searchQuery({ ...EMPTY_CRITERIA, address: " 葉山町堀内 " })).toEqual({ query: `address=${encodeURIComponent("葉山町堀内")}` });
    expect(searchQuery({ ...EMPTY_CRITERIA, address: "堀".repeat(201) })).toMatchObject({ errors: { address: "住所は200文字以内で入力してください" } });
    expect(searchQuery({ ...EMPTY_CRITERIA, address: "   " })).toEqual({ errors: { form: "検索条件を1つ以上入力してください" } });
  });
});
