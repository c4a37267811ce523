// 支援措置 (DV等支援措置, 抑止設定): protection of victims of domestic violence, stalking, child abuse
// and similar harm across every path that reveals a person. See README.md in this folder.
import type { AreaDefinition } from "../contract.ts";
import { protectionRoutes } from "./routes.ts";
import { expiryJob, expiryNoticeDays } from "./expiry-job.ts";
import { seedProtectionDemo } from "./demo.ts";

export const protectionArea: AreaDefinition = {
  id: "protection",
  name: "支援措置",
  migrations: new URL("./migrations/", import.meta.url),
  routes: protectionRoutes,
  jobs: [expiryJob],
  settings: [expiryNoticeDays],
  demo: seedProtectionDemo,
};

