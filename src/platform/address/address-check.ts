// Checking and normalising one address, for the resident module's 異動 and the addressee
// register: in the town (転入先, 転居先, a 住登外者 living in the town) against the town's 町字マスター
// on the day, elsewhere (前住所, 転出先, 本籍) against the national master.
import type { Tx } from "../db/database.ts";
import { NATIONAL_ADDRESS_MESSAGES, readNationalAddress } from "./national-address.ts";
import { loadTownMaster, matchInTown, TOWN_MATCH_MESSAGES, type TownMaster } from "./town-master.ts";

export type AddressScope = "in-town" | "national";

export interface AddressVerdict {
  ok: boolean;
  /** The stored form, when ok. */
  address: string | null;
  machiazaId: string | null;
  problem: string | null;
  /** For the clerk, in Japanese. */
  message: string | null;
}

/** An address inside the town. Without a master (none imported yet) the address is taken as typed. */
export function checkInTown(address: string, master: TownMaster | null): AddressVerdict {
  if (master === null) return { ok: true, address, machiazaId: null, problem: null, message: null };
  const m = matchInTown(address, master);
  if (typeof m === "string") return { ok: false, address: null, machiazaId: null, problem: m, message: TOWN_MATCH_MESSAGES[m] };
  return { ok: true, address: m.text, machiazaId: m.machiazaId, problem: null, message: null };
}

/** An address anywhere in Japan (or 国外). */
export function checkNational(address: string): AddressVerdict {
  const n = readNationalAddress(address);
  if (typeof n === "string") return { ok: false, address: null, machiazaId: null, problem: n, message: NATIONAL_ADDRESS_MESSAGES[n] };
  return { ok: true, address: n.text, machiazaId: null, problem: null, message: null };
}

export async function normaliseAddress(tx: Tx, address: string, scope: AddressScope, date: string): Promise<AddressVerdict> {
  return scope === "national" ? checkNational(address) : checkInTown(address, await loadTownMaster(tx, date));
}
