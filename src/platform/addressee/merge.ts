// 名寄せ (nayose, merging duplicates): two 宛名番号 found to be the same person or organisation
// become one. The merged addressee is not deleted: its row stays, frozen, with merged_into set,
// so its number resolves to the survivor for every module that still holds it; the survivor's
// own data is not touched. The merge keeps both states as they were, and an undo restores the
// merged addressee from that record — both numbers then stand for themselves again.
import type { EventPublisher } from "../contract.ts";
import type { Tx } from "../db/database.ts";
import { isRegistryLinked, stateOf, type AddresseeState, type AddresseeStateRow } from "./addressee.ts";
import { formatAddresseeNumber, parseAddresseeNumber } from "./addressee-number.ts";
import { todayInJapan } from "./calendar-date.ts";
import { publishMerged, publishMergeUndone } from "./events.ts";
import { appendChange, transactionActor } from "./history.ts";
import { addresseeProblems } from "./problems.ts";
import { insertMerge, insertMergeUndo, mergesOf, selectMerge, selectStatesForUpdate } from "./queries.ts";
import { saveState } from "./store.ts";

export interface MergeRecord {
  id: string;
  survivor: string;
  merged: string;
  reason: string;
  actor: string;
  mergedAt: string;
  survivorBefore: AddresseeState;
  mergedBefore: AddresseeState;
  undoneAt: string | null;
  undoReason: string | null;
  undoneBy: string | null;
}

function toMerge(r: Record<string, unknown>): MergeRecord {
  return {
    id: r.id as string,
    survivor: formatAddresseeNumber(r.survivor as string),
    merged: formatAddresseeNumber(r.merged as string),
    reason: r.reason as string,
    actor: r.actor as string,
    mergedAt: (r.merged_at as Date).toISOString(),
    survivorBefore: r.survivor_before as AddresseeState,
    mergedBefore: r.merged_before as AddresseeState,
    undoneAt: r.undone_at ? (r.undone_at as Date).toISOString() : null,
    undoReason: (r.undo_reason as string | null) ?? null,
    undoneBy: (r.undone_by as string | null) ?? null,
  };
}

const refused = {
  same: () => addresseeProblems.invalid([{ field: "body/merged", message: "must differ from survivor" }]),
  alreadyMerged: () =>
    addresseeProblems.mergeRefused("already-merged", "One of the addressees is already merged into another", "既に名寄せされた宛名です"),
  kindMismatch: () =>
    addresseeProblems.mergeRefused("kind-mismatch", "A person and an organisation cannot be merged", "個人と法人は名寄せできません"),
  mergedIsResident: () =>
    addresseeProblems.mergeRefused(
      "merged-is-resident",
      "The addressee to merge away is a resident; keep the resident's number as the survivor",
      "住民の宛名番号は名寄せで消せません。住民側を残してください",
    ),
  undone: () => addresseeProblems.mergeRefused("merge-already-undone", "This merge has already been undone", "この名寄せは既に取り消されています"),
};

/** Merges `merged` into `survivor` (both given by their own numbers). Audited by the caller. */
export async function mergeAddressees(
  tx: Tx,
  events: EventPublisher,
  input: { survivor: string; merged: string; reason: string },
): Promise<MergeRecord> {
  const survivorNumber = parseAddresseeNumber(input.survivor);
  const mergedNumber = parseAddresseeNumber(input.merged);
  if (survivorNumber === null || mergedNumber === null) throw addresseeProblems.notFound();
  if (survivorNumber === mergedNumber) throw refused.same();
  const rows = (await tx.query<AddresseeStateRow>(selectStatesForUpdate([survivorNumber, mergedNumber]))).rows.map(stateOf);
  const survivor = rows.find((s) => s.number === formatAddresseeNumber(survivorNumber));
  const merged = rows.find((s) => s.number === formatAddresseeNumber(mergedNumber));
  if (!survivor || !merged) throw addresseeProblems.notFound();
  if (survivor.mergedInto !== null || merged.mergedInto !== null) throw refused.alreadyMerged();
  if (survivor.kind !== merged.kind) throw refused.kindMismatch();
  if (isRegistryLinked(merged, todayInJapan())) throw refused.mergedIsResident();

  const actor = await transactionActor(tx);
  const inserted = (await tx.query(insertMerge(survivor.number, merged.number, input.reason, actor, survivor, merged))).rows[0];
  const mergeId = inserted.id as string;
  await saveState(tx, merged, { ...merged, mergedInto: survivor.number }, "merged", input.reason);
  await appendChange(tx, {
    number: survivor.number,
    change: "merge-survived",
    fields: [],
    reason: input.reason,
    before: null,
    after: { mergeId, merged: merged.number },
  });
  await publishMerged(events, tx, { mergeId, survivor: survivor.number, merged: merged.number });
  return (await getMerge(tx, mergeId))!;
}

export async function getMerge(tx: Tx, id: string): Promise<MergeRecord | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const row = (await tx.query(selectMerge(id))).rows[0];
  return row ? toMerge(row) : null;
}

/** Every merge an addressee took part in, as survivor or as merged, oldest first. */
export async function listMerges(tx: Tx, number: string): Promise<MergeRecord[]> {
  return (await tx.query(mergesOf(number))).rows.map(toMerge);
}

/** Undoes a merge: the merged addressee gets back the state it had, and its number its own. */
export async function undoMerge(tx: Tx, events: EventPublisher, mergeId: string, reason: string): Promise<MergeRecord> {
  if (!/^\d{1,18}$/.test(mergeId)) throw addresseeProblems.mergeNotFound();
  const found = await getMerge(tx, mergeId);
  if (!found) throw addresseeProblems.mergeNotFound();
  // The merge tables are append-only (no row locks on them): the merged addressee's row lock
  // serialises two undos of the same merge, and the second then sees the first's undo record.
  const current = (await tx.query<AddresseeStateRow>(selectStatesForUpdate([found.merged]))).rows.map(stateOf)[0]!;
  const merge = (await getMerge(tx, mergeId))!;
  if (merge.undoneAt !== null) throw refused.undone();
  await saveState(tx, current, { ...merge.mergedBefore, number: current.number }, "merge-undone", reason);
  await appendChange(tx, {
    number: merge.survivor,
    change: "merge-undone",
    fields: [],
    reason,
    before: null,
    after: { mergeId, merged: merge.merged },
  });
  await tx.query(insertMergeUndo(mergeId, reason, await transactionActor(tx)));
  await publishMergeUndone(events, tx, { mergeId, survivor: merge.survivor, merged: merge.merged });
  return (await getMerge(tx, mergeId))!;
}
