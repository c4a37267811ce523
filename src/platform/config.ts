// Process configuration, read once from the environment. Every default lives here.
import path from "node:path";

export interface Config {
  /** HTTP port (PORT, default 8080). */
  port: number;
  host: string;
  /** External PostgreSQL (DATABASE_URL). When unset, an embedded PostgreSQL is started. */
  databaseUrl: string | undefined;
  /** Where the embedded PostgreSQL keeps its files (KYODO_DATA_DIR, default ./data). */
  dataDir: string;
  /** Port of the embedded PostgreSQL (KYODO_PG_PORT, default 54329). */
  embeddedPgPort: number;
  /**
   * With DATABASE_URL: the passwords of the application and operator database roles, required
   * (roles that do not exist yet are created with them; ADR 0014). The embedded PostgreSQL
   * keeps its own in KYODO_DATA_DIR/role-passwords.json instead.
   */
  appDbPassword: string | undefined;
  operatorDbPassword: string | undefined;
  logLevel: string;
  /**
   * Whether X-Forwarded-For/-Proto/-Host are believed (KYODO_TRUST_PROXY=true): only behind a
   * reverse proxy that sets them, else a client could claim any address. Default false.
   */
  trustProxy: boolean;
  /** Sessions end after this much idle time and at the latest after maxSessionMinutes. */
  sessionIdleMinutes: number;
  maxSessionMinutes: number;
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

function booleanFromEnv(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  if (["true", "1", "yes"].includes(raw.toLowerCase())) return true;
  if (["false", "0", "no"].includes(raw.toLowerCase())) return false;
  throw new Error(`${name} must be true or false`);
}

export function loadConfig(): Config {
  return {
    port: intFromEnv("PORT", 8080),
    host: process.env.HOST || "127.0.0.1",
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: path.resolve(process.env.KYODO_DATA_DIR || "data"),
    embeddedPgPort: intFromEnv("KYODO_PG_PORT", 54329),
    appDbPassword: process.env.KYODO_APP_DB_PASSWORD || undefined,
    operatorDbPassword: process.env.KYODO_OPERATOR_DB_PASSWORD || undefined,
    logLevel: process.env.LOG_LEVEL || "info",
    trustProxy: booleanFromEnv("KYODO_TRUST_PROXY", false),
    sessionIdleMinutes: intFromEnv("KYODO_SESSION_IDLE_MINUTES", 30),
    maxSessionMinutes: intFromEnv("KYODO_SESSION_MAX_MINUTES", 12 * 60),
  };
}
