import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addOperator, addStaff, addTenants, PASSWORD, TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { login, type Session } from "../../../test/support/http.ts";
import type { AreaDefinition, JobDefinition } from "../contract.ts";
import { startJobs, type JobRunner } from "./runner.ts";
import { PLATFORM_RUNS } from "./job-catalog.ts";

const DEADLINE_MS = 20_000;

const tally: JobDefinition = {
  name: "test.tally",
  label: "テスト用ジョブ",
  description: "counts the municipality's staff",
  resultLabels: { staff: "職員数" },
  perTenant: true,
  async run({ tenantId, platform }) {
    const n = (await platform.db.withTenant(tenantId, (tx) => tx.query("SELECT 1 FROM staff_account"))).rowCount;
    return { staff: n };
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

const platformOnly: JobDefinition = {
  name: "test.platform-sweep",
  label: "テスト用ジョブ",
  description: "one run for the whole platform",
  perTenant: false,
  async run() {
    return { swept: true };
  },
};

const testArea: AreaDefinition = { id: "test", name: "テスト", jobs: [tally, alwaysFails, platformOnly] };

let t: TestPlatform;
let runner: JobRunner;
let app: FastifyInstance;
let adminA: Session;
let adminB: Session;
let clerkA: Session;
let operator: Session;

beforeAll(async () => {
  t = await createTestPlatform([testArea]);
  await addTenants(t.db);
  await addStaff(t.db, TOWN_A.id, "admin-a", { platform: ["admin"] });
  await addStaff(t.db, TOWN_A.id, "clerk-a", { platform: ["read"] });
  await addStaff(t.db, TOWN_B.id, "admin-b", { platform: ["admin"] });
  await addOperator(t.db, "ops-jobs");
  runner = await startJobs(t.platform, { pollingIntervalSeconds: 0.5, retryLimit: 2, retryDelaySeconds: 1, retryBackoff: true });
  app = await t.app();
  adminA = await login(app, "admin-a", PASSWORD, TOWN_A.id);
  clerkA = await login(app, "clerk-a", PASSWORD, TOWN_A.id);
  adminB = await login(app, "admin-b", PASSWORD, TOWN_B.id);
  operator = await login(app, "ops-jobs", PASSWORD);
});
afterAll(async () => {
  await runner?.stop();
  await t?.close();
});

async function startRun(session: Session, job: string): Promise<string> {
  const response = await session.request({ method: "POST", url: `/api/jobs/${job}/run` });
  expect(response.statusCode, response.body).toBe(202);
  return response.json().runId as string;
}

describe("a municipality's jobs over HTTP", () => {
  it("a failing job is retried and its failed attempts are listed with the error", async () => {
    const runId = await startRun(adminA, alwaysFails.name);
    await runner.waitForRun(runId, DEADLINE_MS, TOWN_A.id);

    const response = await adminA.request({ method: "GET", url: `/api/jobs/runs?job=${alwaysFails.name}&state=failed` });
    expect(response.statusCode).toBe(200);
    const runs = response.json();
    expect(runs.map((r: { runId: string }) => r.runId)).toEqual([runId]);
    expect(runs[0]).toMatchObject({ state: "failed", attempt: 3, error: "Error: the upstream system refused the batch", trigger: "manual" });
    expect(runs[0].attempts).toHaveLength(3);
    for (const attempt of runs[0].attempts) {
      expect(attempt).toMatchObject({ state: "failed", error: "Error: the upstream system refused the batch" });
      expect(Date.parse(attempt.finishedAt)).toBeGreaterThanOrEqual(Date.parse(attempt.startedAt));
    }

    const jobs = (await adminA.request({ method: "GET", url: "/api/jobs" })).json();
    expect(jobs.find((j: { name: string }) => j.name === alwaysFails.name).lastRun).toMatchObject({ runId, state: "failed" });
  });

  it("starting a job is audited in the municipality's chain with the run id", async () => {
    const runId = await startRun(adminA, tally.name);
    const audited = await t.db.withTenant(TOWN_A.id, async (tx) =>
      (await tx.query("SELECT actor, action FROM audit_log WHERE subject = $1", [`job-run:${runId}`])).rows,
    );
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ action: "jobs.run-requested" });
    expect(audited[0].actor).toMatch(/^staff:/);
    await runner.waitForRun(runId, DEADLINE_MS, TOWN_A.id);
  });

  it("lists the per-tenant jobs with their last run, and not the platform's jobs", async () => {
    const runId = await startRun(adminB, tally.name);
    await runner.waitForRun(runId, DEADLINE_MS, TOWN_B.id);
    const response = await adminB.request({ method: "GET", url: "/api/jobs" });
    expect(response.statusCode).toBe(200);
    const jobs = response.json() as { name: string; perTenant: boolean; lastRun: { runId: string; result: unknown } | null }[];
    expect(jobs.every((j) => j.perTenant)).toBe(true);
    expect(jobs.map((j) => j.name)).not.toContain(platformOnly.name);
    expect(jobs.map((j) => j.name)).not.toContain("audit.verify");
    expect(jobs.find((j) => j.name === tally.name)!.lastRun).toMatchObject({ runId, result: { staff: 1 } });
    expect(jobs.find((j) => j.name === alwaysFails.name)!.lastRun).toBeNull();
  });

  it("runs of town A are invisible to town B", async () => {
    const runA = await startRun(adminA, tally.name);
    const runB = await startRun(adminB, tally.name);
    await runner.waitForRun(runA, DEADLINE_MS, TOWN_A.id);
    await runner.waitForRun(runB, DEADLINE_MS, TOWN_B.id);

    const listB = (await adminB.request({ method: "GET", url: "/api/jobs/runs?limit=500" })).json() as { runId: string; tenantId: string }[];
    expect(listB.map((r) => r.runId)).toContain(runB);
    expect(listB.map((r) => r.runId)).not.toContain(runA);
    expect(new Set(listB.map((r) => r.tenantId))).toEqual(new Set([TOWN_B.id]));

    const direct = await adminB.request({ method: "GET", url: `/api/jobs/runs/${runA}` });
    expect(direct.statusCode).toBe(404);
    const own = await adminA.request({ method: "GET", url: `/api/jobs/runs/${runA}` });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ runId: runA, state: "succeeded", result: { staff: 2 } });
  });

  it("only the municipality's administrators may see or start jobs, and platform jobs are not theirs", async () => {
    expect((await clerkA.request({ method: "GET", url: "/api/jobs/runs" })).statusCode).toBe(403);
    expect((await clerkA.request({ method: "POST", url: `/api/jobs/${tally.name}/run` })).statusCode).toBe(403);
    const platformJob = await adminA.request({ method: "POST", url: `/api/jobs/${platformOnly.name}/run` });
    expect(platformJob.statusCode).toBe(404);
    expect(platformJob.json().code).toBe("unknown-job");
    expect((await adminA.request({ method: "POST", url: "/api/jobs/test.nothing/run" })).json().code).toBe("unknown-job");
    const badState = await adminA.request({ method: "GET", url: "/api/jobs/runs?state=exploded" });
    expect(badState.statusCode).toBe(400);
    expect(badState.headers["content-type"]).toContain("application/problem+json");
  });
});

