// 宛名の訂正 (correction): fixes what was registered wrongly, or records a change from a day — a
// new name (改姓・商号変更) or a new address (転居) with the day it applies from, so the old one
// stays true for the days before. A reason is required and kept in the history. For a resident,
// the name, birth date, sex and address come from the resident registry and are changed there.
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { AddresseeView } from "../../../../src/platform/addressee/view.ts";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { currentPurpose, purposeHeaders } from "../../kit/access-purpose.ts";
import { changedValues, checkDraft, DRAFT_FIELDS, draftOfState, type AddresseeDraft, type DraftField } from "./addressee-form.ts";
import { checkDayInput, REASON_MAX_LENGTH, serverFieldErrors } from "./addressee-input.ts";
import { dateConfirmation, readDateInput } from "../../kit/wareki-date.ts";
import { TextField } from "../../kit/form-field.tsx";
import { Notice } from "../../kit/notice.tsx";
import { ErrorSummary } from "../../kit/error-summary.tsx";
import { AddresseeFields, fieldId } from "./addressee-fields.tsx";

const PREFIX = "correct";
const EXTRA = ["nameEffectiveDate", "addressEffectiveDate", "reason"] as const;
type Extra = (typeof EXTRA)[number];
type Errors = Partial<Record<DraftField | Extra, string>>;
const REGISTRY_OWNED: readonly DraftField[] = ["name", "nameKana", "birthDate", "sex", "postalCode", "address", "addressLine2"];

interface Props {
  addressee: AddresseeView;
  /** The registry speaks for this addressee (a resident, or one whose 転出 lies ahead). */
  registryLinked: boolean;
  onCorrected(message: string): void;
  onCancel(): void;
}

