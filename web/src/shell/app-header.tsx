// ヘッダー: whose screen this is — the municipality (or the platform, for operators), the staff
// member's name and roles — and ログアウト.
import type { Session } from "../platform/identity/session.ts";
import { municipalityLabel } from "../platform/identity/session.ts";
import { describeRoles } from "../platform/identity/role-names.ts";

export function AppHeader({ session, onLogout, loggingOut }: { session: Session; onLogout(): void; loggingOut: boolean }) {
  const roles = session.kind === "operator" ? ["運用事業者"] : describeRoles(session.roles);
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="app-header__product">kyodo 共同 職員画面</span>
        <span className="app-header__organisation" data-testid="organisation">
          {session.tenant ? municipalityLabel(session.tenant) : "運用事業者（プラットフォーム）"}
        </span>
      </div>
      <div className="app-header__user">
        <div className="app-header__who">
          <div className="app-header__name" data-testid="user-name">
            {session.displayName}
          </div>
          <ul className="app-header__roles" aria-label="権限" data-testid="user-roles">
            {roles.length ? (
              roles.map((r) => (
                <li key={r} className="role-tag">
                  {r}
                </li>
              ))
            ) : (
              <li className="muted">権限なし</li>
            )}
          </ul>
        </div>
        <button type="button" className="button button--secondary button--small" onClick={onLogout} disabled={loggingOut}>
          ログアウト
        </button>
      </div>
    </header>
  );
}
