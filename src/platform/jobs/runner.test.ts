import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addStaff, addTenants, TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import type { AreaDefinition, JobDefinition } from "../contract.ts";
import { withOperator } from "../audit/operator.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { startJobs, type JobRunner } from "./runner.ts";
import { findRuns, getRun } from "./run-history.ts";
import { tickRunId } from "./enqueue.ts";
import { JOBS_SCHEMA } from "./job-queue.ts";
import { PLATFORM_RUNS } from "./job-catalog.ts";

const TOWN_C = { id: "143413", name: "大磯町", nameKana: "オオイソマチ" };
const DEADLINE_MS = 20_000;

/** Polls a condition until it holds or the deadline passes (the workers run in the background). */
async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = DEADLINE_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(50);
  }
}

// Each run reports which tenants' staff rows it could see: RLS must narrow it to its own.
const countStaff: JobDefinition = {
  name: "test.count-staff",
  label: "テスト用ジョブ",
  description: "counts the municipality's staff",
  cron: "* * * * *",
  perTenant: true,
  async run({ tenantId, platform }) {
    const rows = (await platform.db.withTenant(tenantId, (tx) => tx.query("SELECT tenant_id FROM staff_account"))).rows;
    return { staff: rows.length, tenants: [...new Set(rows.map((r) => r.tenant_id as string))] };
  },
};

const attemptsSeen = new Map<string, number>();
const failsOnce: JobDefinition = {
  name: "test.fails-once",
  label: "テスト用ジョブ",
  description: "fails its first attempt, then succeeds",
  perTenant: true,
  async run({ tenantId }) {
    const n = (attemptsSeen.get(tenantId) ?? 0) + 1;
    attemptsSeen.set(tenantId, n);
    if (n === 1) throw new Error("the upstream system refused the batch");
    return { attempt: n };
  },
};

const alwaysFails: JobDefinition = {
  name: "test.always-fails",
  label: "テスト用ジョブ",
  description: "never succeeds",
  perTenant: true,
  async run() {
    throw new Error("the upstream system refused the batch");
  },
};

let releaseSlow: () => void = () => {};
let slowStarted: () => void = () => {};
const slowStartedSignal = new Promise<void>((resolve) => (slowStarted = resolve));
const slow: JobDefinition = {
  name: "test.slow",
  label: "テスト用ジョブ",
  description: "waits until the test lets it finish",
  perTenant: true,
  async run() {
    slowStarted();
    await new Promise<void>((resolve) => (releaseSlow = resolve));
    return { finished: true };
  },
};

const testArea: AreaDefinition = { id: "test", name: "テスト", jobs: [countStaff, failsOnce, alwaysFails, slow] };

let t: TestPlatform;
let runner: JobRunner;

beforeAll(async () => {
  t = await createTestPlatform([testArea]);
  await addTenants(t.db, TOWN_A, TOWN_B, TOWN_C);
  await addStaff(t.db, TOWN_A.id, "clerk-a1", { platform: ["read"] });
  await addStaff(t.db, TOWN_A.id, "clerk-a2", { platform: ["read"] });
  await addStaff(t.db, TOWN_B.id, "clerk-b1", { platform: ["read"] });
  await addStaff(t.db, TOWN_C.id, "clerk-c1", { platform: ["read"] });
  await withOperator(t.db, { actor: "system:test", action: "tenancy.tenant-suspended", subject: `tenant:${TOWN_C.id}` }, (tx) =>
    tx.query("UPDATE tenant SET status = 'suspended' WHERE id = $1", [TOWN_C.id]),
  );
  await t.db.withTenant(TOWN_A.id, (tx) => appendAudit(tx, { actor: "system:test", action: "test.recorded" }));
  runner = await startJobs(t.platform, {
    pollingIntervalSeconds: 0.5,
    cronMonitorIntervalSeconds: 1,
    retryLimit: 2,
    retryDelaySeconds: 1,
    retryBackoff: true,
  });
});
afterAll(async () => {
  await runner?.stop();
  await t?.close();
});

