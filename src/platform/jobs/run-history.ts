// 実行履歴 (run history): recording each state change of a run and reading runs back. Every
// function runs in the caller's transaction: a tenant one (withTenant, RLS applies) for the
// runner and the municipality's screens, an operator one for the cross-tenant view.
import type { Tx } from "../db/database.ts";
import { Problem } from "../http/problem.ts";
import {
  insertRun,
  insertRunEvent,
  latestRunEvent,
  latestRunPerJob,
  listRuns,
  lockRun,
  runEvents,
  type RunFilter,
  type RunState,
  type RunTrigger,
} from "./queries.ts";
import { summarizeRun, type JobRun, type RunEvent, type RunHeader } from "./run-summary.ts";

const ERROR_MAX = 500;
const RESULT_MAX_BYTES = 4096;

export interface QueuedRun {
  tenantId: string;
  runId: string;
  job: string;
  trigger: RunTrigger;
  requestedBy: string;
}

/** Records a new run as queued; false when this run id is already recorded (a repeated tick). */
export async function recordQueued(tx: Tx, run: QueuedRun): Promise<boolean> {
  const inserted = await tx.query(insertRun(run.tenantId, run.runId, run.job, run.trigger, run.requestedBy));
  if (!inserted.rowCount) return false;
  await tx.query(insertRunEvent(run.tenantId, run.runId, "queued", 1));
  return true;
}

export type AttemptStart = "started" | "already-finished" | "unknown-run";

/**
 * Records that an attempt starts. A run that already finished is not run again (the queue
 * delivers at least once). An earlier attempt that never recorded its end - its worker stopped
 * or the queue expired it - is recorded as failed first, so the history says what happened.
 */
export async function recordAttemptStart(tx: Tx, tenantId: string, runId: string, attempt: number): Promise<AttemptStart> {
  await tx.query(lockRun(tenantId, runId));
  const latest = (await tx.query<{ state: RunState; attempt: number }>(latestRunEvent(tenantId, runId))).rows[0];
  if (!latest) return "unknown-run";
  if (latest.state === "succeeded" || latest.state === "failed") return "already-finished";
  if (latest.state === "running" && latest.attempt !== attempt) {
    await tx.query(
      insertRunEvent(tenantId, runId, "failed", latest.attempt, null, "attempt abandoned: the worker stopped or the attempt timed out"),
    );
  }
  await tx.query(insertRunEvent(tenantId, runId, "running", attempt));
  return "started";
}

export async function recordSucceeded(
  tx: Tx,
  tenantId: string,
  runId: string,
  attempt: number,
  result: Record<string, unknown> | null,
): Promise<void> {
  await tx.query(lockRun(tenantId, runId));
  await tx.query(insertRunEvent(tenantId, runId, "succeeded", attempt, boundedResult(result)));
}

/** A failed attempt; when the queue will retry, the run is queued again for the next attempt. */
export async function recordFailed(
  tx: Tx,
  tenantId: string,
  runId: string,
  attempt: number,
  failure: { error: string; result: Record<string, unknown> | null; willRetry: boolean },
): Promise<void> {
  await tx.query(lockRun(tenantId, runId));
  await tx.query(insertRunEvent(tenantId, runId, "failed", attempt, boundedResult(failure.result), truncate(failure.error)));
  if (failure.willRetry) await tx.query(insertRunEvent(tenantId, runId, "queued", attempt + 1));
}

/**
 * The message kept for a failure. PostgreSQL's messages may quote the offending value (a name,
 * an address), so a database error keeps only its SQLSTATE and constraint; a Problem keeps its
 * stable code; other errors keep name and message, which job authors keep free of personal data.
 */
export function describeError(error: unknown): string {
  if (error instanceof Problem) return truncate(`${error.code}: ${error.titleEn}`);
  if (error instanceof Error) {
    const db = error as Error & { code?: unknown; severity?: unknown; constraint?: unknown };
    if (typeof db.code === "string" && typeof db.severity === "string") {
      return truncate(`database error ${db.code}${typeof db.constraint === "string" ? ` (constraint ${db.constraint})` : ""}`);
    }
    return truncate(`${error.name}: ${error.message}`);
  }
  return "a non-Error value was thrown";
}

function truncate(text: string): string {
  return text.length <= ERROR_MAX ? text : `${text.slice(0, ERROR_MAX - 1)}…`;
}

/** Results are summaries; an oversized one is replaced by a note rather than stored. */
export function boundedResult(result: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (result === null || result === undefined) return null;
  const bytes = Buffer.byteLength(JSON.stringify(result));
  return bytes <= RESULT_MAX_BYTES ? result : { omitted: `result of ${bytes} bytes exceeds ${RESULT_MAX_BYTES}` };
}

interface HeaderRow {
  tenant_id: string;
  run_id: string;
  job_name: string;
  trigger: RunTrigger;
  requested_by: string;
  queued_at: Date;
}

interface EventRow {
  tenant_id: string;
  run_id: string;
  state: RunState;
  attempt: number;
  at: Date;
  result: Record<string, unknown> | null;
  error: string | null;
}

async function withEvents(tx: Tx, headers: HeaderRow[]): Promise<JobRun[]> {
  if (!headers.length) return [];
  const keys = headers.map((h) => ({ tenantId: h.tenant_id, runId: h.run_id }));
  const events = new Map<string, RunEvent[]>();
  for (const e of (await tx.query<EventRow>(runEvents(keys))).rows) {
    const key = `${e.tenant_id}/${e.run_id}`;
    const list = events.get(key) ?? [];
    list.push({ state: e.state, attempt: e.attempt, at: e.at, result: e.result, error: e.error });
    events.set(key, list);
  }
  return headers.map((h) => {
    const header: RunHeader = {
      tenantId: h.tenant_id,
      runId: h.run_id,
      job: h.job_name,
      trigger: h.trigger,
      requestedBy: h.requested_by,
      queuedAt: h.queued_at,
    };
    return summarizeRun(header, events.get(`${h.tenant_id}/${h.run_id}`) ?? []);
  });
}

export async function findRuns(tx: Tx, filter: RunFilter): Promise<JobRun[]> {
  return withEvents(tx, (await tx.query<HeaderRow>(listRuns(filter))).rows);
}

export async function getRun(tx: Tx, tenantId: string, runId: string): Promise<JobRun | undefined> {
  return (await findRuns(tx, { tenantId, runId, limit: 1 }))[0];
}

export async function latestRuns(tx: Tx, tenantId: string, jobNames: readonly string[]): Promise<Map<string, JobRun>> {
  const runs = await withEvents(tx, (await tx.query<HeaderRow>(latestRunPerJob(tenantId, jobNames))).rows);
  return new Map(runs.map((r) => [r.job, r]));
}
