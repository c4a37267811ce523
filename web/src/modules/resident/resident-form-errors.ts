// 異動届の入力エラー (errors of a 異動 form), keyed the way the server names fields without its
// "body/" prefix — "effectiveDate", "persons/0/birthDate", "address/postalCode" — so the checks
// made while typing and the server's rule refusals land on the same field. A refusal that names a
// whole part ("persons/1": this person is already registered) lands on the nearest part the form
// shows; one that names nothing the form has is said for the whole form.
import type { ApiProblem } from "../../kit/api-client.ts";

export type FormErrors = Record<string, string>;

export type DraftCheck<B> = { ok: true; body: B } | { ok: false; errors: FormErrors };

/** "body/persons/0/birthDate" → "persons/0/birthDate"; "body" → "". */
export function keyOfServerField(field: string): string {
  const parts = field.split("/").filter((p) => p !== "");
  if (parts[0] === "body") parts.shift();
  return parts.join("/");
}

/** The schema's English messages in Japanese (the form's own checks normally catch these first). */
const SCHEMA_MESSAGES: readonly [RegExp, string][] = [
  [/required property|must have required|fewer than 1|greater or equal to 1/i, "入力してください"],
  [/less or equal|more than \d+ characters/i, "文字数が多すぎます"],
  [/\\d\{4\}-\\d\{2\}-\\d\{2\}|calendar date|YYYY-MM-DD/i, "存在する日付を入力してください"],
  [/7 digits/i, "郵便番号は7桁の数字で入力してください"],
  [/katakana/i, "カナはカタカナで入力してください"],
];

function messageOf(problem: ApiProblem, serverMessage: string): string {
  if (problem.code !== "invalid-request") return problem.titleJa;
  return SCHEMA_MESSAGES.find(([pattern]) => pattern.test(serverMessage))?.[1] ?? "入力内容を確かめてください";
}

/** The nearest key of the form at or above `key` ("persons/1/x" → "persons/1" → "persons"), else null. */
export function nearestKey(key: string, keys: ReadonlySet<string>, aliases: Readonly<Record<string, string>> = {}): string | null {
  const parts = key.split("/");
  while (parts.length > 0) {
    const candidate = parts.join("/");
    const aliased = aliases[candidate] ?? candidate;
    if (keys.has(aliased)) return aliased;
    parts.pop();
  }
  return null;
}

export interface PlacedProblem {
  fields: FormErrors;
  /** What to say above the form: the problem's title when some error has no field here. */
  form: string | null;
}

/** The problem's errors at the fields of the form (`keys`; `aliases` send a server key to another). */
export function placeProblem(problem: ApiProblem, keys: readonly string[], aliases: Readonly<Record<string, string>> = {}): PlacedProblem {
  const known = new Set(keys);
  const fields: FormErrors = {};
  let unplaced = problem.errors.length === 0;
  for (const error of problem.errors) {
    const key = nearestKey(keyOfServerField(error.field), known, aliases);
    if (key === null) unplaced = true;
    else if (!(key in fields)) fields[key] = messageOf(problem, error.message);
  }
  return { fields, form: unplaced ? problem.titleJa : null };
}

/** The first key of `order` that has an error: where the focus goes. */
export function firstErrorKey(errors: FormErrors, order: readonly string[]): string | null {
  return order.find((k) => errors[k]) ?? Object.keys(errors)[0] ?? null;
}

/** The DOM id of a form key: "persons/0/birthDate" → "rc-persons-0-birthDate". */
export function inputId(key: string): string {
  return `rc-${key.replace(/\//g, "-") || "form"}`;
}

/** The DOM id of the error summary above a 異動 form (the focus goes there when 登録 finds errors). */
export const ERROR_SUMMARY_ID = "rc-error-summary";
