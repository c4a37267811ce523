// 設定値の解決 (resolution): which value applies to a municipality. Order, first match wins:
//   municipality (個別) → consortium (一部事務組合・町村会) → prefecture (県版) → national default (全国標準).
// A tenant may belong to several consortia. When two of them override the same key, the one
// whose group id sorts first (byte order) wins: a stable rule that does not change when the
// other consortium re-saves its value. The losing override stays visible in `overrides`, so
// the conflict is never hidden. A stored value that no longer fits the setting's schema (the
// declaring module changed the type) is skipped, reported with `valid: false`.
// Pure: the service loads the current overrides and calls this.
import { Value } from "@sinclair/typebox/value";
import type { SettingDefinition } from "../contract.ts";
import type { SettingRegistry } from "./registry.ts";

export type OverrideLevel = "municipality" | "consortium" | "prefecture";
export type SettingLevel = OverrideLevel | "national";

const LEVEL_RANK: Record<OverrideLevel, number> = { municipality: 0, consortium: 1, prefecture: 2 };

/** The current (latest, not cleared) override of one key in one scope. */
export interface CurrentOverride {
  level: OverrideLevel;
  /** The tenant id for a municipality; the tenant_group id for a prefecture or consortium. */
  scopeId: string;
  scopeName: string;
  key: string;
  value: unknown;
  seq: string;
  changedAt: Date;
  actor: string;
  reason: string;
}

export interface AppliedOverride extends Omit<CurrentOverride, "key"> {
  /** False when the stored value no longer fits the schema and was skipped. */
  valid: boolean;
}

export interface ResolvedSetting {
  key: string;
  label: string;
  description: string;
  source: string;
  value: unknown;
  level: SettingLevel;
  /** null when the national default applies. */
  scopeId: string | null;
  scopeName: string | null;
  nationalDefault: unknown;
  /** The resolved value differs from the national standard (a gap in the fit-gap report). */
  deviates: boolean;
  /** Every current override that applies to the tenant, highest precedence first. */
  overrides: AppliedOverride[];
}

export function byPrecedence(a: CurrentOverride, b: CurrentOverride): number {
  const rank = LEVEL_RANK[a.level] - LEVEL_RANK[b.level];
  if (rank !== 0) return rank;
  return a.scopeId < b.scopeId ? -1 : a.scopeId > b.scopeId ? 1 : 0;
}

export function resolveSetting(
  definition: SettingDefinition,
  overrides: readonly CurrentOverride[],
  registry: SettingRegistry,
): ResolvedSetting {
  const applied = overrides
    .filter((o) => o.key === definition.key)
    .sort(byPrecedence)
    .map(({ key: _key, ...o }) => ({ ...o, valid: registry.isValid(definition.key, o.value) }));
  const winner = applied.find((o) => o.valid);
  const value = winner ? winner.value : definition.nationalDefault;
  return {
    key: definition.key,
    label: definition.label,
    description: definition.description,
    source: definition.source,
    value,
    level: winner ? winner.level : "national",
    scopeId: winner ? winner.scopeId : null,
    scopeName: winner ? winner.scopeName : null,
    nationalDefault: definition.nationalDefault,
    deviates: !Value.Equal(value, definition.nationalDefault),
    overrides: applied,
  };
}

/** Every registered setting resolved for one tenant from that tenant's current overrides. */
export function resolveAll(registry: SettingRegistry, overrides: readonly CurrentOverride[]): ResolvedSetting[] {
  const byKey = new Map<string, CurrentOverride[]>();
  for (const o of overrides) byKey.set(o.key, [...(byKey.get(o.key) ?? []), o]);
  return registry.definitions.map((d) => resolveSetting(d, byKey.get(d.key) ?? [], registry));
}
