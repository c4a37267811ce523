// 送付先の登録: where one business (or every business) sends its notices for this addressee, to
// whom, and for which period — a 納税管理人 for 税, a hospital for 国民年金. The period's days
// may be typed in 和暦. Two 送付先 of one business may not share a day; the server says so at
// the start date.
import { useState, type FormEvent } from "react";
import type { MailingAddress } from "../../../../src/platform/addressee/mailing.ts";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { currentPurpose, purposeHeaders } from "../../kit/access-purpose.ts";
import { mailingBusinessOptions } from "./addressee-labels.ts";
import { ADDRESS_LINE2_MAX_LENGTH, ADDRESS_MAX_LENGTH, REASON_MAX_LENGTH, serverFieldErrors } from "./addressee-input.ts";
import { checkMailingDraft, EMPTY_MAILING_DRAFT, MAILING_FIELDS as FIELDS, MAILING_LABELS as LABELS, type MailingDraft, type MailingField as Field } from "./mailing-draft.ts";
import { dateConfirmation, readDateInput } from "../../kit/wareki-date.ts";
import { SelectField, TextField } from "../../kit/form-field.tsx";
import { Notice } from "../../kit/notice.tsx";
import { ErrorSummary } from "../../kit/error-summary.tsx";

type Errors = Partial<Record<Field, string>>;
const fieldId = (f: Field) => `mailing-${f}`;

interface Props {
  number: string;
  onAdded(mailing: MailingAddress): void;
  onCancel(): void;
}

export function MailingAddressForm({ number, onAdded, onCancel }: Props) {
  const { api } = useApp();
  const [draft, setDraft] = useState<MailingDraft>(EMPTY_MAILING_DRAFT);
  const [left, setLeft] = useState<ReadonlySet<Field>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [failures, setFailures] = useState(0);

  const checked = checkMailingDraft(draft);
  const errors: Errors = { ...serverErrors };
  if (!checked.ok) {
    for (const f of FIELDS) if (checked.errors[f] && (submitted || left.has(f))) errors[f] = checked.errors[f];
  }

  function field(f: Field) {
    return {
      id: fieldId(f),
      label: LABELS[f],
      value: draft[f],
      onValue: (value: string) => {
        setDraft((d) => ({ ...d, [f]: value }));
        setServerErrors(({ [f]: _dropped, ...rest }) => rest);
      },
      onBlur: () => setLeft((s) => new Set(s).add(f)),
      error: errors[f],
      autoComplete: "off",
    };
  }

  function dateStatus(f: "validFrom" | "validUntil"): string | null {
    const input = readDateInput(draft[f]);
    return !errors[f] && input.kind === "date" ? dateConfirmation(input.iso) : null;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setProblem(null);
    if (!checked.ok) {
      setFailures((n) => n + 1);
      return;
    }
    setSending(true);
    try {
      const purpose = currentPurpose();
      const added = await api.send<MailingAddress>(
        "POST",
        `/api/addressees/${encodeURIComponent(number)}/mailing-addresses`,
        checked.body,
        purpose ? purposeHeaders(purpose) : {},
      );
      onAdded(added);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      const placed = serverFieldErrors(error, FIELDS, LABELS);
      // An overlapping period is told at the start date, in the problem's own words.
      if (error.code === "mailing-period-overlap") placed.validFrom = error.titleJa;
      setServerErrors(placed);
      if (FIELDS.some((f) => placed[f])) setFailures((n) => n + 1);
      else setProblem(error.titleJa);
    } finally {
      setSending(false);
    }
  }

  return (
    <form className="detail-panel" onSubmit={submit} noValidate aria-labelledby="mailing-form-title" data-testid="mailing-form">
      <h3 className="detail-panel__title" id="mailing-form-title">
        送付先の追加
      </h3>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {submitted ? <ErrorSummary id="mailing-error-summary" errors={errors} order={FIELDS} idOf={(f) => fieldId(f as Field)} focusSignal={failures} /> : null}
      <div className="form-grid form-grid--wide">
        <SelectField
          id={fieldId("business")}
          label={LABELS.business}
          value={draft.business}
          onValue={field("business").onValue}
          options={[{ value: "", label: "選んでください" }, ...mailingBusinessOptions()]}
          required
          autoFocus
          error={errors.business}
        />
        <TextField {...field("validFrom")} required hint="和暦も可（例：R8.4.1）" status={dateStatus("validFrom")} />
        <TextField {...field("validUntil")} hint="空欄なら期限なし" status={dateStatus("validUntil")} />
      </div>
      <div className="form-grid form-grid--wide form-grid--spaced">
        <TextField {...field("recipientName")} required hint="例：山田 一郎、○○病院" maxLength={100} />
        <TextField {...field("recipientKana")} hint="全角カタカナ（半角カナ・ひらがなも可）" maxLength={200} />
        <TextField {...field("recipientRole")} hint="例：納税管理人、成年後見人、入院先" maxLength={100} />
      </div>
      <div className="form-grid form-grid--wide form-grid--spaced">
        <TextField {...field("postalCode")} hint="7桁" inputMode="numeric" className="text-input--code" />
        <TextField {...field("address")} required maxLength={ADDRESS_MAX_LENGTH} />
        <TextField {...field("addressLine2")} maxLength={ADDRESS_LINE2_MAX_LENGTH} />
      </div>
      <div className="form-stack form-stack--spaced">
        <TextField {...field("reason")} required hint="変更履歴に残ります。例：納税管理人申告書による" maxLength={REASON_MAX_LENGTH} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={sending}>
          {sending ? "登録しています…" : "送付先を登録する"}
        </button>
        <button type="button" className="button button--text" onClick={onCancel}>
          やめる
        </button>
      </div>
    </form>
  );
}
