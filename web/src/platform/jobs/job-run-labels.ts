// ジョブの表示: Japanese names for a run's state and trigger; a job and the parts of its result are
// named as its definition names them (label, resultLabels), which the job list carries.
export type RunState = "queued" | "running" | "succeeded" | "failed";
export type RunTrigger = "schedule" | "manual";

export const RUN_STATES: Record<RunState, { label: string; tone: "warning" | "info" | "ok" | "error" }> = {
  queued: { label: "待機中", tone: "warning" },
  running: { label: "実行中", tone: "info" },
  succeeded: { label: "成功", tone: "ok" },
  failed: { label: "失敗", tone: "error" },
};

export const RUN_TRIGGERS: Record<RunTrigger, string> = { schedule: "定期", manual: "手動" };

/** What the job list says about a job (GET /api/jobs, GET /api/operator/jobs): its Japanese names. */
export interface JobNaming {
  name: string;
  label: string;
  resultLabels: Readonly<Record<string, string>>;
}

/** The jobs by name, to name the runs of the history. */
export type JobNames = ReadonlyMap<string, JobNaming>;

export function jobNamesOf(jobs: readonly JobNaming[] | null): JobNames {
  return new Map((jobs ?? []).map((j) => [j.name, j]));
}

/** A job's Japanese name; a run of a job no longer declared keeps its own name. */
export function jobLabel(names: JobNames, job: string): string {
  return names.get(job)?.label ?? job;
}

function formatResultValue(value: unknown): string {
  if (typeof value === "boolean") return value ? "はい" : "いいえ";
  if (typeof value === "number") return value.toLocaleString("ja-JP");
  if (Array.isArray(value)) return `${value.length}件`;
  if (typeof value === "string") return value;
  return "あり";
}

/**
 * A run's result in the job's own words, leaving out the empty parts: 「検証した連鎖 5／検証した記録 120」.
 * A list reads as its count; a key the job does not name keeps its own name.
 */
export function resultSummary(result: Record<string, unknown>, labels: Readonly<Record<string, string>> = {}): string {
  const shown = Object.entries(result).filter(([, v]) => v !== null && v !== undefined);
  return shown.length ? shown.map(([k, v]) => `${labels[k] ?? k} ${formatResultValue(v)}`).join("／") : "―";
}

export function isFinishedRun(state: RunState): boolean {
  return state === "succeeded" || state === "failed";
}

/** The run's tenant: 「基盤全体」 for a platform job's run, else the municipality's name or code. */
export function runScopeLabel(tenantId: string, tenantNames: ReadonlyMap<string, string>): string {
  return tenantId === "platform" ? "基盤全体" : (tenantNames.get(tenantId) ?? tenantId);
}
