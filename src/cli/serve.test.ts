// `kyodo serve --demo` as a user runs it: a fresh data directory, the embedded PostgreSQL, the
// demo seeded once, a clean shutdown on SIGTERM, and a second start on the same data.
import { afterAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../test/support/ports.ts";

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "kyodo-serve-"));
afterAll(() => fs.rm(dataDir, { recursive: true, force: true }));

async function start(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const port = await freePort();
  // One process (node with the tsx loader), so SIGTERM reaches kyodo itself.
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve", "--demo"], {
    env: { ...process.env, DATABASE_URL: "", KYODO_DATA_DIR: dataDir, PORT: String(port), KYODO_PG_PORT: String(await freePort()), LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const check = () => (out.includes("kyodo is ready") ? resolve() : undefined);
    child.stdout!.on("data", check);
    child.once("exit", (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
  return { child, url: `http://127.0.0.1:${port}`, output: () => out };
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  return exited;
}

describe("kyodo serve --demo on the embedded PostgreSQL", () => {
  it("starts on an empty data directory, answers /healthz, prints the demo log-ins and stops cleanly", async () => {
    const { child, url, output } = await start();
    const health = await (await fetch(`${url}/healthz`)).json();
    expect(health).toMatchObject({ status: "ok", database: "embedded" });
    expect(health.schemaVersion).toBeGreaterThan(0);
    expect(output()).toContain(`demo log-ins`);
    expect(output()).toContain("葉山町 (143014)");
    const tenants = await (await fetch(`${url}/api/tenants`)).json();
    expect(tenants.length).toBeGreaterThanOrEqual(3);
    expect(await stop(child)).toBe(0);
    await expect(fs.access(path.join(dataDir, "pg", "postmaster.pid"))).rejects.toThrow();
  }, 120_000);

  it("starts again on the same data without seeding the demo twice", async () => {
    const { child, url } = await start();
    const tenants = await (await fetch(`${url}/api/tenants`)).json();
    expect(tenants.map((t: { id: string }) => t.id)).toEqual(["143014", "143219", "143413", "143421"]);
    expect(await stop(child)).toBe(0);
  }, 120_000);
});
