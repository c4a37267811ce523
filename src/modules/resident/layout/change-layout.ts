// 住民記録の標準レイアウト (standard layout of the resident registry, architecture §6):
// `resident.changes`, the 異動 journal itself, one row per person each 異動 touched.
//
// Decisions:
//  - The journal, not the current records, is what travels. Every record, every "as of D"
//    answer and every certificate for a past date is derived from the journal, so only the
//    journal round-trips losslessly: exported from one municipality and imported into an
//    empty one it gives the same journal, the same records on every date, and the same file
//    when exported again (the property test in layout.test.ts). A layout of current records
//    would lose the history, and importing one beside the journal would record everything
//    twice; a reader that wants current records folds the rows of each person (fold.ts).
//  - Ids travel: 異動ID, 個人ID and 世帯ID (UUIDs) and the 世帯番号, so links into the registry
//    (a person's page, a household) stay valid after a move between platforms. The journal's
//    seq does not: it is the file's order, and the import numbers the changes in that order.
//    recorded_at keeps its microseconds.
//  - The 宛名番号 of each person travels with them and keeps the one-宛名番号 rule: see
//    addressee-link.ts for how the import links or creates each addressee.
//  - 個人番号 are not exported, in plain text or otherwise: the file says only whether one was
//    recorded (has_my_number). Moving the numbers needs an encrypted export of their own,
//    which this layout does not provide; until they are re-entered a person imported with
//    has_my_number = true has no number to reveal.
//  - An import goes into an empty registry only: a journal is one history and cannot be
//    merged into another. It is checked completely first (the framework's cells, then
//    read-journal.ts: unknown kinds, rows of one 異動 together, duplicate ids, impossible
//    sequences, households with one head and one address after every 異動; then the registry
//    and the addressees here), and written whole or not at all (journal-writer.ts).
import type { LayoutDefinition } from "../../../platform/contract.ts";
import type { Tx } from "../../../platform/db/database.ts";
import { checkKnownAddressees, knownAddressees } from "./addressee-link.ts";
import { registryPersonCount } from "./bulk-queries.ts";
import { CHANGE_COLUMNS, type ChangeRow } from "./change-columns.ts";
import type { RowError } from "./change-rows.ts";
import { exportJournal } from "./journal-export.ts";
import { writeJournal } from "./journal-writer.ts";
import { readJournal, type Journal } from "./read-journal.ts";

export const RESIDENT_CHANGES_LAYOUT_ID = "resident.changes";

async function registryIsEmpty(tx: Tx): Promise<boolean> {
  return (await tx.query(registryPersonCount())).rows[0].n === 0;
}

/** Every error of the file against this municipality, or the journal to write. */
export async function checkJournalFile(tx: Tx, rows: readonly ChangeRow[]): Promise<{ errors: RowError[] } | { journal: Journal; linked: Set<string> }> {
  const reading = readJournal(rows);
  if ("errors" in reading) return reading;
  const { journal } = reading;
  if (journal.entries.length > 0 && !(await registryIsEmpty(tx))) {
    return {
      errors: [{ row: 0, column: "change_id", message: "this municipality's registry already holds persons: a journal is imported into an empty registry" }],
    };
  }
  const known = await knownAddressees(tx, journal);
  const errors = checkKnownAddressees(journal, known);
  return errors.length ? { errors } : { journal, linked: new Set(known.keys()) };
}

export const residentChangesLayout: LayoutDefinition<ChangeRow> = {
  id: RESIDENT_CHANGES_LAYOUT_ID,
  name: "住民記録 異動履歴",
  version: "1",
  columns: CHANGE_COLUMNS,
  personColumn: "addressee_number",
  exportRows: exportJournal,

  async validateRows(tx, rows) {
    const checked = await checkJournalFile(tx, rows);
    return "errors" in checked ? checked.errors : [];
  },

  async importRows(tx, rows, platform) {
    const checked = await checkJournalFile(tx, rows);
    if ("errors" in checked) throw new Error("resident.changes: rows do not validate; run validateRows first");
    await writeJournal(tx, checked.journal, checked.linked, platform.events);
    return { imported: rows.length };
  },
};
