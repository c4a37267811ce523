// ジョブ実行 (job runner): starts pg-boss, keeps the queues and cron schedules in step with the
// job catalog, fans each scheduled tick of a per-tenant job out into one run per active
// municipality, and executes runs, recording every attempt in the run history.
// Roles: pg-boss's own connection is the owner's (schema, maintenance, fetching); the run
// history is written and a job's work is done as the application role inside withTenant, so
// row-level security holds for batches exactly as for requests. A platform job that must cross
// tenants goes through withOperator itself, and is audited there.
import { setTimeout as delay } from "node:timers/promises";
import type PgBoss from "pg-boss";
import type { Platform } from "../contract.ts";
import { collectJobs, PLATFORM_RUNS, runQueue, runTenant, tickQueue, unknownJob, type CatalogEntry } from "./job-catalog.ts";
import { createQueueClient, DEFAULT_RETRY, installQueues, type RetryPolicy, type RunJobData } from "./job-queue.ts";
import { enqueueRun, newRunId, tickRunId } from "./enqueue.ts";
import { activeTenants } from "./queries.ts";
import { describeError, getRun, recordAttemptStart, recordFailed, recordSucceeded } from "./run-history.ts";
import { isFinished, type JobRun } from "./run-summary.ts";
import { JobFailure } from "./job-failure.ts";

export interface JobRunnerOptions extends Partial<RetryPolicy> {
  /** How often an idle worker looks for work (default 2 s; pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
  /** How often the cron schedules are checked (default 30 s; at most 45 s). */
  cronMonitorIntervalSeconds?: number;
  /** Runs of one job executed at once by this process (default 1). */
  concurrency?: number;
  /** How long stop() waits for runs in progress before the queue fails them for a retry (default 30 s). */
  stopTimeoutMs?: number;
}

export interface JobRunner {
  /** Stops scheduling and fetching, waits for runs in progress, and closes the queue's connections. */
  stop(): Promise<void>;
  /**
   * Queues a run now. Per-tenant jobs need the municipality; platform jobs take none.
   * Returns the run id.
   */
  runNow(name: string, tenantId?: string, requestedBy?: string): Promise<string>;
  /**
   * Resolves with the run once it has succeeded or finally failed; rejects after timeoutMs.
   * tenantId is the run's municipality (omit for a platform job's run).
   */
  waitForRun(runId: string, timeoutMs: number, tenantId?: string): Promise<JobRun>;
}

const SYSTEM_ACTOR = "system:jobs";
const WAIT_POLL_MS = 50;

