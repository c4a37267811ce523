// Sessions: an unguessable token in an HTTP-only, SameSite=Strict cookie; the database keeps
// only its SHA-256. Each session carries a CSRF token that state-changing requests must echo in
// the `x-csrf-token` header (synchronizer-token pattern).
import crypto from "node:crypto";
import { ACTOR_SETTING, TENANT_SETTING, type Database } from "../db/database.ts";
import type { Role } from "../contract.ts";
import type { Principal } from "./principal.ts";

export const SESSION_COOKIE = "kyodo_session";

export interface SessionPolicy {
  idleMinutes: number;
  maxMinutes: number;
}

export function hashToken(token: string): Buffer {
  return crypto.createHash("sha256").update(token).digest();
}

export async function createSession(
  db: Database,
  owner: { tenantId: string; staffId: string } | { operatorId: string },
  policy: SessionPolicy,
): Promise<{ token: string; csrfToken: string }> {
  const token = crypto.randomBytes(32).toString("base64url");
  const csrfToken = crypto.randomBytes(24).toString("base64url");
  const isStaff = "staffId" in owner;
  await db.withoutTenant((tx) =>
    tx.query(
      `INSERT INTO staff_session (token_hash, tenant_id, staff_id, operator_id, csrf_token, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6))`,
      [
        hashToken(token),
        isStaff ? owner.tenantId : null,
        isStaff ? owner.staffId : null,
        isStaff ? null : owner.operatorId,
        csrfToken,
        policy.maxMinutes,
      ],
    ),
  );
  return { token, csrfToken };
}

export type SessionLookup = { principal: Principal } | { expired: true } | null;

/**
 * The principal of a session token, in one transaction on one connection: the session row (its
 * last_seen_at refreshed in the same statement, at most every 15 s), then, for staff, the
 * tenant set for the transaction as withTenant sets it, and the account with its roles in one
 * query. Every request of a logged-in user goes through here, so it costs five round trips
 * rather than two transactions of nine.
 */
export async function loadSession(db: Database, token: string, policy: SessionPolicy): Promise<SessionLookup> {
  const tokenHash = hashToken(token);
  return db.withoutTenant(async (tx): Promise<SessionLookup> => {
    const found = await tx.query(
      `WITH found AS (
         SELECT tenant_id, staff_id, operator_id, csrf_token,
                (ended_at IS NOT NULL OR expires_at < now()
                 OR last_seen_at < now() - make_interval(mins => $2)) AS is_expired
         FROM staff_session WHERE token_hash = $1
       ), touched AS (
         UPDATE staff_session SET last_seen_at = now()
         WHERE token_hash = $1 AND last_seen_at < now() - interval '15 seconds'
           AND EXISTS (SELECT 1 FROM found WHERE NOT found.is_expired)
       )
       SELECT * FROM found`,
      [tokenHash, policy.idleMinutes],
    );
    const row = found.rows[0];
    if (!row) return null;
    if (row.is_expired) return { expired: true };
    if (row.operator_id) {
      const op = await tx.query("SELECT display_name FROM operator_account WHERE id = $1", [row.operator_id]);
      if (!op.rowCount) return null;
      return {
        principal: {
          kind: "operator",
          operatorId: row.operator_id,
          displayName: op.rows[0].display_name,
          csrfToken: row.csrf_token,
          sessionHash: tokenHash,
        },
      };
    }
    // As withTenant does: the tenant for this transaction only, so RLS shows its staff alone.
    await tx.query(`SELECT set_config($1, $2, true), set_config($3, $4, true)`, [TENANT_SETTING, row.tenant_id, ACTOR_SETTING, "system"]);
    const staff = await tx.query<{ display_name: string; roles: { module: string; role: Role }[] }>(
      `SELECT a.display_name,
              coalesce((SELECT json_agg(json_build_object('module', r.module, 'role', r.role) ORDER BY r.module, r.role)
                        FROM staff_role r WHERE r.staff_id = a.id), '[]') AS roles
       FROM staff_account a WHERE a.id = $1 AND a.disabled_at IS NULL`,
      [row.staff_id],
    );
    if (!staff.rowCount) return null;
    const byModule: Record<string, Role[]> = {};
    for (const r of staff.rows[0]!.roles) (byModule[r.module] ??= []).push(r.role);
    return {
      principal: {
        kind: "staff",
        staffId: row.staff_id,
        tenantId: row.tenant_id,
        displayName: staff.rows[0]!.display_name,
        roles: byModule,
        csrfToken: row.csrf_token,
        sessionHash: tokenHash,
      },
    };
  });
}

export async function endSession(db: Database, tokenHash: Buffer): Promise<void> {
  await db.withoutTenant((tx) =>
    tx.query("UPDATE staff_session SET ended_at = now() WHERE token_hash = $1 AND ended_at IS NULL", [tokenHash]),
  );
}
