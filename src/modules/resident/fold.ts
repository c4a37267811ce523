// 異動の畳み込み (folding the journal): a person's record as of a day is every entry of the 異動
// journal with 異動日 ≤ that day, applied in (異動日, seq) order, each setting only the fields it
// changed. So a 職権修正 dated back corrects its fields from that day on, and a later entry that
// did not touch those fields does not undo it; a later entry that did touch them wins from its
// own 異動日. Pure functions: the service, the read model and the projection share them.
import type { FieldSet, PersonField, PersonRecord } from "./person-record.ts";

export interface JournalEntry {
  effectiveDate: string;
  /** The change's journal sequence: orders entries of the same 異動日. */
  seq: string | bigint | number;
  set: FieldSet;
}

/** Orders by 異動日, then by seq (numerically: seq is a bigint in the database). */
export function compareEntries(a: Pick<JournalEntry, "effectiveDate" | "seq">, b: Pick<JournalEntry, "effectiveDate" | "seq">): number {
  if (a.effectiveDate !== b.effectiveDate) return a.effectiveDate < b.effectiveDate ? -1 : 1;
  const x = BigInt(a.seq);
  const y = BigInt(b.seq);
  return x === y ? 0 : x < y ? -1 : 1;
}

export function applySet(record: PersonRecord | null, set: FieldSet): PersonRecord {
  return { ...(record ?? {}), ...set } as PersonRecord;
}

/**
 * The record as of `asOf` (every entry when omitted), or null when no entry is effective by
 * then — the person was not yet on the registry. The first entry of a person is a registration
 * (転入, 出生, 職権記載) that sets every field.
 */
export function foldPerson(entries: readonly JournalEntry[], asOf?: string): PersonRecord | null {
  const effective = entries.filter((e) => asOf === undefined || e.effectiveDate <= asOf).sort(compareEntries);
  if (effective.length === 0) return null;
  return effective.reduce<PersonRecord | null>((record, e) => applySet(record, e.set), null);
}

/** The fields set by entries that come after `entry` in journal order. */
export function fieldsSetAfter(entries: readonly JournalEntry[], entry: Pick<JournalEntry, "effectiveDate" | "seq">): Set<PersonField> {
  const fields = new Set<PersonField>();
  for (const e of entries) if (compareEntries(e, entry) > 0) for (const f of Object.keys(e.set)) fields.add(f as PersonField);
  return fields;
}

/**
 * The latest record after appending `entry`, from the latest record before it: an entry at the
 * end of the journal applies whole; one dated back applies only the fields no later entry sets.
 * This is how the projection advances without re-reading the journal; the property test checks
 * it equals foldPerson over every entry.
 */
export function advanceLatest(latest: PersonRecord | null, entry: JournalEntry, laterFields: ReadonlySet<PersonField>): PersonRecord {
  if (laterFields.size === 0) return applySet(latest, entry.set);
  const kept: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(entry.set)) if (!laterFields.has(field as PersonField)) kept[field] = value;
  return applySet(latest, kept as FieldSet);
}
