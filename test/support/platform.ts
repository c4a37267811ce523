// A platform on a database of its own, cloned from the migrated template: what integration
// tests run against. Nothing is mocked: the real roles, RLS policies and HTTP stack.
import crypto from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import type { FastifyInstance } from "fastify";
import { Database } from "../../src/platform/db/database.ts";
import { APP_ROLE, OPERATOR_ROLE, roleUrl } from "../../src/platform/db/roles.ts";
import { allAreas, composePlatform, createLogger } from "../../src/platform/start.ts";
import { loadConfig } from "../../src/platform/config.ts";
import { buildApp } from "../../src/platform/http/app.ts";
import { modules } from "../../src/main.ts";
import type { AreaDefinition, Platform } from "../../src/platform/contract.ts";

export interface TestPlatform {
  platform: Platform;
  db: Database;
  databaseName: string;
  ownerUrl: string;
  app(): Promise<FastifyInstance>;
  close(): Promise<void>;
}

export async function createTestPlatform(extraAreas: AreaDefinition[] = []): Promise<TestPlatform> {
  const pgInfo = inject("kyodoPg");
  const databaseName = `t_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: pgInfo.ownerUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName} TEMPLATE ${pgInfo.template}`);
  await admin.end();
  const ownerUrl = new URL(pgInfo.ownerUrl);
  ownerUrl.pathname = `/${databaseName}`;
  const db = new Database(
    {
      owner: ownerUrl.toString(),
      app: roleUrl(ownerUrl.toString(), APP_ROLE, pgInfo.appPassword),
      operator: roleUrl(ownerUrl.toString(), OPERATOR_ROLE, pgInfo.operatorPassword),
    },
    "embedded",
    5,
  );
  const config = loadConfig();
  const areas = [...allAreas(config, modules), ...extraAreas];
  const platform = composePlatform(db, areas, createLogger("silent"));
  let app: FastifyInstance | undefined;
  return {
    platform,
    db,
    databaseName,
    ownerUrl: ownerUrl.toString(),
    async app() {
      app ??= await buildApp(platform, {
        sessionPolicy: { idleMinutes: config.sessionIdleMinutes, maxMinutes: config.maxSessionMinutes },
        logLevel: "silent",
        version: "test",
      });
      return app;
    },
    async close() {
      await app?.close();
      await db.close();
    },
  };
}
