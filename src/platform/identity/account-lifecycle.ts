// 職員アカウントの一生 (a staff account's life, ADR 0020): created with a temporary password,
// activated at the first log-in, roles changed, password reset, disabled and enabled again —
// each in the caller's tenant transaction, checked against the separation-of-duties rules
// (grant-rules.ts) and the password rules (password-policy.ts), and audited with what changed.
// Audit entries name the account by id and carry log-in IDs, roles and reasons; never a
// password nor a temporary password.
import type { Tx } from "../db/database.ts";
import type { Role } from "../contract.ts";
import { PLATFORM_ROLE_MODULE, PROTECTION_ROLE_MODULE } from "../contract.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { Problem, problems } from "../http/problem.ts";
import { GRANT_REFUSAL_MESSAGES, grantRefusals, roleChanges, firstAdministratorRoles, type Roles } from "./grant-rules.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { PASSWORD_FLAW_MESSAGES, passwordFlaws } from "./password-policy.ts";
import { newTemporaryPassword, TEMPORARY_PASSWORD_HOURS, type TemporaryKind } from "./temporary-password.ts";
import { createStaff, getStaff, getStaffByLoginId, replaceRoles, type StaffView } from "./staff.ts";

/** Who changes an account: a staff member of the municipality, or an operator (no roles in it). */
export interface AccountActor {
  actor: string;
  staffId: string | null;
  roles: Roles;
}

export interface IssuedPassword {
  account: StaffView;
  /** Shown once to whoever issued it; kept only as a hash. */
  temporaryPassword: string;
  expiresAt: string;
}

const refused = (code: string, en: string, ja: string, errors?: { field: string; message: string }[]) =>
  new Problem(403, code, en, ja, undefined, errors);

function checkGrants(by: AccountActor, isSelf: boolean, before: Roles, after: Roles, field = "body/roles"): void {
  const refusals = grantRefusals({ granter: by.roles, isSelf, before, after });
  if (!refusals.length) return;
  throw refused(
    "grant-refused",
    "Not allowed to grant or revoke these roles",
    GRANT_REFUSAL_MESSAGES[refusals[0]!.code].ja,
    refusals.map((r) => ({ field: `${field}/${r.module}`, message: `${r.code}: ${GRANT_REFUSAL_MESSAGES[r.code].en}` })),
  );
}

async function passwordContext(tx: Tx, account: { loginId: string; displayName: string }) {
  const town = await tx.query("SELECT name, name_kana FROM tenant WHERE id = current_setting('kyodo.tenant_id', true)");
  const row = town.rows[0] as { name: string; name_kana: string } | undefined;
  return { loginId: account.loginId, displayName: account.displayName, municipality: row ? [row.name, row.name_kana] : [] };
}

/** 422 password-rejected naming every rule the password breaks, on the given field. */
export async function checkPassword(tx: Tx, account: { loginId: string; displayName: string }, password: string, field: string): Promise<void> {
  const flaws = passwordFlaws(password, await passwordContext(tx, account));
  if (!flaws.length) return;
  throw new Problem(422, "password-rejected", "The password may not be used", `このパスワードは使えません：${PASSWORD_FLAW_MESSAGES[flaws[0]!].ja}`, undefined,
    flaws.map((f) => ({ field, message: `${f}: ${PASSWORD_FLAW_MESSAGES[f].en}` })));
}

function expiry(kind: TemporaryKind, now = new Date()): Date {
  return new Date(now.getTime() + TEMPORARY_PASSWORD_HOURS[kind] * 3600_000);
}

async function found(tx: Tx, id: string): Promise<StaffView> {
  const account = await getStaff(tx, id);
  if (!account) throw problems.notFound("staff account");
  return account;
}

async function endSessions(tx: Tx, staffId: string): Promise<void> {
  await tx.query("SELECT kyodo_session_end_staff($1)", [staffId]);
}

/** A new account with a one-time password generated here, to be replaced at its first log-in. */
export async function createAccount(
  tx: Tx,
  by: AccountActor,
  input: { loginId: string; displayName: string; roles: Record<string, Role[]> },
): Promise<IssuedPassword> {
  checkGrants(by, false, {}, input.roles);
  const temporaryPassword = newTemporaryPassword();
  const expiresAt = expiry("one-time");
  const account = await createStaff(tx, { ...input, password: temporaryPassword, temporary: { kind: "one-time", expiresAt }, grantedBy: by.actor });
  await appendAudit(tx, {
    actor: by.actor,
    action: "identity.staff-created",
    subject: `staff:${account.id}`,
    detail: { loginId: account.loginId, roles: account.roles, passwordKind: "one-time", expiresAt: expiresAt.toISOString() },
  });
  return { account, temporaryPassword, expiresAt: expiresAt.toISOString() };
}

