import { describe, expect, it } from "vitest";
import { ApiProblem } from "./api-client.ts";
import { fieldErrorsOf, fieldOf } from "./field-errors.ts";

describe("problem field errors placed on form fields", () => {
  it("strips the request part and keeps the top-level field", () => {
    expect(fieldOf("body/loginId")).toBe("loginId");
    expect(fieldOf("body/roles/resident")).toBe("roles");
    expect(fieldOf("id")).toBe("id");
    expect(fieldOf("querystring/limit")).toBe("limit");
  });

  it("uses the form's wording when it has one and the problem's Japanese title otherwise", () => {
    const problem = new ApiProblem(400, "invalid-local-government-code", "団体コードの検査数字が正しくありません", [
      { field: "id", message: "check digit does not match" },
      { field: "body/name", message: "must NOT have fewer than 1 characters" },
    ]);
    expect(fieldErrorsOf(problem, ["id", "name"], { name: "団体名を入力してください" })).toEqual({
      id: "団体コードの検査数字が正しくありません",
      name: "団体名を入力してください",
    });
  });

  it("leaves out fields the form does not have and keeps the first message per field", () => {
    const problem = new ApiProblem(400, "invalid-request", "入力内容に誤りがあります", [
      { field: "body/unknown", message: "x" },
      { field: "body/password", message: "first" },
      { field: "body/password", message: "second" },
    ]);
    expect(fieldErrorsOf(problem, ["password"])).toEqual({ password: "入力内容に誤りがあります" });
  });
});
