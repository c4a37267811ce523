// The SQL of the settings area, one named statement each; values always bound. The queries
// name the tenant explicitly as well as relying on row-level security, so the same statement
// is right in a tenant transaction (RLS narrows further) and in an operator one (RLS bypassed).
import type { OverrideLevel } from "./resolution.ts";

export interface Query {
  text: string;
  values: unknown[];
}

/** A stored value as a bound jsonb parameter: pg would send a bare JS string as text, not JSON. */
function jsonb(value: unknown): string {
  return JSON.stringify(value);
}

/** Current municipality overrides (latest change per key, unless it is a clear) of some tenants. */
export function currentMunicipalityOverrides(tenantIds: readonly string[], key: string | null): Query {
  return {
    text: `
      SELECT c.tenant_id, 'municipality' AS level, c.tenant_id AS scope_id, t.name AS scope_name,
             c.key, c.value, c.seq::text AS seq, c.changed_at, c.actor, c.reason
      FROM (SELECT DISTINCT ON (tenant_id, key) *
            FROM setting_change
            WHERE tenant_id = ANY($1::text[]) AND ($2::text IS NULL OR key = $2)
            ORDER BY tenant_id, key, seq DESC) c
      JOIN tenant t ON t.id = c.tenant_id
      WHERE NOT c.cleared`,
    values: [tenantIds, key],
  };
}

/** Current prefecture and consortium overrides, one row per (member tenant, override). */
export function currentGroupOverrides(tenantIds: readonly string[], key: string | null): Query {
  return {
    text: `
      SELECT m.tenant_id, g.kind AS level, c.group_id AS scope_id, g.name AS scope_name,
             c.key, c.value, c.seq::text AS seq, c.changed_at, c.actor, c.reason
      FROM (SELECT DISTINCT ON (group_id, key) *
            FROM setting_group_change
            WHERE group_id IN (SELECT group_id FROM tenant_group_member WHERE tenant_id = ANY($1::text[]))
              AND ($2::text IS NULL OR key = $2)
            ORDER BY group_id, key, seq DESC) c
      JOIN tenant_group g ON g.id = c.group_id
      JOIN tenant_group_member m ON m.group_id = c.group_id AND m.tenant_id = ANY($1::text[])
      WHERE NOT c.cleared`,
    values: [tenantIds, key],
  };
}

/**
 * Every change of one key visible to a tenant: its own and those of the groups it belongs to,
 * newest first. Staff actors of the tenant are named from the tenant's own staff register.
 */
export function changeHistory(tenantId: string, key: string): Query {
  return {
    text: `
      SELECT h.* FROM (
        SELECT 'municipality' AS level, c.tenant_id AS scope_id, t.name AS scope_name, c.seq::text AS seq,
               c.value, c.cleared, c.reason, c.actor, a.display_name AS actor_name, c.changed_at
        FROM setting_change c
        JOIN tenant t ON t.id = c.tenant_id
        LEFT JOIN staff_account a ON a.tenant_id = c.tenant_id AND 'staff:' || a.id::text = c.actor
        WHERE c.tenant_id = $1 AND c.key = $2
        UNION ALL
        SELECT g.kind, c.group_id, g.name, c.seq::text, c.value, c.cleared, c.reason, c.actor, NULL, c.changed_at
        FROM setting_group_change c
        JOIN tenant_group g ON g.id = c.group_id
        WHERE c.key = $2 AND c.group_id IN (SELECT group_id FROM tenant_group_member WHERE tenant_id = $1)
      ) h
      ORDER BY h.changed_at DESC, h.level, h.seq::bigint DESC`,
    values: [tenantId, key],
  };
}

/** Serialises writers of one (scope, key), so the latest seq is also the last committed change. */
export function lockScopeKey(scopeId: string, key: string): Query {
  return { text: "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", values: [`setting:${scopeId}:${key}`] };
}

export function latestMunicipalityChange(tenantId: string, key: string): Query {
  return {
    text: "SELECT cleared FROM setting_change WHERE tenant_id = $1 AND key = $2 ORDER BY seq DESC LIMIT 1",
    values: [tenantId, key],
  };
}

export function latestGroupChange(groupId: string, key: string): Query {
  return {
    text: "SELECT cleared FROM setting_group_change WHERE group_id = $1 AND key = $2 ORDER BY seq DESC LIMIT 1",
    values: [groupId, key],
  };
}

/** value undefined means a clear. */
export function insertMunicipalityChange(
  tenantId: string,
  change: { key: string; value?: unknown; cleared: boolean; reason: string; actor: string },
): Query {
  return {
    text: `INSERT INTO setting_change (tenant_id, key, value, cleared, reason, actor)
           VALUES ($1, $2, $3::jsonb, $4, $5, $6) RETURNING seq::text AS seq, changed_at`,
    values: [tenantId, change.key, change.cleared ? null : jsonb(change.value), change.cleared, change.reason, change.actor],
  };
}

export function insertGroupChange(
  groupId: string,
  change: { key: string; value?: unknown; cleared: boolean; reason: string; actor: string },
): Query {
  return {
    text: `INSERT INTO setting_group_change (group_id, key, value, cleared, reason, actor)
           VALUES ($1, $2, $3::jsonb, $4, $5, $6) RETURNING seq::text AS seq, changed_at`,
    values: [groupId, change.key, change.cleared ? null : jsonb(change.value), change.cleared, change.reason, change.actor],
  };
}

export function groupById(groupId: string): Query {
  return { text: "SELECT id, kind, name FROM tenant_group WHERE id = $1", values: [groupId] };
}

export interface OverrideRow {
  tenant_id: string;
  level: OverrideLevel;
  scope_id: string;
  scope_name: string;
  key: string;
  value: unknown;
  seq: string;
  changed_at: Date;
  actor: string;
  reason: string;
}

export interface HistoryRow {
  level: OverrideLevel;
  scope_id: string;
  scope_name: string;
  seq: string;
  value: unknown;
  cleared: boolean;
  reason: string;
  actor: string;
  actor_name: string | null;
  changed_at: Date;
}
