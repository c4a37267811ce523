// 窓口の職員 (counter clerks) as the load of benchmark (e): the HTTP client side, run in a worker
// thread of its own so that its fetch calls, response parsing and timers do not queue on the
// server's event loop (in one thread, a client and a server measure each other).
//
// A clerk repeats a counter visit — search a カナ name, open the person, issue a one-page 住民票の写し
// — and, after each response, looks at the screen for a think time before the next action: drawn
// from an exponential distribution (seeded, one stream per clerk) with the plan's mean, also once
// before the first visit so that clerks do not start in step; or no pause at all for the
// saturated run, which then measures capacity, not a counter.
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { SeededRandom } from "../src/platform/demo/seeded-random.ts";
import { startTypeScriptWorker } from "../src/platform/documents/typescript-worker.ts";

export type Kind = "search" | "view" | "pdf";
export type Latencies = Record<Kind, number[]>;

export interface CounterResident {
  personId: string;
  addresseeNumber: string;
  kana: string;
}

export interface CounterClerk {
  tenantId: string;
  cookie: string;
  csrfToken: string;
}

export interface ClerkPlan {
  base: string;
  certificateKind: string;
  clerks: CounterClerk[];
  /** Residents by tenant id, the ones a visit picks from. */
  residents: Record<string, CounterResident[]>;
  /** Each clerk's mean think time after a response, in ms; 0 for none. */
  thinkMeanMs: number;
  /** Stop starting visits after this long (ms); or, with `visits`, not used. */
  durationMs?: number;
  /** Visits per clerk instead of a duration (warm-up, the lone clerk). */
  visits?: number;
  /** The random stream's name: the same name picks the same persons and think times. */
  stream: string;
}

export interface ClerkRun {
  latencies: Latencies;
  seconds: number;
  failures: string[];
  /** Seconds the clerks spent thinking, summed (the offered load is clerks ÷ (think + latency)). */
  thinkSeconds: number;
}

const PURPOSE = { "x-kyodo-purpose": encodeURIComponent("窓口での住民票確認") };

/** An exponential think time with the given mean: -mean × ln(1 − u). */
export function thinkTime(random: SeededRandom, meanMs: number): number {
  return meanMs <= 0 ? 0 : -meanMs * Math.log(1 - random.next());
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs the plan's clerks, all at once, and returns what they measured. */
export async function runClerks(plan: ClerkPlan): Promise<ClerkRun> {
  const latencies: Latencies = { search: [], view: [], pdf: [] };
  const failures: string[] = [];
  let thinkSeconds = 0;

  const timed = async (clerk: CounterClerk, kind: Kind, url: string, init: RequestInit = {}): Promise<void> => {
    const started = performance.now();
    const response = await fetch(`${plan.base}${url}`, {
      ...init,
      headers: { cookie: clerk.cookie, "x-csrf-token": clerk.csrfToken, ...PURPOSE, ...(init.headers ?? {}) },
    });
    const body = await response.arrayBuffer();
    const elapsed = (performance.now() - started) / 1000;
    if (!response.ok) failures.push(`${kind} ${response.status}`);
    else latencies[kind].push(elapsed);
    if (kind === "pdf" && response.ok && !Buffer.from(body).subarray(0, 5).equals(Buffer.from("%PDF-"))) failures.push("pdf not a PDF");
  };

  const started = performance.now();
  const deadline = started + (plan.durationMs ?? Infinity);
  /** A think time, cut short at the deadline: the run ends when its time is up, not when the last clerk stops thinking. */
  const think = async (random: SeededRandom) => {
    const ms = Math.min(thinkTime(random, plan.thinkMeanMs), Math.max(0, deadline - performance.now()));
    thinkSeconds += ms / 1000;
    if (ms > 0) await pause(ms);
  };
  const more = () => performance.now() < deadline;

  /** One counter visit; with a duration, it stops between actions once the time is up. */
  const visit = async (clerk: CounterClerk, random: SeededRandom) => {
    const person = random.pick(plan.residents[clerk.tenantId]!);
    await timed(clerk, "search", `/api/resident/persons?q=${encodeURIComponent(person.kana)}&pageSize=20`);
    await think(random);
    if (!more()) return;
    await timed(clerk, "view", `/api/resident/persons/${person.personId}`);
    await think(random);
    if (!more()) return;
    await timed(clerk, "pdf", `/api/certificates/${plan.certificateKind}/issue`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        subjectId: `addressee:${person.addresseeNumber}`,
        options: { scope: "person" },
        purpose: "児童手当の申請",
        requesterKind: "self",
      }),
    });
    await think(random);
  };

  await Promise.all(
    plan.clerks.map(async (clerk, i) => {
      const random = new SeededRandom(i, plan.stream);
      // Clerks do not start in step: each first finishes what it was doing.
      await think(random);
      if (plan.visits !== undefined) {
        for (let v = 0; v < plan.visits; v++) await visit(clerk, random);
      } else {
        while (more()) await visit(clerk, random);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000, failures, thinkSeconds };
}

const ENTRY = "kyodo-bench-counter-clerks";

/** Runs the plan in a worker thread of its own and returns its measurements. */
export function runClerksInWorker(plan: ClerkPlan): Promise<ClerkRun> {
  return new Promise((resolve, reject) => {
    const worker = startTypeScriptWorker(new URL(import.meta.url), { entry: ENTRY, plan });
    worker.once("message", (run: ClerkRun) => {
      resolve(run);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the clerks' worker exited with ${code} before reporting`)));
  });
}

if (!isMainThread && (workerData as { entry?: string } | null)?.entry === ENTRY) {
  const { plan } = workerData as { plan: ClerkPlan };
  void runClerks(plan).then((run) => parentPort!.postMessage(run));
}