export async function startJobs(platform: Platform, options: JobRunnerOptions = {}): Promise<JobRunner> {
  const catalog = collectJobs(platform.areas);
  const log = platform.log.child({ area: "jobs" });
  const db = platform.db;
  const retry: RetryPolicy = {
    retryLimit: options.retryLimit ?? DEFAULT_RETRY.retryLimit,
    retryDelaySeconds: options.retryDelaySeconds ?? DEFAULT_RETRY.retryDelaySeconds,
    retryBackoff: options.retryBackoff ?? DEFAULT_RETRY.retryBackoff,
    expireInSeconds: options.expireInSeconds ?? DEFAULT_RETRY.expireInSeconds,
  };
  const boss = createQueueClient({
    ownerUrl: db.urls.owner,
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
    cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds ?? 30,
    // pg-boss's errors are connection and SQL failures of its own; log their kind only.
    onError: (error) => log.error({ error: { name: error.name, code: (error as { code?: unknown }).code } }, "job queue error"),
  });
  await boss.start();
  const runWorkers = new Map<string, string[]>();
  try {
    await installQueues(boss, catalog, retry);
    for (const entry of catalog.values()) {
      const name = entry.definition.name;
      const ids: string[] = [];
      for (let i = 0; i < Math.max(1, options.concurrency ?? 1); i++) {
        ids.push(
          await boss.work<RunJobData>(runQueue(name), { batchSize: 1, includeMetadata: true }, ([job]) => execute(entry, job!)),
        );
      }
      runWorkers.set(name, ids);
      if (entry.definition.cron) {
        await boss.work(tickQueue(name), { batchSize: 1 }, ([job]) => fanOut(entry, job!.id));
      }
    }
  } catch (error) {
    await boss.stop({ graceful: false });
    throw error;
  }

  function wake(job: string): void {
    for (const id of runWorkers.get(job) ?? []) boss.notifyWorker(id);
  }

  async function execute(entry: CatalogEntry, job: PgBoss.JobWithMetadata<RunJobData>): Promise<unknown> {
    const { definition } = entry;
    const { runId, tenantId } = job.data;
    const attempt = job.retryCount + 1;
    const runLog = log.child({ job: definition.name, runId, tenantId, attempt });
    const start = await db.withTenant(tenantId, (tx) => recordAttemptStart(tx, tenantId, runId, attempt), SYSTEM_ACTOR);
    if (start !== "started") {
      runLog.warn({ reason: start }, "queued job not run");
      return { skipped: start };
    }
    try {
      const result = await definition.run({ tenantId, platform, log: runLog });
      await db.withTenant(tenantId, (tx) => recordSucceeded(tx, tenantId, runId, attempt, result ?? null), SYSTEM_ACTOR);
      runLog.info("job run succeeded");
      return { state: "succeeded" };
    } catch (error) {
      const final = error instanceof JobFailure;
      const willRetry = !final && job.retryCount < job.retryLimit;
      await db.withTenant(
        tenantId,
        (tx) =>
          recordFailed(tx, tenantId, runId, attempt, {
            error: describeError(error),
            result: final ? error.summary : null,
            willRetry,
          }),
        SYSTEM_ACTOR,
      );
      runLog.warn({ willRetry, error: { name: error instanceof Error ? error.name : typeof error } }, "job run failed");
      // A JobFailure is an outcome, not a fault: the queue job completes and is not retried.
      if (final) return { state: "failed" };
      // pg-boss keeps what it is given as the job's output, cause included: ids only, never the
      // job's own message, which is already in the run history in its sanitised form.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(`run ${runId} attempt ${attempt} failed`);
    }
  }

  async function fanOut(entry: CatalogEntry, tickId: string): Promise<void> {
    const { definition } = entry;
    const tenants = definition.perTenant
      ? await db.withoutTenant(async (tx) => (await tx.query<{ id: string }>(activeTenants())).rows.map((r) => r.id))
      : [PLATFORM_RUNS];
    let queued = 0;
    for (const tenantId of tenants) {
      const runId = tickRunId(tickId, tenantId);
      const run = { tenantId, runId, job: definition.name, trigger: "schedule" as const, requestedBy: "system:schedule" };
      if (await db.withTenant(tenantId, (tx) => enqueueRun(tx, run), SYSTEM_ACTOR)) queued++;
    }
    log.info({ job: definition.name, queued, tenants: tenants.length }, "scheduled job fanned out");
    wake(definition.name);
  }

  let stopping: Promise<void> | undefined;
  return {
    async runNow(name, tenantId, requestedBy = SYSTEM_ACTOR) {
      const entry = catalog.get(name);
      if (!entry) throw unknownJob();
      const runTenantId = runTenant(entry.definition, tenantId);
      const runId = newRunId();
      await db.withTenant(
        runTenantId,
        (tx) => enqueueRun(tx, { tenantId: runTenantId, runId, job: name, trigger: "manual", requestedBy }),
        requestedBy,
      );
      wake(name);
      return runId;
    },

    async waitForRun(runId, timeoutMs, tenantId = PLATFORM_RUNS) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const run = await db.withTenant(tenantId, (tx) => getRun(tx, tenantId, runId));
        if (run && isFinished(run.state)) return run;
        if (Date.now() >= deadline) {
          throw new Error(`run ${runId} did not finish within ${timeoutMs} ms (state: ${run?.state ?? "not found"})`);
        }
        await delay(WAIT_POLL_MS);
      }
    },

    stop() {
      stopping ??= boss.stop({ graceful: true, wait: true, timeout: options.stopTimeoutMs ?? 30_000 });
      return stopping;
    },
  };
}
