// 団体管理 (tenancy): municipalities keyed by 全国地方公共団体コード, prefectures and consortia.
import type { AreaDefinition } from "../contract.ts";
import { tenancyRoutes } from "./routes.ts";

export const tenancy: AreaDefinition = {
  id: "tenancy",
  name: "団体管理",
  migrations: new URL("./migrations/", import.meta.url),
  routes: tenancyRoutes,
};
