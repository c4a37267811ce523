// 異動届の枠 (the frame of every 異動 form): what is wrong, said above the form and at each item;
// the rules' verdict on the draft as it stands; 登録 (Enter in any field records too) and 取消.
import type { ReactNode } from "react";
import type { ChangeForm } from "./resident-change-form.ts";
import { Link } from "../../router.tsx";
import { Notice } from "../../kit/notice.tsx";

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
  return (
    <form onSubmit={form.submit} noValidate aria-label={title} data-testid="change-form" data-kind={kind}>
      {form.showSummary ? <Notice kind="error">記録できません。各項目のメッセージを確認してください。</Notice> : null}
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
    </form>
  );
}
