// Running `kyodo` as a user does, in child processes, and finding what it left running.
// Every child is tracked and killed by killAll(), which each test file calls in afterAll, so a
// failing test leaves nothing behind either.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as delay } from "node:timers/promises";
import { freePort } from "../support/ports.ts";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const children = new Set<ChildProcess>();

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A data directory, ports and the environment of one kyodo installation of a test's own. */
export async function installation(): Promise<{ dataDir: string; env: NodeJS.ProcessEnv }> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "kyodo-cli-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: "",
    KYODO_APP_DB_PASSWORD: "",
    KYODO_OPERATOR_DB_PASSWORD: "",
    KYODO_MY_NUMBER_KEY: "",
    KYODO_DATA_DIR: dataDir,
    KYODO_PG_PORT: String(await freePort()),
    PORT: String(await freePort()),
    KYODO_DEMO_PERSONS: "30",
  };
  for (const name of ["LOG_LEVEL", "NODE_ENV", "HOST"]) delete env[name];
  return { dataDir, env };
}

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

function collect(child: ChildProcess, timeoutMs: number): Promise<Finished> {
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** `npm run kyodo -- <args>`, as the README writes it, run to the end. */
export function npmKyodo(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<Finished> {
  const child = track(spawn("npm", ["run", "kyodo", "--", ...args], { cwd: REPO, env, stdio: ["ignore", "pipe", "pipe"] }));
  return collect(child, timeoutMs);
}

/** src/cli/main.ts in one node process with the tsx loader (quicker than npm), run to the end. */
export function kyodo(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<Finished> {
  const child = track(spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { cwd: REPO, env, stdio: ["ignore", "pipe", "pipe"] }));
  return collect(child, timeoutMs);
}

/** The installed `kyodo` command (bin/kyodo.js) from another working directory, run to the end. */
export function binKyodo(args: string[], env: NodeJS.ProcessEnv, cwd: string, timeoutMs = 90_000): Promise<Finished> {
  const child = track(spawn(process.execPath, [path.join(REPO, "bin", "kyodo.js"), ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] }));
  return collect(child, timeoutMs);
}

/** `kyodo serve` in one process (node with the tsx loader), so SIGTERM reaches kyodo itself. */
export async function startServe(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; output(): string }> {
  const child = track(
    spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve", ...args], { cwd: REPO, env, stdio: ["ignore", "pipe", "pipe"] }),
  );
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const check = () => (out.includes("kyodo is ready") ? resolve() : undefined);
    child.stdout!.on("data", check);
    child.once("exit", (code) => reject(new Error(`kyodo serve exited with ${code}: ${out}`)));
  });
  return { child, url: `http://127.0.0.1:${env.PORT}`, output: () => out };
}

export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill(signal);
  return exited;
}

/** Live processes (not zombies) whose command line names the directory: PostgreSQL runs with -D <dir>/pg. */
export function processesUsing(dir: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (cmdline.includes(dir) && stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z") found.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/** Kills every child still running and anything left running on the data directories, then removes them. */
export async function cleanUp(dataDirs: string[]): Promise<void> {
  for (const child of children) await stopProcess(child, "SIGKILL");
  for (const dir of dataDirs) {
    for (const pid of processesUsing(dir)) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    const deadline = Date.now() + 10_000;
    while (processesUsing(dir).length && Date.now() < deadline) await delay(50);
    await fs.rm(dir, { recursive: true, force: true });
  }
}