export async function changeRoles(tx: Tx, by: AccountActor, id: string, roles: Record<string, Role[]>, reason: string): Promise<StaffView> {
  const account = await found(tx, id);
  checkGrants(by, account.id === by.staffId, account.roles, roles);
  const { granted, revoked } = roleChanges(account.roles, roles);
  if (!Object.keys(granted).length && !Object.keys(revoked).length) return account;
  await replaceRoles(tx, id, roles, by.actor);
  await appendAudit(tx, { actor: by.actor, action: "identity.roles-changed", subject: `staff:${id}`, detail: { loginId: account.loginId, granted, revoked, reason } });
  return found(tx, id);
}

export async function disableAccount(tx: Tx, by: AccountActor, id: string, reason: string): Promise<StaffView> {
  const account = await found(tx, id);
  if (account.id === by.staffId) {
    throw refused("cannot-disable-self", "An account cannot disable itself", "自分のアカウントは無効にできません");
  }
  if (account.disabled) return account;
  await tx.query("UPDATE staff_account SET disabled_at = now(), disabled_reason = $2, disabled_by = $3 WHERE id = $1", [id, reason, by.actor]);
  await endSessions(tx, id);
  await appendAudit(tx, { actor: by.actor, action: "identity.staff-disabled", subject: `staff:${id}`, detail: { loginId: account.loginId, reason } });
  return found(tx, id);
}

/** Enabling gives the account's roles back, so it needs the right to grant each of them. */
export async function enableAccount(tx: Tx, by: AccountActor, id: string, reason: string): Promise<StaffView> {
  const account = await found(tx, id);
  if (!account.disabled) return account;
  checkGrants(by, account.id === by.staffId, {}, account.roles);
  await tx.query("UPDATE staff_account SET disabled_at = NULL, disabled_reason = NULL, disabled_by = NULL WHERE id = $1", [id]);
  await appendAudit(tx, {
    actor: by.actor,
    action: "identity.staff-enabled",
    subject: `staff:${id}`,
    detail: { loginId: account.loginId, reason, disabledAt: account.disabled.at, disabledReason: account.disabled.reason },
  });
  return found(tx, id);
}

/**
 * A one-time password in place of the account's password; its sessions end. Whoever could log in
 * with it holds the account's roles, so resetting needs the right to grant each of them (a
 * 共通基盤 administrator does not reset the 支援措置 supervisor's password).
 */
export async function resetPassword(tx: Tx, by: AccountActor, id: string, reason: string): Promise<IssuedPassword> {
  const account = await found(tx, id);
  if (account.id === by.staffId) {
    throw refused("reset-own-password", "Change your own password instead", "自分のパスワードはパスワード変更から変更してください");
  }
  checkGrants(by, false, {}, account.roles);
  return issueTemporary(tx, by.actor, account, "one-time", "identity.password-reset", reason);
}

async function issueTemporary(tx: Tx, actor: string, account: StaffView, kind: TemporaryKind, action: string, reason: string): Promise<IssuedPassword> {
  const temporaryPassword = newTemporaryPassword();
  const expiresAt = expiry(kind);
  await tx.query("UPDATE staff_account SET password_hash = $2, password_kind = $3, password_expires_at = $4 WHERE id = $1", [
    account.id,
    await hashPassword(temporaryPassword),
    kind,
    expiresAt,
  ]);
  await endSessions(tx, account.id);
  await appendAudit(tx, {
    actor,
    action,
    subject: `staff:${account.id}`,
    detail: { loginId: account.loginId, passwordKind: kind, expiresAt: expiresAt.toISOString(), reason },
  });
  return { account: await found(tx, account.id), temporaryPassword, expiresAt: expiresAt.toISOString() };
}

