// Seeing and clearing log-in throttles (ADR 0015): a municipality's administrator sees its
// accounts' throttles (under RLS); an operator sees operators' log-ins (realm 'platform') and
// the platform-wide throttles per source. A log-in ID is shown only when it names an existing
// account; otherwise only the first digits of its hash.
import type { Tx } from "../db/database.ts";
import { keyLabel, PLATFORM_REALM } from "./throttle-policy.ts";

export interface AccountThrottleView {
  id: string;
  kind: "account" | "pair";
  /** The log-in ID when it names an existing account, else null (the ID as typed is not kept). */
  loginId: string | null;
  accountKey: string;
  source: string | null;
  failures: number;
  lastFailureAt: string | null;
  blockedUntil: string | null;
}

export interface SourceThrottleView {
  id: string;
  source: string;
  failures: number;
  lastFailureAt: string;
  blockedUntil: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const activeOnly = (d: Date | null) => (d && d.getTime() > Date.now() ? d.toISOString() : null);

/** The realm's throttles with failures counted, the blocking ones first. */
export async function listAccountThrottles(tx: Tx, realm: string): Promise<AccountThrottleView[]> {
  const accounts =
    realm === PLATFORM_REALM
      ? `SELECT login_id FROM operator_account o WHERE sha256(convert_to($1 || ':' || o.login_id, 'UTF8')) = t.account_key`
      : `SELECT login_id FROM staff_account s WHERE sha256(convert_to(s.tenant_id || ':' || s.login_id, 'UTF8')) = t.account_key`;
  const rows = await tx.query(
    `SELECT t.id, t.kind, t.account_key, abbrev(t.source) AS source, t.failures, t.last_failure_at,
            CASE WHEN t.blocked_until > now() THEN t.blocked_until END AS blocked_until,
            (${accounts}) AS login_id
     FROM login_throttle t
     WHERE t.tenant_id = $1 AND t.failures > 0
     ORDER BY (t.blocked_until > now()) IS TRUE DESC, t.last_failure_at DESC NULLS LAST, t.id
     LIMIT 500`,
    [realm],
  );
  return rows.rows.map((r) => ({
    id: r.id as string,
    kind: r.kind as "account" | "pair",
    loginId: (r.login_id as string | null) ?? null,
    accountKey: keyLabel(r.account_key as Buffer),
    source: (r.source as string | null) ?? null,
    failures: r.failures as number,
    lastFailureAt: iso(r.last_failure_at as Date | null),
    blockedUntil: activeOnly(r.blocked_until as Date | null),
  }));
}

/** Starts a throttle's count again; the row (and a pair's known-source mark) stays. */
export async function clearAccountThrottle(
  tx: Tx,
  realm: string,
  id: string,
): Promise<{ kind: string; accountKey: string; source: string | null } | null> {
  const r = await tx.query(
    `UPDATE login_throttle SET failures = 0, last_failure_at = NULL, blocked_until = NULL
     WHERE tenant_id = $1 AND id = $2 RETURNING kind, account_key, abbrev(source) AS source`,
    [realm, id],
  );
  const row = r.rows[0];
  return row ? { kind: row.kind as string, accountKey: keyLabel(row.account_key as Buffer), source: row.source as string | null } : null;
}

/** Needs the operator role: the table is hidden from the application. */
export async function listSourceThrottles(tx: Tx): Promise<SourceThrottleView[]> {
  const rows = await tx.query(
    `SELECT id, abbrev(source) AS source, failures, last_failure_at, blocked_until FROM login_source_throttle
     ORDER BY (blocked_until > now()) IS TRUE DESC, last_failure_at DESC, id LIMIT 500`,
  );
  return rows.rows.map((r) => ({
    id: r.id as string,
    source: r.source as string,
    failures: r.failures as number,
    lastFailureAt: (r.last_failure_at as Date).toISOString(),
    blockedUntil: activeOnly(r.blocked_until as Date | null),
  }));
}

export async function clearSourceThrottle(tx: Tx, id: string): Promise<{ source: string } | null> {
  const r = await tx.query("DELETE FROM login_source_throttle WHERE id = $1 RETURNING abbrev(source) AS source", [id]);
  return r.rows[0] ? { source: r.rows[0].source as string } : null;
}
