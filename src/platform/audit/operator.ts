// The only door to the operator database role (BYPASSRLS): every use appends an entry to the
// platform audit chain in the same transaction, so a cross-tenant task that commits is recorded.
import type { Database, Tx } from "../db/database.ts";
import { appendAudit, type AuditEntry } from "./audit-log.ts";

export async function withOperator<T>(db: Database, entry: AuditEntry, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.withOperatorRole(async (tx) => {
    const result = await fn(tx);
    await appendAudit(tx, entry);
    return result;
  });
}
