// 異動履歴 (history) of an addressee: one append-only row per change — who (the transaction's
// actor), when, why, which fields, and the whole state before and after. Together with the
// name, address and residence periods it keeps every prior state, so the current row can be
// overwritten safely.
import type { Tx } from "../db/database.ts";
import type { AddresseeState } from "./addressee.ts";
import { changesOf, currentActor, insertChange } from "./queries.ts";
import { withActorNames } from "../audit/actor-names.ts";

export type ChangeKind =
  | "registered"
  | "imported"
  | "corrected"
  | "resident-linked"
  | "resident-changed"
  | "resident-removed"
  | "merged"
  | "merge-survived"
  | "merge-undone"
  | "mailing-added"
  | "mailing-changed"
  | "mailing-withdrawn";

/** The actor withTenant() recorded for this transaction (`staff:<id>`, `system:demo`…). */
export async function transactionActor(tx: Tx): Promise<string> {
  return (await tx.query(currentActor())).rows[0].actor as string;
}

export interface ChangeRecord {
  number: string;
  change: ChangeKind;
  fields: readonly string[];
  reason: string | null;
  /** The state (or 送付先 version, or merge reference) before and after; null when there was none. */
  before: AddresseeState | object | null;
  after: AddresseeState | object | null;
}

export async function appendChange(tx: Tx, record: ChangeRecord): Promise<string> {
  const actor = await transactionActor(tx);
  const result = await tx.query(
    insertChange(record.number, record.change, record.fields, record.reason, actor, record.before, record.after),
  );
  return result.rows[0].seq as string;
}

export interface ChangeEntry {
  seq: string;
  change: ChangeKind;
  fields: string[];
  reason: string | null;
  actor: string;
  /** The staff member's name, read from the town's staff register; null for the system, an import … */
  actorName: string | null;
  changedAt: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export async function listChanges(tx: Tx, number: string): Promise<ChangeEntry[]> {
  const rows = (await tx.query(changesOf(number))).rows;
  const entries = rows.map((r) => ({
    seq: r.seq,
    change: r.change,
    fields: r.fields,
    reason: r.reason,
    actor: r.actor,
    changedAt: (r.changed_at as Date).toISOString(),
    before: r.before,
    after: r.after,
  }));
  return withActorNames(tx, entries);
}