/** Replaces the holder's password after checking the current one and the rules. */
export async function changeOwnPassword(tx: Tx, staffId: string, current: string, next: string): Promise<void> {
  const row = await tx.query<{ password_hash: string; password_kind: string }>(
    "SELECT password_hash, password_kind FROM staff_account WHERE id = $1 AND disabled_at IS NULL",
    [staffId],
  );
  const account = await found(tx, staffId);
  if (!row.rows[0] || !(await verifyPassword(row.rows[0].password_hash, current))) {
    await appendAudit(tx, { actor: `staff:${staffId}`, action: "identity.password-change-failed", subject: `staff:${staffId}` });
    throw new Problem(422, "current-password-wrong", "The current password is wrong", "現在のパスワードが違います", undefined, [
      { field: "body/currentPassword", message: "does not match" },
    ]);
  }
  await setChosenPassword(tx, account, next, "body/newPassword", "identity.password-changed");
}

/** The holder's own password in place of a temporary one (at log-in) or the old one. */
export async function setChosenPassword(tx: Tx, account: StaffView, next: string, field: string, action: string): Promise<void> {
  await checkPassword(tx, account, next, field);
  await tx.query(
    "UPDATE staff_account SET password_hash = $2, password_kind = 'chosen', password_expires_at = NULL, password_changed_at = now() WHERE id = $1",
    [account.id, await hashPassword(next)],
  );
  await appendAudit(tx, { actor: `staff:${account.id}`, action, subject: `staff:${account.id}`, detail: { loginId: account.loginId, from: account.passwordKind } });
}

export type AdministratorKind = "platform" | "protection";

/**
 * The operator names a municipality's administrator — the first one at onboarding, or a new
 * activation code for the last one — in the municipality's transaction, audited in its chain.
 * A 共通基盤 administrator holds 管理 of 共通基盤 and every business (支援措置 never); a
 * 支援措置 administrator holds 支援措置:管理 only. Refused while the municipality has another
 * enabled administrator of that kind who has activated their account: the town does it itself.
 */
export async function issueAdministrator(
  tx: Tx,
  actor: string,
  input: { loginId: string; displayName: string; kind: AdministratorKind; reason: string },
  modules: readonly string[],
): Promise<IssuedPassword> {
  const module = input.kind === "platform" ? PLATFORM_ROLE_MODULE : PROTECTION_ROLE_MODULE;
  const roles = input.kind === "platform" ? firstAdministratorRoles(modules) : { [PROTECTION_ROLE_MODULE]: ["admin"] as Role[] };
  const others = await tx.query(
    `SELECT 1 FROM staff_account a JOIN staff_role r ON r.tenant_id = a.tenant_id AND r.staff_id = a.id
     WHERE r.module = $1 AND r.role = 'admin' AND a.disabled_at IS NULL AND a.password_kind = 'chosen' AND a.login_id <> $2`,
    [module, input.loginId],
  );
  if (others.rowCount) {
    throw new Problem(409, "administrator-exists", "The municipality has an active administrator, who manages its accounts",
      "この団体には有効な管理者がいます。アカウントの管理は団体の管理者が行います");
  }
  const existing = await getStaffByLoginId(tx, input.loginId);
  if (!existing) {
    const temporaryPassword = newTemporaryPassword();
    const expiresAt = expiry("activation");
    const account = await createStaff(tx, {
      loginId: input.loginId,
      displayName: input.displayName,
      password: temporaryPassword,
      roles,
      temporary: { kind: "activation", expiresAt },
      grantedBy: actor,
    });
    await appendAudit(tx, {
      actor,
      action: "identity.administrator-issued",
      subject: `staff:${account.id}`,
      detail: { loginId: account.loginId, kind: input.kind, roles, expiresAt: expiresAt.toISOString(), reason: input.reason },
    });
    return { account, temporaryPassword, expiresAt: expiresAt.toISOString() };
  }
  // The last administrator, reset: enabled again, the administrator's roles added, a new code.
  const merged: Record<string, Role[]> = { ...existing.roles };
  for (const [m, list] of Object.entries(roles)) merged[m] = [...new Set([...(merged[m] ?? []), ...list])];
  const { granted } = roleChanges(existing.roles, merged);
  if (existing.disabled || Object.keys(granted).length) {
    if (existing.disabled) await tx.query("UPDATE staff_account SET disabled_at = NULL, disabled_reason = NULL, disabled_by = NULL WHERE id = $1", [existing.id]);
    await replaceRoles(tx, existing.id, merged, actor);
    await appendAudit(tx, {
      actor,
      action: "identity.roles-changed",
      subject: `staff:${existing.id}`,
      detail: { loginId: existing.loginId, granted, revoked: {}, reason: input.reason, enabled: existing.disabled !== null },
    });
  }
  return issueTemporary(tx, actor, { ...existing, roles: merged }, "activation", "identity.administrator-reset", input.reason);
}
