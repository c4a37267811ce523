// ジョブ (operators): the runs of every municipality and of the platform itself (監査ログ検証 and
// other platform-wide jobs), and starting a job now — a platform job once, a per-municipality
// job for one municipality — chosen from every job the platform declares (GET /api/operator/jobs).
// Listing runs and starting are audited; a run started here is followed on screen until it ends.
import { useMemo, useState, type FormEvent } from "react";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { useApiData } from "../../kit/use-api-data.ts";
import { useRefreshWhile } from "../../kit/use-refresh-while.ts";
import { fieldOf } from "../../kit/field-errors.ts";
import { isFinishedRun, jobLabel, jobNamesOf, runScopeLabel } from "./job-run-labels.ts";
import { describeCronJa } from "./cron-description.ts";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";
import { SelectField } from "../../kit/form-field.tsx";
import { JobRunsTable, type JobRunView } from "./job-runs-table.tsx";

const RUN_LIMIT = 100;
const PLATFORM = "platform";
const NO_STAFF_NAMES = { staff: new Map<string, string>() };

/** One job of GET /api/operator/jobs. */
interface JobDefinitionView {
  name: string;
  area: string;
  label: string;
  description: string;
  resultLabels: Record<string, string>;
  perTenant: boolean;
  cron: string | null;
}

/** What the chosen job does, for what and when: the hint under the select. */
function jobHint(job: JobDefinitionView | undefined): string | null {
  if (!job) return null;
  const scope = job.perTenant ? "団体ごとに実行します。" : "基盤全体で1回実行します。";
  const schedule = job.cron ? `定期実行：${describeCronJa(job.cron) ?? job.cron}` : "定期実行なし（手動のみ）";
  return `${job.description}${scope}${schedule}`;
}

export function OperatorJobsScreen() {
  const { api } = useApp();
  const [scope, setScope] = useState("");
  const runs = useApiData<JobRunView[]>(`/api/operator/jobs/runs?limit=${RUN_LIMIT}${scope ? `&tenantId=${encodeURIComponent(scope)}` : ""}`);
  const tenants = useApiData<{ id: string; name: string }[]>("/api/operator/tenants");
  const names = useMemo(() => new Map((tenants.data ?? []).map((t) => [t.id, t.name])), [tenants.data]);
  const scopes = [{ value: PLATFORM, label: "基盤全体" }, ...(tenants.data ?? []).map((t) => ({ value: t.id, label: `${t.name}（${t.id}）` }))];
  // Every job the platform's areas and modules declare: what can be started from here.
  const definitions = useApiData<JobDefinitionView[]>("/api/operator/jobs");
  const jobs = definitions.data ?? [];
  const jobNames = useMemo(() => jobNamesOf(definitions.data), [definitions.data]);

  const [chosen, setJob] = useState("");
  // Until the operator picks one, the first job of the list is the choice.
  const job = chosen || (jobs[0]?.name ?? "");
  const [target, setTarget] = useState(PLATFORM);
  const [errors, setErrors] = useState<{ job?: string; target?: string }>({});
  const [notice, setNotice] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const [sending, setSending] = useState(false);
  const [requested, setRequested] = useState<{ ids: string[]; at: number } | null>(null);

  const unfinished =
    requested?.ids.some((id) => {
      const run = runs.data?.find((r) => r.runId === id);
      return !run || !isFinishedRun(run.state);
    }) ?? false;
  useRefreshWhile(unfinished ? requested!.at : null, runs.loading, runs.reload);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    if (!job) {
      setErrors({ job: "ジョブを選んでください" });
      return;
    }
    setErrors({});
    setSending(true);
    try {
      const { runId } = await api.send<{ runId: string }>("POST", `/api/operator/jobs/${encodeURIComponent(job)}/run`, {
        tenantId: target,
      });
      setRequested((r) => ({ ids: [...(r?.ids ?? []), runId], at: Date.now() }));
      setNotice({ kind: "success", text: `「${jobLabel(jobNames, job)}」（${runScopeLabel(target, names)}）の実行を受け付けました。` });
      runs.reload();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      // The server says whether the job runs per municipality or once for the platform.
      if (error.errors.some((e) => fieldOf(e.field) === "tenantId")) setErrors({ target: error.titleJa });
      else if (error.code === "unknown-job") setErrors({ job: error.titleJa });
      else setNotice({ kind: "error", text: error.titleJa });
    } finally {
      setSending(false);
    }
  }

  return (
    <Page title="ジョブ" lead="すべての団体と基盤全体のジョブ（バッチ処理）の実行履歴です。基盤全体のジョブ（監査ログ検証など）はここから実行できます。">
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      <section className="section" aria-labelledby="operator-run-now">
        <h2 className="section__title" id="operator-run-now">
          今すぐ実行
        </h2>
        {definitions.problem ? <Notice kind="error">{definitions.problem.titleJa}</Notice> : null}
        <form onSubmit={submit} noValidate aria-label="ジョブの実行">
          <div className="form-grid">
            <SelectField
              id="run-job"
              label="ジョブ"
              value={job}
              onValue={setJob}
              options={jobs.map((j) => ({ value: j.name, label: j.label }))}
              required
              hint={jobHint(jobs.find((j) => j.name === job))}
              error={errors.job}
            />
            <SelectField
              id="run-target"
              label="対象"
              hint="基盤全体のジョブは「基盤全体」、団体ごとのジョブは団体を選びます。"
              value={target}
              onValue={setTarget}
              options={scopes}
              required
              error={errors.target}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={sending}>
              {sending ? "依頼しています…" : "今すぐ実行"}
            </button>
          </div>
        </form>
      </section>
      <section className="section" aria-labelledby="operator-job-runs">
        <h2 className="section__title" id="operator-job-runs">
          実行履歴
        </h2>
        <div className="filter-row">
          <SelectField
            id="run-scope"
            label="表示する対象"
            value={scope}
            onValue={setScope}
            options={[{ value: "", label: "すべて" }, ...scopes]}
          />
          <button type="button" className="button button--secondary button--small" onClick={runs.reload} disabled={runs.loading}>
            最新の状態に更新
          </button>
        </div>
        {runs.problem ? <Notice kind="error">{runs.problem.titleJa}</Notice> : null}
        {runs.data ? (
          <JobRunsTable
            runs={runs.data}
            caption={`新しい順に最大${RUN_LIMIT}件`}
            names={NO_STAFF_NAMES}
            jobs={jobNames}
            scopeName={(id) => runScopeLabel(id, names)}
          />
        ) : runs.loading ? (
          <p className="muted">読み込み中…</p>
        ) : null}
      </section>
    </Page>
  );
}
