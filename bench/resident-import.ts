// (d) Importing the resident registry from its standard layout against PostgreSQL's COPY: the
// journal of N synthetic persons of one municipality (resident.changes, written as `kyodo
// export` writes it), loaded by `kyodo import`'s path — the file read, decoded and checked
// cell by cell by the layout framework, the journal checked as a sequence, then written
// set-based into every table it touches (households, persons, addressees with their periods,
// residence and history, the changes, their entries with the records before and after, the
// projection) in one transaction — against COPY of the same file into a bare table of text
// columns (no key, no index). Rows per second of each; the ratio is the share of COPY's speed
// the full import keeps (goal ≥ 0.3). Each import round goes into a municipality of its own
// with an empty registry, on tables whose statistics are fresh (VACUUM ANALYZE before the
// round, untimed), as on a platform already running other municipalities. A note gives the CPU
// time per imported row of PostgreSQL and of Node, which a busy machine does not distort as it
// does the rates (docs/adr/0011-bulk-import.md reads them).
import { readdirSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { createTenant } from "../src/platform/tenancy/tenants.ts";
import { localGovernmentCheckDigit } from "../src/lib/local-government-code.ts";
import { allAreas, composePlatform, createLogger } from "../src/platform/start.ts";
import { loadConfig } from "../src/platform/config.ts";
import { importLayout } from "../src/platform/layouts/import.ts";
import type { AreaDefinition } from "../src/platform/contract.ts";
import { modules } from "../src/main.ts";
import { residentLayouts, RESIDENT_CHANGES_LAYOUT_ID, CHANGE_COLUMNS } from "../src/modules/resident/layout/index.ts";
import { writeJournalCsv } from "../src/modules/resident/demo/index.ts";
import type { BenchDatabase } from "./bench-database.ts";
import { scaled, sideBySide, type Benchmark } from "./measure.ts";

const TENANT_ID = "143014";

/** The tables an import writes, analysed before each import round. */
const REGISTRY_TABLES = [
  "resident_current",
  "resident_change_entry",
  "resident_change",
  "resident_person",
  "resident_household",
  "resident_household_counter",
  "addressee_residence",
  "addressee_name",
  "addressee_address",
  "addressee_change",
  "addressee",
  "addressee_counter",
];

/** The composed platform, with resident.changes in its catalogue whether or not the module lists it yet. */
export function benchAreas(): AreaDefinition[] {
  const areas = allAreas(loadConfig(), modules);
  const listed = areas.some((a) => a.layouts?.some((l) => l.id === RESIDENT_CHANGES_LAYOUT_ID));
  return listed ? areas : [...areas, { id: "resident", name: "住民記録 (標準レイアウト)", layouts: residentLayouts }];
}

/**
 * CPU seconds used so far by the benchmark's PostgreSQL (the postmaster and all its processes)
 * and by this process. On a shared machine wall-clock rates move with the neighbours; CPU per
 * row says where the work is. Linux only (/proc); null elsewhere.
 */
function cpuClock(postmasterPid: string | null): { postgres: number; node: number } | null {
  if (postmasterPid === null) return null;
  try {
    let postgres = 0;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      } catch {
        continue;
      }
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (entry !== postmasterPid && fields[1] !== postmasterPid) continue;
      // utime and stime, in clock ticks (100 per second on Linux).
      postgres += (Number(fields[11]) + Number(fields[12])) / 100;
    }
    const usage = process.cpuUsage();
    return { postgres, node: (usage.user + usage.system) / 1e6 };
  } catch {
    return null;
  }
}

async function postmasterPidOf(bench: BenchDatabase): Promise<string | null> {
  try {
    const dir = (await bench.db.owner.query("SELECT setting FROM pg_settings WHERE name = 'data_directory'")).rows[0].setting as string;
    return readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]!.trim();
  } catch {
    return null;
  }
}

