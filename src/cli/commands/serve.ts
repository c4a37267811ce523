// `kyodo serve [--demo]`: the platform's HTTP server, its jobs and its event dispatcher, until
// SIGINT or SIGTERM. Outside the demo it needs KYODO_MY_NUMBER_KEY, which main.ts checks
// before anything starts (see my-number-vault.ts).
import type { Logger } from "pino";
import type { Config } from "../../platform/config.ts";
import type { Platform } from "../../platform/contract.ts";
import { buildApp } from "../../platform/http/app.ts";
import { DEMO_OPERATOR, DEMO_PASSWORD, DEMO_STAFF, DEMO_TENANTS, seedDemo } from "../../platform/demo/seed.ts";
import { startJobs } from "../../platform/jobs/runner.ts";
import { startDispatcher } from "../../platform/events/dispatcher.ts";
import { prepareDocumentFont, warmRenderPool } from "../../platform/documents/index.ts";

export async function serve(
  platform: Platform,
  options: { config: Config; log: Logger; demo: boolean; started: number; stopRequested: Promise<unknown> },
): Promise<number> {
  const { config, log, demo } = options;
  if (demo) await seedDemo(platform);
  const app = await buildApp(platform, {
    sessionPolicy: { idleMinutes: config.sessionIdleMinutes, maxMinutes: config.maxSessionMinutes },
    logLevel: config.logLevel,
    version: "0.1.0",
    trustProxy: config.trustProxy,
  });
  // Load the certificate font in the background so its cost does not land on a request.
  void prepareDocumentFont().catch((e: Error) => log.warn({ err: e.message }, "document font not loaded"));
  // The render threads take about a second to start: start them now, not on the first certificate.
  void warmRenderPool().catch((e: Error) => log.warn({ err: e.message }, "render threads not started"));
  // Jobs start before listening, so their queues exist when requests arrive.
  const jobs = await startJobs(platform);
  const dispatcher = await startDispatcher(platform);
  try {
    await app.listen({ port: config.port, host: config.host });
    const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}/`;
    console.info(`kyodo is ready at ${url} (database: ${platform.db.mode}; started in ${Date.now() - options.started} ms)`);
    if (demo) {
      console.info(`demo log-ins (password "${DEMO_PASSWORD}"):`);
      console.info(`  operator: ID "${DEMO_OPERATOR.loginId}" with no municipality`);
      for (const t of DEMO_TENANTS) {
        console.info(`  ${t.name} (${t.id}): ${DEMO_STAFF.map((s) => s.loginId).join(", ")}`);
      }
      for (const s of DEMO_STAFF) console.info(`  ${s.loginId}: ${s.description}`);
    }
    await options.stopRequested;
    console.info("shutting down");
  } finally {
    await app.close();
    await dispatcher.stop();
    await jobs.stop();
  }
  return 0;
}