export function AddresseeCorrectionForm({ addressee, registryLinked, onCorrected, onCancel }: Props) {
  const { api } = useApp();
  const [draft, setDraft] = useState<AddresseeDraft>(() => draftOfState(addressee));
  const [extra, setExtra] = useState<Record<Extra, string>>({ nameEffectiveDate: "", addressEffectiveDate: "", reason: "" });
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [failures, setFailures] = useState(0);
  const knownAsRequired = addressee.residentSince === null;
  const form = useRef<HTMLFormElement>(null);

  // Opened from 訂正: start at the first field this clerk may change (a resident's name is the registry's).
  useEffect(() => {
    form.current?.querySelector<HTMLElement>("input:not([disabled]):not([type=radio]), select")?.focus();
  }, []);

  const checked = checkDraft(draft, { knownAsRequired });
  const found: Errors = checked.ok ? {} : { ...checked.errors };
  const nameFrom = checkDayInput(extra.nameEffectiveDate, "氏名の変更日", false, { notFuture: true });
  const addressFrom = checkDayInput(extra.addressEffectiveDate, "住所の変更日", false, { notFuture: true });
  if (!nameFrom.ok) found.nameEffectiveDate = nameFrom.message;
  if (!addressFrom.ok) found.addressEffectiveDate = addressFrom.message;
  if (!extra.reason.trim()) found.reason = "訂正の理由を入力してください";
  else if (extra.reason.trim().length > REASON_MAX_LENGTH) found.reason = `理由は${REASON_MAX_LENGTH}文字以内で入力してください`;
  const changes = checked.ok ? changedValues(draftValues(addressee), checked.values) : {};
  const nameChanged = "name" in changes || "nameKana" in changes;
  const addressChanged = "postalCode" in changes || "address" in changes || "addressLine2" in changes;
  if (nameFrom.ok && nameFrom.value && checked.ok && !nameChanged) found.nameEffectiveDate = "新しい氏名・カナを入力したときだけ指定します";
  if (addressFrom.ok && addressFrom.value && checked.ok && !addressChanged) found.addressEffectiveDate = "新しい住所を入力したときだけ指定します";

  const errors: Errors = { ...serverErrors };
  for (const [key, message] of Object.entries(found) as [DraftField | Extra, string][]) {
    if (submitted || left.has(key)) errors[key] = message;
  }

  function clearServer(key: string) {
    setServerErrors(({ [key as DraftField]: _dropped, ...rest }) => rest);
  }

  const order: readonly string[] = [...DRAFT_FIELDS, ...EXTRA];
  const idOf = (k: string) => (EXTRA.includes(k as Extra) ? `${PREFIX}-${k}` : fieldId(PREFIX, k as DraftField));

  /** The error summary lists what is wrong and takes the focus. */
  function focusFirst(all: Errors) {
    if (Object.keys(all).length) setFailures((n) => n + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setProblem(null);
    if (Object.keys(found).length || !checked.ok) {
      focusFirst(found);
      return;
    }
    if (!Object.keys(changes).length) {
      setProblem("変更された項目がありません。");
      return;
    }
    const body: Record<string, unknown> = { ...changes, version: addressee.version, reason: extra.reason.trim() };
    if (nameFrom.ok && nameFrom.value) body.nameEffectiveDate = nameFrom.value;
    if (addressFrom.ok && addressFrom.value) body.addressEffectiveDate = addressFrom.value;
    setSending(true);
    try {
      const purpose = currentPurpose();
      await api.send("PATCH", `/api/addressees/${encodeURIComponent(addressee.number)}`, body, purpose ? purposeHeaders(purpose) : {});
      onCorrected("宛名を訂正しました。変更履歴に記録されています。");
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      const placed: Errors = serverFieldErrors(error, [...DRAFT_FIELDS, ...EXTRA]);
      setServerErrors(placed);
      if (Object.keys(placed).length) focusFirst(placed);
      else setProblem(error.titleJa);
    } finally {
      setSending(false);
    }
  }

  const extraField = (key: Extra) => ({
    id: `${PREFIX}-${key}`,
    value: extra[key],
    onValue: (value: string) => {
      setExtra((e) => ({ ...e, [key]: value }));
      clearServer(key);
    },
    onBlur: () => setLeft((s) => new Set(s).add(key)),
    error: errors[key],
    autoComplete: "off",
  });
  const dayStatus = (key: "nameEffectiveDate" | "addressEffectiveDate") => {
    const input = readDateInput(extra[key]);
    return !errors[key] && input.kind === "date" ? `${dateConfirmation(input.iso)}から` : null;
  };

  return (
    <form ref={form} className="detail-panel" onSubmit={submit} noValidate aria-labelledby="correct-title" data-testid="correction-form">
      <h3 className="detail-panel__title" id="correct-title">
        宛名の訂正・変更
      </h3>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {submitted ? <ErrorSummary id="correction-error-summary" errors={errors} order={order} idOf={idOf} focusSignal={failures} /> : null}
      {registryLinked ? <Notice kind="info">住民の氏名・生年月日・性別・住所は住民記録から反映されるため、ここでは変更できません。</Notice> : null}
      <AddresseeFields
        prefix={PREFIX}
        draft={draft}
        onField={(field, value) => {
          setDraft((d) => ({ ...d, [field]: value }));
          clearServer(field);
        }}
        onLeave={(field) => setLeft((s) => new Set(s).add(field))}
        errors={errors}
        chooseKind={false}
        locked={registryLinked ? REGISTRY_OWNED : []}
        knownAsRequired={knownAsRequired}
      />
      <div className="form-grid form-grid--wide form-grid--spaced">
        <TextField
          {...extraField("nameEffectiveDate")}
          label="氏名の変更日"
          hint="改姓・商号変更なら、新しい氏名が適用される日。誤りの訂正なら空欄"
          status={dayStatus("nameEffectiveDate")}
        />
        <TextField
          {...extraField("addressEffectiveDate")}
          label="住所の変更日"
          hint="転居なら、新しい住所が適用される日。誤りの訂正なら空欄"
          status={dayStatus("addressEffectiveDate")}
        />
      </div>
      <div className="form-stack form-stack--spaced">
        <TextField {...extraField("reason")} label="訂正の理由" hint="変更履歴に残ります。例：登記簿の記載との照合による" required maxLength={REASON_MAX_LENGTH} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={sending}>
          {sending ? "保存しています…" : "訂正する"}
        </button>
        <button type="button" className="button button--text" onClick={onCancel}>
          やめる
        </button>
      </div>
    </form>
  );
}

/** The addressee's current values as the form compares them. */
function draftValues(a: AddresseeView) {
  return {
    kind: a.kind,
    name: a.name,
    nameKana: a.nameKana,
    birthDate: a.birthDate,
    sex: a.sex,
    corporateNumber: a.corporateNumber,
    postalCode: a.postalCode,
    address: a.address,
    addressLine2: a.addressLine2,
    knownAs: a.knownAs,
    knownAsNote: a.knownAsNote,
  };
}
