// 設定 (settings) service: resolves a setting for a tenant (municipality → consortium →
// prefecture → national default, see resolution.ts), explains every setting's value and
// source, and lists the history of overrides a tenant may see. Reads run in the caller's
// transaction: a tenant transaction sees only its own and its groups' overrides (RLS); an
// operator transaction may explain many tenants at once for the cross-tenant fit-gap view.
import type { AreaDefinition, SettingsService } from "../contract.ts";
import type { Tx } from "../db/database.ts";
import { createSettingRegistry, type SettingRegistry } from "./registry.ts";
import { resolveAll, resolveSetting, type CurrentOverride, type OverrideLevel, type ResolvedSetting } from "./resolution.ts";
import { changeHistory, currentGroupOverrides, currentMunicipalityOverrides, type HistoryRow, type OverrideRow, type Query } from "./queries.ts";

export interface SettingChange {
  level: OverrideLevel;
  scopeId: string;
  scopeName: string;
  seq: string;
  /** The new value; undefined when the change cleared the override. */
  value?: unknown;
  cleared: boolean;
  reason: string;
  actor: string;
  /** The staff member's display name when the actor is staff of this municipality. */
  actorName: string | null;
  changedAt: Date;
}

export interface LayeredSettingsService extends SettingsService {
  readonly registry: SettingRegistry;
  /** Every setting resolved for the tenant, with its source level and the overrides behind it. */
  explain(tx: Tx, tenantId: string): Promise<ResolvedSetting[]>;
  /** One setting resolved for the tenant, explained. */
  explainOne(tx: Tx, tenantId: string, key: string): Promise<ResolvedSetting>;
  /** explain() for many tenants in one pass (operator transactions). */
  explainTenants(tx: Tx, tenantIds: readonly string[]): Promise<Map<string, ResolvedSetting[]>>;
  /** Every change of the key visible to the tenant (its own and its groups'), newest first. */
  history(tx: Tx, tenantId: string, key: string): Promise<SettingChange[]>;
}

async function run<R>(tx: Tx, query: Query): Promise<R[]> {
  return (await tx.query(query.text, query.values)).rows as R[];
}

function toOverride(row: OverrideRow): CurrentOverride {
  return {
    level: row.level,
    scopeId: row.scope_id,
    scopeName: row.scope_name,
    key: row.key,
    value: row.value,
    seq: row.seq,
    changedAt: row.changed_at,
    actor: row.actor,
    reason: row.reason,
  };
}

async function currentOverrides(tx: Tx, tenantIds: readonly string[], key: string | null): Promise<Map<string, CurrentOverride[]>> {
  const rows = [
    ...(await run<OverrideRow>(tx, currentMunicipalityOverrides(tenantIds, key))),
    ...(await run<OverrideRow>(tx, currentGroupOverrides(tenantIds, key))),
  ];
  const byTenant = new Map<string, CurrentOverride[]>(tenantIds.map((id) => [id, []]));
  for (const row of rows) byTenant.get(row.tenant_id)?.push(toOverride(row));
  return byTenant;
}

export function createSettingsService(areas: readonly AreaDefinition[]): LayeredSettingsService {
  const registry = createSettingRegistry(areas);

  async function explainOne(tx: Tx, tenantId: string, key: string): Promise<ResolvedSetting> {
    const definition = registry.require(key);
    const overrides = (await currentOverrides(tx, [tenantId], key)).get(tenantId) ?? [];
    return resolveSetting(definition, overrides, registry);
  }

  return {
    registry,
    async resolve<T>(tx: Tx, tenantId: string, key: string): Promise<T> {
      return (await explainOne(tx, tenantId, key)).value as T;
    },
    explainOne,
    async explain(tx, tenantId) {
      const overrides = (await currentOverrides(tx, [tenantId], null)).get(tenantId) ?? [];
      return resolveAll(registry, overrides);
    },
    async explainTenants(tx, tenantIds) {
      const overrides = await currentOverrides(tx, tenantIds, null);
      return new Map(tenantIds.map((id) => [id, resolveAll(registry, overrides.get(id) ?? [])]));
    },
    async history(tx, tenantId, key) {
      registry.require(key);
      const rows = await run<HistoryRow>(tx, changeHistory(tenantId, key));
      return rows.map((r) => ({
        level: r.level,
        scopeId: r.scope_id,
        scopeName: r.scope_name,
        seq: r.seq,
        ...(r.cleared ? {} : { value: r.value }),
        cleared: r.cleared,
        reason: r.reason,
        actor: r.actor,
        actorName: r.actor_name,
        changedAt: r.changed_at,
      }));
    },
  };
}
