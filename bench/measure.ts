// How every benchmark measures: contenders run side by side in one process, alternating round by
// round, so that a noisy neighbour or a warming cache slows them alike, and results are printed
// as ratios of their rates. Absolute times depend on the machine; ratios travel.

export interface Round {
  operations: number;
  seconds: number;
}

export interface Measurement {
  label: string;
  rounds: Round[];
}

export interface Ratio {
  /** e.g. "generator ÷ COPY". */
  label: string;
  numerator: Measurement;
  denominator: Measurement;
  /** What a value above or below 1 means. */
  reading: string;
}

export interface BenchResult {
  title: string;
  measurements: Measurement[];
  ratios: Ratio[];
  /** Checks that passed and facts worth knowing (query plans, verified counts). */
  notes: string[];
}

export interface Benchmark<Context> {
  title: string;
  run(context: Context, scale: number): Promise<BenchResult>;
}

export interface Contender {
  label: string;
  /** Untimed work before each round (e.g. emptying the table a COPY fills). */
  prepare?(round: number): Promise<void>;
  /** Runs one round and returns how many operations it performed. */
  run(round: number): Promise<number>;
}

export const totalOperations = (m: Measurement) => m.rounds.reduce((n, r) => n + r.operations, 0);
export const totalSeconds = (m: Measurement) => m.rounds.reduce((n, r) => n + r.seconds, 0);
export const ratePerSecond = (m: Measurement) => totalOperations(m) / totalSeconds(m);

/** Runs the contenders in turn, `rounds` times, timing each run. */
export async function sideBySide(rounds: number, contenders: readonly Contender[]): Promise<Measurement[]> {
  const measurements = contenders.map((c) => ({ label: c.label, rounds: [] as Round[] }));
  for (let round = 0; round < rounds; round++) {
    for (const [i, contender] of contenders.entries()) {
      await contender.prepare?.(round);
      const started = performance.now();
      const operations = await contender.run(round);
      const seconds = (performance.now() - started) / 1000;
      measurements[i]!.rounds.push({ operations, seconds });
    }
  }
  return measurements;
}

/** The ratio of the two rates over all rounds, and its lowest and highest value in one round. */
export function ratioValue(ratio: Ratio): { value: number; low: number; high: number } {
  const perRound = ratio.numerator.rounds.map((r, i) => {
    const d = ratio.denominator.rounds[i]!;
    return r.operations / r.seconds / (d.operations / d.seconds);
  });
  return {
    value: ratePerSecond(ratio.numerator) / ratePerSecond(ratio.denominator),
    low: Math.min(...perRound),
    high: Math.max(...perRound),
  };
}

/** A count scaled by BENCH_SCALE, never below `floor`. */
export function scaled(count: number, scale: number, floor = 1): number {
  return Math.max(floor, Math.round(count * scale));
}

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

function pad(text: string, width: number, right = false): string {
  const length = [...text].length;
  return right ? " ".repeat(Math.max(0, width - length)) + text : text + " ".repeat(Math.max(0, width - length));
}

export function formatRatio(ratio: Ratio): string {
  const { value, low, high } = ratioValue(ratio);
  return `${value.toFixed(2)}×  (rounds ${low.toFixed(2)}–${high.toFixed(2)})`;
}

export function formatResult(result: BenchResult): string {
  const lines = [result.title];
  const labelWidth = Math.max(...result.measurements.map((m) => [...m.label].length), 10) + 2;
  lines.push(`  ${pad("measurement", labelWidth)}${pad("operations", 12, true)}${pad("seconds", 10, true)}${pad("per second", 14, true)}`);
  for (const m of result.measurements) {
    lines.push(
      `  ${pad(m.label, labelWidth)}${pad(integer.format(totalOperations(m)), 12, true)}` +
        `${pad(totalSeconds(m).toFixed(2), 10, true)}${pad(integer.format(ratePerSecond(m)), 14, true)}`,
    );
  }
  for (const r of result.ratios) {
    lines.push(`  ratio ${r.label}: ${formatRatio(r)}`);
    lines.push(`        ${r.reading}`);
  }
  for (const note of result.notes) lines.push(`  · ${note}`);
  return `${lines.join("\n")}\n`;
}
