import { describe, expect, it } from "vitest";
import { EMPTY_RESIDENT_CRITERIA, residentSearchQuery } from "./resident-search-query.ts";

const search = (patch: Partial<typeof EMPTY_RESIDENT_CRITERIA>) => residentSearchQuery({ ...EMPTY_RESIDENT_CRITERIA, ...patch });

describe("住民検索の条件", () => {
  it("sends the name as typed (the server folds width and kana), the birth date typed in 和暦 as ISO, and 除票 only when asked", () => {
    expect(search({ name: " ﾀﾅｶ  ﾀﾛｳ ", birthDate: "S55.4.1" })).toEqual({ query: "q=%EF%BE%80%EF%BE%85%EF%BD%B6+%EF%BE%80%EF%BE%9B%EF%BD%B3&birthDate=1980-04-01" });
    expect(search({ name: "たなか", includeRemoved: true })).toEqual({ query: "q=%E3%81%9F%E3%81%AA%E3%81%8B&includeRemoved=true" });
    expect(search({ address: "神奈川県三浦郡葉山町堀内", householdNumber: "１２" })).toEqual({
      query: `address=${encodeURIComponent("神奈川県三浦郡葉山町堀内")}&householdNumber=12`,
    });
  });

  it("says per field what cannot be searched, and asks for a criterion when none is given", () => {
    expect(search({ birthDate: "S55.13.1" })).toEqual({ errors: { birthDate: "月は1から12までです" } });
    expect(search({ householdNumber: "12-3" })).toEqual({ errors: { householdNumber: "世帯番号は15桁以内の数字で入力してください" } });
    expect(search({ name: "あ".repeat(101) })).toEqual({ errors: { name: "氏名は100文字以内で入力してください" } });
    expect(search({ includeRemoved: true })).toEqual({ errors: { form: "氏名・生年月日・住所・世帯番号のいずれかを入力してください" } });
  });
});
