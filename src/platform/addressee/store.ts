// The write path of an addressee: the current row, its name and address periods and its history
// change together, in the caller's transaction, or not at all. Every service goes through here.
import type { Tx } from "../db/database.ts";
import {
  changedFields,
  stateOf,
  type AddresseeState,
  type AddresseeStateRow,
  type StateField,
} from "./addressee.ts";
import { formatAddresseeNumber, parseAddresseeNumber } from "./addressee-number.ts";
import { appendChange, type ChangeKind } from "./history.ts";
import { appendAddressPeriod, appendNamePeriod, nameKeys } from "./periods.ts";
import { insertState, resolveNumber, selectState, updateState } from "./queries.ts";
import { addresseeProblems } from "./problems.ts";

export interface LoadedState {
  state: AddresseeState;
  version: number;
}

/** The addressee under exactly this number (merged or not), or null. */
export async function loadState(tx: Tx, number: string, forUpdate = false): Promise<LoadedState | null> {
  const parsed = parseAddresseeNumber(number);
  if (parsed === null) return null;
  const row = (await tx.query<AddresseeStateRow>(selectState(parsed, forUpdate))).rows[0];
  return row ? { state: stateOf(row), version: row.version } : null;
}

/**
 * The number that stands for `number` today: itself, or the survivor it was merged into
 * (following merges of merges). Null when no addressee has that number in this tenant.
 */
export async function resolveAddressee(tx: Tx, number: string): Promise<string | null> {
  const parsed = parseAddresseeNumber(number);
  if (parsed === null) return null;
  const row = (await tx.query(resolveNumber(parsed))).rows[0];
  return row ? formatAddresseeNumber(row.number as string) : null;
}

/** The survivor of `number`, locked for update; 404 when there is none. */
export async function loadForChange(tx: Tx, number: string): Promise<LoadedState> {
  const resolved = await resolveAddressee(tx, number);
  const loaded = resolved === null ? null : await loadState(tx, resolved, true);
  if (!loaded) throw addresseeProblems.notFound();
  return loaded;
}

/** A new addressee: its row, its first name and address periods, and the history entry. */
export async function insertAddressee(tx: Tx, state: AddresseeState, change: ChangeKind, reason: string | null): Promise<void> {
  const { nameKey, kanaKey } = nameKeys(state);
  await tx.query(insertState(state, nameKey, kanaKey));
  await appendNamePeriod(tx, state, null);
  await appendAddressPeriod(tx, state, null);
  await appendChange(tx, { number: state.number, change, fields: [], reason, before: null, after: state });
}

export interface PeriodStarts {
  /** The day a new name applies from (改姓, 商号変更); absent: a correction of the current name. */
  nameFrom?: string | null;
  /** The day a new address applies from (転居); absent: a correction of the current address. */
  addressFrom?: string | null;
}

const NAME_FIELDS: readonly StateField[] = ["name", "nameKana"];
const ADDRESS_FIELDS: readonly StateField[] = ["postalCode", "address", "addressLine2"];

/**
 * Writes `after` over `before` (the same addressee) and records the change. Returns the fields
 * that changed; when none did, nothing is written.
 */
export async function saveState(
  tx: Tx,
  before: AddresseeState,
  after: AddresseeState,
  change: ChangeKind,
  reason: string | null,
  periods: PeriodStarts = {},
): Promise<StateField[]> {
  const fields = changedFields(before, after);
  if (fields.length === 0) return fields;
  const { nameKey, kanaKey } = nameKeys(after);
  await tx.query(updateState(after, nameKey, kanaKey));
  if (fields.some((f) => NAME_FIELDS.includes(f))) await appendNamePeriod(tx, after, periods.nameFrom);
  if (fields.some((f) => ADDRESS_FIELDS.includes(f))) await appendAddressPeriod(tx, after, periods.addressFrom);
  await appendChange(tx, { number: after.number, change, fields, reason, before, after });
  return fields;
}
