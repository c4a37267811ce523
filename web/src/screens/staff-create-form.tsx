// 職員アカウントの作成: log-in ID, name, initial password and roles per module. Checked here first
// (Japanese message per field), then by the server, whose field errors land on the same fields.
import { useState, type FormEvent } from "react";
import type { Role } from "../../../src/platform/contract.ts";
import { ApiProblem } from "../api-client.ts";
import { useApp } from "../app-context.ts";
import { fieldErrorsOf } from "../field-errors.ts";
import { moduleNameJa, roleNameJa, ROLES } from "../role-names.ts";
import { MIN_PASSWORD_LENGTH, STAFF_FIELDS, STAFF_FIELD_MESSAGES, validateStaffAccount } from "../staff-account-rules.ts";
import { TextField } from "../components/form-field.tsx";
import { Notice } from "../components/notice.tsx";
import type { StaffAccount } from "./staff-screen.tsx";

type Errors = Partial<Record<(typeof STAFF_FIELDS)[number], string>>;

export function StaffCreateForm({ modules, onCreated }: { modules: readonly string[]; onCreated(account: StaffAccount): void }) {
  const { api } = useApp();
  const [loginId, setLoginId] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [roles, setRoles] = useState<Record<string, Role[]>>({});
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  function toggle(module: string, role: Role, on: boolean) {
    setRoles((current) => {
      const granted = new Set(current[module] ?? []);
      if (on) granted.add(role);
      else granted.delete(role);
      const next = { ...current, [module]: ROLES.filter((r) => granted.has(r)) };
      if (!next[module]!.length) delete next[module];
      return next;
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { loginId: loginId.trim(), displayName: displayName.trim(), password, roles };
    const found = validateStaffAccount(input);
    setErrors(found);
    setProblem(null);
    const first = STAFF_FIELDS.find((f) => found[f]);
    if (first) {
      document.getElementById(`staff-${first}`)?.focus();
      return;
    }
    setSending(true);
    try {
      const account = await api.send<StaffAccount>("POST", "/api/staff", input);
      setLoginId("");
      setDisplayName("");
      setPassword("");
      setRoles({});
      onCreated(account);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      const placed: Errors =
        error.code === "login-id-taken" ? { loginId: error.titleJa } : fieldErrorsOf(error, STAFF_FIELDS, STAFF_FIELD_MESSAGES);
      setErrors(placed);
      if (!Object.keys(placed).length) setProblem(error.titleJa);
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="職員アカウントの作成">
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {Object.keys(errors).length ? <Notice kind="error">入力内容に誤りがあります。各項目のメッセージを確認してください。</Notice> : null}
      <div className="form-grid">
        <TextField
          id="staff-loginId"
          label="ログインID"
          hint="半角英小文字・数字と「.」「_」「-」、3〜64文字"
          value={loginId}
          onValue={setLoginId}
          required
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          error={errors.loginId}
        />
        <TextField
          id="staff-displayName"
          label="氏名"
          hint="例：窓口 花子"
          value={displayName}
          onValue={setDisplayName}
          required
          autoComplete="off"
          error={errors.displayName}
        />
        <TextField
          id="staff-password"
          label="初期パスワード"
          hint={`${MIN_PASSWORD_LENGTH}文字以上。本人に別の手段で伝えてください`}
          type="password"
          value={password}
          onValue={setPassword}
          required
          autoComplete="new-password"
          error={errors.password}
        />
      </div>
      <fieldset className="fieldset fieldset--spaced" aria-describedby={errors.roles ? "staff-roles-error" : undefined}>
        <legend className="form-label fieldset__legend">
          権限<span className="form-optional">任意</span>
        </legend>
        <p className="form-hint">業務ごとに付与します。管理は同じ業務のすべての操作を含みます。</p>
        <table className="role-matrix">
          <thead>
            <tr>
              <th scope="col">業務</th>
              {ROLES.map((r) => (
                <th scope="col" key={r}>
                  {roleNameJa(r)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {modules.map((m) => (
              <tr key={m}>
                <th scope="row">{moduleNameJa(m)}</th>
                {ROLES.map((r) => (
                  <td key={r}>
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={roles[m]?.includes(r) ?? false}
                        onChange={(e) => toggle(m, r, e.target.checked)}
                      />
                      <span className="visually-hidden">
                        {moduleNameJa(m)}の{roleNameJa(r)}
                      </span>
                    </label>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {errors.roles ? (
          <p className="form-error" id="staff-roles-error">
            ＊{errors.roles}
          </p>
        ) : null}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={sending}>
          {sending ? "作成しています…" : "作成する"}
        </button>
      </div>
    </form>
  );
}
