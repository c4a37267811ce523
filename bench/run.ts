// `npm run bench`: every benchmark of bench/, on one throw-away embedded PostgreSQL, printed as
// tables and ratios (see bench/README.md). BENCH_SCALE multiplies the counts (default 1);
// BENCH_ONLY=d,e runs only the benchmarks with those letters.
import os from "node:os";
import { startBenchDatabase } from "./bench-database.ts";
import { formatRatio, formatResult, type BenchResult, type Benchmark } from "./measure.ts";
import { generatorVsCopy } from "./generator-vs-copy.ts";
import { rlsOverhead } from "./rls-overhead.ts";
import { auditAppend } from "./audit-append.ts";
import { residentImport } from "./resident-import.ts";
import { residentCounter } from "./resident-counter.ts";
import type { BenchDatabase } from "./bench-database.ts";

const BENCHMARKS: Benchmark<BenchDatabase>[] = [generatorVsCopy, rlsOverhead, auditAppend, residentImport, residentCounter];

/** The benchmarks BENCH_ONLY names by their letter, e.g. "d" for "(d) …"; all when it is unset. */
function selectedBenchmarks(): Benchmark<BenchDatabase>[] {
  const raw = process.env.BENCH_ONLY;
  if (raw === undefined || raw.trim() === "") return BENCHMARKS;
  const letters = new Set(raw.split(",").map((l) => l.trim().toLowerCase()));
  const chosen = BENCHMARKS.filter((b) => letters.has(/^\((\w)\)/.exec(b.title)?.[1] ?? ""));
  if (chosen.length === 0) throw new Error(`BENCH_ONLY names no benchmark (letters: ${BENCHMARKS.map((b) => b.title.slice(1, 2)).join(", ")})`);
  return chosen;
}

function benchScale(): number {
  const raw = process.env.BENCH_SCALE;
  if (raw === undefined || raw === "") return 1;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error("BENCH_SCALE must be a positive number");
  return scale;
}

const print = (text: string) => process.stdout.write(`${text}\n`);

async function main(): Promise<void> {
  const scale = benchScale();
  const started = performance.now();
  const bench = await startBenchDatabase();
  const results: BenchResult[] = [];
  try {
    print(
      `kyodo bench — BENCH_SCALE=${scale}, Node ${process.version}, PostgreSQL ${bench.postgresVersion} (embedded), ` +
        `${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)} at start\n`,
    );
    for (const benchmark of selectedBenchmarks()) {
      const result = await benchmark.run(bench, scale);
      results.push(result);
      print(formatResult(result));
    }
  } finally {
    await bench.stop();
  }
  print("summary");
  for (const r of results.flatMap((result) => result.ratios)) print(`  ${r.label.padEnd(36)} ${formatRatio(r)}`);
  print(`\ntotal ${((performance.now() - started) / 1000).toFixed(1)} s, load average ${os.loadavg()[0]!.toFixed(1)} at the end`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
