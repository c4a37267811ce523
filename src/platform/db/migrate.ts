// Forward-only migrations: plain, ordered SQL files (`0001_name.sql`) per platform area and
// per module, applied in the order areas are listed, each in its own transaction, once.
import fs from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type pg from "pg";

export interface MigrationSource {
  area: string;
  dir: URL;
}

export interface AppliedMigration {
  area: string;
  name: string;
}

async function listFiles(source: MigrationSource): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(fileURLToPath(source.dir));
  } catch {
    return [];
  }
  return names.filter((n) => /^\d{4}_[\w-]+\.sql$/.test(n)).sort();
}

export async function migrate(owner: pg.Pool, sources: MigrationSource[]): Promise<AppliedMigration[]> {
  const client = await owner.connect();
  const applied: AppliedMigration[] = [];
  try {
    await client.query("SELECT pg_advisory_lock(4242002)");
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migration (
      area text NOT NULL, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (area, name))`);
    const done = new Set(
      (await client.query("SELECT area || '/' || name AS id FROM schema_migration")).rows.map((r) => r.id as string),
    );
    for (const source of sources) {
      for (const name of await listFiles(source)) {
        if (done.has(`${source.area}/${name}`)) continue;
        const sql = await fs.readFile(new URL(name, source.dir), "utf8");
        try {
          await client.query("BEGIN");
          await client.query(sql);
          await client.query("INSERT INTO schema_migration (area, name) VALUES ($1, $2)", [source.area, name]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw new Error(`migration ${source.area}/${name} failed: ${(error as Error).message}`, { cause: error });
        }
        applied.push({ area: source.area, name });
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock(4242002)").catch(() => {});
    client.release();
  }
  return applied;
}

/** The schema version: how many migrations have been applied. */
export async function schemaVersion(pool: pg.Pool): Promise<number> {
  const result = await pool.query("SELECT count(*)::int AS n FROM schema_migration");
  return result.rows[0].n as number;
}

/**
 * The migrations not yet applied, or null when the database holds no kyodo schema at all.
 * Commands that only read (audit verify, export) check this instead of migrating, so a
 * command pointed at the wrong database says so rather than creating a schema there.
 */
export async function pendingMigrations(pool: pg.Pool, sources: MigrationSource[]): Promise<AppliedMigration[] | null> {
  const present = (await pool.query("SELECT to_regclass('schema_migration') IS NOT NULL AS present")).rows[0].present as boolean;
  if (!present) return null;
  const done = new Set(
    (await pool.query("SELECT area || '/' || name AS id FROM schema_migration")).rows.map((r) => r.id as string),
  );
  const pending: AppliedMigration[] = [];
  for (const source of sources) {
    for (const name of await listFiles(source)) if (!done.has(`${source.area}/${name}`)) pending.push({ area: source.area, name });
  }
  return pending;
}
