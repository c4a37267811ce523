// 異動記録の行の検査 (checking the rows of a journal file, first stage): each row on its own and
// the rows of one 異動 together — the fields a row sets and their cells, the 届出日 and 理由 a
// kind needs, the dates against the recording time, one id per 異動 with its rows consecutive,
// one person per 宛名番号, one 世帯番号 per household. What comes out is the journal in file
// order, ready to be replayed (journal-replay.ts) for the checks that need the records.
import { isExOfficio, type ChangeKind } from "../change-kind.ts";
import { PERSON_FIELDS, type FieldSet, type PersonField } from "../person-record.ts";
import { ALL_FIELDS_MARK, emptyCellOf, FIELD_COLUMN, type ChangeRow } from "./change-columns.ts";

export interface RowError {
  /** Index of the row in the file's data rows (0 for the first row after the header). */
  row: number;
  column: string;
  message: string;
}

export interface JournalChange {
  changeId: string;
  kind: ChangeKind;
  effectiveDate: string;
  notifiedDate: string | null;
  /** RFC 3339, as given (microseconds kept). */
  recordedAt: string;
  actor: string;
  reason: string | null;
  /** Rows [firstRow, endRow) of the file are this change's entries. */
  firstRow: number;
  endRow: number;
}

export interface JournalEntryRow {
  /** Index of the change in file order: the journal's order. */
  change: number;
  /** Index of the person in JournalRows.persons. */
  person: number;
  /** The values the row gives, for the fields it lists; replaying keeps only those that differ. */
  set: FieldSet;
  /** The row listed every field (`*` or all of them): a first registration must. */
  setsEveryField: boolean;
}

export interface JournalPersonRef {
  personId: string;
  /** 15 digits. */
  addresseeNumber: string;
  /** Row of the person's first entry, for errors about the person as a whole. */
  firstRow: number;
}

export interface JournalRows {
  changes: JournalChange[];
  /** One per row, in file order. */
  entries: JournalEntryRow[];
  persons: JournalPersonRef[];
  /** 世帯番号 of each household id the file places someone in. */
  householdNumbers: Map<string, string>;
}

const CHANGE_COLUMNS = ["kind", "effective_date", "notified_date", "recorded_at", "actor", "reason"] as const;

