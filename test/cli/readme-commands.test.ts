// The README's commands, run as written (`npm run kyodo -- …`) through the real entry point in
// child processes, with the platform stopped: each one starts the embedded PostgreSQL of its
// data directory, does its work, and stops it again — nothing is left running.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { cleanUp, binKyodo, installation, kyodo, npmKyodo, processesUsing, type Finished } from "./kyodo-process.ts";
import { allAreas, createLogger, openDatabase } from "../../src/platform/start.ts";
import { loadConfig, type Config } from "../../src/platform/config.ts";
import { startEmbeddedPostgres } from "../../src/platform/db/embedded.ts";
import { createTenant } from "../../src/platform/tenancy/tenants.ts";
import { localGovernmentCheckDigit } from "../../src/lib/local-government-code.ts";
import { modules } from "../../src/main.ts";

let dataDir: string;
let env: NodeJS.ProcessEnv;
let work: string;
const TOWN = "143014";
/** 箱根町: a municipality of its own with nothing in it, to import into. */
const EMPTY_TOWN = `14382${localGovernmentCheckDigit("14382")}`;

beforeAll(async () => {
  ({ dataDir, env } = await installation());
  work = await fs.mkdtemp(path.join(os.tmpdir(), "kyodo-cli-work-"));
});
afterAll(() => cleanUp([dataDir, work]));

function configOf(): Config {
  return { ...loadConfig(), databaseUrl: undefined, dataDir, embeddedPgPort: Number(env.KYODO_PG_PORT) };
}

/** Asserts the command's outcome, showing its output when it is not the expected one. */
function expectExit(result: Finished, code: number): void {
  expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code });
}

function expectNothingLeftRunning(): void {
  expect(processesUsing(dataDir)).toEqual([]);
}

async function postmasterPidExists(): Promise<boolean> {
  return fs.access(path.join(dataDir, "pg", "postmaster.pid")).then(
    () => true,
    () => false,
  );
}

