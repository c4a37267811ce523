// ジョブの表示: Japanese names for a run's state and trigger, and for the jobs staff know by name.
// A job without a Japanese name is shown by its own name, so a new module's job is never hidden.
export type RunState = "queued" | "running" | "succeeded" | "failed";
export type RunTrigger = "schedule" | "manual";

export const RUN_STATES: Record<RunState, { label: string; tone: "warning" | "info" | "ok" | "error" }> = {
  queued: { label: "待機中", tone: "warning" },
  running: { label: "実行中", tone: "info" },
  succeeded: { label: "成功", tone: "ok" },
  failed: { label: "失敗", tone: "error" },
};

export const RUN_TRIGGERS: Record<RunTrigger, string> = { schedule: "定期", manual: "手動" };

const JOB_NAMES_JA: Record<string, string> = {
  "audit.verify": "監査ログ検証",
};

export function jobNameJa(name: string): string {
  return JOB_NAMES_JA[name] ?? name;
}

/** The job names with a Japanese name: what an operator can start before any run is listed. */
export function namedJobs(): string[] {
  return Object.keys(JOB_NAMES_JA);
}

export function isFinishedRun(state: RunState): boolean {
  return state === "succeeded" || state === "failed";
}

/** The run's tenant: 「基盤全体」 for a platform job's run, else the municipality's name or code. */
export function runScopeLabel(tenantId: string, tenantNames: ReadonlyMap<string, string>): string {
  return tenantId === "platform" ? "基盤全体" : (tenantNames.get(tenantId) ?? tenantId);
}
