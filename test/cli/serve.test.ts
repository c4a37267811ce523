// `kyodo serve --demo` as a user runs it: a fresh data directory, the embedded PostgreSQL, the
// demo seeded once, a clean shutdown on SIGTERM, and a second start on the same data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs/promises";
import path from "node:path";
import { cleanUp, installation, startServe, stopProcess } from "./kyodo-process.ts";

let dataDir: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  ({ dataDir, env } = await installation());
  env.LOG_LEVEL = "warn";
});
afterAll(() => cleanUp([dataDir]));

describe("kyodo serve --demo on the embedded PostgreSQL", () => {
  it("starts on an empty data directory, answers /healthz, prints the demo log-ins and stops cleanly", async () => {
    const { child, url, output } = await startServe(["--demo"], env);
    const health = await (await fetch(`${url}/healthz`)).json();
    expect(health).toMatchObject({ status: "ok", database: "embedded" });
    expect(health.schemaVersion).toBeGreaterThan(0);
    expect(output()).toContain(`demo log-ins`);
    expect(output()).toContain("葉山町 (143014)");
    const tenants = await (await fetch(`${url}/api/tenants`)).json();
    expect(tenants.length).toBeGreaterThanOrEqual(3);
    expect(await stopProcess(child)).toBe(0);
    await expect(fs.access(path.join(dataDir, "pg", "postmaster.pid"))).rejects.toThrow();
  }, 120_000);

  it("starts again on the same data without seeding the demo twice", async () => {
    const { child, url } = await startServe(["--demo"], env);
    const tenants = await (await fetch(`${url}/api/tenants`)).json();
    expect(tenants.map((t: { id: string }) => t.id)).toEqual(["143014", "143219", "143413", "143421"]);
    expect(await stopProcess(child)).toBe(0);
  }, 120_000);
});