describe("scheduled per-tenant jobs", () => {
  it("a scheduled tick fans out one run per active municipality, and each run sees only its own rows", async () => {
    const tick = await eventually(async () => {
      const r = await t.db.owner.query(
        `SELECT id FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND state = 'completed' ORDER BY created_on LIMIT 1`,
        [`${countStaff.name}/tick`],
      );
      return r.rows[0]?.id as string | undefined;
    }, "a completed schedule tick");

    const runs = await Promise.all(
      [TOWN_A, TOWN_B].map((town) => runner.waitForRun(tickRunId(tick, town.id), DEADLINE_MS, town.id)),
    );
    expect(runs.map((r) => [r.tenantId, r.state, r.trigger, r.requestedBy])).toEqual([
      [TOWN_A.id, "succeeded", "schedule", "system:schedule"],
      [TOWN_B.id, "succeeded", "schedule", "system:schedule"],
    ]);
    expect(runs[0]!.result).toEqual({ staff: 2, tenants: [TOWN_A.id] });
    expect(runs[1]!.result).toEqual({ staff: 1, tenants: [TOWN_B.id] });

    // Exactly those two: the suspended municipality got no run from this tick.
    const ofTick = await t.db.owner.query("SELECT tenant_id FROM job_run WHERE run_id = ANY($1::uuid[]) ORDER BY tenant_id", [
      [TOWN_A, TOWN_B, TOWN_C].map((town) => tickRunId(tick, town.id)),
    ]);
    expect(ofTick.rows.map((r) => r.tenant_id)).toEqual([TOWN_A.id, TOWN_B.id]);
    const suspended = await t.db.owner.query("SELECT count(*)::int AS n FROM job_run WHERE tenant_id = $1", [TOWN_C.id]);
    expect(suspended.rows[0].n).toBe(0);
  });
});

describe("failures and retries", () => {
  it("a failed attempt is retried by the queue, and the history keeps the failed attempt with its error", async () => {
    const runId = await runner.runNow(failsOnce.name, TOWN_A.id);
    const run = await runner.waitForRun(runId, DEADLINE_MS, TOWN_A.id);
    expect(run.state).toBe("succeeded");
    expect(run.result).toEqual({ attempt: 2 });
    expect(run.attempts.map((a) => [a.attempt, a.state, a.error])).toEqual([
      [1, "failed", "Error: the upstream system refused the batch"],
      [2, "succeeded", null],
    ]);
    // Every state change was appended: nothing was overwritten.
    const events = await t.db.withTenant(TOWN_A.id, async (tx) =>
      (await tx.query("SELECT state, attempt FROM job_run_event WHERE run_id = $1 ORDER BY seq", [runId])).rows,
    );
    expect(events).toEqual([
      { state: "queued", attempt: 1 },
      { state: "running", attempt: 1 },
      { state: "failed", attempt: 1 },
      { state: "queued", attempt: 2 },
      { state: "running", attempt: 2 },
      { state: "succeeded", attempt: 2 },
    ]);
  });

  it("a job that keeps failing ends failed after the retry limit, with every attempt recorded", async () => {
    const runId = await runner.runNow(alwaysFails.name, TOWN_B.id);
    const run = await runner.waitForRun(runId, DEADLINE_MS, TOWN_B.id);
    expect(run.state).toBe("failed");
    expect(run.error).toBe("Error: the upstream system refused the batch");
    expect(run.attempts.map((a) => [a.attempt, a.state])).toEqual([
      [1, "failed"],
      [2, "failed"],
      [3, "failed"],
    ]);
  });

  it("the run history cannot be rewritten by the application role", async () => {
    await expect(
      t.db.withTenant(TOWN_A.id, (tx) => tx.query("UPDATE job_run_event SET state = 'succeeded' WHERE state = 'failed'")),
    ).rejects.toThrow(/permission denied/);
    await expect(t.db.withTenant(TOWN_A.id, (tx) => tx.query("DELETE FROM job_run_event"))).rejects.toThrow(/permission denied/);
  });

  it("the application role may put jobs on the queue but not read or change them", async () => {
    await expect(t.db.withTenant(TOWN_A.id, (tx) => tx.query(`SELECT data FROM ${JOBS_SCHEMA}.job`))).rejects.toThrow(
      /permission denied/,
    );
    await expect(
      t.db.withTenant(TOWN_A.id, (tx) => tx.query(`UPDATE ${JOBS_SCHEMA}.job SET state = 'completed'`)),
    ).rejects.toThrow(/permission denied/);
  });

  it("a per-tenant job needs a municipality and a platform job refuses one", async () => {
    await expect(runner.runNow(countStaff.name)).rejects.toMatchObject({ code: "job-needs-tenant" });
    await expect(runner.runNow("audit.verify", TOWN_A.id)).rejects.toMatchObject({ code: "platform-job" });
    await expect(runner.runNow("test.no-such-job", TOWN_A.id)).rejects.toMatchObject({ code: "unknown-job" });
    await expect(runner.runNow(countStaff.name, TOWN_C.id)).rejects.toMatchObject({ code: "unknown-tenant" });
  });
});

