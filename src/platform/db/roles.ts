// The login roles the platform runs as. Created (or their passwords refreshed) by the owner
// before migrations run. Roles are cluster-wide, so several kyodo databases share them.
import crypto from "node:crypto";
import type pg from "pg";

export const APP_ROLE = "kyodo_app";
export const OPERATOR_ROLE = "kyodo_operator";

export interface RolePasswords {
  app: string;
  operator: string;
}

export function randomPassword(): string {
  return crypto.randomBytes(18).toString("base64url");
}

export async function ensureRoles(owner: pg.Pool | pg.Client, passwords: RolePasswords): Promise<void> {
  // Serialise concurrent starts (e.g. parallel test workers) on role creation.
  await owner.query("SELECT pg_advisory_lock(4242001)");
  try {
    for (const [role, password, bypass] of [
      [APP_ROLE, passwords.app, "NOBYPASSRLS"],
      [OPERATOR_ROLE, passwords.operator, "BYPASSRLS"],
    ] as const) {
      const exists = await owner.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
      const verb = exists.rowCount ? "ALTER" : "CREATE";
      // Identifiers are constants; the password is a generated or configured secret, quoted
      // with PostgreSQL's own quote_literal since DDL cannot take bound parameters.
      const literal = (await owner.query("SELECT quote_literal($1) AS q", [password])).rows[0].q as string;
      await owner.query(
        `${verb} ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE ${bypass} PASSWORD ${literal}`,
      );
    }
  } finally {
    await owner.query("SELECT pg_advisory_unlock(4242001)");
  }
}

export function roleUrl(ownerUrl: string, role: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password;
  return url.toString();
}
