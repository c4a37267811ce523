// フィット&ギャップ (fit-gap): how far a municipality's settings depart from the national
// standard. A setting deviates when its resolved value differs from the national default —
// an override that restates the default is no gap. Each gap is counted at the level its value
// comes from (県版 prefecture, 組合 consortium, 個別 municipality). Pure.
import type { OverrideLevel, ResolvedSetting } from "./resolution.ts";

export interface FitGapDeviation {
  key: string;
  label: string;
  level: OverrideLevel;
  scopeId: string;
  scopeName: string;
  value: unknown;
  nationalDefault: unknown;
}

export interface FitGapReport {
  tenantId: string;
  /** Settings registered on the platform. */
  total: number;
  deviating: number;
  /** Share of settings at the national standard, 0–1 (1 when nothing is registered). */
  fitRate: number;
  byLevel: Record<OverrideLevel, number>;
  deviations: FitGapDeviation[];
}

export function fitGap(tenantId: string, resolved: readonly ResolvedSetting[]): FitGapReport {
  const byLevel: Record<OverrideLevel, number> = { prefecture: 0, consortium: 0, municipality: 0 };
  const deviations: FitGapDeviation[] = [];
  for (const s of resolved) {
    if (!s.deviates || s.level === "national") continue;
    byLevel[s.level]++;
    deviations.push({
      key: s.key,
      label: s.label,
      level: s.level,
      scopeId: s.scopeId!,
      scopeName: s.scopeName!,
      value: s.value,
      nationalDefault: s.nationalDefault,
    });
  }
  const total = resolved.length;
  return {
    tenantId,
    total,
    deviating: deviations.length,
    fitRate: total === 0 ? 1 : (total - deviations.length) / total,
    byLevel,
    deviations,
  };
}

export interface SettingDeviationCount {
  key: string;
  label: string;
  /** How many of the reported tenants deviate on this setting. */
  tenants: number;
}

/** Across tenants: for each setting, how many tenants deviate, most-deviated first. */
export function deviationsBySetting(resolvedByTenant: Iterable<readonly ResolvedSetting[]>): SettingDeviationCount[] {
  const counts = new Map<string, SettingDeviationCount>();
  for (const resolved of resolvedByTenant) {
    for (const s of resolved) {
      const entry = counts.get(s.key) ?? { key: s.key, label: s.label, tenants: 0 };
      if (s.deviates) entry.tenants++;
      counts.set(s.key, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.tenants - a.tenants || (a.key < b.key ? -1 : 1));
}
