// Sessions: an unguessable token in an HTTP-only, SameSite=Strict cookie; the database keeps
// only its SHA-256. Each session carries a CSRF token that state-changing requests must echo in
// the `x-csrf-token` header (synchronizer-token pattern). The CSRF token is an HMAC of the
// session token, so it is stored nowhere and the stored hash does not reveal it (ADR 0016).
// kyodo_app reaches staff_session only through the kyodo_session_* functions.
import crypto from "node:crypto";
import { ACTOR_SETTING, TENANT_SETTING, type Database } from "../db/database.ts";
import type { Role } from "../contract.ts";
import type { Principal } from "./principal.ts";

export const SESSION_COOKIE = "kyodo_session";

/** The platform's limits (KYODO_SESSION_IDLE_MINUTES, KYODO_SESSION_MAX_MINUTES); a municipality's settings may only shorten them. */
export interface SessionPolicy {
  idleMinutes: number;
  maxMinutes: number;
}

/** The limits of a municipality's sessions: its settings, within the platform's. */
export function effectiveLimits(policy: SessionPolicy, settings: Partial<SessionPolicy>): SessionPolicy {
  return {
    idleMinutes: Math.min(policy.idleMinutes, settings.idleMinutes ?? policy.idleMinutes),
    maxMinutes: Math.min(policy.maxMinutes, settings.maxMinutes ?? policy.maxMinutes),
  };
}

export function hashToken(token: string): Buffer {
  return crypto.createHash("sha256").update(token).digest();
}

/** The session's CSRF token: HMAC-SHA-256 keyed by the session token, 24 bytes, base64url (32 characters). */
export function csrfTokenOf(token: string): string {
  return crypto.createHmac("sha256", token).update("kyodo csrf token v1").digest().subarray(0, 24).toString("base64url");
}

export async function createSession(
  db: Database,
  owner: { tenantId: string; staffId: string } | { operatorId: string },
  policy: SessionPolicy,
): Promise<{ token: string; csrfToken: string }> {
  const token = crypto.randomBytes(32).toString("base64url");
  const isStaff = "staffId" in owner;
  await db.withoutTenant((tx) =>
    tx.query("SELECT kyodo_session_start($1, $2, $3, $4, $5, $6)", [
      hashToken(token),
      isStaff ? owner.tenantId : null,
      isStaff ? owner.staffId : null,
      isStaff ? null : owner.operatorId,
      policy.maxMinutes,
      policy.idleMinutes,
    ]),
  );
  return { token, csrfToken: csrfTokenOf(token) };
}

export type SessionLookup = { principal: Principal } | { expired: true } | null;

/**
 * The principal of a session token, in one transaction on one connection: the session row from
 * kyodo_session_find (its last_seen_at refreshed in the same statement, at most every 15 s; an
 * operator's display name with it), then, for staff, the
 * tenant set for the transaction as withTenant sets it, and the account with its roles in one
 * query. Every request of a logged-in user goes through here, so it costs five round trips
 * rather than two transactions of nine.
 */
export async function loadSession(db: Database, token: string, policy: SessionPolicy): Promise<SessionLookup> {
  const tokenHash = hashToken(token);
  return db.withoutTenant(async (tx): Promise<SessionLookup> => {
    const found = await tx.query(
      `SELECT session_tenant_id AS tenant_id, session_staff_id AS staff_id, session_operator_id AS operator_id,
              operator_display_name, is_expired
       FROM kyodo_session_find($1, $2)`,
      [tokenHash, policy.idleMinutes],
    );
    const row = found.rows[0];
    if (!row) return null;
    if (row.is_expired) return { expired: true };
    const csrfToken = csrfTokenOf(token);
    if (row.operator_id) {
      if (row.operator_display_name === null) return null;
      return {
        principal: {
          kind: "operator",
          operatorId: row.operator_id,
          displayName: row.operator_display_name,
          csrfToken,
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
        csrfToken,
        sessionHash: tokenHash,
      },
    };
  });
}

export async function endSession(db: Database, tokenHash: Buffer): Promise<void> {
  await db.withoutTenant((tx) => tx.query("SELECT kyodo_session_end($1)", [tokenHash]));
}
