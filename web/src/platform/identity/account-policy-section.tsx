// アカウントの規則 (a section of 職員管理): the password rules, how long temporary passwords last
// and the session limits in force for this municipality — its settings within the platform's.
import { useApiData } from "../../kit/use-api-data.ts";
import { Notice } from "../../kit/notice.tsx";
import { Link } from "../../router.tsx";

interface AccountPolicy {
  password: { minLength: number; maxLength: number };
  temporaryPasswordHours: { activation: number; oneTime: number };
  session: { idleMinutes: number; maxMinutes: number; platformIdleMinutes: number; platformMaxMinutes: number };
}

const hours = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60}時間` : `${minutes}分`);

export function AccountPolicySection() {
  const policy = useApiData<AccountPolicy>("/api/account-policy");
  return (
    <section className="section" aria-labelledby="account-policy">
      <h2 className="section__title" id="account-policy">
        アカウントの規則
      </h2>
      {policy.problem ? <Notice kind="error">{policy.problem.titleJa}</Notice> : null}
      {policy.data ? (
        <dl className="summary-list" data-testid="account-policy">
          <dt>パスワード</dt>
          <dd>
            {policy.data.password.minLength}文字以上{policy.data.password.maxLength}文字以内。よく使われる・漏えいしたパスワード、同じ文字の繰り返しや連続した文字、ログインID・氏名・団体名・サービス名を含むものは使えません。記号や数字を混ぜる決まりや定期変更はありません（NIST SP800-63B）。
          </dd>
          <dt>仮パスワード</dt>
          <dd>
            管理者の有効化コードは{policy.data.temporaryPasswordHours.activation / 24}日、職員の仮パスワードは{policy.data.temporaryPasswordHours.oneTime}時間有効。初回ログインで本人のパスワードに変更します。
          </dd>
          <dt>セッション</dt>
          <dd>
            操作がないまま{hours(policy.data.session.idleMinutes)}、またはログインから{hours(policy.data.session.maxMinutes)}でログアウトします
            （プラットフォームの上限は{hours(policy.data.session.platformIdleMinutes)}・{hours(policy.data.session.platformMaxMinutes)}。短くするには
            <Link href="/settings">設定</Link>の「セッションの無操作時間の上限」「セッションの最長時間」を変更します）。
          </dd>
        </dl>
      ) : null}
    </section>
  );
}
