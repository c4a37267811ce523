// ホーム: a staff member's own municipality, their roles, and the screens those roles open.
import { useApp } from "../app-context.ts";
import { municipalityLabel } from "../platform/identity/session.ts";
import { describeRoles } from "../platform/identity/role-names.ts";
import { screensFor } from "../navigation.ts";
import { Link } from "../router.tsx";
import { Page } from "../kit/page.tsx";

export function HomeScreen() {
  const { session } = useApp();
  const roles = describeRoles(session.roles);
  const screens = screensFor(session).filter((s) => s.path !== "/");
  return (
    <Page title="ホーム" lead={`${session.displayName} さんのログイン情報です。`}>
      <section className="section" aria-labelledby="home-tenant">
        <h2 className="section__title" id="home-tenant">
          所属団体
        </h2>
        {session.tenant ? (
          <dl className="summary-list">
            <dt>団体名</dt>
            <dd>{municipalityLabel(session.tenant)}</dd>
            <dt>団体コード</dt>
            <dd>{session.tenant.id}</dd>
          </dl>
        ) : null}
      </section>
      <section className="section" aria-labelledby="home-roles">
        <h2 className="section__title" id="home-roles">
          あなたの権限
        </h2>
        {roles.length ? (
          <ul className="link-list">
            {roles.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : (
          <p>権限が設定されていません。</p>
        )}
        <p className="form-hint">権限の意味：閲覧＝照会のみ／更新＝登録・変更／証明＝証明書の発行／管理＝その業務のすべての操作と職員・設定の管理</p>
      </section>
      <section className="section" aria-labelledby="home-screens">
        <h2 className="section__title" id="home-screens">
          利用できる画面
        </h2>
        {screens.length ? (
          <ul className="link-list">
            {screens.map((s) => (
              <li key={s.path}>
                <Link href={s.path}>{s.label}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>
            現在の権限で利用できる業務画面はありません。業務画面の権限は、共通基盤の管理権限を持つ職員に依頼してください。
          </p>
        )}
      </section>
    </Page>
  );
}
