// 職員アカウントの入力規則: the rules POST /api/staff enforces, checked before sending so each
// field gets a Japanese message (the server's schema messages are English).
import type { Role } from "../../src/platform/contract.ts";

export interface StaffAccountInput {
  loginId: string;
  displayName: string;
  password: string;
  roles: Record<string, Role[]>;
}

export const STAFF_FIELDS = ["loginId", "displayName", "password", "roles"] as const;

export const STAFF_FIELD_MESSAGES: Record<(typeof STAFF_FIELDS)[number], string> = {
  loginId: "ログインIDは半角英小文字・数字と「.」「_」「-」の3〜64文字で入力してください",
  displayName: "氏名を64文字以内で入力してください",
  password: "初期パスワードは12文字以上256文字以内で入力してください",
  roles: "権限の指定に誤りがあります",
};

export const MIN_PASSWORD_LENGTH = 12;

export function validateStaffAccount(input: StaffAccountInput): Partial<Record<(typeof STAFF_FIELDS)[number], string>> {
  const errors: Partial<Record<(typeof STAFF_FIELDS)[number], string>> = {};
  if (!/^[a-z0-9._-]{3,64}$/.test(input.loginId)) errors.loginId = STAFF_FIELD_MESSAGES.loginId;
  const name = input.displayName.trim();
  if (name.length === 0 || name.length > 64) errors.displayName = STAFF_FIELD_MESSAGES.displayName;
  if (input.password.length < MIN_PASSWORD_LENGTH || input.password.length > 256) errors.password = STAFF_FIELD_MESSAGES.password;
  return errors;
}
