// ジョブ (administrators): the municipality's batch jobs — what each does, when it runs, how its
// last run ended — with 今すぐ実行, and the history of runs. A run started here is followed on
// screen until it succeeds or fails.
import { useMemo, useState } from "react";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { useApiData } from "../../kit/use-api-data.ts";
import { useRefreshWhile } from "../../kit/use-refresh-while.ts";
import { formatDateTimeJa } from "../../kit/date-format.ts";
import { municipalityLabel } from "../identity/session.ts";
import { describeCronJa } from "./cron-description.ts";
import { isFinishedRun, jobNamesOf, RUN_STATES } from "./job-run-labels.ts";
import type { AuditActorNames } from "../audit/audit-entry-labels.ts";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";
import { JobRunsTable, type JobRunView } from "./job-runs-table.tsx";
import type { StaffAccount } from "../identity/staff-screen.tsx";

interface JobView {
  name: string;
  area: string;
  label: string;
  description: string;
  resultLabels: Record<string, string>;
  cron: string | null;
  perTenant: boolean;
  lastRun: JobRunView | null;
}

const RUN_LIMIT = 50;

/** 前回の実行: the newer of the job list's last run and the job's newest run in the (fresher) runs list. */
function latestRun(job: JobView, runs: readonly JobRunView[] | null): JobRunView | null {
  const listed = runs?.find((r) => r.job === job.name) ?? null;
  if (!listed || !job.lastRun) return listed ?? job.lastRun;
  return Date.parse(listed.queuedAt) >= Date.parse(job.lastRun.queuedAt) ? listed : job.lastRun;
}

function ScheduleCell({ cron }: { cron: string | null }) {
  if (!cron) return <span className="muted">手動のみ</span>;
  return <>{describeCronJa(cron) ?? `定期（${cron}）`}</>;
}

export function JobsScreen() {
  const { api, session } = useApp();
  const jobs = useApiData<JobView[]>("/api/jobs");
  const runs = useApiData<JobRunView[]>(`/api/jobs/runs?limit=${RUN_LIMIT}`);
  const staff = useApiData<StaffAccount[]>("/api/staff");
  const names: AuditActorNames = useMemo(
    () => ({ staff: new Map((staff.data ?? []).map((s) => [s.id, `${s.displayName}（${s.loginId}）`])) }),
    [staff.data],
  );
  const jobNames = useMemo(() => jobNamesOf(jobs.data), [jobs.data]);
  const [requested, setRequested] = useState<{ ids: string[]; at: number } | null>(null);
  const [starting, setStarting] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: "success" | "error"; text: string } | null>(null);

  const unfinished =
    requested?.ids.some((id) => {
      const run = runs.data?.find((r) => r.runId === id);
      return !run || !isFinishedRun(run.state);
    }) ?? false;
  useRefreshWhile(unfinished ? requested!.at : null, runs.loading, runs.reload);

  async function runNow(job: JobView) {
    setStarting(job.name);
    setNotice(null);
    try {
      const { runId } = await api.send<{ runId: string }>("POST", `/api/jobs/${encodeURIComponent(job.name)}/run`);
      setRequested((r) => ({ ids: [...(r?.ids ?? []), runId], at: Date.now() }));
      setNotice({ kind: "success", text: `「${job.label}」の実行を受け付けました。結果は下の実行履歴に表示されます。` });
      runs.reload();
    } catch (error) {
      setNotice({ kind: "error", text: error instanceof ApiProblem ? error.titleJa : "実行を依頼できませんでした" });
    } finally {
      setStarting(null);
    }
  }

  return (
    <Page
      title="ジョブ"
      lead={`${session.tenant ? municipalityLabel(session.tenant) : ""}で定期的に実行される処理（バッチ）と、その実行履歴です。時刻は日本時間です。`}
    >
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      <section className="section" aria-labelledby="job-list">
        <h2 className="section__title" id="job-list">
          ジョブ一覧
        </h2>
        {jobs.problem ? <Notice kind="error">{jobs.problem.titleJa}</Notice> : null}
        {jobs.data ? (
          <div className="table-wrap">
            <table className="data-table" data-testid="job-table">
              <thead>
                <tr>
                  <th scope="col">ジョブ</th>
                  <th scope="col">実行予定</th>
                  <th scope="col">前回の実行</th>
                  <th scope="col">
                    <span className="visually-hidden">操作</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {jobs.data.map((j) => {
                  const last = latestRun(j, runs.data);
                  return (
                    <tr key={j.name} data-job={j.name}>
                      <th scope="row">
                        {j.label}
                        <span className="description">{j.description}</span>
                      </th>
                      <td className="nowrap">
                        <ScheduleCell cron={j.cron} />
                      </td>
                      <td className="nowrap" data-testid="job-last-run">
                        {last ? (
                          <>
                            <span className={`status status--${RUN_STATES[last.state].tone}`}>{RUN_STATES[last.state].label}</span>
                            <span className="sub">{formatDateTimeJa(last.finishedAt ?? last.startedAt ?? last.queuedAt)}</span>
                          </>
                        ) : (
                          <span className="muted">未実行</span>
                        )}
                      </td>
                      <td className="actions">
                        <button
                          type="button"
                          className="button button--primary button--small"
                          disabled={starting !== null}
                          onClick={() => void runNow(j)}
                          aria-label={`今すぐ実行（${j.label}）`}
                        >
                          今すぐ実行
                        </button>
                      </td>
                    </tr>
                  );
                })}
                {!jobs.data.length ? (
                  <tr>
                    <td colSpan={4}>この団体で実行できるジョブはありません。</td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
        ) : jobs.loading ? (
          <p className="muted">読み込み中…</p>
        ) : null}
      </section>
      <section className="section" aria-labelledby="job-runs">
        <h2 className="section__title" id="job-runs">
          実行履歴
        </h2>
        <div className="toolbar">
          <button type="button" className="button button--secondary button--small" onClick={runs.reload} disabled={runs.loading}>
            最新の状態に更新
          </button>
        </div>
        {runs.problem ? <Notice kind="error">{runs.problem.titleJa}</Notice> : null}
        {runs.data ? (
          <JobRunsTable runs={runs.data} caption={`新しい順に最大${RUN_LIMIT}件`} names={names} jobs={jobNames} />
        ) : runs.loading ? (
          <p className="muted">読み込み中…</p>
        ) : null}
      </section>
    </Page>
  );
}
