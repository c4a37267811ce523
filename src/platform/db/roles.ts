// The login roles the platform runs as. Roles are cluster-wide, so several kyodo databases
// share them. Starting a process never changes an existing role's password (ADR 0014): it
// creates a missing role with the configured password and checks that an existing one accepts
// it. Only `kyodo db rotate-passwords` (and test set-up on a fresh cluster) set passwords.
import crypto from "node:crypto";
import pg from "pg";
import { DatabaseSetupError } from "./database.ts";

export const APP_ROLE = "kyodo_app";
export const OPERATOR_ROLE = "kyodo_operator";

export interface RolePasswords {
  app: string;
  operator: string;
}

export function randomPassword(): string {
  return crypto.randomBytes(18).toString("base64url");
}

const ROLES = [
  { role: APP_ROLE, key: "app", bypass: "NOBYPASSRLS" },
  { role: OPERATOR_ROLE, key: "operator", bypass: "BYPASSRLS" },
] as const;

// Serialises concurrent starts (e.g. parallel test workers) on role creation.
const ROLE_LOCK = 4242001;

async function withRoleLock<T>(owner: pg.Pool | pg.Client, fn: () => Promise<T>): Promise<T> {
  await owner.query("SELECT pg_advisory_lock($1)", [ROLE_LOCK]);
  try {
    return await fn();
  } finally {
    await owner.query("SELECT pg_advisory_unlock($1)", [ROLE_LOCK]);
  }
}

async function roleStatement(owner: pg.Pool | pg.Client, verb: "CREATE" | "ALTER", r: (typeof ROLES)[number], password: string) {
  // Identifiers are constants; the password is a generated or configured secret, quoted
  // with PostgreSQL's own quote_literal since DDL cannot take bound parameters.
  const literal = (await owner.query("SELECT quote_literal($1) AS q", [password])).rows[0].q as string;
  await owner.query(`${verb} ROLE ${r.role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE ${r.bypass} PASSWORD ${literal}`);
}

async function roleExists(owner: pg.Pool | pg.Client, role: string): Promise<boolean> {
  return ((await owner.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role])).rowCount ?? 0) > 0;
}

/** Creates the roles that do not exist yet with these passwords; leaves existing ones as they are. */
export async function createMissingRoles(owner: pg.Pool | pg.Client, passwords: RolePasswords): Promise<void> {
  await withRoleLock(owner, async () => {
    for (const r of ROLES) if (!(await roleExists(owner, r.role))) await roleStatement(owner, "CREATE", r, passwords[r.key]);
  });
}

/**
 * Gives both roles these passwords, creating a missing one: what `kyodo db rotate-passwords`
 * does, and test set-up on a cluster of its own. A running server keeps its open connections
 * but cannot open new ones until it is given the new passwords.
 */
export async function ensureRoles(owner: pg.Pool | pg.Client, passwords: RolePasswords): Promise<void> {
  await withRoleLock(owner, async () => {
    for (const r of ROLES) await roleStatement(owner, (await roleExists(owner, r.role)) ? "ALTER" : "CREATE", r, passwords[r.key]);
  });
}

/**
 * Checks that each role exists and logs in with its password, so a wrong password stops the
 * command at once with what to do, not at the first request. `source` names where the passwords
 * came from (an environment variable, a file); `missingHint` says what to do about a missing role.
 */
export async function checkRoleLogins(
  ownerUrl: string,
  passwords: RolePasswords,
  source: { app: string; operator: string },
  missingHint: string,
): Promise<void> {
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    for (const r of ROLES) {
      if (!(await roleExists(owner, r.role))) {
        throw new DatabaseSetupError(`the database role ${r.role} does not exist`, missingHint);
      }
    }
  } finally {
    await owner.end();
  }
  for (const r of ROLES) {
    const client = new pg.Client({ connectionString: roleUrl(ownerUrl, r.role, passwords[r.key]) });
    try {
      await client.connect();
    } catch (error) {
      if ((error as { code?: string }).code !== "28P01") throw error;
      throw new DatabaseSetupError(
        `the database role ${r.role} does not accept the password in ${source[r.key]}`,
        `put the role's password there, or give both roles new passwords with \`kyodo db rotate-passwords\` (then restart any running kyodo serve)`,
      );
    }
    await client.end();
  }
}

export function roleUrl(ownerUrl: string, role: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password;
  return url.toString();
}
