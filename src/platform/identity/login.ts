// Log-in for staff (within their tenant) and operators (no tenant), with back-off after
// repeated failures: from the 5th consecutive failure the account is locked for 1, 2, 4 … up to
// 60 minutes. Each attempt is audited; the password itself never leaves this file.
import type { Database, Tx } from "../db/database.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { Problem } from "../http/problem.ts";
import { dummyPasswordHash, verifyPassword } from "./password.ts";

export const FAILURES_BEFORE_LOCK = 5;

export function lockMinutes(consecutiveFailures: number): number {
  if (consecutiveFailures < FAILURES_BEFORE_LOCK) return 0;
  return Math.min(60, 2 ** (consecutiveFailures - FAILURES_BEFORE_LOCK));
}

const invalidCredentials = () =>
  new Problem(401, "invalid-credentials", "Wrong log-in ID or password", "ログインIDまたはパスワードが違います");

const locked = (until: Date) =>
  new Problem(
    429,
    "login-locked",
    "Too many failed log-ins; try again later",
    "ログインの失敗が続いたため一時的にロックされています",
    `locked until ${until.toISOString()}`,
  );

interface AccountRow {
  id: string;
  password_hash: string;
  failed_logins: number;
  locked_until: Date | null;
  is_locked: boolean;
}

async function attempt(
  tx: Tx,
  table: "staff_account" | "operator_account",
  loginId: string,
  password: string,
): Promise<{ id: string } | Problem> {
  const extra = table === "staff_account" ? "AND disabled_at IS NULL" : "";
  const found = await tx.query<AccountRow>(
    `SELECT id, password_hash, failed_logins, locked_until, coalesce(locked_until > now(), false) AS is_locked
     FROM ${table} WHERE login_id = $1 ${extra} FOR UPDATE`,
    [loginId],
  );
  const account = found.rows[0];
  if (!account) {
    await verifyPassword(await dummyPasswordHash(), password);
    await appendAudit(tx, { actor: "anonymous", action: "identity.login-failed", detail: { reason: "unknown-login" } });
    return invalidCredentials();
  }
  if (account.is_locked && account.locked_until) {
    await appendAudit(tx, { actor: `${table === "staff_account" ? "staff" : "operator"}:${account.id}`, action: "identity.login-refused-locked" });
    return locked(account.locked_until);
  }
  const ok = await verifyPassword(account.password_hash, password);
  const actor = `${table === "staff_account" ? "staff" : "operator"}:${account.id}`;
  if (!ok) {
    const failures = account.failed_logins + 1;
    const minutes = lockMinutes(failures);
    await tx.query(
      `UPDATE ${table} SET failed_logins = $2,
         locked_until = CASE WHEN $3::int > 0 THEN now() + make_interval(mins => $3::int) ELSE NULL END
       WHERE id = $1`,
      [account.id, failures, minutes],
    );
    await appendAudit(tx, { actor, action: "identity.login-failed", detail: { failures, lockedMinutes: minutes } });
    return invalidCredentials();
  }
  await tx.query(`UPDATE ${table} SET failed_logins = 0, locked_until = NULL WHERE id = $1`, [account.id]);
  await appendAudit(tx, { actor, action: "identity.login" });
  return { id: account.id };
}

export async function loginStaff(db: Database, tenantId: string, loginId: string, password: string) {
  const result = await db.withTenant(tenantId, (tx) => attempt(tx, "staff_account", loginId, password));
  if (result instanceof Problem) throw result;
  return result;
}

export async function loginOperator(db: Database, loginId: string, password: string) {
  // Operators have no tenant: the failed-login bookkeeping runs in the application role and
  // its audit entries go to the platform chain through the operator role.
  const result = await db.withOperatorRole((tx) => attempt(tx, "operator_account", loginId, password));
  if (result instanceof Problem) throw result;
  return result;
}
