// (b) What row-level security costs: the same question asked of a tenant-owned table of
// synthetic residents (four tenants) by the application role under RLS — the query names no
// tenant, the policy adds it — and by the owner, a superuser that bypasses RLS, with the tenant
// written into the WHERE clause. Both run in the same kind of transaction (BEGIN, set_config,
// query, COMMIT), so the ratio isolates the policy. Near 1: isolation is nearly free.
import path from "node:path";
import { DEMO_TENANTS } from "../src/platform/demo/seed.ts";
import { SeededRandom } from "../src/platform/demo/seeded-random.ts";
import { TENANT_SETTING, type Tx } from "../src/platform/db/database.ts";
import type { BenchDatabase } from "./bench-database.ts";
import { copyFromFile, SYNTHETIC_COLUMNS_DDL, writeSyntheticCsv } from "./csv-file.ts";
import { scaled, sideBySide, type Benchmark, type Measurement } from "./measure.ts";

// Many short rounds rather than few long ones: alternating often cancels drift on a busy machine.
const ROUNDS = 6;
const LOOKUPS_PER_TRANSACTION = 100;

export const rlsOverhead: Benchmark<BenchDatabase> = {
  title: "(b) row-level security: kyodo_app under RLS vs the owner without RLS",
  async run(bench, scale) {
    const { db } = bench;
    const perTenant = scaled(50_000, scale, 1_000);
    const tenant = DEMO_TENANTS[0].id;
    await db.owner.query(`CREATE TABLE bench_resident (${SYNTHETIC_COLUMNS_DDL}, PRIMARY KEY (tenant_id, person_number))`);
    await db.owner.query("SELECT kyodo_tenant_rls('bench_resident')");
    await db.owner.query("GRANT SELECT ON bench_resident TO kyodo_app");
    for (const t of DEMO_TENANTS) {
      const file = path.join(bench.fileDir, `resident-${t.id}.csv`);
      await writeSyntheticCsv(file, { tenantId: t.id, count: perTenant, seed: 1 });
      await copyFromFile(db.owner, "bench_resident", file);
    }
    await db.owner.query("ANALYZE bench_resident");
    const totalRows = perTenant * DEMO_TENANTS.length;
    const counts = scaled(20, scale, 2);
    const lookups = scaled(1_000, scale, LOOKUPS_PER_TRANSACTION);

    // The owner's side runs the same set_config as withTenant, so both do the same round trips.
    const asOwner = <T>(fn: (tx: Tx) => Promise<T>) =>
      db.transaction(db.owner, async (tx) => {
        await tx.query("SELECT set_config($1, $2, true)", [TENANT_SETTING, tenant]);
        return fn(tx);
      });
    const expectCount = (n: number) => {
      if (n !== perTenant) throw new Error(`count(*) saw ${n} rows, expected the tenant's ${perTenant}`);
    };
    const expectOneRow = (n: number | null) => {
      if (n !== 1) throw new Error(`a lookup found ${n} rows, expected 1`);
    };
    const personNumbers = (round: number) => {
      const random = new SeededRandom(round, "lookups");
      return Array.from({ length: lookups }, () => random.int(1, perTenant));
    };
    const lookupRounds = async (round: number, lookup: (tx: Tx, personNumber: number) => Promise<number | null>, inTx: (fn: (tx: Tx) => Promise<void>) => Promise<void>) => {
      const numbers = personNumbers(round);
      for (let i = 0; i < numbers.length; i += LOOKUPS_PER_TRANSACTION) {
        await inTx(async (tx) => {
          for (const n of numbers.slice(i, i + LOOKUPS_PER_TRANSACTION)) expectOneRow(await lookup(tx, n));
        });
      }
      return numbers.length;
    };

    const measurements = await sideBySide(ROUNDS, [
      {
        label: "count(*) under RLS (kyodo_app)",
        async run() {
          for (let i = 0; i < counts; i++) {
            expectCount(await db.withTenant(tenant, async (tx) => (await tx.query("SELECT count(*)::int AS n FROM bench_resident")).rows[0].n));
          }
          return counts;
        },
      },
      {
        label: "count(*) WHERE tenant_id, no RLS (owner)",
        async run() {
          for (let i = 0; i < counts; i++) {
            expectCount(await asOwner(async (tx) =>
              (await tx.query("SELECT count(*)::int AS n FROM bench_resident WHERE tenant_id = $1", [tenant])).rows[0].n));
          }
          return counts;
        },
      },
      {
        label: "lookup by person_number under RLS",
        run: (round) =>
          lookupRounds(
            round,
            async (tx, n) => (await tx.query("SELECT family_name, given_name, birth_date FROM bench_resident WHERE person_number = $1", [n])).rowCount,
            (fn) => db.withTenant(tenant, fn),
          ),
      },
      {
        label: "lookup by tenant_id + person_number, no RLS",
        run: (round) =>
          lookupRounds(
            round,
            async (tx, n) =>
              (await tx.query("SELECT family_name, given_name, birth_date FROM bench_resident WHERE tenant_id = $1 AND person_number = $2", [tenant, n])).rowCount,
            asOwner,
          ),
      },
    ]);
    const [countRls, countPlain, lookupRls, lookupPlain] = measurements as [Measurement, Measurement, Measurement, Measurement];

    // The scan node says how the rows are found: the policy's tenant_id condition should reach the index.
    const firstPlanLine = async (run: (fn: (tx: Tx) => Promise<string>) => Promise<string>, sql: string, values: unknown[]) =>
      run(async (tx) => {
        const lines = (await tx.query(`EXPLAIN ${sql}`, values)).rows.map((r) => (r["QUERY PLAN"] as string).trim());
        const scan = lines.findIndex((l) => l.includes("Scan"));
        const condition = lines.slice(scan + 1).find((l) => /^(Index Cond|Filter):/.test(l));
        return `${lines[scan]?.replace(/^->\s*/, "").replace(/\s+\(cost=.*$/, "")}${condition ? `; ${condition}` : ""}`;
      });
    const plans = [
      `count under RLS:     ${await firstPlanLine((fn) => db.withTenant(tenant, fn), "SELECT count(*) FROM bench_resident", [])}`,
      `count, no RLS:       ${await firstPlanLine(asOwner, "SELECT count(*) FROM bench_resident WHERE tenant_id = $1", [tenant])}`,
      `lookup under RLS:    ${await firstPlanLine((fn) => db.withTenant(tenant, fn), "SELECT * FROM bench_resident WHERE person_number = $1", [1])}`,
      `lookup, no RLS:      ${await firstPlanLine(asOwner, "SELECT * FROM bench_resident WHERE tenant_id = $1 AND person_number = $2", [tenant, 1])}`,
    ];
    await db.owner.query("DROP TABLE bench_resident");
    const reading = "1 = RLS costs nothing; 0.9 = the policy makes it 10% slower";
    return {
      title: `${this.title} — ${totalRows.toLocaleString("en-US")} rows (${DEMO_TENANTS.length} tenants × ${perTenant.toLocaleString("en-US")}), ${ROUNDS} rounds`,
      measurements,
      ratios: [
        { label: "count(*) RLS ÷ no RLS", numerator: countRls, denominator: countPlain, reading },
        { label: "lookup RLS ÷ no RLS", numerator: lookupRls, denominator: lookupPlain, reading },
      ],
      notes: [
        `every count(*) under RLS saw exactly the tenant's ${perTenant.toLocaleString("en-US")} of ${totalRows.toLocaleString("en-US")} rows; every lookup found its one row`,
        `lookups run ${LOOKUPS_PER_TRANSACTION} to a transaction; each count(*) runs in its own`,
        ...plans.map((p) => `plan of ${p}`),
      ],
    };
  },
};
