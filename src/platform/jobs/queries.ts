// ジョブ管理 (jobs): every SQL statement over the run history, each a small named function
// returning { text, values } for the caller to run; values are always bound. Statements name
// the tenant explicitly as well as relying on row-level security, so the same statement is right
// in a tenant transaction (RLS narrows further) and in an operator one (RLS bypassed).
import type { QueryConfig } from "pg";

export type RunState = "queued" | "running" | "succeeded" | "failed";
export type RunTrigger = "schedule" | "manual";

export const activeTenants = (): QueryConfig => ({
  text: "SELECT id FROM tenant WHERE status = 'active' ORDER BY id",
  values: [],
});

export const isActiveTenant = (tenantId: string): QueryConfig => ({
  text: "SELECT 1 FROM tenant WHERE id = $1 AND status = 'active'",
  values: [tenantId],
});

/** The run's header; does nothing (and returns no row) when the run is already recorded. */
export const insertRun = (
  tenantId: string,
  runId: string,
  jobName: string,
  trigger: RunTrigger,
  requestedBy: string,
): QueryConfig => ({
  text: `INSERT INTO job_run (tenant_id, run_id, job_name, trigger, requested_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, run_id) DO NOTHING RETURNING run_id`,
  values: [tenantId, runId, jobName, trigger, requestedBy],
});

export const insertRunEvent = (
  tenantId: string,
  runId: string,
  state: RunState,
  attempt: number,
  result: Record<string, unknown> | null = null,
  error: string | null = null,
): QueryConfig => ({
  text: `INSERT INTO job_run_event (tenant_id, run_id, state, attempt, result, error) VALUES ($1, $2, $3, $4, $5, $6)`,
  values: [tenantId, runId, state, attempt, result === null ? null : JSON.stringify(result), error],
});

/** Serialises the state changes of one run (history is append-only: no row lock is possible). */
export const lockRun = (tenantId: string, runId: string): QueryConfig => ({
  text: "SELECT pg_advisory_xact_lock(hashtextextended('job-run:' || $1 || ':' || $2, 0))",
  values: [tenantId, runId],
});

export const latestRunEvent = (tenantId: string, runId: string): QueryConfig => ({
  text: `SELECT state, attempt FROM job_run_event WHERE tenant_id = $1 AND run_id = $2 ORDER BY seq DESC LIMIT 1`,
  values: [tenantId, runId],
});

const RUN_COLUMNS = "r.tenant_id, r.run_id, r.job_name, r.trigger, r.requested_by, r.queued_at";

export interface RunFilter {
  /** null: every tenant the transaction may see (an operator transaction sees all). */
  tenantId: string | null;
  runId?: string | null;
  job?: string | null;
  state?: RunState | null;
  limit: number;
}

/** Run headers, newest first, filtered by the run's current state (its latest event). */
export const listRuns = (filter: RunFilter): QueryConfig => ({
  text: `
    SELECT ${RUN_COLUMNS}
    FROM job_run r
    CROSS JOIN LATERAL (SELECT e.state FROM job_run_event e
                        WHERE e.tenant_id = r.tenant_id AND e.run_id = r.run_id
                        ORDER BY e.seq DESC LIMIT 1) last
    WHERE ($1::text IS NULL OR r.tenant_id = $1)
      AND ($2::uuid IS NULL OR r.run_id = $2)
      AND ($3::text IS NULL OR r.job_name = $3)
      AND ($4::text IS NULL OR last.state = $4)
    ORDER BY r.queued_at DESC, r.run_id DESC
    LIMIT $5`,
  values: [filter.tenantId, filter.runId ?? null, filter.job ?? null, filter.state ?? null, filter.limit],
});

/** The newest run of each named job in one tenant. */
export const latestRunPerJob = (tenantId: string, jobNames: readonly string[]): QueryConfig => ({
  text: `
    SELECT DISTINCT ON (r.job_name) ${RUN_COLUMNS}
    FROM job_run r
    WHERE r.tenant_id = $1 AND r.job_name = ANY($2::text[])
    ORDER BY r.job_name, r.queued_at DESC, r.run_id DESC`,
  values: [tenantId, jobNames],
});

/** Every event of the given runs, oldest first. */
export const runEvents = (runs: readonly { tenantId: string; runId: string }[]): QueryConfig => ({
  text: `
    SELECT e.tenant_id, e.run_id, e.state, e.attempt, e.at, e.result, e.error
    FROM job_run_event e
    JOIN unnest($1::text[], $2::uuid[]) AS k (tenant_id, run_id) ON e.tenant_id = k.tenant_id AND e.run_id = k.run_id
    ORDER BY e.seq`,
  values: [runs.map((r) => r.tenantId), runs.map((r) => r.runId)],
});
