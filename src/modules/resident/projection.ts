// 現在記録 (the projection): one row per person with the latest record — the fold of every entry
// of the 異動 journal — and its search keys. Written in the same transaction as each 異動 by
// advancing the previous latest record (fold.ts advanceLatest); derived, so rebuildProjection can
// recompute it from the journal at any time and must give the same rows.
import type { Tx } from "../../platform/db/database.ts";
import { compareEntries, foldPerson, type JournalEntry } from "./fold.ts";
import type { PersonRecord } from "./person-record.ts";
import { allPersons, deleteProjection, entriesOf, upsertCurrent, type CurrentRow } from "./queries.ts";
import { searchKey } from "./search-keys.ts";
import { townSearchKey } from "../../platform/address/index.ts";

export function projectionRow(
  personId: string,
  addresseeNumber: string,
  record: PersonRecord,
  last: Pick<JournalEntry, "effectiveDate" | "seq">,
): CurrentRow {
  return {
    personId,
    addresseeNumber,
    householdId: record.householdId,
    record,
    nameKey: searchKey(`${record.familyName}${record.givenName}`),
    givenNameKey: searchKey(record.givenName),
    kanaKey: searchKey(`${record.familyNameKana}${record.givenNameKana}`),
    givenKanaKey: searchKey(record.givenNameKana),
    addressKey: searchKey(`${record.address}${record.addressLine2 ?? ""}`),
    townKey: townSearchKey(`${record.address}${record.addressLine2 ?? ""}`),
    birthDate: record.birthDate,
    status: record.status,
    removalDate: record.removalDate,
    lastEffectiveDate: last.effectiveDate,
    lastSeq: String(last.seq),
  };
}

export async function saveProjection(tx: Tx, row: CurrentRow): Promise<void> {
  await tx.query(upsertCurrent(row));
}

export interface EntryRow {
  person_id: string;
  effective_date: string;
  seq: string;
  set: JournalEntry["set"];
}

export function toJournalEntry(row: EntryRow): JournalEntry {
  return { effectiveDate: row.effective_date, seq: row.seq, set: row.set };
}

/** Recomputes the tenant's whole projection from the journal (in the caller's tenant transaction). */
export async function rebuildProjection(tx: Tx): Promise<{ persons: number }> {
  await tx.query(deleteProjection());
  const persons = (await tx.query<{ person_id: string; addressee_number: string }>(allPersons())).rows;
  const BATCH = 500;
  for (let i = 0; i < persons.length; i += BATCH) {
    const batch = persons.slice(i, i + BATCH);
    const rows = (await tx.query<EntryRow>(entriesOf(batch.map((p) => p.person_id)))).rows;
    const byPerson = new Map<string, JournalEntry[]>();
    for (const row of rows) {
      const list = byPerson.get(row.person_id) ?? [];
      list.push(toJournalEntry(row));
      byPerson.set(row.person_id, list);
    }
    for (const p of batch) {
      const entries = byPerson.get(p.person_id) ?? [];
      const record = foldPerson(entries);
      if (record === null) continue;
      const last = [...entries].sort(compareEntries).at(-1)!;
      await saveProjection(tx, projectionRow(p.person_id, p.addressee_number, record, last));
    }
  }
  return { persons: persons.length };
}
