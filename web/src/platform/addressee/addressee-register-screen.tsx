// 住登外者の登録: a person or organisation that is not on the resident registry — a landowner
// living elsewhere, a guardian, a company — gets a 宛名番号, with the reason the municipality
// knows them (把握事由). Each field is checked as the clerk leaves it and again as they correct it
// (カナ, 法人番号 check digit, real dates); what only the server knows (外字…) comes back to the
// field it concerns. Nothing is registered until every field is right.
import { useState, type FormEvent } from "react";
import type { AddresseeState } from "../../../../src/platform/addressee/addressee.ts";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { currentPurpose, purposeHeaders } from "../../kit/access-purpose.ts";
import { checkDraft, DRAFT_FIELDS, EMPTY_DRAFT, registrationBody, type AddresseeDraft, type DraftField } from "./addressee-form.ts";
import { REASON_MAX_LENGTH, serverFieldErrors } from "./addressee-input.ts";
import { Link } from "../../router.tsx";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";
import { ErrorSummary } from "../../kit/error-summary.tsx";
import { TextField } from "../../kit/form-field.tsx";
import { AddresseeFields, fieldId } from "./addressee-fields.tsx";

const PREFIX = "register";
const REASON_ID = "register-reason";

type Errors = Partial<Record<DraftField | "reason", string>>;

export function AddresseeRegisterScreen() {
  const { api } = useApp();
  const [draft, setDraft] = useState<AddresseeDraft>(EMPTY_DRAFT);
  const [reason, setReason] = useState("");
  const [left, setLeft] = useState<ReadonlySet<DraftField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [registered, setRegistered] = useState<AddresseeState | null>(null);
  const [sending, setSending] = useState(false);
  const [failures, setFailures] = useState(0);

  const checked = checkDraft(draft, { knownAsRequired: true });
  const liveErrors = checked.ok ? {} : checked.errors;
  // An error shows once the field was left (or a registration tried), and follows the typing from then on.
  const errors: Errors = { ...serverErrors };
  for (const field of DRAFT_FIELDS) {
    const message = liveErrors[field];
    if (message && (submitted || left.has(field))) errors[field] = message;
  }
  if (reason.trim().length > REASON_MAX_LENGTH) errors.reason = `登録の理由は${REASON_MAX_LENGTH}文字以内で入力してください`;

  function change(field: DraftField, value: string) {
    setDraft((d) => ({ ...d, [field]: value }));
    setServerErrors(({ [field]: _dropped, ...rest }) => rest);
    setRegistered(null);
  }

  const order: readonly string[] = [...DRAFT_FIELDS, "reason"];
  const idOf = (f: string) => (f === "reason" ? REASON_ID : fieldId(PREFIX, f as DraftField));

  /** The error summary lists what is wrong and takes the focus. */
  function focusFirst(found: Errors) {
    if (Object.keys(found).length) setFailures((n) => n + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setProblem(null);
    if (!checked.ok || errors.reason) {
      focusFirst({ ...(checked.ok ? {} : checked.errors), ...(errors.reason ? { reason: errors.reason } : {}) });
      return;
    }
    setSending(true);
    try {
      const purpose = currentPurpose();
      const created = await api.send<AddresseeState>(
        "POST",
        "/api/addressees",
        registrationBody(checked.values, reason),
        purpose ? purposeHeaders(purpose) : {},
      );
      setRegistered(created);
      // The next registration is often of the same kind (several companies, several landowners).
      setDraft({ ...EMPTY_DRAFT, kind: draft.kind });
      setReason("");
      setLeft(new Set());
      setSubmitted(false);
      setServerErrors({});
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      const placed: Errors = serverFieldErrors(error, [...DRAFT_FIELDS, "reason"], draft.kind === "person" ? {} : { name: "名称" });
      setServerErrors(placed);
      if (Object.keys(placed).length) focusFirst(placed);
      else setProblem(error.titleJa);
    } finally {
      setSending(false);
    }
  }

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Page
      title="住登外者の登録"
      lead="この団体の住民記録にない個人・法人（町外に住む土地の所有者、後見人、法人など）に宛名番号を付けて登録します。すでに登録されていないか、先に宛名検索で確かめてください。"
    >
      {registered ? (
        <Notice kind="success">
          <p data-testid="registered">
            宛名番号 <strong className="code">{registered.number}</strong> で「{registered.name}」を登録しました。
          </p>
          <p>
            <Link href={`/addressees/${registered.number}`}>登録した宛名の詳細を見る</Link>
          </p>
        </Notice>
      ) : null}
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {submitted && hasErrors ? <ErrorSummary id="register-error-summary" errors={errors} order={order} idOf={idOf} focusSignal={failures} /> : null}
      <section className="section" aria-labelledby="register-title">
        <h2 className="section__title" id="register-title">
          登録する内容
        </h2>
        <form onSubmit={submit} noValidate aria-labelledby="register-title" data-testid="addressee-register-form">
          <AddresseeFields
            prefix={PREFIX}
            draft={draft}
            onField={change}
            onLeave={(field) => setLeft((s) => new Set(s).add(field))}
            errors={errors}
            chooseKind
            knownAsRequired
          />
          <div className="form-stack form-stack--spaced">
            <TextField
              id={REASON_ID}
              label="登録の理由"
              hint="変更履歴に残ります。例：固定資産税の課税のため（登記簿による）"
              value={reason}
              onValue={setReason}
              maxLength={REASON_MAX_LENGTH}
              autoComplete="off"
              error={errors.reason}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={sending}>
              {sending ? "登録しています…" : "登録する"}
            </button>
          </div>
        </form>
      </section>
    </Page>
  );
}
