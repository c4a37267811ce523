// Staff accounts (職員) of one municipality and their roles per module. Runs in a tenant
// transaction, so row-level security keeps every query inside the municipality.
import type { Tx } from "../db/database.ts";
import type { Role } from "../contract.ts";
import { hashPassword } from "./password.ts";
import { problems } from "../http/problem.ts";

export interface StaffView {
  id: string;
  loginId: string;
  displayName: string;
  roles: Record<string, Role[]>;
  /** Log-ins to this account are held back from sources it has not logged in from (ADR 0015). */
  locked: boolean;
}

const SELECT_STAFF = `
  SELECT a.id, a.login_id, a.display_name,
         EXISTS (SELECT 1 FROM login_throttle t
                 WHERE t.tenant_id = a.tenant_id AND t.kind = 'account' AND t.blocked_until > now()
                   AND t.account_key = sha256(convert_to(a.tenant_id || ':' || a.login_id, 'UTF8'))) AS locked,
         coalesce((SELECT json_object_agg(module, roles) FROM (
           SELECT module, json_agg(role ORDER BY role) AS roles FROM staff_role r
           WHERE r.staff_id = a.id GROUP BY module) m), '{}') AS roles
  FROM staff_account a WHERE a.disabled_at IS NULL`;

function toView(r: Record<string, unknown>): StaffView {
  return {
    id: r.id as string,
    loginId: r.login_id as string,
    displayName: r.display_name as string,
    roles: r.roles as Record<string, Role[]>,
    locked: r.locked as boolean,
  };
}

export async function listStaff(tx: Tx): Promise<StaffView[]> {
  return (await tx.query(`${SELECT_STAFF} ORDER BY a.login_id`)).rows.map(toView);
}

export async function getStaff(tx: Tx, id: string): Promise<StaffView | undefined> {
  const row = (await tx.query(`${SELECT_STAFF} AND a.id = $1`, [id])).rows[0];
  return row ? toView(row) : undefined;
}

export async function createStaff(
  tx: Tx,
  input: { loginId: string; displayName: string; password: string; roles: Record<string, Role[]> },
): Promise<StaffView> {
  const passwordHash = await hashPassword(input.password);
  const inserted = await tx.query(
    `INSERT INTO staff_account (tenant_id, login_id, display_name, password_hash)
     VALUES (current_setting('kyodo.tenant_id', true), $1, $2, $3)
     ON CONFLICT (tenant_id, login_id) DO NOTHING RETURNING id`,
    [input.loginId, input.displayName, passwordHash],
  );
  if (!inserted.rowCount) {
    throw problems.conflict("login-id-taken", "This log-in ID is already used", "このログインIDは既に使われています");
  }
  const id = inserted.rows[0].id as string;
  for (const [module, roles] of Object.entries(input.roles)) {
    for (const role of new Set(roles)) {
      await tx.query(
        `INSERT INTO staff_role (tenant_id, staff_id, module, role) VALUES (current_setting('kyodo.tenant_id', true), $1, $2, $3)`,
        [id, module, role],
      );
    }
  }
  return (await getStaff(tx, id))!;
}
