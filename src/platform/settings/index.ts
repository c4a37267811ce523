// 設定 (settings): national default → prefecture → consortium → municipality.
import type { AreaDefinition } from "../contract.ts";

export const settingsArea: AreaDefinition = {
  id: "settings",
  name: "設定",
  migrations: new URL("./migrations/", import.meta.url),
};
