// Log-in for staff (within their tenant) and operators (no tenant), throttled by (account,
// source), by account and by source (throttle-policy.ts, ADR 0015). A log-in ID that does not
// exist goes through the same steps as one that does — the throttle check, a password
// verification (against a dummy hash), the failure counted under the same keys, one audit
// entry — and gets the same answer, so neither the status nor the time tells which IDs exist.
// Each attempt is audited; the password and an unknown log-in ID never leave this file.
// A temporary password (an activation code, a one-time password; ADR 0020) opens no session: the
// right one is answered 403 password-change-required until the attempt also brings the holder's
// own password, which replaces it; once expired it is refused even when right.
import type { Database, Tx } from "../db/database.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { Problem } from "../http/problem.ts";
import { dummyPasswordHash, verifyPassword } from "./password.ts";
import { accountKey, keyLabel, PLATFORM_REALM, sourceOf } from "./throttle-policy.ts";
import { recordFailure, recordSuccess, throttleBlock, type ThrottleKey } from "./throttle.ts";
import { getStaff } from "./staff.ts";
import { setChosenPassword } from "./account-lifecycle.ts";

const invalidCredentials = () =>
  new Problem(401, "invalid-credentials", "Wrong log-in ID or password", "ログインIDまたはパスワードが違います");

/** 429 with the seconds to wait, for the Retry-After header; the same whether the ID exists or not. */
export class LoginThrottled extends Problem {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      "login-throttled",
      "Too many failed log-ins; try again later",
      "ログインの失敗が続いたため、しばらくしてから再度お試しください",
      `retry after ${retryAfterSeconds} seconds`,
    );
  }
}

export const passwordChangeRequired = () =>
  new Problem(403, "password-change-required", "Set a password of your own to finish logging in",
    "仮パスワード（有効化コード）でログインしました。ご自身のパスワードを設定してください", undefined,
    [{ field: "body/newPassword", message: "required with a temporary password" }]);

export const temporaryPasswordExpired = () =>
  new Problem(401, "temporary-password-expired", "The temporary password has expired",
    "仮パスワード（有効化コード）の有効期限が切れています。管理者に再発行を依頼してください");

async function attempt(
  tx: Tx,
  table: "staff_account" | "operator_account",
  key: ThrottleKey,
  loginId: string,
  password: string,
  newPassword?: string,
): Promise<{ id: string } | Problem> {
  const account = { key: keyLabel(key.account), source: key.source };
  const block = await throttleBlock(tx, key);
  if (block) {
    await appendAudit(tx, {
      actor: "anonymous",
      action: "identity.login-throttled",
      detail: { ...account, by: block.by, retryAfterSeconds: block.retryAfterSeconds },
    });
    return new LoginThrottled(block.retryAfterSeconds);
  }
  const columns =
    table === "staff_account"
      ? "password_kind, password_expires_at <= now() AS expired FROM staff_account WHERE disabled_at IS NULL AND"
      : "'chosen' AS password_kind, false AS expired FROM operator_account WHERE";
  const found = await tx.query<{ id: string; password_hash: string; password_kind: string; expired: boolean }>(
    `SELECT id, password_hash, ${columns} login_id = $1`,
    [loginId],
  );
  const known = found.rows[0];
  const ok = await verifyPassword(known?.password_hash ?? (await dummyPasswordHash()), password);
  const actor = known ? `${table === "staff_account" ? "staff" : "operator"}:${known.id}` : "anonymous";
  if (known && ok && known.password_kind !== "chosen") {
    // Right, but temporary: no failure is counted; the holder learns what to do next.
    const temporary = { source: key.source, passwordKind: known.password_kind };
    if (known.expired) {
      await appendAudit(tx, { actor, action: "identity.login-refused", detail: { ...temporary, reason: "temporary-password-expired" } });
      return temporaryPasswordExpired();
    }
    if (newPassword === undefined) {
      await appendAudit(tx, { actor, action: "identity.login-refused", detail: { ...temporary, reason: "password-change-required" } });
      return passwordChangeRequired();
    }
    const account = (await getStaff(tx, known.id))!;
    const action = known.password_kind === "activation" ? "identity.account-activated" : "identity.password-set";
    try {
      await tx.query("SAVEPOINT choose_password");
      await setChosenPassword(tx, account, newPassword, "body/newPassword", action);
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      await tx.query("ROLLBACK TO SAVEPOINT choose_password");
      return error;
    }
  }
  if (known && ok) {
    await recordSuccess(tx, key);
    await appendAudit(tx, { actor, action: "identity.login", detail: { source: key.source } });
    return { id: known.id };
  }
  const failures = await recordFailure(tx, key);
  await appendAudit(tx, {
    actor,
    action: "identity.login-failed",
    detail: { ...(known ? { source: key.source } : { reason: "unknown-login", ...account }), failures },
  });
  return invalidCredentials();
}

export async function loginStaff(db: Database, tenantId: string, loginId: string, password: string, ip: string, newPassword?: string) {
  const key = { realm: tenantId, account: accountKey(tenantId, loginId), source: sourceOf(ip) };
  const result = await db.withTenant(tenantId, (tx) => attempt(tx, "staff_account", key, loginId, password, newPassword));
  if (result instanceof Problem) throw result;
  return result;
}

export async function loginOperator(db: Database, loginId: string, password: string, ip: string) {
  // Operators have no tenant: the operator role reads their accounts, keeps their throttles
  // under realm 'platform' and audits to the platform chain, all in this one transaction.
  const key = { realm: PLATFORM_REALM, account: accountKey(PLATFORM_REALM, loginId), source: sourceOf(ip) };
  const result = await db.withOperatorRole((tx) => attempt(tx, "operator_account", key, loginId, password));
  if (result instanceof Problem) throw result;
  return result;
}
