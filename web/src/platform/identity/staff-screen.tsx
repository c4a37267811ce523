// 職員管理: the municipality's staff accounts with their roles and state — disabled accounts stay,
// marked — creating one, the panel of one account (roles, disabling, password reset, history),
// the rules accounts live by, and the log-in throttles (ログイン試行の制限) of its accounts.
import { useState } from "react";
import { PLATFORM_ROLE_MODULE, type Role } from "../../../../src/platform/contract.ts";
import { useApp } from "../../app-context.ts";
import { useApiData } from "../../kit/use-api-data.ts";
import { municipalityLabel, staffMay } from "./session.ts";
import { describeRoles, type RoleModule } from "./role-names.ts";
import { formatDateTimeJa } from "../../kit/date-format.ts";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";
import { StaffCreateForm } from "./staff-create-form.tsx";
import { LoginThrottlesSection } from "./login-throttles-section.tsx";
import { StaffAccountPanel } from "./staff-account-panel.tsx";
import { AccountPolicySection } from "./account-policy-section.tsx";
import { TemporaryPasswordNotice, type IssuedPassword } from "./temporary-password-notice.tsx";

export interface StaffAccount {
  id: string;
  loginId: string;
  displayName: string;
  roles: Record<string, Role[]>;
  /** Log-ins are held back from sources this account has not logged in from (too many failures). */
  locked: boolean;
  passwordKind: "chosen" | "activation" | "one-time";
  passwordExpiresAt: string | null;
  disabled: { at: string; reason: string | null } | null;
  createdAt: string;
}

function AccountState({ account }: { account: StaffAccount }) {
  if (account.disabled) return <span className="status status--warning">無効</span>;
  if (account.locked) return <span className="status status--warning">試行制限中</span>;
  if (account.passwordKind !== "chosen") {
    const expired = account.passwordExpiresAt !== null && Date.parse(account.passwordExpiresAt) < Date.now();
    return (
      <span className="status status--info" title={account.passwordExpiresAt ? `期限 ${formatDateTimeJa(account.passwordExpiresAt)}` : undefined}>
        {expired ? "仮パスワード期限切れ" : "初回ログイン待ち"}
      </span>
    );
  }
  return <span className="status status--ok">有効</span>;
}

export function StaffScreen() {
  const { session } = useApp();
  const staff = useApiData<StaffAccount[]>("/api/staff");
  const [message, setMessage] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ who: string; password: IssuedPassword } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  // The modules installed on the platform, as the server lists them: roles of any other are refused.
  const catalogue = useApiData<RoleModule[]>("/api/modules");
  const modules = catalogue.data?.map((m) => m.id) ?? [PLATFORM_ROLE_MODULE];
  const mayGrant = (module: string) => staffMay(session, module, "admin");
  const names = { staff: new Map((staff.data ?? []).map((s) => [s.id, `${s.displayName}（${s.loginId}）`])) };
  const account = staff.data?.find((s) => s.id === selected) ?? null;

  return (
    <Page title="職員管理" lead={`${session.tenant ? municipalityLabel(session.tenant) : ""}の職員アカウントと権限を管理します。`}>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {issued ? <TemporaryPasswordNotice issued={issued.password} who={issued.who} /> : null}
      <section className="section" aria-labelledby="staff-list">
        <h2 className="section__title" id="staff-list">
          職員一覧
        </h2>
        {staff.problem ? <Notice kind="error">{staff.problem.titleJa}</Notice> : null}
        {staff.data ? (
          <div className="table-wrap">
            <table className="data-table" data-testid="staff-table">
              <caption>
                {staff.data.length}件（うち無効 {staff.data.filter((s) => s.disabled).length}件）
              </caption>
              <thead>
                <tr>
                  <th scope="col">ログインID</th>
                  <th scope="col">氏名</th>
                  <th scope="col">権限</th>
                  <th scope="col">状態</th>
                  <th scope="col">
                    <span className="visually-hidden">操作</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {staff.data.map((s) => (
                  <tr key={s.id} className={s.disabled ? "row--muted" : undefined}>
                    <td className="code">{s.loginId}</td>
                    <td>{s.displayName}</td>
                    <td>
                      <RoleTags roles={describeRoles(s.roles)} />
                    </td>
                    <td>
                      <AccountState account={s} />
                    </td>
                    <td>
                      <button type="button" className="button button--small" onClick={() => setSelected(s.id)} aria-label={`${s.displayName}の操作`}>
                        操作・履歴
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : staff.loading ? (
          <p className="muted">読み込み中…</p>
        ) : null}
      </section>
      {account ? (
        <StaffAccountPanel
          key={`${account.id}:${account.disabled?.at ?? ""}:${JSON.stringify(account.roles)}`}
          account={account}
          modules={modules}
          mayGrant={mayGrant}
          names={names}
          onChanged={(text) => {
            setMessage(text);
            setIssued(null);
            staff.reload();
          }}
        />
      ) : null}
      <section className="section" aria-labelledby="staff-create">
        <h2 className="section__title" id="staff-create">
          職員アカウントの作成
        </h2>
        <StaffCreateForm
          modules={modules}
          mayGrant={mayGrant}
          onCreated={(created) => {
            setMessage(`職員アカウント「${created.account.loginId}」を作成しました。`);
            setIssued({
              who: created.account.displayName,
              password: { loginId: created.account.loginId, temporaryPassword: created.temporaryPassword, expiresAt: created.expiresAt, kind: "one-time" },
            });
            staff.reload();
          }}
        />
      </section>
      <AccountPolicySection />
      <LoginThrottlesSection />
    </Page>
  );
}

function RoleTags({ roles }: { roles: string[] }) {
  if (!roles.length) return <span className="muted">なし</span>;
  return (
    <span className="role-tags">
      {roles.map((r) => (
        <span key={r} className="role-tag">
          {r}
        </span>
      ))}
    </span>
  );
}
