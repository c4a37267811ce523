// 町字の候補 (candidates): what a clerk's 〒 or typed 町字 may mean in this town. A 〒 (7 digits,
// with or without a hyphen, any width) lists the 町字 with that postal code; text lists the 町字
// whose name contains it (those starting with it first), with or without the municipality typed
// before it — 「堀内」, 「葉山町堀内」 and 「神奈川県三浦郡葉山町堀内」 give the same candidates.
import { foldAddressWidth } from "../../lib/address-number.ts";
import { addressSearchKey } from "../../lib/address-key.ts";
import type { CandidateType } from "./api-schemas.ts";
import { isResidenceIndication, municipalityPrefix, townAreaName, type TownArea } from "./town-area.ts";
import { inTownPart, type TownMaster } from "./town-master.ts";

const MAX_CANDIDATES = 50;

export function candidateOf(a: TownArea & { machiaza_key?: string }): CandidateType {
  const name = townAreaName(a);
  return {
    machiazaId: a.machiaza_id,
    townArea: name,
    townAreaKana: `${a.oaza_cho_kana ?? ""}${a.chome_kana ?? ""}${a.koaza_kana ?? ""}` || null,
    address: `${municipalityPrefix(a)}${name}`,
    postalCode: a.post_code,
    addressing: isResidenceIndication(a) ? "residence-indication" : "lot-number",
  };
}

export function findCandidates(master: TownMaster, q: string): CandidateType[] {
  const folded = foldAddressWidth(q).replace(/\s+/g, "");
  const postal = /^(\d{3})-?(\d{4})$/.exec(folded);
  if (postal) {
    const code = `${postal[1]}${postal[2]}`;
    return master.areas.filter((a) => a.post_code === code).slice(0, MAX_CANDIDATES).map(candidateOf);
  }
  const rest = inTownPart(folded, master);
  if (rest === null) return [];
  const key = addressSearchKey(rest);
  const keyed = master.areas.map((a) => ({ a, k: addressSearchKey(townAreaName(a)) }));
  // A typed 番地 after the 町字 (堀内2135) still finds 堀内.
  const hits = keyed.filter(({ k }) => k !== "" && (k.includes(key) || key.startsWith(k)));
  hits.sort((x, y) => Number(!x.k.startsWith(key)) - Number(!y.k.startsWith(key)) || x.a.machiaza_id.localeCompare(y.a.machiaza_id));
  return hits.slice(0, MAX_CANDIDATES).map(({ a }) => candidateOf(a));
}
