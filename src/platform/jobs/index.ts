// ジョブ管理 (jobs): scheduled, per-tenant batches on a PostgreSQL-backed queue.
import type { AreaDefinition } from "../contract.ts";

export const jobsArea: AreaDefinition = {
  id: "jobs",
  name: "ジョブ管理",
  migrations: new URL("./migrations/", import.meta.url),
};
