// A throw-away embedded PostgreSQL for one benchmark run: a fresh cluster in a temporary
// directory on a free port, the platform's roles and every migration applied, removed at the end.
// Benchmarks therefore measure the real schema, roles and RLS policies, as the tests do.
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../src/platform/db/embedded.ts";
import { APP_ROLE, OPERATOR_ROLE, ensureRoles, randomPassword, roleUrl } from "../src/platform/db/roles.ts";
import { Database } from "../src/platform/db/database.ts";
import { migrate } from "../src/platform/db/migrate.ts";
import { allAreas, migrationSources } from "../src/platform/start.ts";
import { loadConfig } from "../src/platform/config.ts";
import { modules } from "../src/main.ts";

const DATABASE = "kyodo_bench";

export interface BenchDatabase {
  db: Database;
  /** A directory the PostgreSQL server can read, for server-side COPY … FROM 'file'. */
  fileDir: string;
  postgresVersion: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export async function startBenchDatabase(): Promise<BenchDatabase> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "kyodo-bench-"));
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  try {
    const passwords = { app: randomPassword(), operator: randomPassword() };
    const admin = new pg.Client({ connectionString: server.ownerUrl("postgres") });
    await admin.connect();
    await ensureRoles(admin, passwords);
    await admin.query(`CREATE DATABASE ${DATABASE} ENCODING 'UTF8' TEMPLATE template0`);
    await admin.end();
    const ownerUrl = server.ownerUrl(DATABASE);
    const db = new Database(
      {
        owner: ownerUrl,
        app: roleUrl(ownerUrl, APP_ROLE, passwords.app),
        operator: roleUrl(ownerUrl, OPERATOR_ROLE, passwords.operator),
      },
      "embedded",
      8,
    );
    await migrate(db.owner, migrationSources(allAreas(loadConfig(), modules)));
    const version = (await db.owner.query("SHOW server_version")).rows[0].server_version as string;
    // Run as root, the server runs as the OS user `postgres`: files it reads must be world-readable.
    const fileDir = path.join(dataDir, "files");
    await fs.mkdir(fileDir, { mode: 0o755 });
    return {
      db,
      fileDir,
      postgresVersion: version,
      async stop() {
        await db.close();
        await server.stop();
        await fs.rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
