// 実行依頼 (queueing a run): one transaction records the run as queued and puts its job on the
// queue, so the history never shows a run that will not happen nor misses one that will.
import crypto from "node:crypto";
import type { Tx } from "../db/database.ts";
import { unknownTenant } from "../tenancy/tenants.ts";
import { isActiveTenant } from "./queries.ts";
import { recordQueued, type QueuedRun } from "./run-history.ts";
import { sendRun } from "./job-queue.ts";
import { PLATFORM_RUNS } from "./job-catalog.ts";

/**
 * Queues a run in the caller's transaction: a tenant transaction for the run's own tenant, or an
 * operator transaction. Returns false when the run id was already queued (nothing is done).
 */
export async function enqueueRun(tx: Tx, run: QueuedRun): Promise<boolean> {
  if (run.tenantId !== PLATFORM_RUNS && !(await tx.query(isActiveTenant(run.tenantId))).rowCount) {
    throw unknownTenant();
  }
  if (!(await recordQueued(tx, run))) return false;
  await sendRun(tx, run.job, { runId: run.runId, tenantId: run.tenantId });
  return true;
}

export function newRunId(): string {
  return crypto.randomUUID();
}

/**
 * The run id of one tenant's run from one schedule tick: derived, so that a tick retried after
 * a partial fan-out queues only the runs still missing (RFC 9562 version 8, name-based).
 */
export function tickRunId(tickId: string, tenantId: string): string {
  const bytes = crypto.createHash("sha256").update(`kyodo-job-tick:${tickId}:${tenantId}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
