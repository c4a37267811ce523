// 宛名番号 (atena bangō): the number of an addressee inside one municipality (団体内統合宛名番号).
// Decision: a positive integer per tenant, allocated in order from addressee_counter and shown
// everywhere outside the database (API, events, audit subjects, layouts) as 15 zero-padded
// digits, e.g. 000000000001234 — the width the national 団体内統合宛名 systems commonly use, and
// room for any municipality. The counter only grows, so a number is never reused; a merged-away
// number keeps its row and resolves to the survivor.
import type { Tx } from "../db/database.ts";
import { allocateNumber, reserveNumbersUpTo } from "./queries.ts";

export const ADDRESSEE_NUMBER_DIGITS = 15;
const MAX_NUMBER = 10n ** BigInt(ADDRESSEE_NUMBER_DIGITS) - 1n;

/** The 15-digit form of a 宛名番号 given as digits (with or without leading zeros) or a bigint. */
export function formatAddresseeNumber(value: string | bigint | number): string {
  return String(value).padStart(ADDRESSEE_NUMBER_DIGITS, "0");
}

/** Parses 1–15 digits (leading zeros optional) to the stored integer, or null if not a 宛名番号. */
export function parseAddresseeNumber(text: string): string | null {
  if (!/^\d{1,15}$/.test(text)) return null;
  const value = BigInt(text);
  if (value < 1n || value > MAX_NUMBER) return null;
  return value.toString();
}

/** The subject of events and audit entries about an addressee: `addressee:<15 digits>`. */
export function addresseeSubject(number: string): string {
  return `addressee:${formatAddresseeNumber(number)}`;
}

/** Allocates the tenant's next 宛名番号 in the caller's transaction (the counter row's lock serialises). */
export async function allocateAddresseeNumber(tx: Tx): Promise<string> {
  return formatAddresseeNumber((await tx.query(allocateNumber())).rows[0].number as string);
}

/** After numbers were taken as given (an import), makes sure the counter never hands them out. */
export async function reserveAddresseeNumbersUpTo(tx: Tx, highest: string): Promise<void> {
  await tx.query(reserveNumbersUpTo(highest));
}
