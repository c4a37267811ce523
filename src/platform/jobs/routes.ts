// ジョブ管理 (jobs) over HTTP: a municipality's administrators see its per-tenant jobs and their
// runs and may start one; operators see every run, platform jobs included (audited), and may
// start any job. Runs are queued in the request's own transaction, so these routes work whether
// or not this process also runs the workers. The operators' list of job definitions reads only
// the code's catalog — no municipality's data, no database — so it is not audited and does not
// use the operator role.
import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type, type Static } from "@sinclair/typebox";
import type { Platform } from "../contract.ts";
import { operatorOf, staffOf } from "../http/access.ts";
import { problems } from "../http/problem.ts";
import { actorOf } from "../identity/principal.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { withOperator } from "../audit/operator.ts";
import { collectJobs, PLATFORM_RUNS, runTenant, unknownJob } from "./job-catalog.ts";
import { enqueueRun, newRunId } from "./enqueue.ts";
import { findRuns, getRun, latestRuns } from "./run-history.ts";
import type { JobRun } from "./run-summary.ts";

const State = Type.Union([Type.Literal("queued"), Type.Literal("running"), Type.Literal("succeeded"), Type.Literal("failed")]);
const Time = Type.String({ format: "date-time" });
const NullableTime = Type.Union([Time, Type.Null()]);

