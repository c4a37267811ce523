// 設定 (settings): typed settings with a national default (全国標準), overridable per
// prefecture (県版), consortium (一部事務組合・町村会) and municipality (個別), resolved in the
// order municipality → consortium → prefecture → national default (architecture §4).
import type { AreaDefinition } from "../contract.ts";
import { platformSettings } from "./platform-settings.ts";
import { settingsRoutes } from "./routes.ts";

export const settingsArea: AreaDefinition = {
  id: "settings",
  name: "設定",
  migrations: new URL("./migrations/", import.meta.url),
  settings: platformSettings,
  routes: settingsRoutes,
};
