// Who did it, by name: histories and the audit log record an actor as "staff:<uuid>"; a clerk reads
// 「窓口 花子」. Names are read in the caller's tenant transaction from the town's own staff register
// (row-level security: another town's staff are never named), and an account is never deleted, only
// disabled, and keeps its name (ADR 0020), so a history names whoever did it for as long as it lasts.
import type { Tx } from "../db/database.ts";

const STAFF_ACTOR = /^staff:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The display names of the staff actors among `actors`, by actor ("staff:<uuid>" → 窓口 花子). */
export async function staffNames(tx: Tx, actors: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const actor of actors) {
    const id = actor ? STAFF_ACTOR.exec(actor)?.[1] : undefined;
    if (id) ids.add(id.toLowerCase());
  }
  if (!ids.size) return new Map();
  const { rows } = await tx.query<{ id: string; display_name: string }>(
    "SELECT id::text, display_name FROM staff_account WHERE id = ANY($1::uuid[])",
    [[...ids]],
  );
  return new Map(rows.map((r) => [`staff:${r.id}`, r.display_name]));
}

/** Each item with `actorName` beside its actor: the staff member's name, or null for anyone else. */
export async function withActorNames<T extends { actor: string }>(tx: Tx, items: readonly T[]): Promise<(T & { actorName: string | null })[]> {
  const names = await staffNames(
    tx,
    items.map((i) => i.actor),
  );
  return items.map((i) => ({ ...i, actorName: names.get(i.actor.toLowerCase()) ?? null }));
}
