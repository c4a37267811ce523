// 職員アカウントの入力規則: the rules the account routes enforce, checked before sending so each
// field gets a Japanese message (the server's schema messages are English). The password rules
// beyond length (the common-password list, context words) are the server's: it answers 422
// password-rejected with the reason in Japanese.
import type { Role } from "../../../../src/platform/contract.ts";

export interface StaffAccountInput {
  loginId: string;
  displayName: string;
  roles: Record<string, Role[]>;
}

export const STAFF_FIELDS = ["loginId", "displayName", "roles"] as const;

/** NIST SP 800-63B-4 §3.1.1.2: at least 15 characters for a password used alone (server: password-policy.ts). */
export const MIN_PASSWORD_LENGTH = 15;
export const MAX_PASSWORD_LENGTH = 256;

export const STAFF_FIELD_MESSAGES = {
  loginId: "ログインIDは半角英小文字・数字と「.」「_」「-」の3〜64文字で入力してください",
  displayName: "氏名を64文字以内で入力してください",
  roles: "権限の指定に誤りがあります",
  password: `パスワードは${MIN_PASSWORD_LENGTH}文字以上${MAX_PASSWORD_LENGTH}文字以内で入力してください`,
  passwordMismatch: "確認用のパスワードが一致しません",
  reason: "理由を500文字以内で入力してください",
} as const;

export function validateLoginId(loginId: string): boolean {
  return /^[a-z0-9._-]{3,64}$/.test(loginId);
}

export function validateDisplayName(displayName: string): boolean {
  const name = displayName.trim();
  return name.length > 0 && name.length <= 64;
}

export function validateStaffAccount(input: StaffAccountInput): Partial<Record<(typeof STAFF_FIELDS)[number], string>> {
  const errors: Partial<Record<(typeof STAFF_FIELDS)[number], string>> = {};
  if (!validateLoginId(input.loginId)) errors.loginId = STAFF_FIELD_MESSAGES.loginId;
  if (!validateDisplayName(input.displayName)) errors.displayName = STAFF_FIELD_MESSAGES.displayName;
  return errors;
}

/** A new password as typed twice: its length in characters (code points, as the server counts) and the match. */
export function checkNewPassword(password: string, confirmation: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) return STAFF_FIELD_MESSAGES.password;
  if (password !== confirmation) return STAFF_FIELD_MESSAGES.passwordMismatch;
  return null;
}

/** A reason for the audit log: required, at most 500 characters, no control characters. */
export function checkReason(reason: string): string | null {
  const text = reason.trim();
  const hasControl = [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  return text.length === 0 || text.length > 500 || hasControl ? STAFF_FIELD_MESSAGES.reason : null;
}
