// Bringing the platform up: the database (embedded unless DATABASE_URL), roles, migrations,
// the composed Platform object, and the HTTP server. Also the clean shutdown.
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { pino, type Logger } from "pino";
import type { AreaDefinition, Platform } from "./contract.ts";
import type { Config } from "./config.ts";
import { Database } from "./db/database.ts";
import { startEmbeddedPostgres, type EmbeddedServer } from "./db/embedded.ts";
import { APP_ROLE, OPERATOR_ROLE, ensureRoles, randomPassword, roleUrl, type RolePasswords } from "./db/roles.ts";
import { migrate } from "./db/migrate.ts";
import { platformAreas } from "./areas.ts";
import { createSettingsService } from "./settings/service.ts";
import { createEventPublisher } from "./events/publisher.ts";
import { createAddressees } from "./addressee/index.ts";

export const EMBEDDED_DATABASE = "kyodo";

export interface DatabaseHandle {
  db: Database;
  embedded: EmbeddedServer | null;
  createdCluster: boolean;
}

async function embeddedPasswords(dataDir: string): Promise<RolePasswords> {
  const file = path.join(dataDir, "role-passwords.json");
  try {
    return JSON.parse(await fs.readFile(file, "utf8")) as RolePasswords;
  } catch {
    const passwords = { app: randomPassword(), operator: randomPassword() };
    await fs.writeFile(file, JSON.stringify(passwords), { mode: 0o600 });
    return passwords;
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!exists.rowCount) await client.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await client.end();
  }
}

/** Opens the database: starts the embedded PostgreSQL unless DATABASE_URL is set. */
export async function openDatabase(config: Config, log: Logger): Promise<DatabaseHandle> {
  let ownerUrl: string;
  let passwords: RolePasswords;
  let embedded: EmbeddedServer | null = null;
  if (config.databaseUrl) {
    ownerUrl = config.databaseUrl;
    passwords = {
      app: config.appDbPassword ?? randomPassword(),
      operator: config.operatorDbPassword ?? randomPassword(),
    };
  } else {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      onLog: (line) => log.debug({ pg: line.trim() }, "postgres"),
    });
    await ensureDatabase(embedded.ownerUrl("postgres"), EMBEDDED_DATABASE);
    ownerUrl = embedded.ownerUrl(EMBEDDED_DATABASE);
    passwords = await embeddedPasswords(config.dataDir);
  }
  const ownerPool = new pg.Pool({ connectionString: ownerUrl, max: 1 });
  try {
    await ensureRoles(ownerPool, passwords);
  } finally {
    await ownerPool.end();
  }
  const db = new Database(
    {
      owner: ownerUrl,
      app: roleUrl(ownerUrl, APP_ROLE, passwords.app),
      operator: roleUrl(ownerUrl, OPERATOR_ROLE, passwords.operator),
    },
    embedded ? "embedded" : "external",
  );
  return { db, embedded, createdCluster: embedded?.created ?? false };
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
