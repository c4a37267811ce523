// 異動記録ファイルの読み取り (reading a journal file): the two stages of checks — each row and
// each 異動 on its own (change-rows.ts), then the journal replayed as a sequence
// (journal-sequence.ts) — giving either every error found or the journal ready to be written.
// The second stage runs only on a file that passed the first, so that one broken row does
// not surface as a cascade of consequences. The framework hands validateRows and importRows
// the same array of rows, so the result is kept per array and a million rows are read once.
import { readChangeRows, type JournalRows, type RowError } from "./change-rows.ts";
import type { ChangeRow } from "./change-columns.ts";
import { checkJournalSequence, type PersonFacts } from "./journal-sequence.ts";

/** As many errors as the framework reports (import-error.ts MAX_IMPORT_ERRORS). */
export const MAX_JOURNAL_ERRORS = 1000;

export interface Journal extends JournalRows {
  facts: PersonFacts[];
}

export type JournalReading = { errors: RowError[] } | { journal: Journal };

const readings = new WeakMap<readonly ChangeRow[], JournalReading>();

export function readJournal(rows: readonly ChangeRow[]): JournalReading {
  const known = readings.get(rows);
  if (known) return known;
  const first = readChangeRows(rows, MAX_JOURNAL_ERRORS);
  let reading: JournalReading;
  if ("errors" in first) {
    reading = first;
  } else {
    const { errors, facts } = checkJournalSequence(first.journal, MAX_JOURNAL_ERRORS);
    reading = errors.length ? { errors } : { journal: { ...first.journal, facts } };
  }
  readings.set(rows, reading);
  return reading;
}
