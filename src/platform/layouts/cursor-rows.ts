// カーソル読み出し (cursor reads) for layouts' exportRows: a query's rows fetched in batches
// through a server-side cursor of the caller's transaction, so exporting a municipality of
// hundreds of thousands of rows never holds them all in memory.
import type { Tx } from "../db/database.ts";

let cursors = 0;

/**
 * Yields the rows of `text` (values bound as $1…) in batches of `batchSize`. Must run inside
 * a transaction (withTenant is one); the cursor is closed when iteration ends or stops early.
 */
export async function* cursorRows<R extends Record<string, unknown> = Record<string, unknown>>(
  tx: Tx,
  text: string,
  values: readonly unknown[] = [],
  batchSize = 1000,
): AsyncGenerator<R> {
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new Error("cursorRows: batchSize is a positive integer");
  // The name is generated here, never taken from input; the statement's values stay bound.
  const name = `kyodo_layout_cursor_${++cursors}`;
  await tx.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${text}`, [...values]);
  let failed = false;
  try {
    for (;;) {
      const batch = await tx.query<R>(`FETCH FORWARD ${batchSize} FROM ${name}`);
      for (const row of batch.rows) yield row;
      if (batch.rows.length < batchSize) return;
    }
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // After a failed statement the transaction is aborted and rolls back, closing the cursor.
    if (!failed) await tx.query(`CLOSE ${name}`);
  }
}
