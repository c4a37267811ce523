// ジョブキュー (job queue): pg-boss, the PostgreSQL-backed queue that carries runs. It connects
// as the database owner, because it creates and migrates its own schema and runs its own
// maintenance; the work of a job never runs on that connection (see runner.ts). Runs are queued
// inside the requester's own transaction (application or operator role), together with the run
// history, so a run is recorded if and only if it is queued: those two roles may therefore
// insert jobs, and nothing else, in the queue's schema.
import PgBoss from "pg-boss";
import type { Tx } from "../db/database.ts";
import { APP_ROLE, OPERATOR_ROLE } from "../db/roles.ts";
import { Problem } from "../http/problem.ts";
import { runQueue, tickQueue, type JobCatalog } from "./job-catalog.ts";

/** pg-boss's schema in the platform database. */
export const JOBS_SCHEMA = "pgboss";
/** Time zone of every job's cron expression (JobDefinition.cron). */
export const JOBS_TIME_ZONE = "Asia/Tokyo";

/** What a run's queue job carries: ids only. */
export interface RunJobData {
  runId: string;
  tenantId: string;
}

export interface RetryPolicy {
  /** Retries after the first attempt (default 3). */
  retryLimit: number;
  /** Delay before the first retry, in seconds; doubled (with jitter) per retry when backing off (default 60). */
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** An attempt still running after this long is failed and retried (default 1 h; pg-boss caps it below 24 h). */
  expireInSeconds: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retryLimit: 3, retryDelaySeconds: 60, retryBackoff: true, expireInSeconds: 3600 };

// Only queues jobs into caller-given transactions: it never opens a connection of its own.
let sender: PgBoss | undefined;
function queueSender(): PgBoss {
  sender ??= new PgBoss({
    schema: JOBS_SCHEMA,
    db: { executeSql: () => Promise.reject(new Error("the job sender runs only in a caller's transaction")) },
    schedule: false,
    supervise: false,
    migrate: false,
  });
  return sender;
}

export const jobsUnavailable = () =>
  new Problem(503, "jobs-unavailable", "The job queue is not installed yet; start the job runner once",
    "ジョブキューが準備できていません");

const QUEUE_NOT_INSTALLED = new Set(["3F000", "42P01", "42501"]);

/** Queues one run in the caller's transaction; the queue job's id is the run id. */
export async function sendRun(tx: Tx, job: string, data: RunJobData): Promise<void> {
  let id: string | null;
  try {
    id = await queueSender().send(runQueue(job), { ...data }, {
      id: data.runId,
      db: { executeSql: (text, values) => tx.query(text, values) },
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && QUEUE_NOT_INSTALLED.has(code)) throw jobsUnavailable();
    throw error;
  }
  // pg-boss inserts nothing when the job's queue does not exist.
  if (id !== data.runId) throw jobsUnavailable();
}

export interface QueueClientOptions {
  ownerUrl: string;
  pollingIntervalSeconds: number;
  cronMonitorIntervalSeconds: number;
  onError(error: Error): void;
}

export function createQueueClient(options: QueueClientOptions): PgBoss {
  const boss = new PgBoss({
    connectionString: options.ownerUrl,
    schema: JOBS_SCHEMA,
    application_name: "kyodo-jobs",
    max: 4,
    pollingIntervalSeconds: options.pollingIntervalSeconds,
    cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds,
    cronWorkerIntervalSeconds: Math.max(1, Math.min(5, Math.round(options.pollingIntervalSeconds))),
  });
  boss.on("error", options.onError);
  return boss;
}

/**
 * After pg-boss has installed or migrated its schema: lets the application and operator roles
 * queue jobs, creates a queue per job (and a tick queue per scheduled job), and makes the cron
 * schedules match the catalog. Idempotent; run at every start.
 */
export async function installQueues(boss: PgBoss, catalog: JobCatalog, retry: RetryPolicy): Promise<void> {
  // Identifiers are constants. pg-boss's insert reads the queue's settings and returns the new
  // job's id, hence SELECT on queue and on job.id only. One statement under a transaction-scoped
  // lock, because concurrent GRANTs on one object fail when several instances start together.
  await boss.getDb().executeSql(
    `DO $$ BEGIN
       PERFORM pg_advisory_xact_lock(4242003);
       GRANT USAGE ON SCHEMA ${JOBS_SCHEMA} TO ${APP_ROLE}, ${OPERATOR_ROLE};
       GRANT SELECT ON ${JOBS_SCHEMA}.queue TO ${APP_ROLE}, ${OPERATOR_ROLE};
       GRANT INSERT, SELECT (id) ON ${JOBS_SCHEMA}.job TO ${APP_ROLE}, ${OPERATOR_ROLE};
     END $$`,
    [],
  );

  const queueOptions = {
    retryLimit: retry.retryLimit,
    retryDelay: retry.retryDelaySeconds,
    retryBackoff: retry.retryBackoff,
    expireInSeconds: retry.expireInSeconds,
  };
  const scheduled = new Set<string>();
  for (const { definition } of catalog.values()) {
    const queue = runQueue(definition.name);
    await boss.createQueue(queue, { name: queue, ...queueOptions });
    await boss.updateQueue(queue, { name: queue, ...queueOptions });
    if (definition.cron) {
      const tick = tickQueue(definition.name);
      await boss.createQueue(tick, { name: tick, ...queueOptions });
      await boss.schedule(tick, definition.cron, {}, { tz: JOBS_TIME_ZONE });
      scheduled.add(tick);
    }
  }
  for (const schedule of await boss.getSchedules()) {
    if (schedule.name.endsWith("/tick") && !scheduled.has(schedule.name)) await boss.unschedule(schedule.name);
  }
}
