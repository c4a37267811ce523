// ジョブ管理 (jobs): scheduled, per-tenant batches on a PostgreSQL-backed queue (pg-boss), with a
// run history every municipality can see for its own runs. Workers start with startJobs().
import type { AreaDefinition } from "../contract.ts";
import { jobRoutes } from "./routes.ts";

export const jobsArea: AreaDefinition = {
  id: "jobs",
  name: "ジョブ管理",
  migrations: new URL("./migrations/", import.meta.url),
  routes: jobRoutes,
};