describe("audit.verify (監査ログ検証)", () => {
  it("is scheduled daily at 03:00 Japan time", async () => {
    const schedules = await t.db.owner.query(`SELECT cron, timezone FROM ${JOBS_SCHEMA}.schedule WHERE name = 'audit.verify/tick'`);
    expect(schedules.rows).toEqual([{ cron: "0 3 * * *", timezone: "Asia/Tokyo" }]);
  });

  it("succeeds on an intact log, as a platform run visible to no municipality", async () => {
    const runId = await runner.runNow("audit.verify");
    const run = await runner.waitForRun(runId, DEADLINE_MS);
    expect(run).toMatchObject({ tenantId: PLATFORM_RUNS, state: "succeeded", error: null });
    expect(run.result).toMatchObject({ ok: true, problems: [] });
    expect(run.result!.entries).toBeGreaterThan(0);
    const seenByTownA = await t.db.withTenant(TOWN_A.id, (tx) => getRun(tx, TOWN_A.id, runId));
    expect(seenByTownA).toBeUndefined();
    const unscoped = await t.db.withTenant(TOWN_A.id, (tx) => findRuns(tx, { tenantId: null, limit: 500 }));
    expect(unscoped.every((r) => r.tenantId === TOWN_A.id)).toBe(true);
    // The verification used the operator role, so it is in the platform audit chain.
    const audited = await t.db.owner.query(
      "SELECT actor FROM audit_log WHERE tenant_id = 'platform' AND action = 'audit.verified' ORDER BY seq",
    );
    expect(audited.rows.map((r) => r.actor)).toContain("system:job:audit.verify");
  });

  it("fails, naming the first bad entry and without retrying, after an entry is edited in the database", async () => {
    await t.db.owner.query("UPDATE audit_log SET action = 'tampered' WHERE tenant_id = $1 AND seq = 1", [TOWN_A.id]);
    const runId = await runner.runNow("audit.verify");
    const run = await runner.waitForRun(runId, DEADLINE_MS);
    expect(run.state).toBe("failed");
    expect(run.result).toMatchObject({ ok: false, problems: [expect.objectContaining({ chain: TOWN_A.id, seq: "1", reason: "hash-mismatch" })] });
    expect(run.error).toBe(`JobFailure: audit log not intact: chain ${TOWN_A.id}, entry 1: hash-mismatch`);
    expect(run.attempts).toHaveLength(1);
  });
});

describe("stopping", () => {
  it("stop waits for the run in progress to be recorded, then closes the queue's connections", async () => {
    const runId = await runner.runNow(slow.name, TOWN_A.id);
    await slowStartedSignal;
    const stopped = runner.stop();
    releaseSlow();
    await stopped;
    const run = await t.db.withTenant(TOWN_A.id, (tx) => getRun(tx, TOWN_A.id, runId));
    expect(run?.state).toBe("succeeded");
    await eventually(async () => {
      const r = await t.db.owner.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'kyodo-jobs'",
      );
      return r.rows[0].n === 0 ? true : undefined;
    }, "the job queue's connections to close");
    await expect(runner.stop()).resolves.toBeUndefined();
  });
});
