// 監査ログ (audit log): hash-chained record of every access to personal data and operator action.
import type { AreaDefinition } from "../contract.ts";
import { auditRoutes } from "./routes.ts";
import { auditVerifyJob } from "./verify-job.ts";

export const audit: AreaDefinition = {
  id: "audit",
  name: "監査ログ",
  migrations: new URL("./migrations/", import.meta.url),
  routes: auditRoutes,
  jobs: [auditVerifyJob],
};
