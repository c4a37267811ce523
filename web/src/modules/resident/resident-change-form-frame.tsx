// 異動届の枠 (the frame of every 異動 form): what is wrong, listed above the form with a link to each
// item (the error summary) and said at each item; the rules' verdict on the draft as it stands;
// 登録 (or Enter in any field) and 取消. 登録 asks once to confirm what is about to be recorded —
// who, what, when — and records only when the clerk confirms.
import { createContext, useContext, type ReactNode } from "react";
import type { ChangeForm } from "./resident-change-form.ts";
import { ERROR_SUMMARY_ID, inputId } from "./resident-form-errors.ts";
import { NO_SUBJECT, summariseChange, type ChangeSubject } from "./resident-change-summary.ts";
import { Link } from "../../router.tsx";
import { Notice } from "../../kit/notice.tsx";
import { ErrorSummary } from "../../kit/error-summary.tsx";
import { ConfirmDialog } from "../../kit/confirm-dialog.tsx";

/** The persons a 異動 form was opened for (its household), named in the confirmation. */
export const ChangeSubjectContext = createContext<ChangeSubject>(NO_SUBJECT);

interface Props {
  form: ChangeForm;
  /** The form's accessible name: 「転入届」. */
  title: string;
  kind: string;
  submitLabel: string;
  cancelHref: string;
  children: ReactNode;
}

export function ResidentChangeFormFrame({ form, title, kind, submitLabel, cancelHref, children }: Props) {
  const subject = useContext(ChangeSubjectContext);
  const summary = form.pending ? summariseChange(form.pending, subject) : null;
  return (
    <form onSubmit={form.submit} noValidate aria-label={title} data-testid="change-form" data-kind={kind}>
      {form.showSummary ? (
        <ErrorSummary
          id={ERROR_SUMMARY_ID}
          title="記録できません。次の項目を確認してください"
          errors={form.shownErrors}
          order={Object.keys(form.shownErrors)}
          idOf={inputId}
          focusSignal={form.failedSubmits}
        />
      ) : null}
      {form.formMessage ? (
        <Notice kind="error">
          <span data-testid="form-message">{form.formMessage}</span>
        </Notice>
      ) : null}
      {children}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={form.sending}>
          {form.sending ? "記録しています…" : submitLabel}
        </button>
        <Link href={cancelHref} className="button button--secondary">
          取消
        </Link>
        <span className={`rule-verdict${form.refused ? " rule-verdict--refused" : ""}`} role="status" data-testid="rule-verdict">
          {form.checking ? "記録の規則を確認しています…" : form.accepted ? "✓ 記録の規則に合っています" : form.refused ? "記録の規則に合わない項目があります" : ""}
        </span>
      </div>
      <ConfirmDialog
        open={summary !== null}
        title={summary ? `${summary.what}を記録しますか` : ""}
        confirmLabel="記録する"
        busyLabel="記録しています…"
        busy={form.sending}
        onConfirm={form.confirm}
        onCancel={form.cancelConfirm}
      >
        {summary ? (
          <dl className="summary-list confirm-summary" data-testid="change-confirmation">
            <dt>異動の種類</dt>
            <dd>{summary.what}</dd>
            <dt>対象</dt>
            <dd>{summary.who}</dd>
            {summary.values.map((line, i) => (
              <SummaryRow key={`v${i}`} label={line.label} value={line.value} />
            ))}
            {summary.when.map((line, i) => (
              <SummaryRow key={`w${i}`} label={line.label} value={line.value} />
            ))}
          </dl>
        ) : null}
        <p className="form-hint">記録すると住民票と異動の履歴に反映されます。訂正は職権修正で行います。</p>
      </ConfirmDialog>
    </form>
  );
}

function SummaryRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