const RunView = Type.Object({
  runId: Type.String({ format: "uuid" }),
  job: Type.String(),
  tenantId: Type.String({ description: "全国地方公共団体コード, or 'platform' for a platform-wide run" }),
  trigger: Type.Union([Type.Literal("schedule"), Type.Literal("manual")]),
  requestedBy: Type.String({ description: "'system:schedule', 'staff:<id>' or 'operator:<id>'" }),
  state: State,
  attempt: Type.Integer({ minimum: 1 }),
  queuedAt: Time,
  startedAt: NullableTime,
  finishedAt: NullableTime,
  result: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  attempts: Type.Array(
    Type.Object({
      attempt: Type.Integer({ minimum: 1 }),
      state: Type.Union([Type.Literal("running"), Type.Literal("succeeded"), Type.Literal("failed")]),
      startedAt: Time,
      finishedAt: NullableTime,
      error: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

/** Japanese names of a run's result keys, from the job's definition. */
const ResultLabels = Type.Record(Type.String(), Type.String(), { description: "Japanese name of each key of a run's result" });

const JobView = Type.Object({
  name: Type.String(),
  area: Type.String(),
  label: Type.String({ description: "the job's Japanese name" }),
  description: Type.String(),
  resultLabels: ResultLabels,
  cron: Type.Union([Type.String({ description: "cron expression, Asia/Tokyo" }), Type.Null()]),
  perTenant: Type.Boolean(),
  lastRun: Type.Union([RunView, Type.Null()]),
});

const DefinitionView = Type.Object({
  name: Type.String(),
  area: Type.String({ description: "the platform area or module that declares the job" }),
  label: Type.String({ description: "the job's Japanese name" }),
  description: Type.String(),
  resultLabels: ResultLabels,
  perTenant: Type.Boolean({ description: "true: one run per municipality; false: one run for the whole platform" }),
  cron: Type.Union([Type.String({ description: "cron expression, Asia/Tokyo" }), Type.Null()]),
});

const RunsQuery = Type.Object({
  job: Type.Optional(Type.String({ maxLength: 100 })),
  state: Type.Optional(State),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
});

const JobName = Type.Object({ name: Type.String({ maxLength: 100 }) });
const Queued = Type.Object({ runId: Type.String({ format: "uuid" }) });

function runView(run: JobRun): Static<typeof RunView> {
  return {
    runId: run.runId,
    job: run.job,
    tenantId: run.tenantId,
    trigger: run.trigger,
    requestedBy: run.requestedBy,
    state: run.state,
    attempt: run.attempt,
    queuedAt: run.queuedAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    result: run.result,
    error: run.error,
    attempts: run.attempts.map((a) => ({
      attempt: a.attempt,
      state: a.state,
      startedAt: a.startedAt.toISOString(),
      finishedAt: a.finishedAt?.toISOString() ?? null,
      error: a.error,
    })),
  };
}

export function jobRoutes(fastify: FastifyInstance, platform: Platform): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const catalog = collectJobs(platform.areas);
  const tenantJobs = [...catalog.values()].filter((e) => e.definition.perTenant);

  app.get(
    "/api/jobs",
    {
      config: { access: { module: "platform", role: "admin" } },
      schema: {
        tags: ["jobs"],
        summary: "The municipality's jobs (ジョブ) with the last run of each",
        response: { 200: Type.Array(JobView) },
      },
    },
    async (req) => {
      const me = staffOf(req);
      const last = await platform.db.withTenant(me.tenantId, (tx) =>
        latestRuns(tx, me.tenantId, tenantJobs.map((e) => e.definition.name)),
      );
      return tenantJobs.map(({ area, definition }) => {
        const run = last.get(definition.name);
        return {
          name: definition.name,
          area,
          label: definition.label,
          description: definition.description,
          resultLabels: definition.resultLabels ?? {},
          cron: definition.cron ?? null,
          perTenant: definition.perTenant,
          lastRun: run ? runView(run) : null,
        };
      });
    },
  );

  app.get(
    "/api/jobs/runs",
    {
      config: { access: { module: "platform", role: "admin" } },
      schema: {
        tags: ["jobs"],
        summary: "The municipality's job runs, newest first, with their attempts and errors",
        querystring: RunsQuery,
        response: { 200: Type.Array(RunView) },
      },
    },
    async (req) => {
      const me = staffOf(req);
      const { job, state, limit } = req.query;
      const runs = await platform.db.withTenant(me.tenantId, (tx) =>
        findRuns(tx, { tenantId: me.tenantId, job: job ?? null, state: state ?? null, limit }),
      );
      return runs.map(runView);
    },
  );

  app.get(
    "/api/jobs/runs/:runId",
    {
      config: { access: { module: "platform", role: "admin" } },
      schema: {
        tags: ["jobs"],
        summary: "One job run of the municipality",
        params: Type.Object({ runId: Type.String({ format: "uuid" }) }),
        response: { 200: RunView },
      },
    },
    async (req) => {
      const me = staffOf(req);
      const run = await platform.db.withTenant(me.tenantId, (tx) => getRun(tx, me.tenantId, req.params.runId));
      if (!run) throw problems.notFound("job run");
      return runView(run);
    },
  );

  app.post(
    "/api/jobs/:name/run",
    {
      config: { access: { module: "platform", role: "admin" } },
      schema: {
        tags: ["jobs"],
        summary: "Run one of the municipality's jobs now (audited)",
        params: JobName,
        response: { 202: Queued },
      },
    },
    async (req, reply) => {
      const me = staffOf(req);
      const entry = catalog.get(req.params.name);
      // A platform job is not the municipality's to start or to know of.
      if (!entry?.definition.perTenant) throw unknownJob();
      const actor = actorOf(me);
      const runId = newRunId();
      await platform.db.withTenant(
        me.tenantId,
        async (tx) => {
          await enqueueRun(tx, { tenantId: me.tenantId, runId, job: entry.definition.name, trigger: "manual", requestedBy: actor });
          await appendAudit(tx, { actor, action: "jobs.run-requested", subject: `job-run:${runId}`, detail: { job: entry.definition.name } });
        },
        actor,
      );
      return reply.status(202).send({ runId });
    },
  );

  app.get(
    "/api/operator/jobs",
    {
      config: { access: { operator: true } },
      schema: {
        tags: ["jobs"],
        summary: "Every job the platform's areas and modules declare, platform-wide and per municipality (operator)",
        response: { 200: Type.Array(DefinitionView) },
      },
    },
    async () =>
      [...catalog.values()]
        .map(({ area, definition }) => ({
          name: definition.name,
          area,
          label: definition.label,
          description: definition.description,
          resultLabels: definition.resultLabels ?? {},
          perTenant: definition.perTenant,
          cron: definition.cron ?? null,
        }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  );

  app.get(
    "/api/operator/jobs/runs",
    {
      config: { access: { operator: true } },
      schema: {
        tags: ["jobs"],
        summary: "Job runs of every municipality and of the platform, newest first (operator; audited)",
        querystring: Type.Composite([
          RunsQuery,
          Type.Object({
            tenantId: Type.Optional(Type.String({ maxLength: 16, description: "a municipality's code, or 'platform'" })),
          }),
        ]),
        response: { 200: Type.Array(RunView) },
      },
    },
    async (req) => {
      const actor = actorOf(operatorOf(req));
      const { tenantId, job, state, limit } = req.query;
      const runs = await withOperator(
        platform.db,
        { actor, action: "jobs.runs-listed", subject: tenantId ? `tenant:${tenantId}` : null, detail: { job: job ?? null } },
        (tx) => findRuns(tx, { tenantId: tenantId ?? null, job: job ?? null, state: state ?? null, limit }),
      );
      return runs.map(runView);
    },
  );

  app.post(
    "/api/operator/jobs/:name/run",
    {
      config: { access: { operator: true } },
      schema: {
        tags: ["jobs"],
        summary: "Run a job now: a per-tenant job for one municipality, a platform job once (operator; audited)",
        params: JobName,
        body: Type.Object(
          { tenantId: Type.Optional(Type.String({ maxLength: 16, description: "required for a per-tenant job" })) },
          { additionalProperties: false },
        ),
        response: { 202: Queued },
      },
    },
    async (req, reply) => {
      const actor = actorOf(operatorOf(req));
      const entry = catalog.get(req.params.name);
      if (!entry) throw unknownJob();
      const tenantId = runTenant(entry.definition, req.body?.tenantId);
      const runId = newRunId();
      await withOperator(
        platform.db,
        {
          actor,
          action: "jobs.run-requested",
          subject: `job-run:${runId}`,
          detail: { job: entry.definition.name, tenant: tenantId === PLATFORM_RUNS ? null : tenantId },
        },
        (tx) => enqueueRun(tx, { tenantId, runId, job: entry.definition.name, trigger: "manual", requestedBy: actor }),
      );
      return reply.status(202).send({ runId });
    },
  );
}

