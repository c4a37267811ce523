// 名寄せ候補 (duplicate candidates): pairs of addressees that may be the same — persons with the
// same normalised カナ (their current one) and birth date, organisations with the same 法人番号.
// Merged-away addressees are left out; a pair is listed once, lower number first.
import type { Tx } from "../db/database.ts";
import { stateOf, type AddresseeState, type AddresseeStateRow } from "./addressee.ts";
import { formatAddresseeNumber } from "./addressee-number.ts";
import { duplicateCandidates, selectState } from "./queries.ts";

export type DuplicateMatch = "kana-and-birth-date" | "corporate-number";

export interface DuplicatePair {
  matchedOn: DuplicateMatch;
  a: AddresseeState;
  b: AddresseeState;
}

export async function listDuplicates(tx: Tx, page: { limit: number; offset: number }): Promise<DuplicatePair[]> {
  const rows = (await tx.query(duplicateCandidates(page.limit, page.offset))).rows;
  const pairs: DuplicatePair[] = [];
  for (const r of rows) {
    const a = await load(tx, r.number_a as string);
    const b = await load(tx, r.number_b as string);
    pairs.push({ matchedOn: r.matched_on as DuplicateMatch, a, b });
  }
  return pairs;
}

async function load(tx: Tx, number: string): Promise<AddresseeState> {
  const row = (await tx.query<AddresseeStateRow>(selectState(formatAddresseeNumber(number)))).rows[0]!;
  return stateOf(row);
}
