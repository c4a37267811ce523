// 管理者の指名・再設定 (operators, from 団体一覧): a municipality's administrator named by the
// operator when the town has none left that works — a new account, or the last administrator's
// own with a new activation code. The code is answered once; the operator never sees a password.
import { useState, type FormEvent } from "react";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { checkReason, STAFF_FIELD_MESSAGES, validateDisplayName, validateLoginId } from "./staff-account-rules.ts";
import { SelectField, TextField } from "../../kit/form-field.tsx";
import { Notice } from "../../kit/notice.tsx";
import { TemporaryPasswordNotice, type IssuedPassword } from "./temporary-password-notice.tsx";

type Field = "loginId" | "displayName" | "reason";

export function AdministratorForm({ tenant }: { tenant: { id: string; name: string } }) {
  const { api } = useApp();
  const [loginId, setLoginId] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [kind, setKind] = useState("platform");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedPassword | null>(null);
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!validateLoginId(loginId.trim())) found.loginId = STAFF_FIELD_MESSAGES.loginId;
    if (!validateDisplayName(displayName)) found.displayName = STAFF_FIELD_MESSAGES.displayName;
    const bad = checkReason(reason);
    if (bad) found.reason = bad;
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length) return;
    setSending(true);
    try {
      const r = await api.send<{ temporaryPassword: string; expiresAt: string }>("POST", `/api/operator/tenants/${tenant.id}/administrators`, {
        loginId: loginId.trim(),
        displayName: displayName.trim(),
        kind,
        reason: reason.trim(),
      });
      setIssued({ loginId: loginId.trim(), temporaryPassword: r.temporaryPassword, expiresAt: r.expiresAt, kind: "activation" });
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error.titleJa : "エラーが発生しました");
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`${tenant.name}の管理者の再設定`} className="inline-panel">
      <p className="muted">
        {tenant.name}に使える管理者がいないとき（退職・パスワード忘れ）だけ行えます。既存のログインIDを指定するとそのアカウントを有効に戻し、新しい有効化コードを発行します。団体からの文書による依頼を確認し、理由に記録してください。
      </p>
      {issued ? <TemporaryPasswordNotice issued={issued} who={`${tenant.name}の管理者`} /> : null}
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <div className="form-grid">
        <TextField id={`admin-${tenant.id}-loginId`} label="ログインID" value={loginId} onValue={setLoginId} required autoComplete="off" error={errors.loginId} />
        <TextField id={`admin-${tenant.id}-displayName`} label="氏名" value={displayName} onValue={setDisplayName} required autoComplete="off" error={errors.displayName} />
        <SelectField
          id={`admin-${tenant.id}-kind`}
          label="管理者の種類"
          value={kind}
          onValue={setKind}
          options={[
            { value: "platform", label: "職員アカウントの管理者（共通基盤と各業務の管理）" },
            { value: "protection", label: "支援措置の管理者" },
          ]}
        />
        <TextField id={`admin-${tenant.id}-reason`} label="理由" value={reason} onValue={setReason} required maxLength={500} error={errors.reason} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={sending}>
          有効化コードを発行する
        </button>
      </div>
    </form>
  );
}
