// 期間 (periods): the names and contact addresses an addressee has had, each from a day on
// (NULL: from the start). A correction (誤記の訂正) repeats the current period's start and wins by
// its later seq; a change (改姓, 商号変更, 転居) opens a new period on its effective day. Reading
// "as of" a day takes the latest period that has started by then — so a notice reprinted for a
// past date shows the name and address of that date.
import type { Tx } from "../db/database.ts";
import { normalizeKana } from "../../lib/kana.ts";
import type { AddresseeState, ContactAddress } from "./addressee.ts";
import { addressAsOf, insertAddress, insertName, latestPeriodStart, nameAsOf } from "./queries.ts";

export type PeriodTable = "addressee_name" | "addressee_address";

/** The start of the latest period, or null when it runs from the start (or none exists). */
export async function currentPeriodStart(tx: Tx, table: PeriodTable, number: string): Promise<string | null> {
  const row = (await tx.query(latestPeriodStart(table, number))).rows[0];
  return row ? (row.valid_from as string | null) : null;
}

/**
 * Where a new value's period starts: `effectiveFrom` when it is after the current period's
 * start; otherwise (no date: a correction, or a date not after the current start) the current
 * period's own start, so the new value replaces it.
 */
async function startOf(tx: Tx, table: PeriodTable, number: string, effectiveFrom: string | null | undefined): Promise<string | null> {
  const current = await currentPeriodStart(tx, table, number);
  if (effectiveFrom === null || effectiveFrom === undefined) return current;
  if (current !== null && effectiveFrom <= current) return current;
  return effectiveFrom;
}

/** Search keys of a name: kanji and カナ, width- and kana-insensitive, case-folded for Latin names. */
export function nameKeys(state: Pick<AddresseeState, "name" | "nameKana">): { nameKey: string; kanaKey: string } {
  return { nameKey: searchKey(state.name), kanaKey: searchKey(state.nameKana) };
}

export function searchKey(text: string): string {
  return normalizeKana(text).toUpperCase();
}

export async function appendNamePeriod(tx: Tx, state: AddresseeState, effectiveFrom: string | null | undefined): Promise<void> {
  const validFrom = await startOf(tx, "addressee_name", state.number, effectiveFrom);
  const { nameKey, kanaKey } = nameKeys(state);
  await tx.query(insertName(state.number, validFrom, state.name, state.nameKana, nameKey, kanaKey));
}

export async function appendAddressPeriod(tx: Tx, state: AddresseeState, effectiveFrom: string | null | undefined): Promise<void> {
  const validFrom = await startOf(tx, "addressee_address", state.number, effectiveFrom);
  await tx.query(insertAddress(state.number, validFrom, state));
}

export async function nameOn(tx: Tx, number: string, date: string): Promise<{ name: string; nameKana: string } | null> {
  const row = (await tx.query(nameAsOf(number, date))).rows[0];
  return row ? { name: row.name, nameKana: row.name_kana } : null;
}

export async function addressOn(tx: Tx, number: string, date: string): Promise<ContactAddress | null> {
  const row = (await tx.query(addressAsOf(number, date))).rows[0];
  return row ? { postalCode: row.postal_code, address: row.address, addressLine2: row.address_line2 } : null;
}
