// Bringing the platform up: the database (embedded unless DATABASE_URL), roles, migrations,
// the composed Platform object. Also letting go of the database again (ADR 0014).
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { pino, type Logger } from "pino";
import type { AreaDefinition, Platform } from "./contract.ts";
import type { Config } from "./config.ts";
import { Database, DatabaseSetupError, whereIs } from "./db/database.ts";
import { startEmbeddedPostgres, type EmbeddedServer } from "./db/embedded.ts";
import {
  APP_ROLE,
  OPERATOR_ROLE,
  checkRoleLogins,
  createMissingRoles,
  ensureRoles,
  randomPassword,
  roleUrl,
  type RolePasswords,
} from "./db/roles.ts";
import { migrate, pendingMigrations } from "./db/migrate.ts";
import { platformAreas } from "./areas.ts";
import { createSettingsService } from "./settings/service.ts";
import { createEventPublisher } from "./events/publisher.ts";
import { createAddressees } from "./addressee/index.ts";

export const EMBEDDED_DATABASE = "kyodo";

export interface DatabaseHandle {
  db: Database;
  embedded: EmbeddedServer | null;
  createdCluster: boolean;
  /** Closes the pools and leaves the embedded cluster (stopped when no other kyodo process uses it). */
  close(): Promise<void>;
}

export interface OpenOptions {
  areas: readonly AreaDefinition[];
  /**
   * True (serve, migrate, demo): create the database and the roles when missing and apply the
   * migrations. False: the schema must be there and current, or the command fails saying so.
   */
  migrate: boolean;
}

const ROLE_PASSWORDS_FILE = "role-passwords.json";

/** The owner's connection to the database, and how to let go of the cluster behind it. */
interface Owner {
  url: string;
  embedded: EmbeddedServer | null;
  /** Where the role passwords come from, for messages. */
  passwordSource: { app: string; operator: string };
}

async function ensureDatabase(adminUrl: string, name: string, create: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount) return;
    if (!create) {
      throw new DatabaseSetupError(
        `no kyodo database in this data directory's PostgreSQL (${whereIs(adminUrl)}): the platform was never set up here`,
        "check KYODO_DATA_DIR; to set up the platform here, run `kyodo migrate` (or `kyodo serve`)",
      );
    }
    await client.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await client.end();
  }
}

async function openOwner(config: Config, log: Logger, createDatabase: boolean): Promise<Owner> {
  if (config.databaseUrl) {
    return {
      url: config.databaseUrl,
      embedded: null,
      passwordSource: { app: "KYODO_APP_DB_PASSWORD", operator: "KYODO_OPERATOR_DB_PASSWORD" },
    };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPgPort,
    onLog: (line) => log.debug({ pg: line.trim() }, "postgres"),
  });
  try {
    await ensureDatabase(embedded.ownerUrl("postgres"), EMBEDDED_DATABASE, createDatabase);
  } catch (error) {
    await embedded.leave();
    throw error;
  }
  const file = path.join(config.dataDir, ROLE_PASSWORDS_FILE);
  return { url: embedded.ownerUrl(EMBEDDED_DATABASE), embedded, passwordSource: { app: file, operator: file } };
}

/** The embedded cluster's role passwords: generated once into the data directory, when allowed. */
async function embeddedPasswords(dataDir: string, create: boolean): Promise<RolePasswords> {
  const file = path.join(dataDir, ROLE_PASSWORDS_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    if (!create) {
      throw new DatabaseSetupError(`${file} is missing`, "give the roles new passwords with `kyodo db rotate-passwords` (then restart any running kyodo serve)");
    }
    const passwords = { app: randomPassword(), operator: randomPassword() };
    await fs.writeFile(file, JSON.stringify(passwords), { mode: 0o600, flag: "wx" }).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== "EEXIST") throw e;
    });
    // Another process may have written it first: its passwords are the ones.
    return embeddedPasswords(dataDir, false);
  }
  try {
    const parsed = JSON.parse(text) as Partial<RolePasswords>;
    if (typeof parsed.app === "string" && typeof parsed.operator === "string") return { app: parsed.app, operator: parsed.operator };
  } catch {
    // reported below
  }
  throw new DatabaseSetupError(`${file} is not a JSON object with "app" and "operator" passwords`, "give the roles new passwords with `kyodo db rotate-passwords`");
}

/** With DATABASE_URL the passwords are configuration: both are required. */
function configuredPasswords(config: Config): RolePasswords {
  if (!config.appDbPassword || !config.operatorDbPassword) {
    throw new DatabaseSetupError(
      `with DATABASE_URL, kyodo logs in as ${APP_ROLE} and ${OPERATOR_ROLE} with the passwords in KYODO_APP_DB_PASSWORD and KYODO_OPERATOR_DB_PASSWORD, and ${!config.appDbPassword ? "KYODO_APP_DB_PASSWORD" : "KYODO_OPERATOR_DB_PASSWORD"} is not set`,
      "set both (new roles are created with them; e.g. `openssl rand -base64 24` for each), or run `kyodo db rotate-passwords` to give the roles new passwords and print them",
    );
  }
  return { app: config.appDbPassword, operator: config.operatorDbPassword };
}

