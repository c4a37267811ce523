// 宛名の入力チェック (checks as the clerk types): the same rules the server applies — カナ in
// katakana (half-width and hiragana are converted, as the server does), the 法人番号 check digit
// (法人番号の指定等に関する省令 第2条), real calendar dates, a 7-digit 郵便番号 — said in Japanese at
// the field before anything is sent; and the server's field errors (English, by rule) put into
// the same Japanese words, for the rules only the server knows (外字, overlapping 送付先…).
import { isKatakanaName, toKatakanaName } from "../../../../src/lib/kana.ts";
import { checkCorporateNumber, normalizeCorporateNumber } from "../../../../src/lib/corporate-number.ts";
import type { ApiProblem } from "../../kit/api-client.ts";
import { fieldOf } from "../../kit/field-errors.ts";
import { fieldLabel } from "./addressee-labels.ts";
import { readDateInput } from "../../kit/wareki-date.ts";

/** Old land records still name owners born in the 1800s; the server refuses earlier days. */
export const EARLIEST_BIRTH_DATE = "1800-01-01";
export const NAME_MAX_LENGTH = 100;
export const KANA_MAX_LENGTH = 200;
export const ADDRESS_MAX_LENGTH = 200;
export const ADDRESS_LINE2_MAX_LENGTH = 100;
export const NOTE_MAX_LENGTH = 500;
export const REASON_MAX_LENGTH = 500;

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const refuse = <T>(message: string): Checked<T> => ({ ok: false, message });

/** A required name: trimmed, not empty, not too long. */
export function checkNameInput(text: string, label: string, required = true): Checked<string | null> {
  const value = text.trim();
  if (!value) return required ? refuse(`${label}を入力してください`) : ok(null);
  if (value.length > NAME_MAX_LENGTH) return refuse(`${label}は${NAME_MAX_LENGTH}文字以内で入力してください`);
  return ok(value);
}

/** カナ: stored as full-width katakana with one space between parts; ﾀﾅｶ ﾀﾛｳ and たなか たろう are accepted. */
export function checkKanaInput(text: string, required = true): Checked<string | null> {
  const value = toKatakanaName(text);
  if (!value) return required ? refuse("カナを入力してください") : ok(null);
  if (!isKatakanaName(value)) return refuse("カナはカタカナで入力してください（氏と名の間は空白）");
  if (value.length > KANA_MAX_LENGTH) return refuse(`カナは${KANA_MAX_LENGTH}文字以内で入力してください`);
  return ok(value);
}

/** 法人番号: 13 digits (全角 and hyphens accepted), the first being the check digit. */
export function checkCorporateNumberInput(text: string): Checked<string | null> {
  if (!text.trim()) return ok(null);
  const number = normalizeCorporateNumber(text);
  const problem = checkCorporateNumber(number);
  if (problem === "format") return refuse("法人番号は13桁の数字で入力してください");
  if (problem === "check-digit") return refuse("法人番号の検査用数字（先頭の1桁）が合いません。番号を確かめてください");
  return ok(number);
}

/** 郵便番号: seven digits; 「240-0112」 and 全角 digits are accepted. */
export function checkPostalCodeInput(text: string): Checked<string | null> {
  if (!text.trim()) return ok(null);
  const digits = text.normalize("NFKC").replace(/[-‐−ー\s]/g, "");
  return /^\d{7}$/.test(digits) ? ok(digits) : refuse("郵便番号は7桁の数字で入力してください");
}

/** 生年月日: optional; an existing day, not in the future, not before 1800. */
export function checkBirthDateInput(text: string, today?: string): Checked<string | null> {
  const input = readDateInput(text, { notFuture: true, notBefore: EARLIEST_BIRTH_DATE }, today);
  if (input.kind === "error") return refuse(input.message);
  return ok(input.kind === "date" ? input.iso : null);
}

/** A day of a period or a change (送付先の開始日, 変更日), required or not. */
export function checkDayInput(text: string, label: string, required: boolean, rules: { notFuture?: boolean } = {}, today?: string): Checked<string | null> {
  const input = readDateInput(text, rules, today);
  if (input.kind === "error") return refuse(input.message);
  if (input.kind === "empty") return required ? refuse(`${label}を入力してください`) : ok(null);
  return ok(input.iso);
}

/** Optional free text with a length limit: empty is null. */
export function checkTextInput(text: string, label: string, maxLength: number): Checked<string | null> {
  const value = text.trim();
  if (!value) return ok(null);
  return value.length > maxLength ? refuse(`${label}は${maxLength}文字以内で入力してください`) : ok(value);
}

/** The server's English messages, by the rule they name, in the words the fields use. */
const SERVER_RULES: readonly [RegExp, (label: string) => string][] = [
  [/^required$/, (label) => `${label}を入力してください`],
  [/katakana/, () => "カナはカタカナで入力してください（氏と名の間は空白）"],
  [/private-use character \(外字\)/, () => "外字（その団体だけの文字）が含まれています。標準の文字に置き換えて入力してください"],
  [/private-use or control|control character/, (label) => `${label}に使えない文字が含まれています`],
  [/postal code/, () => "郵便番号は7桁の数字で入力してください"],
  [/existing calendar date/, () => "存在する日付を入力してください"],
  [/must not be in the future/, () => "未来の日付は入力できません"],
  [/must not be before \d{4}-\d{2}-\d{2}/, () => "1800年1月1日より前の日付は入力できません"],
  [/法人番号 of 13 digits/, () => "法人番号は13桁の数字で入力してください"],
  [/check digit/, () => "法人番号の検査用数字（先頭の1桁）が合いません。番号を確かめてください"],
  [/^only a person/, (label) => `${label}は個人のときだけ入力します`],
  [/^only an organisation/, (label) => `${label}は法人・団体のときだけ入力します`],
  [/needs an address/, (label) => `${label}を入れるときは住所も入力してください`],
  [/required when knownAs is other/, () => "把握事由が「その他」のときは補足を入力してください"],
  [/required: why/, () => "把握事由を選んでください"],
  [/overlaps another mailing address/, () => "同じ業務の送付先と期間が重なっています"],
  [/must not be before validFrom/, () => "終了日は開始日より後の日付にしてください"],
  [/given without a new/, (label) => `${label}は新しい値を入力したときだけ指定します`],
  [/must be after the day the current/, (label) => `${label}は現在の値が適用された日より後にしてください`],
  [/owned by the resident registry/, (label) => `住民の${label}は住民記録で変更します`],
];

/** One Japanese message per field of the form that a server problem names; fields not in the form are left out. */
export function serverFieldErrors(problem: ApiProblem, fields: readonly string[], labels: Partial<Record<string, string>> = {}): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of problem.errors) {
    const field = fieldOf(error.field);
    if (!fields.includes(field) || field in result) continue;
    const label = labels[field] ?? fieldLabel(field);
    const rule = SERVER_RULES.find(([pattern]) => pattern.test(error.message));
    result[field] = rule ? rule[1](label) : `${label}の入力内容を確かめてください`;
  }
  return result;
}
