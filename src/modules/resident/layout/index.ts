// 標準レイアウト (standard layouts) of the resident registry: what the module object lists as its
// `layouts`, and the bulk path the demo registries use to write a generated journal.
import type { LayoutDefinition } from "../../../platform/contract.ts";
import { residentChangesLayout } from "./change-layout.ts";

export const residentLayouts: LayoutDefinition[] = [residentChangesLayout];

export { residentChangesLayout, RESIDENT_CHANGES_LAYOUT_ID, checkJournalFile } from "./change-layout.ts";
export { CHANGE_COLUMNS, type ChangeRow } from "./change-columns.ts";
export { writeJournal, JOURNAL_IMPORTED, type JournalImportSummary } from "./journal-writer.ts";
export { toChangeRow } from "./journal-export.ts";
