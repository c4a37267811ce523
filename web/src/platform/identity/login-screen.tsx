// ログイン画面: the municipality (or 運用事業者 for platform operators), log-in ID and password.
// The municipality is chosen by typing part of its name, its reading or its code (a combobox:
// with all 1,741 municipalities on one platform a list would be unusable).
// Errors come from the server's problem title_ja (wrong password, throttling, unknown municipality).
// With an activation code or a one-time password the server answers password-change-required:
// the form then asks for the holder's own password, twice, and logs in with both (ADR 0020).
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { ApiProblem, type ApiClient } from "../../kit/api-client.ts";
import type { Session } from "./session.ts";
import { Notice } from "../../kit/notice.tsx";
import { TextField } from "../../kit/form-field.tsx";
import { ComboboxField, type ComboboxOption } from "../../kit/combobox.tsx";
import { keyTenants, matchTenants, tenantLabel, type TenantSummary } from "./tenant-choice.ts";
import { checkNewPassword, MIN_PASSWORD_LENGTH } from "./staff-account-rules.ts";

/** The choice for 運用事業者: log-in without a municipality code. */
const OPERATOR = "operator";
/** 運用事業者 is offered like a municipality, found by typing 「運用」 or its reading. */
const OPERATOR_CHOICE: TenantSummary = { id: OPERATOR, name: "運用事業者（プラットフォーム）", nameKana: "ウンヨウジギョウシャ", prefectureName: "" };

function toOption(t: TenantSummary): ComboboxOption {
  return t.id === OPERATOR ? { value: OPERATOR, label: t.name } : { value: t.id, label: tenantLabel(t), detail: `${t.nameKana}\u3000${t.id}` };
}
/** The last municipality chosen on this browser: a terminal usually serves one municipality. */
const LAST_TENANT_KEY = "kyodo.lastTenant";

type Field = "tenant" | "loginId" | "password" | "newPassword";

