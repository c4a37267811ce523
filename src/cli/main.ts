// The `kyodo` command: serve, migrate, demo, audit verify, export, import, docs,
// db rotate-passwords. What each command may do to the database is in COMMANDS: only serve,
// migrate and demo create a schema or apply migrations; the others need a current one (ADR 0014).
// Every failure prints what went wrong and what to do (failure.ts), and whatever happens the
// embedded PostgreSQL is left (and stopped when no other kyodo process uses it) before exit.
import { parseArgs } from "node:util";
import fs from "node:fs/promises";
import { loadConfig, type Config } from "../platform/config.ts";
import type { DatabaseHandle } from "../platform/start.ts";
import type { AreaDefinition, Platform } from "../platform/contract.ts";
import { printFailure } from "./failure.ts";

// The platform's modules are loaded only once the arguments are understood, so usage errors
// and refusals (such as serve without a 個人番号 key) answer at once and start nothing.
const platformStart = () => import("../platform/start.ts");

const COMMANDS_USAGE = `usage: kyodo <command>
  serve [--demo]        start the platform (embedded PostgreSQL unless DATABASE_URL); --demo seeds demo data once
                        and allows the public development 個人番号 key; without it KYODO_MY_NUMBER_KEY is required
  migrate               create the schema or apply new migrations, and exit
  demo                  seed the demo data (once) and exit
  audit verify          verify the audit log's hash chains; exit 1 naming the first bad entry
  docs                  regenerate docs/settings.md and docs/layouts.md from the declarations
  db rotate-passwords   give the database roles new passwords (the only command that changes them)
  export / import       standard data layouts (see below)`;

async function usage(): Promise<string> {
  const { EXPORT_USAGE, IMPORT_USAGE } = await import("../platform/layouts/cli.ts");
  return `${COMMANDS_USAGE}\n${EXPORT_USAGE}\n${IMPORT_USAGE}`;
}

interface Run {
  argv: string[];
  config: Config;
  areas(): Promise<AreaDefinition[]>;
  demo: boolean;
  started: number;
  stopRequested: Promise<NodeJS.Signals>;
}

/** What a command may do to the database, and what it runs. */
type Command = {
  /** Checks made before anything starts (a refusal then leaves nothing to stop). */
  check?(run: Run): Promise<void>;
} & (
  | { database: "none"; run(run: Run): Promise<number> }
  | {
      /** existing: a current kyodo schema is required; migrate: created or brought up to date. */
      database: "existing" | "migrate";
      run(run: Run, platform: Platform): Promise<number>;
    }
);

const COMMANDS: Record<string, Command> = {
  serve: {
    database: "migrate",
    check: async (r) => {
      // Outside the demo the public development 個人番号 key is refused (my-number-vault.ts).
      if (!r.demo) (await import("../modules/resident/my-number-vault.ts")).configuredMyNumberKey();
    },
    run: async (r, platform) => (await import("./commands/serve.ts")).serve(platform, { ...r, log: platform.log }),
  },
  migrate: {
    database: "migrate",
    run: async () => {
      console.info("migrations applied");
      return 0;
    },
  },
  demo: {
    database: "migrate",
    run: async (_r, platform) => {
      await (await import("../platform/demo/seed.ts")).seedDemo(platform);
      console.info("demo data present");
      return 0;
    },
  },
  "audit verify": { database: "existing", run: async (_r, platform) => (await import("./commands/audit-verify.ts")).auditVerify(platform) },
  // An import adds to a municipality, which exists only in a set-up database: no migrating.
  export: {
    database: "existing",
    run: async (r, platform) => (await import("../platform/layouts/cli.ts")).runExportCommand(platform, r.argv.slice(1)),
  },
  import: {
    database: "existing",
    run: async (r, platform) => (await import("../platform/layouts/cli.ts")).runImportCommand(platform, r.argv.slice(1)),
  },
  docs: {
    database: "none",
    run: async (r) => {
      const [{ settingsReference }, { layoutReference }] = await Promise.all([
        import("../platform/settings/reference.ts"),
        import("../platform/layouts/reference.ts"),
      ]);
      const areas = await r.areas();
      await fs.mkdir("docs", { recursive: true });
      await fs.writeFile("docs/settings.md", settingsReference(areas));
      await fs.writeFile("docs/layouts.md", layoutReference(areas));
      console.info("wrote docs/settings.md and docs/layouts.md");
      return 0;
    },
  },
  "db rotate-passwords": {
    database: "none",
    run: async (r) => {
      const { createLogger } = await platformStart();
      return (await import("./commands/rotate-passwords.ts")).rotatePasswords(r.config, createLogger(logLevel(r.config, "db")));
    },
  },
};

