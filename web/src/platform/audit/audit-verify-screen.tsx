// 監査ログ検証 (operators): walks every hash chain of the audit log — each municipality's and the
// operators' — and reports the first edited or removed entry, if any. The check is itself audited.
import { useState } from "react";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { formatDateTimeJa } from "../../kit/date-format.ts";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";

interface VerifyResult {
  ok: boolean;
  chains: number;
  entries: number;
  problem: { chain: string; seq: string; reason: string } | null;
}

const REASONS: Record<string, string> = {
  "missing-entry": "記録が欠落しています（削除の疑い）",
  "broken-link": "前の記録とのつながりが壊れています",
  "hash-mismatch": "記録の内容がハッシュ値と一致しません（改ざんの疑い）",
  "head-mismatch": "最新の記録が記録簿の末尾と一致しません",
};

export function AuditVerifyScreen() {
  const { api } = useApp();
  const [result, setResult] = useState<{ at: string; value: VerifyResult } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  async function run() {
    setRunning(true);
    setProblem(null);
    try {
      const value = await api.send<VerifyResult>("POST", "/api/operator/audit/verify");
      setResult({ at: new Date().toISOString(), value });
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error.titleJa : "検証を実行できませんでした");
    } finally {
      setRunning(false);
    }
  }

  return (
    <Page
      title="監査ログ検証"
      lead="監査ログは団体ごとと運用事業者の系列に分かれています。すべての系列について、記録が改ざん・削除されずにつながっていることをハッシュチェーンで確かめます。検証の実施も監査ログに記録されます。"
    >
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={run} disabled={running}>
          {running ? "検証しています…" : "検証を実行する"}
        </button>
      </div>
      {result ? (
        <section className="section" aria-labelledby="verify-result" data-testid="verify-result">
          <h2 className="section__title" id="verify-result">
            検証結果
          </h2>
          {result.value.ok ? (
            <Notice kind="success">改ざん・削除は見つかりませんでした。</Notice>
          ) : (
            <Notice kind="error">監査ログに改ざんまたは削除の疑いがあります。直ちに調査してください。</Notice>
          )}
          <dl className="summary-list">
            <dt>実行日時</dt>
            <dd>{formatDateTimeJa(result.at)}</dd>
            <dt>検証した系列</dt>
            <dd>{result.value.chains.toLocaleString("ja-JP")}系列</dd>
            <dt>検証した記録</dt>
            <dd>{result.value.entries.toLocaleString("ja-JP")}件</dd>
            {result.value.problem ? (
              <>
                <dt>最初の異常</dt>
                <dd>
                  {chainLabel(result.value.problem.chain)}の{result.value.problem.seq}番目の記録：
                  {REASONS[result.value.problem.reason] ?? result.value.problem.reason}
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}
    </Page>
  );
}

/** A chain is a municipality's (its code) or the operators' ("platform"). */
function chainLabel(chain: string): string {
  return chain === "platform" ? "運用事業者の系列" : `団体コード ${chain} の系列`;
}
