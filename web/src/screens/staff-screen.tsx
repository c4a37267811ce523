// 職員管理: the municipality's staff accounts with their roles, creating one, and the log-in
// throttles (ログイン試行の制限) of its accounts.
import { useState } from "react";
import { PLATFORM_ROLE_MODULE, type Role } from "../../../src/platform/contract.ts";
import { useApp } from "../app-context.ts";
import { useApiData } from "../use-api-data.ts";
import { municipalityLabel } from "../session.ts";
import { describeRoles, type RoleModule } from "../role-names.ts";
import { Page } from "../components/page.tsx";
import { Notice } from "../components/notice.tsx";
import { StaffCreateForm } from "./staff-create-form.tsx";
import { LoginThrottlesSection } from "../platform/identity/login-throttles-section.tsx";

export interface StaffAccount {
  id: string;
  loginId: string;
  displayName: string;
  roles: Record<string, Role[]>;
  /** Log-ins are held back from sources this account has not logged in from (too many failures). */
  locked: boolean;
}

export function StaffScreen() {
  const { session } = useApp();
  const staff = useApiData<StaffAccount[]>("/api/staff");
  const [created, setCreated] = useState<string | null>(null);
  // The modules installed on the platform, as the server lists them: roles of any other are refused.
  const catalogue = useApiData<RoleModule[]>("/api/modules");
  const modules = catalogue.data?.map((m) => m.id) ?? [PLATFORM_ROLE_MODULE];

  return (
    <Page title="職員管理" lead={`${session.tenant ? municipalityLabel(session.tenant) : ""}の職員アカウントと権限を管理します。`}>
      {created ? <Notice kind="success">職員アカウント「{created}」を作成しました。</Notice> : null}
      <section className="section" aria-labelledby="staff-list">
        <h2 className="section__title" id="staff-list">
          職員一覧
        </h2>
        {staff.problem ? <Notice kind="error">{staff.problem.titleJa}</Notice> : null}
        {staff.data ? (
          <div className="table-wrap">
            <table className="data-table" data-testid="staff-table">
              <caption>{staff.data.length}件</caption>
              <thead>
                <tr>
                  <th scope="col">ログインID</th>
                  <th scope="col">氏名</th>
                  <th scope="col">権限</th>
                  <th scope="col">状態</th>
                </tr>
              </thead>
              <tbody>
                {staff.data.map((s) => (
                  <tr key={s.id}>
                    <td className="code">{s.loginId}</td>
                    <td>{s.displayName}</td>
                    <td>
                      <RoleTags roles={describeRoles(s.roles)} />
                    </td>
                    <td>
                      {s.locked ? <span className="status status--warning">試行制限中</span> : <span className="status status--ok">有効</span>}
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
      <section className="section" aria-labelledby="staff-create">
        <h2 className="section__title" id="staff-create">
          職員アカウントの作成
        </h2>
        <StaffCreateForm
          modules={modules}
          onCreated={(account) => {
            setCreated(account.loginId);
            staff.reload();
          }}
        />
      </section>
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
