// 送付先の入力 (a 送付先 as its form holds it): the text of each field, checked all at once into the
// body POST /api/addressees/:number/mailing-addresses takes, or a Japanese message per field.
import {
  ADDRESS_LINE2_MAX_LENGTH,
  ADDRESS_MAX_LENGTH,
  checkDayInput,
  checkKanaInput,
  checkNameInput,
  checkPostalCodeInput,
  checkTextInput,
  REASON_MAX_LENGTH,
  type Checked,
} from "./addressee-input.ts";

export const MAILING_FIELDS = [
  "business",
  "validFrom",
  "validUntil",
  "recipientName",
  "recipientKana",
  "recipientRole",
  "postalCode",
  "address",
  "addressLine2",
  "reason",
] as const;
export type MailingField = (typeof MAILING_FIELDS)[number];
export type MailingDraft = Record<MailingField, string>;
type Errors = Partial<Record<MailingField, string>>;

export const EMPTY_MAILING_DRAFT: MailingDraft = Object.fromEntries(MAILING_FIELDS.map((f) => [f, ""])) as MailingDraft;
export const MAILING_LABELS: Record<MailingField, string> = {
  business: "業務",
  validFrom: "開始日",
  validUntil: "終了日",
  recipientName: "宛先の氏名・名称",
  recipientKana: "宛先のカナ",
  recipientRole: "宛名との関係",
  postalCode: "郵便番号",
  address: "送付先住所",
  addressLine2: "方書",
  reason: "理由",
};


/** Every rule of the draft at once: the body to send, or a message per field. */
export function checkMailingDraft(draft: MailingDraft): { ok: true; body: Record<string, unknown> } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  const body: Record<string, unknown> = {};
  const take = (field: MailingField, checked: Checked<string | null>) => {
    if (!checked.ok) errors[field] = checked.message;
    else if (checked.value !== null) body[field] = checked.value;
  };
  if (!draft.business) errors.business = "業務を選んでください";
  else body.business = draft.business;
  take("validFrom", checkDayInput(draft.validFrom, "開始日", true));
  take("validUntil", checkDayInput(draft.validUntil, "終了日", false));
  take("recipientName", checkNameInput(draft.recipientName, "宛先の氏名・名称"));
  take("recipientKana", checkKanaInput(draft.recipientKana, false));
  take("recipientRole", checkTextInput(draft.recipientRole, "宛名との関係", 100));
  take("postalCode", checkPostalCodeInput(draft.postalCode));
  take("address", checkTextInput(draft.address, "送付先住所", ADDRESS_MAX_LENGTH));
  if (!draft.address.trim()) errors.address = "送付先住所を入力してください";
  take("addressLine2", checkTextInput(draft.addressLine2, "方書", ADDRESS_LINE2_MAX_LENGTH));
  const reason = draft.reason.trim();
  if (!reason) errors.reason = "理由を入力してください";
  else if (reason.length > REASON_MAX_LENGTH) errors.reason = `理由は${REASON_MAX_LENGTH}文字以内で入力してください`;
  else body.reason = reason;
  if (!errors.validFrom && !errors.validUntil && body.validUntil && (body.validUntil as string) < (body.validFrom as string)) {
    errors.validUntil = "終了日は開始日より後の日付にしてください";
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, body };
}

