// ジョブの実行履歴の表: each run with its state (待機中・実行中・成功・失敗), what started it and
// who, when it was queued, started and finished, the attempt, and its error or result.
import { formatDateTimeJa } from "../../kit/date-format.ts";
import { actorLabel, type AuditActorNames } from "../audit/audit-entry-labels.ts";
import { jobLabel, resultSummary, RUN_STATES, RUN_TRIGGERS, type JobNames, type RunState, type RunTrigger } from "./job-run-labels.ts";

/** One run of GET /api/jobs/runs and GET /api/operator/jobs/runs. */
export interface JobRunView {
  runId: string;
  job: string;
  tenantId: string;
  trigger: RunTrigger;
  requestedBy: string;
  state: RunState;
  attempt: number;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  result: Record<string, unknown> | null;
  error: string | null;
}

/** 受付・開始・終了 on three lines; the date is written once when the run stays within the day. */
function RunTimes({ run }: { run: JobRunView }) {
  const queued = formatDateTimeJa(run.queuedAt);
  const day = queued.slice(0, 10);
  const later = (iso: string | null) => {
    if (!iso) return <span className="muted">―</span>;
    const at = formatDateTimeJa(iso);
    return at.startsWith(day) ? at.slice(11) : at;
  };
  return (
    <dl className="run-times">
      <dt>受付</dt>
      <dd>{queued}</dd>
      <dt>開始</dt>
      <dd>{later(run.startedAt)}</dd>
      <dt>終了</dt>
      <dd>{later(run.finishedAt)}</dd>
    </dl>
  );
}

interface Props {
  runs: readonly JobRunView[];
  caption: string;
  names: AuditActorNames;
  /** The jobs' Japanese names and the names of their results' parts. */
  jobs: JobNames;
  /** Shows the municipality column (operators). */
  scopeName?: (tenantId: string) => string;
}

export function JobRunsTable({ runs, caption, names, jobs, scopeName }: Props) {
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="job-runs-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {scopeName ? <th scope="col">対象</th> : null}
            <th scope="col">ジョブ</th>
            <th scope="col">状態</th>
            <th scope="col">契機</th>
            <th scope="col">日時</th>
            <th scope="col" className="number">
              試行
            </th>
            <th scope="col">結果・エラー</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const state = RUN_STATES[r.state];
            return (
              <tr key={r.runId} data-run={r.runId}>
                {scopeName ? <td className="nowrap">{scopeName(r.tenantId)}</td> : null}
                <td data-job={r.job}>{jobLabel(jobs, r.job)}</td>
                <td>
                  <span className={`status status--${state.tone}`} data-testid="run-state">
                    {state.label}
                  </span>
                </td>
                <td className="nowrap">
                  {RUN_TRIGGERS[r.trigger]}
                  <span className="sub">{actorLabel(r.requestedBy, names)}</span>
                </td>
                <td className="nowrap">
                  <RunTimes run={r} />
                </td>
                <td className="number">{r.attempt}</td>
                <td className={r.error ? "error-text" : undefined}>{r.error ?? (r.result ? resultSummary(r.result, jobs.get(r.job)?.resultLabels) : <span className="muted">―</span>)}</td>
              </tr>
            );
          })}
          {!runs.length ? (
            <tr>
              <td colSpan={scopeName ? 7 : 6}>実行の記録はありません。</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
