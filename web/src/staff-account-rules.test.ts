import { describe, expect, it } from "vitest";
import { STAFF_FIELD_MESSAGES, validateStaffAccount } from "./staff-account-rules.ts";

const valid = { loginId: "koseki.3", displayName: "戸籍 三郎", password: "twelve-chars", roles: {} };

describe("staff account input rules (as POST /api/staff enforces them)", () => {
  it("accepts a valid account", () => {
    expect(validateStaffAccount(valid)).toEqual({});
  });

  it("log-in IDs are 3–64 of a-z 0-9 . _ -", () => {
    for (const loginId of ["ab", "Koseki", "koseki saburo", "戸籍", "a".repeat(65)]) {
      expect(validateStaffAccount({ ...valid, loginId }).loginId).toBe(STAFF_FIELD_MESSAGES.loginId);
    }
    expect(validateStaffAccount({ ...valid, loginId: "a_b-c.d" }).loginId).toBeUndefined();
  });

  it("a blank name and a name over 64 characters are refused", () => {
    expect(validateStaffAccount({ ...valid, displayName: "  " }).displayName).toBe(STAFF_FIELD_MESSAGES.displayName);
    expect(validateStaffAccount({ ...valid, displayName: "名".repeat(65) }).displayName).toBe(STAFF_FIELD_MESSAGES.displayName);
  });

  it("the initial password has at least 12 characters", () => {
    expect(validateStaffAccount({ ...valid, password: "elevenchars" }).password).toBe(STAFF_FIELD_MESSAGES.password);
    expect(validateStaffAccount({ ...valid, password: "twelvechars!" }).password).toBeUndefined();
  });
});