describe("the operator's view of jobs", () => {
  it("the operator sees runs of both towns and of the platform, and the access is audited", async () => {
    const runA = await startRun(adminA, tally.name);
    const runB = await startRun(adminB, tally.name);
    const started = await operator.request({ method: "POST", url: `/api/operator/jobs/${platformOnly.name}/run`, payload: {} });
    expect(started.statusCode, started.body).toBe(202);
    const runP = started.json().runId as string;
    await runner.waitForRun(runA, DEADLINE_MS, TOWN_A.id);
    await runner.waitForRun(runB, DEADLINE_MS, TOWN_B.id);
    await runner.waitForRun(runP, DEADLINE_MS);

    const before = await t.db.owner.query("SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = 'platform' AND action = 'jobs.runs-listed'");
    const response = await operator.request({ method: "GET", url: "/api/operator/jobs/runs?limit=500" });
    expect(response.statusCode).toBe(200);
    const runs = response.json() as { runId: string; tenantId: string; state: string }[];
    expect(runs.find((r) => r.runId === runA)).toMatchObject({ tenantId: TOWN_A.id, state: "succeeded" });
    expect(runs.find((r) => r.runId === runB)).toMatchObject({ tenantId: TOWN_B.id, state: "succeeded" });
    expect(runs.find((r) => r.runId === runP)).toMatchObject({ tenantId: PLATFORM_RUNS, state: "succeeded" });

    const audit = await t.db.owner.query(
      "SELECT actor FROM audit_log WHERE tenant_id = 'platform' AND action = 'jobs.runs-listed' ORDER BY seq",
    );
    expect(audit.rows.length).toBe(before.rows[0].n + 1);
    expect(audit.rows.at(-1)!.actor).toMatch(/^operator:/);
    const startAudited = await t.db.owner.query(
      "SELECT actor FROM audit_log WHERE tenant_id = 'platform' AND action = 'jobs.run-requested' AND subject = $1",
      [`job-run:${runP}`],
    );
    expect(startAudited.rows).toHaveLength(1);

    const onlyB = (await operator.request({ method: "GET", url: `/api/operator/jobs/runs?tenantId=${TOWN_B.id}&limit=500` })).json();
    expect(new Set(onlyB.map((r: { tenantId: string }) => r.tenantId))).toEqual(new Set([TOWN_B.id]));
  });

  it("the operator starts a per-tenant job for a named municipality only", async () => {
    const missing = await operator.request({ method: "POST", url: `/api/operator/jobs/${tally.name}/run`, payload: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe("job-needs-tenant");
    const unknownTown = await operator.request({ method: "POST", url: `/api/operator/jobs/${tally.name}/run`, payload: { tenantId: "999999" } });
    expect(unknownTown.statusCode).toBe(404);
    const started = await operator.request({ method: "POST", url: `/api/operator/jobs/${tally.name}/run`, payload: { tenantId: TOWN_B.id } });
    expect(started.statusCode).toBe(202);
    const run = await runner.waitForRun(started.json().runId, DEADLINE_MS, TOWN_B.id);
    expect(run).toMatchObject({ tenantId: TOWN_B.id, state: "succeeded", result: { staff: 1 } });
    expect(run.requestedBy).toMatch(/^operator:/);
  });

  it("the operator lists every job definition, platform-wide and per municipality, sorted by name, without an audit entry", async () => {
    const audited = async () => (await t.db.owner.query("SELECT count(*)::int AS n FROM audit_log")).rows[0].n as number;
    const before = await audited();
    const response = await operator.request({ method: "GET", url: "/api/operator/jobs" });
    expect(response.statusCode, response.body).toBe(200);
    const jobs = response.json() as { name: string; area: string; description: string; perTenant: boolean; cron: string | null }[];
    const declared = t.platform.areas.flatMap((a) => a.jobs ?? []).map((j) => j.name).sort();
    expect(jobs.map((j) => j.name)).toEqual(declared);
    expect(jobs.find((j) => j.name === tally.name)).toEqual({
      name: tally.name,
      area: testArea.id,
      label: tally.label,
      description: tally.description,
      resultLabels: { staff: "職員数" },
      perTenant: true,
      cron: null,
    });
    expect(jobs.find((j) => j.name === platformOnly.name)).toMatchObject({ perTenant: false, area: testArea.id });
    expect(jobs.find((j) => j.name === "audit.verify")).toMatchObject({ perTenant: false, area: "audit", cron: "0 3 * * *" });
    // The catalog is code, not any municipality's data: reading it leaves no trace to audit.
    expect(await audited()).toBe(before);
  });

  it("staff cannot reach the operator's job routes", async () => {
    expect((await adminA.request({ method: "GET", url: "/api/operator/jobs" })).statusCode).toBe(403);
    expect((await adminA.request({ method: "GET", url: "/api/operator/jobs/runs" })).statusCode).toBe(403);
    expect((await adminA.request({ method: "POST", url: `/api/operator/jobs/${tally.name}/run`, payload: {} })).statusCode).toBe(403);
  });
});
