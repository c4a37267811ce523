// 住所の照合レポート (the mapping report): every addressee whose current address does not match —
// an address inside the town that the 町字マスター does not know, or an address elsewhere whose
// 都道府県・市区町村 the national master does not know. Listed by 宛名番号 and problem only: the
// report shows no name or address, and the route audits each listed number.
import type { Tx } from "../db/database.ts";
import { formatAddresseeNumber } from "../addressee/addressee-number.ts";
import { NATIONAL_ADDRESS_MESSAGES, readNationalAddress } from "./national-address.ts";
import { inTownPart, matchInTown, TOWN_MATCH_MESSAGES, type TownMaster } from "./town-master.ts";
import type { UnmatchedItemType } from "./api-schemas.ts";

/** The current contact address of every addressee not merged away, with whether they are a resident today. */
const currentAddresses = (today: string) => ({
  text: `SELECT a.number::text AS number, cur.address,
                coalesce((SELECT r.event = 'began' FROM addressee_residence r
                          WHERE r.number = a.number AND r.effective_date <= $1::date
                          ORDER BY r.effective_date DESC, r.seq DESC LIMIT 1), false) AS is_resident
         FROM addressee a
         JOIN LATERAL (
           SELECT x.address FROM addressee_address x
           WHERE x.number = a.number AND (x.valid_from IS NULL OR x.valid_from <= $1::date)
           ORDER BY x.valid_from DESC NULLS LAST, x.seq DESC LIMIT 1
         ) cur ON cur.address IS NOT NULL
         WHERE a.merged_into IS NULL
         ORDER BY a.number`,
  values: [today],
});

/** Why an address does not match (null when it does). */
export function addressProblem(address: string, master: TownMaster | null): { problem: string; message: string } | null {
  if (master !== null && inTownPart(address, master) !== null) {
    const m = matchInTown(address, master);
    return typeof m === "string" ? { problem: m, message: TOWN_MATCH_MESSAGES[m] } : null;
  }
  const n = readNationalAddress(address);
  return typeof n === "string" ? { problem: n, message: NATIONAL_ADDRESS_MESSAGES[n] } : null;
}

export async function unmatchedAddresses(tx: Tx, master: TownMaster | null, today: string): Promise<{ checked: number; items: UnmatchedItemType[] }> {
  const rows = (await tx.query<{ number: string; address: string; is_resident: boolean }>(currentAddresses(today))).rows;
  const items: UnmatchedItemType[] = [];
  for (const row of rows) {
    // A resident's address is in the town by definition: without a master it cannot be checked.
    if (row.is_resident && master === null) continue;
    const found = row.is_resident && master !== null
      ? ((m) => (typeof m === "string" ? { problem: m, message: TOWN_MATCH_MESSAGES[m] } : null))(matchInTown(row.address, master))
      : addressProblem(row.address, master);
    if (found) items.push({ addresseeNumber: formatAddresseeNumber(row.number), isResident: row.is_resident, ...found });
  }
  return { checked: rows.length, items };
}
