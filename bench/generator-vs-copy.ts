// (a) The synthetic-data generator against PostgreSQL's COPY: persons generated (as CSV rows)
// per second ÷ rows PostgreSQL writes per second when COPYing those rows into a bare table (no
// keys, no indexes). Above 1, the generator can feed any bulk load and the database is the
// bottleneck; below 1, loading demo data or benchmark tables waits for the generator.
import path from "node:path";
import { generatePersons, toCsvRows } from "../src/platform/demo/synthetic.ts";
import type { BenchDatabase } from "./bench-database.ts";
import { copyFromFile, SYNTHETIC_COLUMNS_DDL, writeSyntheticCsv } from "./csv-file.ts";
import { scaled, sideBySide, type Benchmark } from "./measure.ts";

const ROUNDS = 3;
const TENANT = "143014";

export const generatorVsCopy: Benchmark<BenchDatabase> = {
  title: "(a) synthetic persons: generator vs PostgreSQL COPY into a bare table",
  async run(bench, scale) {
    const persons = scaled(200_000, scale, 1_000);
    const file = path.join(bench.fileDir, "persons.csv");
    await writeSyntheticCsv(file, { tenantId: TENANT, count: persons, seed: 1 });
    await bench.db.owner.query(`CREATE TABLE bench_person_bare (${SYNTHETIC_COLUMNS_DDL})`);
    const measurements = await sideBySide(ROUNDS, [
      {
        label: "generate persons as CSV rows",
        async run() {
          let rows = 0;
          for (const row of toCsvRows(generatePersons({ tenantId: TENANT, count: persons, seed: 1 }))) {
            if (row.length > 0) rows++;
          }
          return rows;
        },
      },
      {
        label: "COPY the rows into a bare table",
        async prepare() {
          await bench.db.owner.query("TRUNCATE bench_person_bare");
        },
        async run() {
          return copyFromFile(bench.db.owner, "bench_person_bare", file);
        },
      },
    ]);
    const [generator, copy] = measurements as [typeof measurements[0], typeof measurements[0]];
    const loaded = (await bench.db.owner.query("SELECT count(*)::int AS n FROM bench_person_bare")).rows[0].n as number;
    if (loaded !== persons) throw new Error(`COPY loaded ${loaded} rows, expected ${persons}`);
    await bench.db.owner.query("DROP TABLE bench_person_bare");
    return {
      title: `${this.title} — ${persons.toLocaleString("en-US")} persons × ${ROUNDS} rounds`,
      measurements,
      ratios: [
        {
          label: "generator ÷ COPY",
          numerator: generator,
          denominator: copy,
          reading: "above 1: the generator outpaces COPY, so bulk loads of synthetic data are bound by the database",
        },
      ],
      notes: [`COPY loaded exactly ${loaded.toLocaleString("en-US")} rows (TRUNCATE before each round, not timed)`],
    };
  },
};
