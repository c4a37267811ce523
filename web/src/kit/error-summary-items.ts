// エラーサマリーの項目 (the items of an error summary, デジタル庁デザインシステム): one line per field in
// error, in the order the fields appear on the form, each naming its field and linking to it. The
// pure part of error-summary.tsx, so the order and the wording are tested without a browser.

export interface ErrorSummaryItem {
  /** The DOM id of the field the link focuses (href="#id"). */
  fieldId: string;
  /** What the link says: 「転居日（異動日）：入力してください」. */
  text: string;
}

/**
 * The items of `errors` (keyed as the form keys its fields): first in `order`, then any other key in
 * the order given; keys without a message are left out. `idOf` turns a key into its field's DOM id
 * and `labelOf` names the field (undefined when it has no label).
 */
export function errorSummaryItems(
  errors: Readonly<Record<string, string | null | undefined>>,
  order: readonly string[],
  idOf: (key: string) => string,
  labelOf: (key: string) => string | null | undefined = () => undefined,
): ErrorSummaryItem[] {
  const keys = [...order.filter((k) => k in errors), ...Object.keys(errors).filter((k) => !order.includes(k))];
  const items: ErrorSummaryItem[] = [];
  for (const key of new Set(keys)) {
    const message = errors[key];
    if (!message) continue;
    items.push({ fieldId: idOf(key), text: summaryText(labelOf(key), message) });
  }
  return items;
}

/** 「項目名：メッセージ」, without repeating the name when the message already starts with it. */
export function summaryText(label: string | null | undefined, message: string): string {
  const name = label?.trim();
  if (!name || message.startsWith(name)) return message;
  return `${name}：${message}`;
}

/** A label's text without its 必須/任意 marker: 「転居日（異動日）必須」 → 「転居日（異動日）」. */
export function withoutMarker(labelText: string): string {
  return labelText.replace(/\s*(必須|任意)\s*$/, "").trim();
}
