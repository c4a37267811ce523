// `npm run kyodo -- …` while `kyodo serve` runs on the same data directory: the command joins
// the running embedded PostgreSQL (found from postmaster.pid) instead of starting a second one,
// changes no role password, and leaves the cluster running for the server; after SIGTERM the
// server leaves nothing running. ADR 0014.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { ChildProcess } from "node:child_process";
import { cleanUp, installation, kyodo, npmKyodo, processesUsing, startServe, stopProcess, type Finished } from "./kyodo-process.ts";
import { allAreas, createLogger, openDatabase } from "../../src/platform/start.ts";
import { loadConfig, type Config } from "../../src/platform/config.ts";
import { startEmbeddedPostgres } from "../../src/platform/db/embedded.ts";
import { APP_ROLE, OPERATOR_ROLE, roleUrl } from "../../src/platform/db/roles.ts";
import { createTenant } from "../../src/platform/tenancy/tenants.ts";
import { localGovernmentCheckDigit } from "../../src/lib/local-government-code.ts";
import { freePort } from "../support/ports.ts";
import { modules } from "../../src/main.ts";

let dataDir: string;
let env: NodeJS.ProcessEnv;
let work: string;
let server: { child: ChildProcess; url: string; output(): string };
const TOWN = "143014";
/** 真鶴町: a municipality with nothing in it, to import into. */
const EMPTY_TOWN = `14383${localGovernmentCheckDigit("14383")}`;

beforeAll(async () => {
  ({ dataDir, env } = await installation());
  work = await fs.mkdtemp(path.join(os.tmpdir(), "kyodo-cli-work-"));
  server = await startServe(["--demo"], env);
}, 120_000);
afterAll(() => cleanUp([dataDir, work]), 60_000);

function expectExit(result: Finished, code: number): void {
  expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code });
}

async function rolePasswords(): Promise<{ app: string; operator: string }> {
  return JSON.parse(await fs.readFile(path.join(dataDir, "role-passwords.json"), "utf8"));
}

/** The running cluster's owner URL, as an operator with DATABASE_URL would write it. */
async function ownerUrl(database: string): Promise<string> {
  const pid = (await fs.readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8")).split("\n");
  const password = (await fs.readFile(path.join(dataDir, "owner-password"), "utf8")).trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pid[3]}/${database}`;
}

/** The server answers, including on fresh connections of both roles with the stored passwords. */
async function expectServerStillServes(): Promise<void> {
  const health = await fetch(`${server.url}/healthz`);
  expect(health.status).toBe(200);
  const tenants = await fetch(`${server.url}/api/tenants`);
  expect(tenants.status).toBe(200);
  const passwords = await rolePasswords();
  const url = await ownerUrl("kyodo");
  for (const [role, password] of [[APP_ROLE, passwords.app], [OPERATOR_ROLE, passwords.operator]] as const) {
    const client = new pg.Client({ connectionString: roleUrl(url, role, password) });
    await client.connect();
    await client.end();
  }
}

function postgresPid(): Promise<string> {
  return fs.readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8").then((t) => t.split("\n")[0]!);
}

describe("the command line beside a running kyodo serve", () => {
  it("audit verify, export and import join the server's PostgreSQL, and the server still answers afterwards", async () => {
    const postgresBefore = await postgresPid();
    const verify = await npmKyodo(["audit", "verify"], env);
    expectExit(verify, 0);
    expect(verify.stdout).toMatch(/audit log intact: [1-9]\d* entries/);

    const exported = path.join(work, "addressees.csv");
    expectExit(await npmKyodo(["export", "addressee.addressees", "--tenant", TOWN, "--out", exported], env), 0);
    // An empty municipality, added through the platform by a third process that joins the cluster too.
    const config: Config = { ...loadConfig(), databaseUrl: undefined, dataDir, embeddedPgPort: await freePort() };
    const handle = await openDatabase(config, createLogger("silent"), { areas: allAreas(config, modules), migrate: false });
    try {
      expect(handle.embedded?.startedHere).toBe(false);
      await createTenant(handle.db, "operator:test", { id: EMPTY_TOWN, name: "真鶴町", nameKana: "マナヅルマチ" });
    } finally {
      await handle.close();
    }
    const imported = await npmKyodo(["import", "addressee.addressees", "--tenant", EMPTY_TOWN, "--file", exported], env);
    expectExit(imported, 0);
    expect(imported.stdout).toMatch(/imported [1-9]\d* rows of addressee.addressees/);

    // The same PostgreSQL throughout: nobody started a second one or stopped this one.
    expect(await postgresPid()).toBe(postgresBefore);
    await expectServerStillServes();
  });

  it("with DATABASE_URL a command uses the configured role passwords and changes none of them", async () => {
    const passwords = await rolePasswords();
    const external = { ...env, DATABASE_URL: await ownerUrl("kyodo"), KYODO_APP_DB_PASSWORD: passwords.app, KYODO_OPERATOR_DB_PASSWORD: passwords.operator };
    // Right, unset and wrong passwords: only the first runs; the others are refused with what to
    // do, and the roles keep their passwords.
    const [right, unset, wrong] = await Promise.all([
      kyodo(["audit", "verify"], external),
      kyodo(["audit", "verify"], { ...external, KYODO_OPERATOR_DB_PASSWORD: "" }),
      kyodo(["audit", "verify"], { ...external, KYODO_APP_DB_PASSWORD: "not-the-password" }),
    ]);
    expectExit(right, 0);
    expectExit(unset, 1);
    expect(unset.stderr).toContain("KYODO_OPERATOR_DB_PASSWORD is not set");
    expectExit(wrong, 1);
    expect(wrong.stderr).toContain("kyodo_app does not accept the password in KYODO_APP_DB_PASSWORD");
    expect(wrong.stderr).toContain("kyodo db rotate-passwords");
    for (const r of [unset, wrong]) expect(r.stderr).not.toMatch(/undefined|not-the-password/);

    expect(await rolePasswords()).toEqual(passwords);
    await expectServerStillServes();
  });

  it("on SIGTERM the server stops cleanly and leaves no PostgreSQL of its data directory running", async () => {
    expect(await stopProcess(server.child)).toBe(0);
    expect(processesUsing(dataDir)).toEqual([]);
    await expect(fs.access(path.join(dataDir, "pg", "postmaster.pid"))).rejects.toThrow();
  });
});

describe("one embedded cluster per data directory, stopped by the last process to leave it", () => {
  it("a second process joins the first one's cluster; the first leaving does not stop it, the last one does", async () => {
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port });
    const second = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    try {
      expect([first.startedHere, second.startedHere]).toEqual([true, false]);
      expect(second.port).toBe(port);
      expect(await first.leave()).toBe(false);
      const client = new pg.Client({ connectionString: second.ownerUrl("postgres") });
      await client.connect();
      expect((await client.query("SELECT 1 AS one")).rows[0].one).toBe(1);
      await client.end();
      expect(await second.leave()).toBe(true);
      expect(processesUsing(dataDir)).toEqual([]);
    } finally {
      await first.leave();
      await second.leave();
    }
  });
});
