// ジョブ定義 (job catalog): every JobDefinition that the platform areas and business modules
// declare, checked once at start-up, and the names of the pg-boss queues that carry them.
import type { AreaDefinition, JobDefinition } from "../contract.ts";
import { Problem } from "../http/problem.ts";

/**
 * The pseudo-tenant of platform-wide runs in the run history, like the audit log's 'platform'
 * chain. It is not a 全国地方公共団体コード, so no staff session can ever be scoped to it.
 */
export const PLATFORM_RUNS = "platform";

/** Area-prefixed and dotted, like event types: `audit.verify`, `resident.age-check`. */
const JOB_NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

export interface CatalogEntry {
  area: string;
  definition: JobDefinition;
}

export type JobCatalog = ReadonlyMap<string, CatalogEntry>;

/** Collects the jobs of all areas; a malformed or duplicate name stops start-up. */
export function collectJobs(areas: readonly AreaDefinition[]): JobCatalog {
  const catalog = new Map<string, CatalogEntry>();
  for (const area of areas) {
    for (const definition of area.jobs ?? []) {
      if (!JOB_NAME.test(definition.name)) {
        throw new Error(`job name "${definition.name}" of area ${area.id} is not dotted lower-case (e.g. audit.verify)`);
      }
      const taken = catalog.get(definition.name);
      if (taken) throw new Error(`job ${definition.name} is declared by both ${taken.area} and ${area.id}`);
      catalog.set(definition.name, { area: area.id, definition });
    }
  }
  return catalog;
}

/** The queue whose jobs are single runs (one tenant, or the platform). */
export function runQueue(jobName: string): string {
  return jobName;
}

/** The queue the cron schedule feeds; its worker fans a tick out into runs. */
export function tickQueue(jobName: string): string {
  return `${jobName}/tick`;
}

export const unknownJob = () => new Problem(404, "unknown-job", "No such job", "このジョブはありません");

/** The tenant a run request addresses, or a problem when it does not fit the job's kind. */
export function runTenant(definition: JobDefinition, tenantId: string | undefined): string {
  if (definition.perTenant) {
    if (!tenantId || tenantId === PLATFORM_RUNS) {
      throw new Problem(400, "job-needs-tenant", "This job runs per municipality: name the municipality",
        "このジョブは団体ごとに実行します。団体を指定してください", undefined, [{ field: "tenantId", message: "required" }]);
    }
    return tenantId;
  }
  if (tenantId !== undefined && tenantId !== PLATFORM_RUNS) {
    throw new Problem(400, "platform-job", "This job runs once for the whole platform, not per municipality",
      "このジョブは基盤全体で1回実行します", undefined, [{ field: "tenantId", message: "must be omitted" }]);
  }
  return PLATFORM_RUNS;
}
