// 異動の再生 (replaying the journal of a file): the entries applied one by one in journal order,
// each seeing the records as the service saw them when it recorded that entry — the record on
// the 異動日 before (fold.ts foldPerson over the earlier entries) and the latest record after
// (advanceLatest). Only the fields that differ from the record before are kept, as the service
// keeps them (change-plan.ts), so a file that lists an unchanged value still imports to the
// journal the registry would have written. An entry dated at or after everything earlier — all
// but a 職権修正 dated back — takes the fast path and never re-folds.
import { advanceLatest, applySet, fieldsSetAfter, foldPerson, type JournalEntry } from "../fold.ts";
import { differingSet, type FieldSet, type PersonRecord } from "../person-record.ts";
import type { JournalEntryRow, JournalRows } from "./change-rows.ts";

interface ReplayPerson {
  /** Entries so far, in journal order; seq is the change's index in the file. */
  entries: JournalEntry[];
  latest: PersonRecord | null;
  /** The latest 異動日 so far ("" before the first). */
  lastEffectiveDate: string;
  firstEffectiveDate: string;
  /** The last entry in fold order (異動日, then journal order): the projection's last_effective_date/last_seq. */
  last: { effectiveDate: string; change: number } | null;
}

export interface ReplayedEntry {
  index: number;
  entry: JournalEntryRow;
  /** What the entry changes: the listed values that differ from the record before. */
  set: FieldSet;
  beforeOnDate: PersonRecord | null;
  afterOnDate: PersonRecord;
  latestBefore: PersonRecord | null;
  latestAfter: PersonRecord;
  /** The person's 異動日 bounds before this entry ("" for a new person). */
  lastEffectiveDateBefore: string;
  firstEffectiveDate: string;
}

export class JournalReplay {
  private readonly persons: ReplayPerson[];
  private next = 0;

  constructor(private readonly journal: JournalRows) {
    this.persons = journal.persons.map(() => ({ entries: [], latest: null, lastEffectiveDate: "", firstEffectiveDate: "", last: null }));
  }

  /** Applies the next entry (in file order) and says what it did. */
  step(): ReplayedEntry {
    const index = this.next++;
    const entry = this.journal.entries[index]!;
    const effectiveDate = this.journal.changes[entry.change]!.effectiveDate;
    const p = this.persons[entry.person]!;
    const inOrder = p.lastEffectiveDate <= effectiveDate;
    const beforeOnDate = inOrder ? p.latest : foldPerson(p.entries, effectiveDate);
    const set = differingSet(beforeOnDate, entry.set);
    const appended: JournalEntry = { effectiveDate, seq: entry.change, set };
    const latestBefore = p.latest;
    // In order, the record on the 異動日 is the latest one, before and after.
    const latestAfter = inOrder ? applySet(p.latest, set) : advanceLatest(p.latest, appended, fieldsSetAfter(p.entries, appended));
    const replayed: ReplayedEntry = {
      index,
      entry,
      set,
      beforeOnDate,
      afterOnDate: inOrder ? latestAfter : applySet(beforeOnDate, set),
      latestBefore,
      latestAfter,
      lastEffectiveDateBefore: p.lastEffectiveDate,
      firstEffectiveDate: p.firstEffectiveDate || effectiveDate,
    };
    p.entries.push(appended);
    p.latest = latestAfter;
    if (inOrder) {
      p.lastEffectiveDate = effectiveDate;
      p.last = { effectiveDate, change: entry.change };
    }
    if (!p.firstEffectiveDate || effectiveDate < p.firstEffectiveDate) p.firstEffectiveDate = effectiveDate;
    return replayed;
  }

  get done(): boolean {
    return this.next >= this.journal.entries.length;
  }

  latestOf(person: number): PersonRecord | null {
    return this.persons[person]!.latest;
  }

  /** The person's last entry in fold order: 異動日, then the change's place in the journal. */
  lastOf(person: number): { effectiveDate: string; change: number } | null {
    return this.persons[person]!.last;
  }
}
