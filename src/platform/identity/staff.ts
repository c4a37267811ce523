// Staff accounts (職員) of one municipality and their roles per module. Runs in a tenant
// transaction, so row-level security keeps every query inside the municipality. A disabled
// account stays (its log-in ID stays taken, its name names it in the audit log) and is listed,
// marked; the rules for changing accounts are in account-lifecycle.ts.
import type { Tx } from "../db/database.ts";
import type { Role } from "../contract.ts";
import { hashPassword } from "./password.ts";
import { problems } from "../http/problem.ts";
import type { TemporaryKind } from "./temporary-password.ts";

export type PasswordKind = "chosen" | TemporaryKind;

export interface StaffView {
  id: string;
  loginId: string;
  displayName: string;
  roles: Record<string, Role[]>;
  /** Log-ins to this account are held back from sources it has not logged in from (ADR 0015). */
  locked: boolean;
  /** chosen: the holder's own; activation / one-time: temporary, to be replaced at the next log-in. */
  passwordKind: PasswordKind;
  /** When a temporary password stops working. */
  passwordExpiresAt: string | null;
  disabled: { at: string; reason: string | null } | null;
  createdAt: string;
}

const SELECT_STAFF = `
  SELECT a.id, a.login_id, a.display_name, a.password_kind, a.password_expires_at, a.disabled_at, a.disabled_reason, a.created_at,
         EXISTS (SELECT 1 FROM login_throttle t
                 WHERE t.tenant_id = a.tenant_id AND t.kind = 'account' AND t.blocked_until > now()
                   AND t.account_key = sha256(convert_to(a.tenant_id || ':' || a.login_id, 'UTF8'))) AS locked,
         coalesce((SELECT json_object_agg(module, roles) FROM (
           SELECT module, json_agg(role ORDER BY role) AS roles FROM staff_role r
           WHERE r.staff_id = a.id GROUP BY module) m), '{}') AS roles
  FROM staff_account a`;

const iso = (d: unknown) => (d ? (d as Date).toISOString() : null);

function toView(r: Record<string, unknown>): StaffView {
  return {
    id: r.id as string,
    loginId: r.login_id as string,
    displayName: r.display_name as string,
    roles: r.roles as Record<string, Role[]>,
    locked: r.locked as boolean,
    passwordKind: r.password_kind as PasswordKind,
    passwordExpiresAt: iso(r.password_expires_at),
    disabled: r.disabled_at ? { at: iso(r.disabled_at)!, reason: (r.disabled_reason as string | null) ?? null } : null,
    createdAt: iso(r.created_at)!,
  };
}

/** Every account, enabled ones first, then by log-in ID. */
export async function listStaff(tx: Tx): Promise<StaffView[]> {
  return (await tx.query(`${SELECT_STAFF} ORDER BY a.disabled_at IS NOT NULL, a.login_id`)).rows.map(toView);
}

export async function getStaff(tx: Tx, id: string): Promise<StaffView | undefined> {
  const row = (await tx.query(`${SELECT_STAFF} WHERE a.id = $1`, [id])).rows[0];
  return row ? toView(row) : undefined;
}

export async function getStaffByLoginId(tx: Tx, loginId: string): Promise<StaffView | undefined> {
  const row = (await tx.query(`${SELECT_STAFF} WHERE a.login_id = $1`, [loginId])).rows[0];
  return row ? toView(row) : undefined;
}

/**
 * Inserts an account with its roles. This is the data write only: the routes check the password
 * rules and who may grant what (account-lifecycle.ts); fixtures and the demo call it directly.
 */
export async function createStaff(
  tx: Tx,
  input: {
    loginId: string;
    displayName: string;
    password: string;
    roles: Record<string, Role[]>;
    /** A temporary password and when it expires; default: a password of the holder's own. */
    temporary?: { kind: TemporaryKind; expiresAt: Date };
    grantedBy?: string;
  },
): Promise<StaffView> {
  const passwordHash = await hashPassword(input.password);
  const inserted = await tx.query(
    `INSERT INTO staff_account (tenant_id, login_id, display_name, password_hash, password_kind, password_expires_at)
     VALUES (current_setting('kyodo.tenant_id', true), $1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, login_id) DO NOTHING RETURNING id`,
    [input.loginId, input.displayName, passwordHash, input.temporary?.kind ?? "chosen", input.temporary?.expiresAt ?? null],
  );
  if (!inserted.rowCount) {
    throw problems.conflict("login-id-taken", "This log-in ID is already used", "このログインIDは既に使われています");
  }
  const id = inserted.rows[0].id as string;
  await replaceRoles(tx, id, input.roles, input.grantedBy ?? null);
  return (await getStaff(tx, id))!;
}

/** Sets the account's roles to exactly these (rows granted earlier and kept keep their grant). */
export async function replaceRoles(tx: Tx, staffId: string, roles: Record<string, readonly Role[]>, grantedBy: string | null): Promise<void> {
  const pairs = Object.entries(roles).flatMap(([module, list]) => [...new Set(list)].map((role) => ({ module, role })));
  await tx.query(
    `DELETE FROM staff_role WHERE staff_id = $1
       AND (module, role) NOT IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
    [staffId, pairs.map((p) => p.module), pairs.map((p) => p.role)],
  );
  await tx.query(
    `INSERT INTO staff_role (tenant_id, staff_id, module, role, granted_by)
     SELECT current_setting('kyodo.tenant_id', true), $1, m, r, $4 FROM unnest($2::text[], $3::text[]) AS x (m, r)
     ON CONFLICT DO NOTHING`,
    [staffId, pairs.map((p) => p.module), pairs.map((p) => p.role), grantedBy],
  );
}
