// パスワード変更: a member of staff changes their own password — the current one, then the new one
// twice. The server checks the current password and the rules (length, the list of common and
// breached passwords, the log-in ID, name and municipality) and says which rule a refusal breaks.
import { useState, type FormEvent } from "react";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { checkNewPassword, MIN_PASSWORD_LENGTH } from "./staff-account-rules.ts";
import { Page } from "../../kit/page.tsx";
import { TextField } from "../../kit/form-field.tsx";
import { Notice } from "../../kit/notice.tsx";

type Field = "currentPassword" | "newPassword";

export function PasswordChangeScreen() {
  const { api } = useApp();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [again, setAgain] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [done, setDone] = useState(false);
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const found: Partial<Record<Field, string>> = {};
    if (!current) found.currentPassword = "現在のパスワードを入力してください";
    const bad = checkNewPassword(next, again);
    if (bad) found.newPassword = bad;
    setErrors(found);
    const first = (["currentPassword", "newPassword"] as const).find((f) => found[f]);
    if (first) {
      document.getElementById(first)?.focus();
      return;
    }
    setSending(true);
    try {
      await api.send("PUT", "/api/session/password", { currentPassword: current, newPassword: next });
      setCurrent("");
      setNext("");
      setAgain("");
      setDone(true);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setErrors(error.code === "current-password-wrong" ? { currentPassword: error.titleJa } : { newPassword: error.titleJa });
    } finally {
      setSending(false);
    }
  }

  return (
    <Page title="パスワード変更" lead="ご自身のログインパスワードを変更します。">
      {done ? <Notice kind="success">パスワードを変更しました。次回のログインから新しいパスワードを使います。</Notice> : null}
      <form onSubmit={submit} noValidate aria-label="パスワード変更">
        <TextField id="currentPassword" label="現在のパスワード" type="password" value={current} onValue={setCurrent} required autoComplete="current-password" error={errors.currentPassword} />
        <TextField
          id="newPassword"
          label="新しいパスワード"
          hint={`${MIN_PASSWORD_LENGTH}文字以上。覚えやすい文や単語の組み合わせがおすすめです（記号や数字は必須ではありません）`}
          type="password"
          value={next}
          onValue={setNext}
          required
          autoComplete="new-password"
          error={errors.newPassword}
        />
        <TextField id="newPasswordAgain" label="新しいパスワード（確認）" type="password" value={again} onValue={setAgain} required autoComplete="new-password" />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={sending}>
            {sending ? "変更しています…" : "変更する"}
          </button>
        </div>
      </form>
    </Page>
  );
}
