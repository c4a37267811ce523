// Starts one embedded PostgreSQL for the whole test run, migrates a template database, and
// hands its address to the test files; each file clones its own database from the template.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../src/platform/db/embedded.ts";
import { ensureRoles, randomPassword } from "../../src/platform/db/roles.ts";
import { migrate } from "../../src/platform/db/migrate.ts";
import { allAreas, migrationSources } from "../../src/platform/start.ts";
import { loadConfig } from "../../src/platform/config.ts";
import { modules } from "../../src/main.ts";
import { freePort } from "./ports.ts";

export const TEMPLATE_DATABASE = "kyodo_template";

declare module "vitest" {
  export interface ProvidedContext {
    kyodoPg: { ownerUrl: string; template: string; appPassword: string; operatorPassword: string };
  }
}

export default async function setup(project: TestProject) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "kyodo-test-"));
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  const passwords = { app: randomPassword(), operator: randomPassword() };
  const admin = new pg.Pool({ connectionString: server.ownerUrl("postgres"), max: 1 });
  await ensureRoles(admin, passwords);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE} ENCODING 'UTF8' TEMPLATE template0`);
  await admin.end();
  const owner = new pg.Pool({ connectionString: server.ownerUrl(TEMPLATE_DATABASE), max: 1 });
  await migrate(owner, migrationSources(allAreas(loadConfig(), modules)));
  await owner.end();
  project.provide("kyodoPg", {
    ownerUrl: server.ownerUrl("postgres"),
    template: TEMPLATE_DATABASE,
    appPassword: passwords.app,
    operatorPassword: passwords.operator,
  });
  return async () => {
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}