function logLevel(config: Config, command: string): string {
  return command === "serve" || process.env.LOG_LEVEL ? config.logLevel : "warn";
}

/** Resolved on the first SIGINT/SIGTERM; later ones are ignored while kyodo stops. */
function signals(): { requested: Promise<NodeJS.Signals>; onFirst(fn: (signal: NodeJS.Signals) => void): void } {
  let first: ((signal: NodeJS.Signals) => void) | undefined;
  let resolve!: (signal: NodeJS.Signals) => void;
  const requested = new Promise<NodeJS.Signals>((r) => (resolve = r));
  let seen = false;
  const handler = (signal: NodeJS.Signals) => {
    if (seen) return;
    seen = true;
    resolve(signal);
    first?.(signal);
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return { requested, onFirst: (fn) => (first = fn) };
}

/** Set when a signal stops a command: its exit code is the signal's, and its failures are no news. */
let stoppingOnSignal = false;

const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

async function main(argv: string[]): Promise<number> {
  // export/import parse their own options (--tenant, --file …).
  const own = ["export", "import"].includes(argv[0] ?? "");
  const { positionals, values } = parseArgs({
    args: own ? argv.slice(0, 1) : argv,
    allowPositionals: true,
    options: { demo: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
  });
  const [first, sub] = positionals;
  if (values.help || !first) {
    console.info(await usage());
    return values.help ? 0 : 2;
  }
  const name = first === "audit" || first === "db" ? `${first} ${sub ?? ""}` : first;
  const command = COMMANDS[name];
  if (!command) {
    console.error(`kyodo: no command "${positionals.join(" ")}"`);
    console.error(await usage());
    return 2;
  }
  const config = loadConfig();
  const stop = signals();
  const run: Run = {
    argv,
    config,
    areas: async () => (await platformStart()).allAreas(config, (await import("../main.ts")).modules),
    demo: values.demo,
    started: Date.now(),
    stopRequested: stop.requested,
  };
  await command.check?.(run);
  if (command.database === "none") return command.run(run);

  const { composePlatform, createLogger, openDatabase } = await platformStart();
  const log = createLogger(logLevel(config, first));
  const areas = await run.areas();
  const opened: { handle?: Promise<DatabaseHandle> } = {};
  // Until a command takes charge of stopping (serve does), a signal leaves the database (once it
  // is open: a half-done start-up or migration is let finish) and exits.
  if (first !== "serve") {
    stop.onFirst((signal) => {
      stoppingOnSignal = true;
      console.error(`kyodo ${name}: stopped by ${signal}`);
      // The command's connections fail as the database goes: expected now, and no news.
      process.on("uncaughtException", () => {});
      void (opened.handle ?? Promise.resolve(undefined))
        .then((h) => h?.embedded?.leave())
        .catch(() => {})
        .finally(() => process.exit(SIGNAL_EXIT[signal] ?? 1));
    });
  }
  const handle = await (opened.handle = openDatabase(config, log, { areas, migrate: command.database === "migrate" }));
  try {
    return await command.run(run, composePlatform(handle.db, areas, log));
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (!stoppingOnSignal) process.exit(code);
  },
  (error: unknown) => {
    if (stoppingOnSignal) return;
    const [first, sub] = process.argv.slice(2);
    printFailure(first === "audit" || first === "db" ? `kyodo ${first} ${sub ?? ""}`.trim() : `kyodo${first ? ` ${first}` : ""}`, error);
    process.exit(1);
  },
);