/** The day in Japan of an RFC 3339 instant (Japan keeps no daylight saving: always UTC+9). */
export function japanDayOf(instant: string): string {
  return new Date(Date.parse(instant) + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** Text fields that are names or addresses: no private-use (外字) or control characters. */
const TEXT_FIELDS: ReadonlySet<PersonField> = new Set<PersonField>([
  "familyName",
  "givenName",
  "address",
  "addressLine2",
  "previousAddress",
  "previousAddressLine2",
  "registeredDomicile",
  "domicileHead",
  "destinationAddress",
  "destinationAddressLine2",
]);
const PRIVATE_USE = /[\uE000-\uF8FF\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]/u;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

class Collector {
  readonly errors: RowError[] = [];
  constructor(private readonly cap: number) {}
  get full(): boolean {
    return this.errors.length >= this.cap;
  }
  add(row: number, column: string, message: string): void {
    if (!this.full) this.errors.push({ row, column, message });
  }
}

/** What readSet needs of each field, in PERSON_FIELDS order, computed once. */
const FIELD_INFO = PERSON_FIELDS.map((field) => ({
  field,
  column: FIELD_COLUMN[field],
  empty: emptyCellOf(field),
  isText: TEXT_FIELDS.has(field),
}));
const FIELD_POSITION = new Map(PERSON_FIELDS.map((f, i) => [FIELD_COLUMN[f], i]));

/** Which fields a row lists (a flag per field, in PERSON_FIELDS order), or why its `fields` cell cannot be read. */
function listedFields(cell: string | null): { listed: boolean[]; all: boolean } | { problem: string } {
  if (cell === ALL_FIELDS_MARK) return { listed: FIELD_INFO.map(() => true), all: true };
  const listed = FIELD_INFO.map(() => false);
  if (cell === null) return { listed, all: false };
  let count = 0;
  for (const name of cell.split(" ")) {
    const position = FIELD_POSITION.get(name);
    if (position === undefined) return { problem: "names a column that is not a field of the record" };
    if (listed[position]) return { problem: "names a field twice" };
    listed[position] = true;
    count++;
  }
  return { listed, all: count === PERSON_FIELDS.length };
}

/** The row's values of its listed fields; records cell errors. */
function readSet(row: ChangeRow, index: number, errors: Collector): { set: FieldSet; all: boolean } | null {
  const reading = listedFields(row.fields);
  if ("problem" in reading) {
    errors.add(index, "fields", reading.problem);
    return null;
  }
  const set: Record<string, unknown> = {};
  const before = errors.errors.length;
  for (let i = 0; i < FIELD_INFO.length; i++) {
    const { field, column, empty, isText } = FIELD_INFO[i]!;
    const value = row[column] ?? null;
    if (!reading.listed[i]) {
      if (value !== null) errors.add(index, column, "holds a value but is not listed in fields (leave it empty, or list it)");
      continue;
    }
    if (value === null) {
      if (empty === "required") errors.add(index, column, "is listed in fields and needs a value");
      set[field] = empty === "empty-text" ? "" : null;
      continue;
    }
    if (isText && typeof value === "string") {
      if (PRIVATE_USE.test(value)) errors.add(index, column, "contains a private-use character (外字); map it to Unicode first");
      else if (CONTROL.test(value)) errors.add(index, column, "contains a control character");
    }
    set[field] = value;
  }
  const givesHousehold = "householdId" in set;
  if (givesHousehold && row.household_number === null) errors.add(index, "household_number", "is required with household_id");
  if (!givesHousehold && row.household_number !== null) errors.add(index, "household_number", "is given only with household_id");
  return errors.errors.length === before ? { set: set as FieldSet, all: reading.all } : null;
}

/** The 15-digit 宛名番号 of a cell of 1–15 digits, or null (also for 0): addressee-number.ts without BigInt. */
function addresseeNumberOf(text: string): string | null {
  if (!/^\d{1,15}$/.test(text) || /^0+$/.test(text)) return null;
  return text.padStart(15, "0");
}

/** Checks of a change's own columns: what its kind needs, and its dates against its recording. */
function checkChange(row: ChangeRow, index: number, errors: Collector): void {
  const exOfficio = isExOfficio(row.kind);
  if (exOfficio && row.notified_date !== null) errors.add(index, "notified_date", "a 職権 異動 has no 届出日");
  if (!exOfficio && row.notified_date === null) errors.add(index, "notified_date", "a 届出 異動 needs its 届出日");
  if (exOfficio && (row.reason === null || row.reason.trim() === "")) errors.add(index, "reason", "a 職権 異動 needs its reason");
  const recordedDay = japanDayOf(row.recorded_at);
  // Only a 転出 is notified ahead of its 異動日 (住民基本台帳法 第24条).
  if (row.kind !== "moved-out") {
    if (row.effective_date > recordedDay) errors.add(index, "effective_date", "lies after the day the 異動 was recorded");
    if (row.notified_date !== null && row.notified_date < row.effective_date) {
      errors.add(index, "notified_date", "lies before the 異動日 (住民基本台帳法 第22条・第23条・第25条)");
    }
  }
  if (row.notified_date !== null && row.notified_date > recordedDay) errors.add(index, "notified_date", "lies after the day the 異動 was recorded");
}

/**
 * First stage of reading a journal file: every row's own checks and the grouping of rows into
 * changes, persons and households. Returns the errors (at most `cap`) or the journal.
 */
export function readChangeRows(rows: readonly ChangeRow[], cap: number): { errors: RowError[] } | { journal: JournalRows } {
  const errors = new Collector(cap);
  const changes: JournalChange[] = [];
  const entries: JournalEntryRow[] = [];
  const persons: JournalPersonRef[] = [];
  const personIndex = new Map<string, number>();
  const personOfNumber = new Map<string, number>();
  const seenChanges = new Set<string>();
  const householdNumbers = new Map<string, string>();
  const householdOfNumber = new Map<string, string>();
  let current: JournalChange | null = null;
  let personsInChange = new Set<number>();

  for (let index = 0; index < rows.length && !errors.full; index++) {
    const row = rows[index]!;
    const changeId = row.change_id.toLowerCase();
    if (current === null || current.changeId !== changeId) {
      if (seenChanges.has(changeId)) {
        errors.add(index, "change_id", "this 異動 appeared earlier: its rows must be consecutive and its id used once");
        continue;
      }
      seenChanges.add(changeId);
      checkChange(row, index, errors);
      current = {
        changeId,
        kind: row.kind,
        effectiveDate: row.effective_date,
        notifiedDate: row.notified_date,
        recordedAt: row.recorded_at,
        actor: row.actor,
        reason: row.reason,
        firstRow: index,
        endRow: index + 1,
      };
      changes.push(current);
      personsInChange = new Set();
    } else {
      const first = rows[current.firstRow]!;
      for (const column of CHANGE_COLUMNS) {
        if (row[column] !== first[column]) errors.add(index, column, "differs from the first row of the same 異動");
      }
    }
    current.endRow = index + 1;

    const personId = row.person_id.toLowerCase();
    const addresseeNumber = addresseeNumberOf(row.addressee_number);
    if (addresseeNumber === null) {
      errors.add(index, "addressee_number", "must be a 宛名番号 of 1–15 digits, not 0");
      continue;
    }
    let person = personIndex.get(personId);
    if (person === undefined) {
      if (personOfNumber.has(addresseeNumber)) {
        errors.add(index, "addressee_number", "belongs to another person_id in this file: one person per 宛名番号");
        continue;
      }
      person = persons.length;
      persons.push({ personId, addresseeNumber, firstRow: index });
      personIndex.set(personId, person);
      personOfNumber.set(addresseeNumber, person);
    } else if (persons[person]!.addresseeNumber !== addresseeNumber) {
      errors.add(index, "addressee_number", "differs from this person's 宛名番号 on an earlier row");
      continue;
    }
    if (personsInChange.has(person)) {
      errors.add(index, "person_id", "this person has another row in the same 異動");
      continue;
    }
    personsInChange.add(person);

    const read = readSet(row, index, errors);
    if (read === null) continue;
    const householdId = read.set.householdId?.toLowerCase();
    if (householdId !== undefined) {
      read.set.householdId = householdId;
      const number = row.household_number!;
      const known = householdNumbers.get(householdId);
      const holder = householdOfNumber.get(number);
      if (known !== undefined && known !== number) errors.add(index, "household_number", "differs from this household's 世帯番号 on an earlier row");
      else if (holder !== undefined && holder !== householdId) errors.add(index, "household_number", "is the 世帯番号 of another household");
      householdNumbers.set(householdId, number);
      householdOfNumber.set(number, householdId);
    }
    entries.push({ change: changes.length - 1, person, set: read.set, setsEveryField: read.all });
  }
  if (errors.errors.length) return { errors: errors.errors };
  return { journal: { changes, entries, persons, householdNumbers } };
}
