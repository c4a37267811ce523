// 職員アカウントの作成: log-in ID, name and roles per module. The server makes a one-time password,
// answered once, which the holder replaces with a password of their own at the first log-in.
// Checked here first (Japanese message per field), then by the server, whose field errors land
// on the same fields.
import { useState, type FormEvent } from "react";
import type { Role } from "../../../../src/platform/contract.ts";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { fieldErrorsOf } from "../../kit/field-errors.ts";
import { STAFF_FIELDS, STAFF_FIELD_MESSAGES, validateStaffAccount } from "./staff-account-rules.ts";
import { TextField } from "../../kit/form-field.tsx";
import { Notice } from "../../kit/notice.tsx";
import { ErrorSummary } from "../../kit/error-summary.tsx";
import { RoleMatrix } from "./role-matrix.tsx";
import type { StaffAccount } from "./staff-screen.tsx";

type Errors = Partial<Record<(typeof STAFF_FIELDS)[number], string>>;

export interface CreatedAccount {
  account: StaffAccount;
  temporaryPassword: string;
  expiresAt: string;
}

export function StaffCreateForm({
  modules,
  mayGrant,
  onCreated,
}: {
  modules: readonly string[];
  mayGrant(module: string): boolean;
  onCreated(created: CreatedAccount): void;
}) {
  const { api } = useApp();
  const [loginId, setLoginId] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [roles, setRoles] = useState<Record<string, Role[]>>({});
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [failures, setFailures] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { loginId: loginId.trim(), displayName: displayName.trim(), roles };
    const found = validateStaffAccount(input);
    setErrors(found);
    setProblem(null);
    if (STAFF_FIELDS.some((f) => found[f])) {
      // The error summary lists what is wrong and takes the focus.
      setFailures((n) => n + 1);
      return;
    }
    setSending(true);
    try {
      const created = await api.send<CreatedAccount>("POST", "/api/staff", input);
      setLoginId("");
      setDisplayName("");
      setRoles({});
      onCreated(created);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      const placed: Errors =
        error.code === "login-id-taken"
          ? { loginId: error.titleJa }
          : error.code === "grant-refused"
            ? { roles: error.titleJa }
            : fieldErrorsOf(error, STAFF_FIELDS, STAFF_FIELD_MESSAGES);
      setErrors(placed);
      if (Object.keys(placed).length) setFailures((n) => n + 1);
      else setProblem(error.titleJa);
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="職員アカウントの作成">
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <ErrorSummary id="staff-error-summary" errors={errors} order={STAFF_FIELDS} idOf={(f) => (f === "roles" ? "staff-roles-error" : `staff-${f}`)} focusSignal={failures} />
      <p className="muted">作成すると仮パスワードが一度だけ表示されます。本人は初回ログインで自分のパスワードを設定します。</p>
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
      </div>
      <RoleMatrix modules={modules} roles={roles} onChange={setRoles} mayGrant={mayGrant} idPrefix="staff" error={errors.roles} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={sending}>
          {sending ? "作成しています…" : "作成する"}
        </button>
      </div>
    </form>
  );
}
