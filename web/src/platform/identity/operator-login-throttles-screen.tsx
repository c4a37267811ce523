// ログイン試行の制限（運用事業者）: operators' log-in throttles and the platform-wide throttles per
// source address, and clearing them. Listing and clearing are audited (ADR 0015).
import { useState } from "react";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { useApiData } from "../../kit/use-api-data.ts";
import { formatDateTimeJa } from "../../kit/date-format.ts";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";
import { AccountThrottleTable } from "./login-throttles-section.tsx";
import { throttleStateJa, type AccountThrottle, type SourceThrottle } from "./login-throttle-labels.ts";

export function OperatorLoginThrottlesScreen() {
  const { api } = useApp();
  const list = useApiData<{ accounts: AccountThrottle[]; sources: SourceThrottle[] }>("/api/operator/login-throttles");
  const [message, setMessage] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  async function clearSource(s: SourceThrottle) {
    try {
      await api.send<void>("DELETE", `/api/operator/login-source-throttles/${s.id}`);
      setMessage({ kind: "success", text: `接続元 ${s.source} の制限を解除しました。` });
      list.reload();
    } catch (error) {
      setMessage({ kind: "error", text: error instanceof ApiProblem ? error.titleJa : "エラーが発生しました" });
    }
  }
  return (
    <Page title="ログイン試行の制限" lead="運用事業者アカウントへのログインの失敗と、全団体にわたる接続元ごとの失敗です。">
      <section className="section" aria-labelledby="operator-throttles">
        <h2 className="section__title" id="operator-throttles">
          運用事業者アカウント
        </h2>
        <AccountThrottleTable
          throttles={list.data?.accounts ?? null}
          problem={list.problem}
          clearPath={(id) => `/api/operator/login-throttles/${id}`}
          onCleared={list.reload}
        />
      </section>
      <section className="section" aria-labelledby="source-throttles">
        <h2 className="section__title" id="source-throttles">
          接続元
        </h2>
        {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
        {list.data && list.data.sources.length === 0 ? <p className="muted">ログインの失敗は記録されていません。</p> : null}
        {list.data && list.data.sources.length > 0 ? (
          <div className="table-wrap">
            <table className="data-table" data-testid="source-throttle-table">
              <caption>{list.data.sources.length}件</caption>
              <thead>
                <tr>
                  <th scope="col">接続元</th>
                  <th scope="col">失敗回数</th>
                  <th scope="col">最後の失敗</th>
                  <th scope="col">状態</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {list.data.sources.map((s) => (
                  <tr key={s.id}>
                    <td className="code">{s.source}</td>
                    <td>{s.failures}</td>
                    <td>{formatDateTimeJa(s.lastFailureAt)}</td>
                    <td>
                      <span className={`status ${s.blockedUntil ? "status--warning" : "status--ok"}`}>
                        {throttleStateJa(s.blockedUntil, formatDateTimeJa)}
                      </span>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={`接続元 ${s.source} の制限を解除`}
                        onClick={() => void clearSource(s)}
                      >
                        解除
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </Page>
  );
}
