// 実行履歴の要約 (run summary): what a run looks like to a user, derived from its appended
// events. Pure: no I/O, so the rules below are unit-tested directly.
import type { RunState, RunTrigger } from "./queries.ts";

export interface RunHeader {
  tenantId: string;
  runId: string;
  job: string;
  trigger: RunTrigger;
  requestedBy: string;
  queuedAt: Date;
}

export interface RunEvent {
  state: RunState;
  attempt: number;
  at: Date;
  result: Record<string, unknown> | null;
  error: string | null;
}

export interface AttemptSummary {
  attempt: number;
  state: "running" | "succeeded" | "failed";
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
}

export interface JobRun extends RunHeader {
  /** The latest event's state. "failed" is final: a failure that will be retried is followed by "queued". */
  state: RunState;
  /** The attempt the state belongs to (the next one while a retry waits). */
  attempt: number;
  /** When the first attempt started. */
  startedAt: Date | null;
  /** When the run reached succeeded or failed. */
  finishedAt: Date | null;
  /** The summary recorded when the run finished. */
  result: Record<string, unknown> | null;
  /** The most recent failure's message, unless the run then succeeded. */
  error: string | null;
  attempts: AttemptSummary[];
}

export function isFinished(state: RunState): boolean {
  return state === "succeeded" || state === "failed";
}

/** Events must be in the order they were appended. */
export function summarizeRun(header: RunHeader, events: readonly RunEvent[]): JobRun {
  const attempts = new Map<number, AttemptSummary>();
  let lastError: string | null = null;
  for (const e of events) {
    if (e.state === "running") {
      attempts.set(e.attempt, { attempt: e.attempt, state: "running", startedAt: e.at, finishedAt: null, error: null });
    } else if (e.state === "succeeded" || e.state === "failed") {
      const started = attempts.get(e.attempt)?.startedAt ?? e.at;
      attempts.set(e.attempt, { attempt: e.attempt, state: e.state, startedAt: started, finishedAt: e.at, error: e.error });
      if (e.state === "failed") lastError = e.error;
    }
  }
  const last = events[events.length - 1];
  const state = last?.state ?? "queued";
  const finished = isFinished(state);
  const firstStart = events.find((e) => e.state === "running");
  return {
    ...header,
    state,
    attempt: last?.attempt ?? 1,
    startedAt: firstStart?.at ?? null,
    finishedAt: finished ? last!.at : null,
    result: finished ? (last!.result ?? null) : null,
    error: state === "succeeded" ? null : lastError,
    attempts: [...attempts.values()].sort((a, b) => a.attempt - b.attempt),
  };
}
