// ジョブ失敗 (job failure): what a job throws when it finished its work and the outcome is a
// failure that retrying cannot change (a tampered audit log stays tampered). The run is recorded
// as failed with the summary, and the queue does not retry it. Any other error is treated as
// transient and retried with back-off. Messages and summaries are shown to users and kept in
// the run history: they must name ids and counts, never a person.
export class JobFailure extends Error {
  constructor(
    message: string,
    readonly summary: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "JobFailure";
  }
}