export const residentImport: Benchmark<BenchDatabase> = {
  title: "(d) resident registry: import from the standard layout vs PostgreSQL COPY of the same file",
  async run(bench, scale) {
    const { db } = bench;
    const persons = scaled(20_000, scale, 500);
    // A million persons is a few minutes a round: one round then, alternation gains nothing.
    const rounds = persons >= 200_000 ? 1 : 3;
    const file = path.join(bench.fileDir, "resident-changes.csv");
    const written = await writeJournalCsv(file, { tenantId: TENANT_ID, persons, seed: 1 });
    const platform = composePlatform(db, benchAreas(), createLogger("silent"));
    // One municipality per round: 14-9xx codes, which no demo town uses.
    const tenants = Array.from({ length: rounds }, (_, round) => {
      const five = `149${String(50 + round).padStart(2, "0")}`;
      return `${five}${localGovernmentCheckDigit(five)}`;
    });
    for (const id of tenants) await createTenant(db, "system:bench", { id, name: `負荷試験町${id}`, nameKana: "フカシケンマチ" });
    await db.owner.query(`CREATE TABLE bench_resident_changes_bare (${CHANGE_COLUMNS.map((c) => `${c.name} text`).join(", ")})`);
    const copyColumns = CHANGE_COLUMNS.map((c) => c.name).join(", ");
    const literal = (await db.owner.query("SELECT quote_literal($1) AS q", [file])).rows[0].q as string;
    const heap: number[] = [];
    const postmaster = await postmasterPidOf(bench);
    const cpu = { postgres: 0, node: 0, rows: 0 };

    const measurements = await sideBySide(rounds, [
      {
        label: "kyodo import (check + write)",
        async prepare() {
          await db.owner.query(`VACUUM ANALYZE ${REGISTRY_TABLES.join(", ")}`);
        },
        async run(round) {
          const input = await fs.readFile(file);
          const before = cpuClock(postmaster);
          const result = await importLayout(platform, tenants[round]!, RESIDENT_CHANGES_LAYOUT_ID, input, {
            encoding: "utf-8",
            fileName: path.basename(file),
            actor: "system:bench",
          });
          const after = cpuClock(postmaster);
          heap.push(process.memoryUsage().rss);
          if (!("imported" in result)) throw new Error(`the import was refused: ${JSON.stringify(result.errors.slice(0, 3))}`);
          if (before && after) {
            cpu.postgres += after.postgres - before.postgres;
            cpu.node += after.node - before.node;
            cpu.rows += result.imported;
          }
          return result.imported;
        },
      },
      {
        label: "COPY the file into a bare table",
        async prepare() {
          await db.owner.query("TRUNCATE bench_resident_changes_bare");
        },
        async run() {
          const result = await db.owner.query(`COPY bench_resident_changes_bare (${copyColumns}) FROM ${literal} WITH (FORMAT csv, HEADER true)`);
          return result.rowCount ?? 0;
        },
      },
    ]);
    const [imported, copied] = measurements as [(typeof measurements)[0], (typeof measurements)[0]];
    const check = await db.withTenant(tenants.at(-1)!, async (tx) =>
      (
        await tx.query(
          `SELECT (SELECT count(*) FROM resident_person)::int AS persons, (SELECT count(*) FROM resident_change_entry)::int AS entries,
                  (SELECT count(*) FROM resident_current)::int AS projected, (SELECT count(*) FROM addressee)::int AS addressees`,
        )
      ).rows[0],
    );
    if (check.persons !== persons || check.entries !== written.rows || check.projected !== persons || check.addressees !== persons) {
      throw new Error(`the import wrote ${JSON.stringify(check)}, expected ${persons} persons and ${written.rows} entries`);
    }
    await db.owner.query("DROP TABLE bench_resident_changes_bare");
    return {
      title: `${this.title} — ${persons.toLocaleString("en-US")} persons (${written.rows.toLocaleString("en-US")} rows, ${(written.bytes / 1e6).toFixed(0)} MB) × ${rounds} rounds`,
      measurements,
      ratios: [
        {
          label: "import ÷ COPY (goal ≥ 0.3)",
          numerator: imported,
          denominator: copied,
          reading: "the share of a bare COPY's rows per second that a checked, all-or-nothing import into every registry table keeps",
        },
      ],
      notes: [
        `the last round wrote ${check.persons.toLocaleString("en-US")} persons, ${check.entries.toLocaleString("en-US")} journal entries, ` +
          `${check.projected.toLocaleString("en-US")} projection rows and ${check.addressees.toLocaleString("en-US")} addressees (checked)`,
        `process resident memory after the import: ${(Math.max(...heap) / 1e9).toFixed(1)} GB`,
        ...(cpu.rows > 0
          ? [
              `CPU per imported row: PostgreSQL ${((cpu.postgres / cpu.rows) * 1e6).toFixed(0)} µs, Node ${((cpu.node / cpu.rows) * 1e6).toFixed(0)} µs ` +
                "(the two run side by side on two cores; wall-clock rates also move with the machine's other load)",
            ]
          : []),
      ],
    };
  },
};
