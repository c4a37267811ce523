// 設定の上書き (overrides): appending a change — a new value or a clear — to the journal of a
// municipality's or a group's overrides. Municipality changes run in the tenant's own
// transaction and append to its audit chain; prefecture and consortium changes run in an
// operator transaction opened by withOperator, which records them on the platform chain.
// Every change names its reason: the history answers "who, when, why" for each override.
import type { Tx } from "../db/database.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { Problem, problems } from "../http/problem.ts";
import { invalidSettingValue, type SettingRegistry } from "./registry.ts";
import type { OverrideLevel } from "./resolution.ts";
import {
  groupById,
  insertGroupChange,
  insertMunicipalityChange,
  latestGroupChange,
  latestMunicipalityChange,
  lockScopeKey,
  type Query,
} from "./queries.ts";

export interface OverrideChange {
  key: string;
  /** Absent for a clear. */
  value?: unknown;
  reason: string;
  actor: string;
}

export interface RecordedChange {
  level: OverrideLevel;
  scopeId: string;
  key: string;
  seq: string;
  cleared: boolean;
  changedAt: Date;
}

export const unknownGroup = () =>
  new Problem(404, "unknown-group", "No such prefecture or consortium", "その都道府県・団体の組合は登録されていません");

const notOverridden = (key: string) =>
  problems.conflict("setting-not-overridden", "There is no override of this setting to clear", "この設定は上書きされていません",
    `key ${key}`);

async function one<R>(tx: Tx, query: Query): Promise<R | undefined> {
  return (await tx.query(query.text, query.values)).rows[0] as R | undefined;
}

/** Checks what every change needs before anything is written: a known key, a reason, a fitting value. */
function checkChange(registry: SettingRegistry, change: OverrideChange, cleared: boolean): void {
  registry.require(change.key);
  if (!change.reason.trim()) throw problems.invalid([{ field: "reason", message: "a reason is required" }]);
  if (!cleared) {
    const errors = registry.errors(change.key, change.value, "value");
    if (errors.length) throw invalidSettingValue(errors);
  }
}

async function appendMunicipalityChange(tx: Tx, registry: SettingRegistry, tenantId: string, change: OverrideChange, cleared: boolean) {
  checkChange(registry, change, cleared);
  await one(tx, lockScopeKey(tenantId, change.key));
  if (cleared) {
    const latest = await one<{ cleared: boolean }>(tx, latestMunicipalityChange(tenantId, change.key));
    if (!latest || latest.cleared) throw notOverridden(change.key);
  }
  const row = (await one<{ seq: string; changed_at: Date }>(
    tx,
    insertMunicipalityChange(tenantId, { ...change, reason: change.reason.trim(), cleared }),
  ))!;
  await appendAudit(tx, {
    actor: change.actor,
    action: cleared ? "settings.override-cleared" : "settings.override-set",
    subject: `setting:${change.key}`,
    detail: { level: "municipality", scopeId: tenantId, seq: row.seq },
  });
  return { level: "municipality" as const, scopeId: tenantId, key: change.key, seq: row.seq, cleared, changedAt: row.changed_at };
}

/** Sets a municipality override, in a tenant transaction (withTenant(tenantId)). */
export function setMunicipalityOverride(tx: Tx, registry: SettingRegistry, tenantId: string, change: OverrideChange): Promise<RecordedChange> {
  return appendMunicipalityChange(tx, registry, tenantId, change, false);
}

/** Clears a municipality override (recorded as a change), in a tenant transaction; 409 if none. */
export function clearMunicipalityOverride(
  tx: Tx,
  registry: SettingRegistry,
  tenantId: string,
  change: Omit<OverrideChange, "value">,
): Promise<RecordedChange> {
  return appendMunicipalityChange(tx, registry, tenantId, change, true);
}

async function appendGroupChange(tx: Tx, registry: SettingRegistry, groupId: string, change: OverrideChange, cleared: boolean) {
  checkChange(registry, change, cleared);
  const group = await one<{ id: string; kind: OverrideLevel }>(tx, groupById(groupId));
  if (!group) throw unknownGroup();
  await one(tx, lockScopeKey(groupId, change.key));
  if (cleared) {
    const latest = await one<{ cleared: boolean }>(tx, latestGroupChange(groupId, change.key));
    if (!latest || latest.cleared) throw notOverridden(change.key);
  }
  const row = (await one<{ seq: string; changed_at: Date }>(
    tx,
    insertGroupChange(groupId, { ...change, reason: change.reason.trim(), cleared }),
  ))!;
  return { level: group.kind, scopeId: groupId, key: change.key, seq: row.seq, cleared, changedAt: row.changed_at };
}

/**
 * Sets a prefecture or consortium override. Runs in the transaction of withOperator, whose
 * audit entry (platform chain) records the change; the application role cannot write here.
 */
export function setGroupOverride(tx: Tx, registry: SettingRegistry, groupId: string, change: OverrideChange): Promise<RecordedChange> {
  return appendGroupChange(tx, registry, groupId, change, false);
}

/** Clears a prefecture or consortium override (recorded as a change); 409 if none. */
export function clearGroupOverride(
  tx: Tx,
  registry: SettingRegistry,
  groupId: string,
  change: Omit<OverrideChange, "value">,
): Promise<RecordedChange> {
  return appendGroupChange(tx, registry, groupId, change, true);
}