describe("the README's commands with the platform stopped", () => {
  it("audit verify on a data directory never set up fails saying so (not 'intact: 0 entries'), and stops what it started", async () => {
    const r = await npmKyodo(["audit", "verify"], env);
    expectExit(r, 1);
    expect(r.stderr).toMatch(/kyodo audit verify: no kyodo database .* never set up here/);
    expect(r.stderr).toContain("what to do: ");
    expect(r.stdout + r.stderr).not.toMatch(/undefined|intact/);
    expectNothingLeftRunning();
    expect(await postmasterPidExists()).toBe(false);
  });

  it("serve without --demo and without KYODO_MY_NUMBER_KEY refuses to start, saying how to make a key, before starting anything", async () => {
    const r = await npmKyodo(["serve"], env);
    expectExit(r, 1);
    expect(r.stderr).toContain("KYODO_MY_NUMBER_KEY is not set");
    expect(r.stderr).toContain("openssl rand -base64 32");
    expect(await postmasterPidExists()).toBe(false);
    const short = await npmKyodo(["serve"], { ...env, KYODO_MY_NUMBER_KEY: Buffer.alloc(16, 1).toString("base64") });
    expectExit(short, 1);
    expect(short.stderr).toContain("KYODO_MY_NUMBER_KEY must be 32 bytes");
    expectNothingLeftRunning();
  });

  it("demo, then the README's two exports at once: one starts PostgreSQL, the other joins it, and the last out stops it", async () => {
    expectExit(await npmKyodo(["demo"], env), 0);
    expectNothingLeftRunning();
    const journal = path.join(work, "journal.csv");
    const [changes, addressees] = await Promise.all([
      npmKyodo(["export", "resident.changes", "--tenant", TOWN, "--out", journal], env),
      npmKyodo(["export", "addressee.addressees", "--tenant", TOWN, "--out", path.join(work, "addressees.csv")], env),
    ]);
    expectExit(changes, 0);
    expectExit(addressees, 0);
    const rows = Number(/exported (\d+) rows of resident.changes for 143014/.exec(changes.stderr)?.[1]);
    expect(rows).toBeGreaterThan(30);
    expect((await fs.readFile(journal, "utf8")).trim().split("\n")).toHaveLength(rows + 1);
    expect(addressees.stderr).toMatch(/exported [1-9]\d* rows of addressee.addressees for 143014/);
    expectNothingLeftRunning();
    expect(await postmasterPidExists()).toBe(false);
  });

  it("the addressees exported, imported into another town, come back the same (no 個人番号 key needed)", async () => {
    // A municipality with nothing in it yet, added as an operator would (through the platform).
    const handle = await openDatabase(configOf(), createLogger("silent"), { areas: allAreas(configOf(), modules), migrate: false });
    try {
      await createTenant(handle.db, "operator:test", { id: EMPTY_TOWN, name: "箱根町", nameKana: "ハコネマチ" });
    } finally {
      await handle.close();
    }
    expectNothingLeftRunning();
    const exported = path.join(work, "addressees.csv");
    const back = path.join(work, "addressees-back.csv");
    const imported = await npmKyodo(["import", "addressee.addressees", "--tenant", EMPTY_TOWN, "--file", exported], env);
    expectExit(imported, 0);
    const count = (await fs.readFile(exported, "utf8")).trim().split("\n").length - 1;
    expect(imported.stdout).toContain(`imported ${count} rows of addressee.addressees into ${EMPTY_TOWN}`);
    expectExit(await npmKyodo(["export", "addressee.addressees", "--tenant", EMPTY_TOWN, "--out", back], env), 0);
    expect(await fs.readFile(back, "utf8")).toBe(await fs.readFile(exported, "utf8"));
    expectNothingLeftRunning();
  });

  it("audit verify finds the log intact after all that", async () => {
    const r = await npmKyodo(["audit", "verify"], env);
    expectExit(r, 0);
    expect(r.stdout).toMatch(/audit log intact: [1-9]\d* entries in \d+ chains/);
    expectNothingLeftRunning();
  });

  it("docs writes the two reference pages (the installed `kyodo` command, in a directory of its own)", async () => {
    const r = await binKyodo(["docs"], env, work);
    expectExit(r, 0);
    expect(await fs.readFile(path.join(work, "docs", "layouts.md"), "utf8")).toContain("addressee.addressees");
    expect(await fs.readFile(path.join(work, "docs", "settings.md"), "utf8")).not.toBe("");
  });
});

describe("a command pointed at the wrong database", () => {
  it("audit verify and export refuse a database with no kyodo schema, and create nothing in it", async () => {
    const server = await startEmbeddedPostgres({ dataDir, port: Number(env.KYODO_PG_PORT) });
    try {
      const admin = new pg.Client({ connectionString: server.ownerUrl("postgres") });
      await admin.connect();
      await admin.query("CREATE DATABASE not_kyodo");
      await admin.end();
      const passwords = JSON.parse(await fs.readFile(path.join(dataDir, "role-passwords.json"), "utf8")) as { app: string; operator: string };
      const external = {
        ...env,
        DATABASE_URL: server.ownerUrl("not_kyodo"),
        KYODO_APP_DB_PASSWORD: passwords.app,
        KYODO_OPERATOR_DB_PASSWORD: passwords.operator,
      };
      const results = await Promise.all([kyodo(["audit", "verify"], external), kyodo(["export", "addressee.addressees", "--tenant", TOWN], external)]);
      for (const r of results) {
        expectExit(r, 1);
        expect(r.stderr).toContain("no kyodo schema in the database 127.0.0.1:");
        expect(r.stderr).toContain("/not_kyodo");
        expect(r.stderr).not.toContain(passwords.app);
      }
      const owner = new pg.Client({ connectionString: server.ownerUrl("not_kyodo") });
      await owner.connect();
      const tables = await owner.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
      await owner.end();
      expect(tables.rows[0].n).toBe(0);
    } finally {
      await server.leave();
    }
    expectNothingLeftRunning();
  });
});
