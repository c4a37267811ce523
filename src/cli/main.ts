// The `kyodo` command: serve, migrate, demo, audit verify.
import { parseArgs } from "node:util";
import { loadConfig } from "../platform/config.ts";
import { allAreas, composePlatform, createLogger, migrateAll, openDatabase } from "../platform/start.ts";
import { buildApp } from "../platform/http/app.ts";
import { modules } from "../main.ts";
import { DEMO_OPERATOR, DEMO_PASSWORD, DEMO_STAFF, DEMO_TENANTS, seedDemo } from "../platform/demo/seed.ts";
import { verifyAuditLog } from "../platform/audit/audit-log.ts";
import { startJobs } from "../platform/jobs/runner.ts";
import { startDispatcher } from "../platform/events/dispatcher.ts";
import { prepareDocumentFont, warmRenderPool } from "../platform/documents/index.ts";
import { EXPORT_USAGE, IMPORT_USAGE, runExportCommand, runImportCommand } from "../platform/layouts/cli.ts";
import { settingsReference } from "../platform/settings/reference.ts";
import { layoutReference } from "../platform/layouts/reference.ts";
import fs from "node:fs/promises";

const USAGE = `usage: kyodo <command>
  serve [--demo]     start the platform (embedded PostgreSQL unless DATABASE_URL); --demo seeds demo data once
  migrate            apply database migrations and exit
  demo               seed the demo data (once) and exit
  audit verify       verify the audit log's hash chains; exit 1 naming the first bad entry
  docs               regenerate docs/settings.md and docs/layouts.md from the declarations
  export / import    standard data layouts (see below)
${EXPORT_USAGE}
${IMPORT_USAGE}`;

async function main(argv: string[]): Promise<number> {
  // export/import parse their own options (--tenant, --file …).
  const own = ["export", "import"].includes(argv[0] ?? "");
  const { positionals, values } = parseArgs({
    args: own ? argv.slice(0, 1) : argv,
    allowPositionals: true,
    options: { demo: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
  });
  const [command, sub] = positionals;
  if (values.help || !command) {
    console.info(USAGE);
    return values.help ? 0 : 2;
  }
  const config = loadConfig();
  if (command === "docs") {
    const areas = allAreas(config, modules);
    await fs.writeFile("docs/settings.md", settingsReference(areas));
    await fs.writeFile("docs/layouts.md", layoutReference(areas));
    console.info("wrote docs/settings.md and docs/layouts.md");
    return 0;
  }
  const log = createLogger(command === "serve" ? config.logLevel : "warn");
  const areas = allAreas(config, modules);
  const started = Date.now();
  const handle = await openDatabase(config, log);
  const { db, embedded } = handle;
  const shutdown = async () => {
    await db.close().catch(() => {});
    await embedded?.stop().catch(() => {});
  };
  try {
    await migrateAll(db, areas);
    const platform = composePlatform(db, areas, log);
    switch (command) {
      case "export":
        return runExportCommand(platform, argv.slice(1));
      case "import":
        return runImportCommand(platform, argv.slice(1));
      case "migrate":
        console.info("migrations applied");
        return 0;
      case "demo":
        await seedDemo(platform);
        console.info("demo data present");
        return 0;
      case "audit": {
        if (sub !== "verify") break;
        const result = await db.withOperatorRole((tx) => verifyAuditLog(tx));
        if (result.problem) {
          const p = result.problem;
          console.error(`audit log NOT intact: chain ${p.chain}, entry ${p.seq}: ${p.reason}`);
          return 1;
        }
        console.info(`audit log intact: ${result.entries} entries in ${result.chains} chains`);
        return 0;
      }
      case "serve": {
        if (values.demo) await seedDemo(platform);
        const app = await buildApp(platform, {
          sessionPolicy: { idleMinutes: config.sessionIdleMinutes, maxMinutes: config.maxSessionMinutes },
          logLevel: config.logLevel,
          version: "0.1.0",
        });
        // Load the certificate font in the background so its cost does not land on a request.
        void prepareDocumentFont().catch((e: Error) => log.warn({ err: e.message }, "document font not loaded"));
        // The render threads take about a second to start: start them now, not on the first certificate.
        void warmRenderPool().catch((e: Error) => log.warn({ err: e.message }, "render threads not started"));
        // Jobs start before listening, so their queues exist when requests arrive.
        const jobs = await startJobs(platform);
        const dispatcher = await startDispatcher(platform);
        await app.listen({ port: config.port, host: config.host });
        const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}/`;
        console.info(`kyodo is ready at ${url} (database: ${db.mode}; started in ${Date.now() - started} ms)`);
        if (values.demo) {
          console.info(`demo log-ins (password "${DEMO_PASSWORD}"):`);
          console.info(`  operator: ID "${DEMO_OPERATOR.loginId}" with no municipality`);
          for (const t of DEMO_TENANTS) {
            console.info(`  ${t.name} (${t.id}): ${DEMO_STAFF.map((s) => s.loginId).join(", ")}`);
          }
          for (const s of DEMO_STAFF) console.info(`  ${s.loginId}: ${s.description}`);
        }
        await new Promise<void>((resolve) => {
          process.once("SIGINT", resolve);
          process.once("SIGTERM", resolve);
        });
        console.info("shutting down");
        await app.close();
        await dispatcher.stop();
        await jobs.stop();
        return 0;
      }
    }
    console.error(USAGE);
    return 2;
  } finally {
    await shutdown();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`kyodo: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
