// デモと負荷試験のデータ (demo and benchmark data) of the resident registry: the demo registries
// the platform's demo seeds per municipality, and journal files of any size for benchmarks.
export { seedResidentDemo, demoPersons, DEFAULT_DEMO_PERSONS, DEMO_PERSONS_ENV, type ResidentDemoOptions, type ResidentDemoSummary } from "./resident-demo.ts";
export { generateJournal, type SyntheticJournalOptions } from "./synthetic-journal.ts";
export { writeJournalCsv, writeJournalCsvTo, type JournalCsvSummary } from "./journal-csv.ts";
