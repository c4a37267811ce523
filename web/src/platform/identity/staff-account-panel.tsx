// 職員アカウントの操作 (a panel of 職員管理 for one account): its roles changed, disabled or
// enabled again, its password reset — each with a reason, recorded in the audit log — and its
// history as the audit log has it. The server checks who may do what (ADR 0020).
import { useState, type FormEvent } from "react";
import type { Role } from "../../../../src/platform/contract.ts";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { useApiData } from "../../kit/use-api-data.ts";
import { formatDateTimeJa } from "../../kit/date-format.ts";
import { actionLabel, actorLabel, type AuditActorNames } from "../audit/audit-entry-labels.ts";
import { checkReason } from "./staff-account-rules.ts";
import { describeRoles } from "./role-names.ts";
import { TextField } from "../../kit/form-field.tsx";
import { Notice } from "../../kit/notice.tsx";
import { RoleMatrix } from "./role-matrix.tsx";
import { TemporaryPasswordNotice, type IssuedPassword } from "./temporary-password-notice.tsx";
import type { StaffAccount } from "./staff-screen.tsx";

interface AuditEntry {
  seq: string;
  at: string;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
}

/** What an entry of the account's history changed, in a line. */
function describeDetail(detail: Record<string, unknown>): string {
  const parts: string[] = [];
  const granted = detail.granted as Record<string, Role[]> | undefined;
  const revoked = detail.revoked as Record<string, Role[]> | undefined;
  if (granted && Object.keys(granted).length) parts.push(`付与：${describeRoles(granted).join("、")}`);
  if (revoked && Object.keys(revoked).length) parts.push(`削除：${describeRoles(revoked).join("、")}`);
  const roles = detail.roles as Record<string, Role[]> | undefined;
  if (roles && Object.keys(roles).length) parts.push(`権限：${describeRoles(roles).join("、")}`);
  if (typeof detail.reason === "string") parts.push(`理由：${detail.reason}`);
  return parts.join("　");
}

export function StaffAccountPanel({
  account,
  modules,
  mayGrant,
  names,
  onChanged,
}: {
  account: StaffAccount;
  modules: readonly string[];
  mayGrant(module: string): boolean;
  names: AuditActorNames;
  onChanged(message: string): void;
}) {
  const { api } = useApp();
  const [roles, setRoles] = useState<Record<string, Role[]>>(account.roles);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedPassword | null>(null);
  const [sending, setSending] = useState(false);
  const history = useApiData<AuditEntry[]>(`/api/audit?subject=${encodeURIComponent(`staff:${account.id}`)}&limit=50`);

  async function run(event: FormEvent | null, action: () => Promise<string>) {
    event?.preventDefault();
    const bad = checkReason(reason);
    setReasonError(bad);
    setProblem(null);
    if (bad) {
      document.getElementById("account-reason")?.focus();
      return;
    }
    setSending(true);
    try {
      const message = await action();
      setReason("");
      history.reload();
      onChanged(message);
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error.titleJa : "エラーが発生しました");
    } finally {
      setSending(false);
    }
  }

  const changeRoles = (event: FormEvent) =>
    run(event, async () => {
      await api.send("PUT", `/api/staff/${account.id}/roles`, { roles, reason: reason.trim() });
      return `「${account.displayName}」の権限を変更しました。`;
    });
  const toggleDisabled = () =>
    run(null, async () => {
      await api.send("POST", `/api/staff/${account.id}/${account.disabled ? "enable" : "disable"}`, { reason: reason.trim() });
      return `「${account.displayName}」を${account.disabled ? "有効" : "無効"}にしました。`;
    });
  const resetPassword = () =>
    run(null, async () => {
      const r = await api.send<{ temporaryPassword: string; expiresAt: string }>("POST", `/api/staff/${account.id}/password-reset`, {
        reason: reason.trim(),
      });
      setIssued({ loginId: account.loginId, temporaryPassword: r.temporaryPassword, expiresAt: r.expiresAt, kind: "one-time" });
      return `「${account.displayName}」の仮パスワードを発行しました。`;
    });

  return (
    <section className="section" aria-labelledby="account-panel" data-testid="account-panel">
      <h2 className="section__title" id="account-panel">
        {account.displayName}（{account.loginId}）
      </h2>
      {account.disabled ? (
        <Notice kind="info">
          {formatDateTimeJa(account.disabled.at)}から無効です{account.disabled.reason ? `（理由：${account.disabled.reason}）` : ""}。
        </Notice>
      ) : null}
      {issued ? <TemporaryPasswordNotice issued={issued} who={account.displayName} /> : null}
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <form onSubmit={changeRoles} noValidate aria-label="権限の変更">
        <TextField
          id="account-reason"
          label="理由"
          hint="権限の変更・無効化・再有効化・パスワード再発行の理由。監査ログに記録されます"
          value={reason}
          onValue={setReason}
          required
          maxLength={500}
          error={reasonError}
        />
        <RoleMatrix modules={modules} roles={roles} onChange={setRoles} mayGrant={mayGrant} idPrefix="account" />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={sending || account.disabled !== null}>
            権限を変更する
          </button>
          <button type="button" className="button" disabled={sending} onClick={toggleDisabled}>
            {account.disabled ? "有効にする" : "無効にする"}
          </button>
          <button type="button" className="button" disabled={sending || account.disabled !== null} onClick={resetPassword}>
            仮パスワードを発行する
          </button>
        </div>
      </form>
      <h3 className="section__subtitle">履歴</h3>
      {history.problem ? <Notice kind="error">{history.problem.titleJa}</Notice> : null}
      {history.data ? (
        history.data.length ? (
          <table className="data-table" data-testid="account-history">
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">操作</th>
                <th scope="col">操作者</th>
                <th scope="col">内容</th>
              </tr>
            </thead>
            <tbody>
              {history.data.map((e) => (
                <tr key={e.seq}>
                  <td className="nowrap">{formatDateTimeJa(e.at)}</td>
                  <td>{actionLabel(e.action)}</td>
                  <td>{actorLabel(e.actor, names)}</td>
                  <td>{describeDetail(e.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">記録はありません。</p>
        )
      ) : null}
    </section>
  );
}
