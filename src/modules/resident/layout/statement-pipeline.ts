// 書込と組立の重ね合わせ (overlapping writing and building): a bulk write sends a batch and, while
// PostgreSQL writes it, Node builds the next one; the next send first waits for the batch in
// flight. So building and writing overlap instead of taking turns, while the transaction's
// connection still runs one statement at a time, as pg requires.
import type { QueryConfig, QueryResult } from "pg";
import type { Tx } from "../../../platform/db/database.ts";

export class StatementPipeline {
  private inFlight: Promise<unknown> | null = null;

  constructor(private readonly tx: Tx) {}

  /** Waits for the statement in flight (rethrowing its failure), then sends this one without waiting. */
  async send(statement: QueryConfig, then?: (result: QueryResult) => void): Promise<void> {
    await this.flush();
    const sent = this.tx.query(statement).then((result) => then?.(result));
    // Handled when awaited by the next send or flush; until then it must not count as unhandled.
    sent.catch(() => {});
    this.inFlight = sent;
  }

  /** Waits for the statement in flight; rejects with its failure. */
  async flush(): Promise<void> {
    const sent = this.inFlight;
    this.inFlight = null;
    await sent;
  }
}
