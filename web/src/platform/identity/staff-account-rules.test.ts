import { describe, expect, it } from "vitest";
import { checkNewPassword, checkReason, MIN_PASSWORD_LENGTH, STAFF_FIELD_MESSAGES, validateStaffAccount } from "./staff-account-rules.ts";
import { MIN_PASSWORD_LENGTH as SERVER_MIN } from "../../../../src/platform/identity/password-policy.ts";

const valid = { loginId: "koseki.3", displayName: "戸籍 三郎", roles: {} };

describe("staff account input rules (as the account routes enforce them)", () => {
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

  it("a new password has the server's minimum length in characters, and is typed the same twice", () => {
    expect(MIN_PASSWORD_LENGTH).toBe(SERVER_MIN);
    expect(checkNewPassword("fourteen chars", "fourteen chars")).toBe(STAFF_FIELD_MESSAGES.password);
    expect(checkNewPassword("窓口で使う長い合言葉ですよね！", "窓口で使う長い合言葉ですよね！")).toBeNull();
    expect(checkNewPassword("fifteen chars!!", "fifteen chars!?")).toBe(STAFF_FIELD_MESSAGES.passwordMismatch);
  });

  it("a reason is required, at most 500 characters, without control characters", () => {
    expect(checkReason("  ")).toBe(STAFF_FIELD_MESSAGES.reason);
    expect(checkReason("異動")).toBeNull();
    expect(checkReason("a\u0000b")).toBe(STAFF_FIELD_MESSAGES.reason);
    expect(checkReason("x".repeat(501))).toBe(STAFF_FIELD_MESSAGES.reason);
  });
});
