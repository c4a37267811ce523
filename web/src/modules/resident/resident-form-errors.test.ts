import { describe, expect, it } from "vitest";
import { ApiProblem } from "../../kit/api-client.ts";
import { firstErrorKey, inputId, keyOfServerField, nearestKey, placeProblem } from "./resident-form-errors.ts";

const KEYS = ["effectiveDate", "notifiedDate", "persons/0", "persons/0/birthDate", "persons/1", "persons/1/birthDate", "relationships"];

describe("異動届の入力エラー", () => {
  it("names a server field by its key without body/, and a DOM id without slashes", () => {
    expect(keyOfServerField("body/persons/0/birthDate")).toBe("persons/0/birthDate");
    expect(keyOfServerField("body")).toBe("");
    expect(inputId("persons/0/birthDate")).toBe("rc-persons-0-birthDate");
  });

  it("puts a rule refusal's Japanese title at the field it names, or the nearest part the form shows", () => {
    const problem = new ApiProblem(409, "no-duplicate-registration", "同じカナ氏名・生年月日・住所の住民が既に記録されています", [
      { field: "body/persons/1", message: "the same person is already a resident" },
      { field: "body/relationships/0", message: "household would have no head" },
    ]);
    expect(placeProblem(problem, KEYS)).toEqual({
      fields: { "persons/1": "同じカナ氏名・生年月日・住所の住民が既に記録されています", relationships: "同じカナ氏名・生年月日・住所の住民が既に記録されています" },
      form: null,
    });
  });

  it("sends an alias to the field that stands for it (出生: the 異動日 is the 生年月日)", () => {
    const problem = new ApiProblem(400, "effective-not-after-recorded", "異動日が記録日より後です", [{ field: "body/effectiveDate", message: "x" }]);
    expect(placeProblem(problem, ["person/birthDate"], { effectiveDate: "person/birthDate" }).fields).toEqual({ "person/birthDate": "異動日が記録日より後です" });
    expect(nearestKey("effectiveDate", new Set(["person/birthDate"]))).toBeNull();
  });

  it("says for the whole form what names no field here, and words schema messages in Japanese", () => {
    const unplaced = new ApiProblem(409, "change-has-effect", "変更内容がありません", [{ field: "body", message: "every value given is already recorded" }]);
    expect(placeProblem(unplaced, KEYS)).toEqual({ fields: {}, form: "変更内容がありません" });
    const noErrors = new ApiProblem(403, "forbidden", "この操作の権限がありません");
    expect(placeProblem(noErrors, KEYS).form).toBe("この操作の権限がありません");
    const schema = new ApiProblem(400, "invalid-request", "入力内容に誤りがあります", [{ field: "body/persons/0/birthDate", message: "Expected string to match '^\\d{4}-\\d{2}-\\d{2}$'" }]);
    expect(placeProblem(schema, KEYS).fields).toEqual({ "persons/0/birthDate": "存在する日付を入力してください" });
  });

  it("focuses the first error in the form's order", () => {
    expect(firstErrorKey({ relationships: "x", "persons/0/birthDate": "y" }, KEYS)).toBe("persons/0/birthDate");
    expect(firstErrorKey({}, KEYS)).toBeNull();
  });
});
