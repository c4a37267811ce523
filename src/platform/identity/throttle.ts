// Log-in throttles in the database (policy: throttle-policy.ts, ADR 0015). The pair and account
// counters are rows of login_throttle under the realm's tenant policy; the per-source counter
// is platform-wide, reached by the application only through kyodo_login_source_* functions.
import type { Tx } from "../db/database.ts";
import { KNOWN_SOURCE_DAYS, THROTTLE_RULES, type ThrottleRule } from "./throttle-policy.ts";

export interface ThrottleKey {
  /** A municipality's code, or 'platform' for operators' log-ins. */
  realm: string;
  account: Buffer;
  source: string;
}

export interface ThrottleBlock {
  until: Date;
  retryAfterSeconds: number;
  /** Which counters refuse the attempt. */
  by: ("pair" | "account" | "source")[];
}

const ruleValues = (r: ThrottleRule) => [r.freeFailures, r.firstDelaySeconds, r.maxDelaySeconds, r.forgetMinutes];

/** Until when an attempt under this key is refused, or null when it may go ahead. */
export async function throttleBlock(tx: Tx, key: ThrottleKey): Promise<ThrottleBlock | null> {
  const result = await tx.query<{ pair: Date | null; account: Date | null; source: Date | null; now: Date }>(
    `WITH pair AS (
       SELECT blocked_until, coalesce(last_success_at > now() - make_interval(days => $4), false) AS known
       FROM login_throttle WHERE tenant_id = $1 AND kind = 'pair' AND account_key = $2 AND source = $3::inet
     ), known AS (SELECT coalesce(bool_or(known), false) AS known FROM pair)
     SELECT (SELECT blocked_until FROM pair WHERE blocked_until > now()) AS pair,
            (SELECT blocked_until FROM login_throttle
             WHERE NOT known.known AND tenant_id = $1 AND kind = 'account' AND account_key = $2 AND source IS NULL
               AND blocked_until > now()) AS account,
            CASE WHEN known.known THEN NULL ELSE kyodo_login_source_blocked_until($3::inet) END AS source,
            now() AS now
     FROM known`,
    [key.realm, key.account, key.source, KNOWN_SOURCE_DAYS],
  );
  const row = result.rows[0]!;
  const by = (["pair", "account", "source"] as const).filter((k) => row[k] !== null);
  if (by.length === 0) return null;
  const until = new Date(Math.max(...by.map((k) => row[k]!.getTime())));
  return { until, by, retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - row.now.getTime()) / 1000)) };
}

/** The count after one more failure: it starts again after forgetMinutes without one. */
const next = (p: number) =>
  `CASE WHEN t.last_failure_at IS NULL OR t.last_failure_at < now() - make_interval(mins => $${p + 3}) THEN 1 ELSE t.failures + 1 END`;

const upsertFailure = (name: string, kind: "pair" | "account", source: string, p: number) => `${name} AS (
    INSERT INTO login_throttle AS t (tenant_id, kind, account_key, source, failures, last_failure_at, blocked_until)
    VALUES ($1, '${kind}', $2, ${source}, 1, now(), now() + kyodo_login_delay(1, $${p}, $${p + 1}, $${p + 2}))
    ON CONFLICT (tenant_id, kind, account_key, source) DO UPDATE SET
      failures = ${next(p)}, last_failure_at = now(),
      blocked_until = now() + kyodo_login_delay(${next(p)}, $${p}, $${p + 1}, $${p + 2})
    RETURNING failures)`;

/** Counts one failed attempt under all three keys, in one statement; returns the pair's and the account's counts. */
export async function recordFailure(tx: Tx, key: ThrottleKey): Promise<{ pair: number; account: number }> {
  const result = await tx.query<{ pair: number; account: number }>(
    `WITH ${upsertFailure("pair", "pair", "$3::inet", 4)}, ${upsertFailure("account", "account", "NULL", 8)}
     SELECT (SELECT failures FROM pair) AS pair, (SELECT failures FROM account) AS account,
            kyodo_login_source_failed($3::inet, $12, $13, $14, $15) AS source`,
    [
      key.realm,
      key.account,
      key.source,
      ...ruleValues(THROTTLE_RULES.pair),
      ...ruleValues(THROTTLE_RULES.account),
      ...ruleValues(THROTTLE_RULES.source),
    ],
  );
  return result.rows[0]!;
}

/** A correct log-in: the pair's count starts again, and the source becomes known for this account. */
export async function recordSuccess(tx: Tx, key: ThrottleKey): Promise<void> {
  await tx.query(
    `INSERT INTO login_throttle AS t (tenant_id, kind, account_key, source, failures, last_success_at)
     VALUES ($1, 'pair', $2, $3::inet, 0, now())
     ON CONFLICT (tenant_id, kind, account_key, source) DO UPDATE SET
       failures = 0, last_failure_at = NULL, blocked_until = NULL, last_success_at = now()`,
    [key.realm, key.account, key.source],
  );
}
