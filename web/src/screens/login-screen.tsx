// ログイン画面: the municipality (or 運用事業者 for platform operators), log-in ID and password.
// Errors come from the server's problem title_ja (wrong password, lock-out, unknown municipality).
import { useEffect, useState, type FormEvent } from "react";
import { ApiProblem, type ApiClient } from "../api-client.ts";
import type { Session } from "../session.ts";
import { Notice } from "../components/notice.tsx";
import { SelectField, TextField } from "../components/form-field.tsx";

interface TenantSummary {
  id: string;
  name: string;
  prefectureName: string;
}

/** The select's value for 運用事業者: log-in without a municipality code. */
const OPERATOR = "operator";
/** The last municipality chosen on this browser: a terminal usually serves one municipality. */
const LAST_TENANT_KEY = "kyodo.lastTenant";

type Field = "tenant" | "loginId" | "password";

export function LoginScreen({ api, notice, onLoggedIn }: { api: ApiClient; notice: string | null; onLoggedIn(session: Session): void }) {
  const [tenants, setTenants] = useState<TenantSummary[] | null>(null);
  const [tenantsProblem, setTenantsProblem] = useState<string | null>(null);
  const [tenant, setTenant] = useState("");
  const [loginId, setLoginId] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    document.title = "ログイン｜kyodo 職員画面";
    api.get<TenantSummary[]>("/api/tenants").then(
      (list) => {
        const last = window.localStorage.getItem(LAST_TENANT_KEY) ?? "";
        setTenant(last === OPERATOR || list.some((t) => t.id === last) ? last : "");
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
    if (!tenant) missing.tenant = "団体を選択してください";
    if (!loginId.trim()) missing.loginId = "ログインIDを入力してください";
    if (!password) missing.password = "パスワードを入力してください";
    setErrors(missing);
    setProblem(null);
    if (Object.keys(missing).length) {
      document.getElementById(Object.keys(missing)[0]!)?.focus();
      return;
    }
    setSending(true);
    try {
      const body = tenant === OPERATOR ? { loginId: loginId.trim(), password } : { tenantId: tenant, loginId: loginId.trim(), password };
      const session = await api.send<Session>("POST", "/api/session", body);
      window.localStorage.setItem(LAST_TENANT_KEY, tenant);
      onLoggedIn(session);
    } catch (error) {
      setSending(false);
      setPassword("");
      setProblem(error instanceof ApiProblem ? error.titleJa : "ログインできませんでした");
      document.getElementById("password")?.focus();
    }
  }

  const options = [
    { value: "", label: "選択してください" },
    ...(tenants ?? []).map((t) => ({ value: t.id, label: `${t.prefectureName} ${t.name}` })),
    { value: OPERATOR, label: "運用事業者（プラットフォーム）" },
  ];

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
            <SelectField
              id="tenant"
              label="団体"
              value={tenant}
              onValue={setTenant}
              options={options}
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
              type="password"
              value={password}
              onValue={setPassword}
              required
              autoComplete="current-password"
              error={errors.password}
            />
            <button type="submit" className="button button--primary" disabled={sending}>
              {sending ? "ログインしています…" : "ログイン"}
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
