import { describe, expect, it } from "vitest";
import { summarizeRun, type RunEvent, type RunHeader } from "./run-summary.ts";

const header: RunHeader = {
  tenantId: "143014",
  runId: "00000000-0000-4000-8000-000000000001",
  job: "test.job",
  trigger: "manual",
  requestedBy: "system:test",
  queuedAt: new Date("2026-04-01T00:00:00Z"),
};
const at = (second: number) => new Date(Date.UTC(2026, 3, 1, 0, 0, second));
const ev = (state: RunEvent["state"], attempt: number, second: number, extra: Partial<RunEvent> = {}): RunEvent => ({
  state,
  attempt,
  at: at(second),
  result: null,
  error: null,
  ...extra,
});

describe("run summary from the appended events", () => {
  it("a run with only its queued event is queued, not started and not finished", () => {
    const run = summarizeRun(header, [ev("queued", 1, 0)]);
    expect(run).toMatchObject({ state: "queued", attempt: 1, startedAt: null, finishedAt: null, result: null, error: null });
    expect(run.attempts).toEqual([]);
  });

  it("a run that succeeded on the first attempt carries its result and times", () => {
    const run = summarizeRun(header, [ev("queued", 1, 0), ev("running", 1, 1), ev("succeeded", 1, 3, { result: { rows: 2 } })]);
    expect(run).toMatchObject({ state: "succeeded", attempt: 1, startedAt: at(1), finishedAt: at(3), result: { rows: 2 }, error: null });
    expect(run.attempts).toEqual([{ attempt: 1, state: "succeeded", startedAt: at(1), finishedAt: at(3), error: null }]);
  });

  it("a failure awaiting its retry is queued for the next attempt and still shows why", () => {
    const run = summarizeRun(header, [
      ev("queued", 1, 0),
      ev("running", 1, 1),
      ev("failed", 1, 2, { error: "Error: refused" }),
      ev("queued", 2, 2),
    ]);
    expect(run).toMatchObject({ state: "queued", attempt: 2, finishedAt: null, error: "Error: refused" });
    expect(run.attempts.map((a) => a.state)).toEqual(["failed"]);
  });

  it("a run that succeeded after a failed attempt lists both attempts and no current error", () => {
    const run = summarizeRun(header, [
      ev("queued", 1, 0),
      ev("running", 1, 1),
      ev("failed", 1, 2, { error: "Error: refused" }),
      ev("queued", 2, 2),
      ev("running", 2, 5),
      ev("succeeded", 2, 6, { result: { ok: true } }),
    ]);
    expect(run).toMatchObject({ state: "succeeded", attempt: 2, startedAt: at(1), finishedAt: at(6), error: null });
    expect(run.attempts).toEqual([
      { attempt: 1, state: "failed", startedAt: at(1), finishedAt: at(2), error: "Error: refused" },
      { attempt: 2, state: "succeeded", startedAt: at(5), finishedAt: at(6), error: null },
    ]);
  });

  it("a finally failed run keeps the last error and the summary recorded with it", () => {
    const run = summarizeRun(header, [
      ev("queued", 1, 0),
      ev("running", 1, 1),
      ev("failed", 1, 2, { error: "JobFailure: broken chain", result: { ok: false } }),
    ]);
    expect(run).toMatchObject({ state: "failed", finishedAt: at(2), error: "JobFailure: broken chain", result: { ok: false } });
  });
});