export function LoginScreen({ api, notice, onLoggedIn }: { api: ApiClient; notice: string | null; onLoggedIn(session: Session): void }) {
  const [tenants, setTenants] = useState<TenantSummary[] | null>(null);
  const [tenantsProblem, setTenantsProblem] = useState<string | null>(null);
  const [tenant, setTenant] = useState("");
  const [tenantText, setTenantText] = useState("");
  const [loginId, setLoginId] = useState("");
  const [password, setPassword] = useState("");
  // Set once the server asked for a password of the holder's own in place of a temporary one.
  const [choosing, setChoosing] = useState(false);
  const [newPassword, setNewPassword] = useState("");
  const [newPasswordAgain, setNewPasswordAgain] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    document.title = "ログイン｜kyodo 職員画面";
    api.get<TenantSummary[]>("/api/tenants").then(
      (list) => {
        const last = window.localStorage.getItem(LAST_TENANT_KEY) ?? "";
        const lastChoice = last === OPERATOR ? OPERATOR_CHOICE : list.find((t) => t.id === last);
        setTenant(lastChoice ? last : "");
        setTenantText(lastChoice ? toOption(lastChoice).label : "");
        setTenants(list);
      },
      (error: unknown) => {
        setTenantsProblem(error instanceof ApiProblem ? error.titleJa : "団体の一覧を読み込めませんでした");
        setTenants([]);
      },
    );
  }, [api]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    if (!tenant) missing.tenant = tenantText.trim() ? "候補の一覧から団体を選んでください" : "団体を入力して選んでください";
    if (!loginId.trim()) missing.loginId = "ログインIDを入力してください";
    if (!password) missing.password = "パスワードを入力してください";
    if (choosing) {
      const bad = checkNewPassword(newPassword, newPasswordAgain);
      if (bad) missing.newPassword = bad;
    }
    setErrors(missing);
    setProblem(null);
    if (Object.keys(missing).length) {
      document.getElementById(Object.keys(missing)[0]!)?.focus();
      return;
    }
    setSending(true);
    try {
      const credentials = { loginId: loginId.trim(), password, ...(choosing ? { newPassword } : {}) };
      const body = tenant === OPERATOR ? credentials : { tenantId: tenant, ...credentials };
      const session = await api.send<Session>("POST", "/api/session", body);
      window.localStorage.setItem(LAST_TENANT_KEY, tenant);
      onLoggedIn(session);
    } catch (error) {
      setSending(false);
      if (error instanceof ApiProblem && error.code === "password-change-required") {
        setChoosing(true);
        setProblem(null);
        window.setTimeout(() => document.getElementById("newPassword")?.focus());
        return;
      }
      if (error instanceof ApiProblem && error.code === "password-rejected") {
        setErrors({ newPassword: error.titleJa });
        document.getElementById("newPassword")?.focus();
        return;
      }
      setPassword("");
      setChoosing(false);
      setNewPassword("");
      setNewPasswordAgain("");
      setProblem(error instanceof ApiProblem ? error.titleJa : "ログインできませんでした");
      document.getElementById("password")?.focus();
    }
  }

  const keyed = useMemo(() => keyTenants([...(tenants ?? []), OPERATOR_CHOICE]), [tenants]);
  const options = useMemo(() => matchTenants(keyed, tenantText).map(toOption), [keyed, tenantText]);
  const chosen = useMemo(() => {
    const t = tenant === OPERATOR ? OPERATOR_CHOICE : tenants?.find((x) => x.id === tenant);
    return t ? toOption(t) : null;
  }, [tenant, tenants]);

  return (
    <div className="login-page">
      <p className="login-page__product">kyodo 共同 ― 自治体クラウド</p>
      <h1 className="login-page__title">職員ログイン</h1>
      <div className="login-card">
        {notice ? <Notice kind="info">{notice}</Notice> : null}
        {tenantsProblem ? <Notice kind="error">{tenantsProblem}</Notice> : null}
        {problem ? <Notice kind="error">{problem}</Notice> : null}
        {tenants === null ? (
          <p className="muted">読み込み中…</p>
        ) : (
          <form onSubmit={submit} noValidate aria-label="職員ログイン">
            <ComboboxField
              id="tenant"
              label="団体"
              hint="団体名・よみ・団体コードの一部を入力して選びます（運用事業者は「運用」）"
              text={tenantText}
              onText={setTenantText}
              options={options}
              selected={chosen}
              onSelect={(option) => {
                setTenant(option?.value ?? "");
                if (option) setErrors((e) => ({ ...e, tenant: undefined }));
              }}
              noMatch="該当する団体がありません"
              required
              autoFocus={tenant === ""}
              error={errors.tenant}
            />
            <TextField
              id="loginId"
              label="ログインID"
              value={loginId}
              onValue={setLoginId}
              required
              autoComplete="username"
              autoCapitalize="off"
              spellCheck={false}
              autoFocus={tenant !== ""}
              error={errors.loginId}
            />
            <TextField
              id="password"
              label="パスワード"
              hint="初回ログインでは、管理者から渡された有効化コード（仮パスワード）を入力します"
              type="password"
              value={password}
              onValue={setPassword}
              required
              autoComplete="current-password"
              error={errors.password}
              readOnly={choosing}
            />
            {choosing ? (
              <>
                <Notice kind="info">仮パスワード（有効化コード）でログインしました。ご自身のパスワードを設定してください。</Notice>
                <TextField
                  id="newPassword"
                  label="新しいパスワード"
                  hint={`${MIN_PASSWORD_LENGTH}文字以上。ログインID・氏名・団体名を含むもの、よく使われるものは使えません`}
                  type="password"
                  value={newPassword}
                  onValue={setNewPassword}
                  required
                  autoComplete="new-password"
                  error={errors.newPassword}
                />
                <TextField
                  id="newPasswordAgain"
                  label="新しいパスワード（確認）"
                  type="password"
                  value={newPasswordAgain}
                  onValue={setNewPasswordAgain}
                  required
                  autoComplete="new-password"
                />
              </>
            ) : null}
            <button type="submit" className="button button--primary" disabled={sending}>
              {sending ? "ログインしています…" : choosing ? "パスワードを設定してログイン" : "ログイン"}
            </button>
          </form>
        )}
      </div>
      <p className="login-page__footer">
        このシステムは権限を与えられた職員のみ利用できます。ログインと操作はすべて監査ログに記録されます。
      </p>
    </div>
  );
}
