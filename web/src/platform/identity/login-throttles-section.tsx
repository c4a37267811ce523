// ログイン試行の制限 (a section of 職員管理): the municipality's log-in throttles, and clearing one.
// Listing and clearing are audited by the server (ADR 0015).
import { useState } from "react";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { useApiData } from "../../kit/use-api-data.ts";
import { formatDateTimeJa } from "../../kit/date-format.ts";
import { Notice } from "../../kit/notice.tsx";
import { throttleAccountJa, throttleScopeJa, throttleStateJa, type AccountThrottle } from "./login-throttle-labels.ts";

export function LoginThrottlesSection({ path = "/api/login-throttles" }: { path?: string }) {
  const throttles = useApiData<AccountThrottle[]>(path);
  return (
    <section className="section" aria-labelledby="login-throttles">
      <h2 className="section__title" id="login-throttles">
        ログイン試行の制限
      </h2>
      <p className="muted">
        ログインの失敗が続いたアカウントと接続元です。制限中の行は、その対象へのログインを一時的に受け付けません。ただし、アカウント全体（全接続元）の制限は、そのアカウントで以前ログインしたことのある接続元には及びません。
      </p>
      <AccountThrottleTable throttles={throttles.data} problem={throttles.problem} clearPath={(id) => `${path}/${id}`} onCleared={throttles.reload} />
    </section>
  );
}

export function AccountThrottleTable({
  throttles,
  problem,
  clearPath,
  onCleared,
}: {
  throttles: AccountThrottle[] | null;
  problem: ApiProblem | null;
  clearPath(id: string): string;
  onCleared(): void;
}) {
  const { api } = useApp();
  const [cleared, setCleared] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  async function clear(t: AccountThrottle) {
    setFailed(null);
    try {
      await api.send<void>("DELETE", clearPath(t.id));
      setCleared(throttleAccountJa(t));
      onCleared();
    } catch (error) {
      setFailed(error instanceof ApiProblem ? error.titleJa : "エラーが発生しました");
    }
  }
  if (problem) return <Notice kind="error">{problem.titleJa}</Notice>;
  if (!throttles) return <p className="muted">読み込み中…</p>;
  return (
    <>
      {cleared ? <Notice kind="success">「{cleared}」の制限を解除しました。</Notice> : null}
      {failed ? <Notice kind="error">{failed}</Notice> : null}
      {throttles.length === 0 ? (
        <p className="muted">ログインの失敗は記録されていません。</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="login-throttle-table">
            <caption>{throttles.length}件</caption>
            <thead>
              <tr>
                <th scope="col">ログインID</th>
                <th scope="col">対象</th>
                <th scope="col">失敗回数</th>
                <th scope="col">最後の失敗</th>
                <th scope="col">状態</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {throttles.map((t) => (
                <tr key={t.id}>
                  <td className="code">{throttleAccountJa(t)}</td>
                  <td>{throttleScopeJa(t)}</td>
                  <td>{t.failures}</td>
                  <td>{t.lastFailureAt ? formatDateTimeJa(t.lastFailureAt) : "—"}</td>
                  <td>
                    <span className={`status ${t.blockedUntil ? "status--warning" : "status--ok"}`}>
                      {throttleStateJa(t.blockedUntil, formatDateTimeJa)}
                    </span>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={`${throttleAccountJa(t)}（${throttleScopeJa(t)}）の制限を解除`}
                      onClick={() => void clear(t)}
                    >
                      解除
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