/** Refuses a database with no kyodo schema or with migrations not applied. */
async function requireCurrentSchema(ownerUrl: string, areas: readonly AreaDefinition[]): Promise<void> {
  const pool = new pg.Pool({ connectionString: ownerUrl, max: 1 });
  try {
    const pending = await pendingMigrations(pool, migrationSources(areas));
    if (pending === null) {
      throw new DatabaseSetupError(
        `no kyodo schema in the database ${whereIs(ownerUrl)}`,
        "check DATABASE_URL (or KYODO_DATA_DIR) names the platform's database; to set up kyodo there, run `kyodo migrate`",
      );
    }
    if (pending.length) {
      throw new DatabaseSetupError(
        `the database ${whereIs(ownerUrl)} lacks ${pending.length} of this kyodo's migrations (first: ${pending[0]!.area}/${pending[0]!.name})`,
        "run `kyodo migrate` (or restart `kyodo serve`, which applies them)",
      );
    }
  } finally {
    await pool.end();
  }
}

/**
 * Opens the database: the embedded PostgreSQL of KYODO_DATA_DIR (joined when running, started
 * when not) unless DATABASE_URL is set. Never changes a role's password (ADR 0014).
 */
export async function openDatabase(config: Config, log: Logger, options: OpenOptions): Promise<DatabaseHandle> {
  const owner = await openOwner(config, log, options.migrate);
  const leave = async () => {
    await owner.embedded?.leave();
  };
  let db: Database | undefined;
  try {
    if (!options.migrate) await requireCurrentSchema(owner.url, options.areas);
    const passwords = owner.embedded ? await embeddedPasswords(config.dataDir, options.migrate) : configuredPasswords(config);
    if (options.migrate) {
      const ownerPool = new pg.Pool({ connectionString: owner.url, max: 1 });
      try {
        await createMissingRoles(ownerPool, passwords);
      } finally {
        await ownerPool.end();
      }
    }
    await checkRoleLogins(owner.url, passwords, owner.passwordSource, "run `kyodo migrate`, which creates it");
    db = new Database(
      {
        owner: owner.url,
        app: roleUrl(owner.url, APP_ROLE, passwords.app),
        operator: roleUrl(owner.url, OPERATOR_ROLE, passwords.operator),
      },
      owner.embedded ? "embedded" : "external",
    );
    if (options.migrate) await migrateAll(db, options.areas);
  } catch (error) {
    await db?.close().catch(() => {});
    await leave().catch(() => {});
    throw error;
  }
  const opened = db;
  return {
    db: opened,
    embedded: owner.embedded,
    createdCluster: owner.embedded?.created ?? false,
    async close() {
      await opened.close().catch(() => {});
      await leave();
    },
  };
}

export interface RotatedPasswords {
  passwords: RolePasswords;
  /** The file they were written to (embedded), or null: the caller shows them (DATABASE_URL). */
  file: string | null;
  /** Whether they came from KYODO_*_DB_PASSWORD (DATABASE_URL) rather than being generated. */
  configured: { app: boolean; operator: boolean };
}

/**
 * `kyodo db rotate-passwords`: gives both roles new passwords. Embedded: generated and written
 * to the data directory. DATABASE_URL: the configured ones where set, else generated.
 */
export async function rotateRolePasswords(config: Config, log: Logger): Promise<RotatedPasswords> {
  const owner = await openOwner(config, log, true);
  try {
    const external = !owner.embedded;
    const configured = { app: external && !!config.appDbPassword, operator: external && !!config.operatorDbPassword };
    const passwords = {
      app: (configured.app && config.appDbPassword) || randomPassword(),
      operator: (configured.operator && config.operatorDbPassword) || randomPassword(),
    };
    const file = external ? null : path.join(config.dataDir, ROLE_PASSWORDS_FILE);
    // The new file is written before the roles change and renamed after, so a failure between
    // leaves the old passwords in both places.
    if (file) await fs.writeFile(`${file}.new`, JSON.stringify(passwords), { mode: 0o600 });
    const client = new pg.Client({ connectionString: owner.url });
    await client.connect();
    try {
      await ensureRoles(client, passwords);
    } finally {
      await client.end();
    }
    if (file) await fs.rename(`${file}.new`, file);
    return { passwords, file, configured };
  } finally {
    await owner.embedded?.leave();
  }
}

export function migrationSources(areas: readonly AreaDefinition[]) {
  return areas.filter((a) => a.migrations).map((a) => ({ area: a.id, dir: a.migrations! }));
}

export function composePlatform(db: Database, areas: readonly AreaDefinition[], log: Logger): Platform {
  const events = createEventPublisher(areas);
  return { db, log, areas, settings: createSettingsService(areas), events, addressees: createAddressees(events) };
}

export function allAreas(config: Config, modules: readonly AreaDefinition[]): AreaDefinition[] {
  return [
    ...platformAreas({ idleMinutes: config.sessionIdleMinutes, maxMinutes: config.maxSessionMinutes }),
    ...modules,
  ];
}

export async function migrateAll(db: Database, areas: readonly AreaDefinition[]) {
  return migrate(db.owner, migrationSources(areas));
}

export function createLogger(level: string): Logger {
  return pino({ level });
}
