// 町字マスターとの照合 (matching an address to the town's master): an address inside the
// municipality is its 市区町村 (written in full, from the 郡 or the 町村 on, or left out), one 町字 of
// the master in force on the day, and 番地・号 as numbers. The stored form writes the whole
// municipality, the 町字 as the master writes it, and the numbers in the master's style
// (lib/address-number.ts: 地番 「2135番地3」, 住居表示 「5番12号」). 丁目 typed in 算用数字 (3丁目) are
// read as the master's 三丁目.
import type { Tx } from "../db/database.ts";
import { foldAddressWidth, normaliseBlock, toKanjiNumeral } from "../../lib/address-number.ts";
import { splitPrefecture } from "./national-address.ts";
import { hasTownAreas, townAreasOn } from "./queries.ts";
import { isResidenceIndication, municipalityPrefix, townAreaName, type TownArea } from "./town-area.ts";

export type TownMatchProblem = "other-municipality" | "unknown-town-area" | "block-not-numbers";

export interface TownMatch {
  /** The address in its stored form. */
  text: string;
  machiazaId: string;
  area: TownArea;
  /** 番地・号 in the stored form. */
  block: string;
}

/** The master of a town on a day: its 町字 in force, or null when the town has imported none. */
export interface TownMaster {
  areas: TownArea[];
}

export async function loadTownMaster(tx: Tx, date: string): Promise<TownMaster | null> {
  const present = (await tx.query(hasTownAreas())).rows[0]?.present === true;
  if (!present) return null;
  return { areas: (await tx.query<TownArea>(townAreasOn(date))).rows };
}

/** The ways the municipality may begin an address: 都道府県+郡+市区町村+区, 郡+…, 市区町村+…, 区. */
function municipalityForms(a: TownArea): string[] {
  const full = municipalityPrefix(a);
  const forms = [full, full.slice(a.pref.length), `${a.city}${a.ward ?? ""}`];
  if (a.ward) forms.push(a.ward);
  return [...new Set(forms)].filter((f) => f !== "");
}

/** Names a 町字 may be written with: as in the master, and with the 丁目 in 算用数字. */
function writtenNames(a: TownArea): string[] {
  const names = [townAreaName(a)];
  if (a.chome && a.chome_number) {
    const n = Number(a.chome_number);
    names.push(`${a.oaza_cho ?? ""}${n}丁目${a.koaza ?? ""}`);
    if (a.chome !== `${toKanjiNumeral(n)}丁目`) names.push(`${a.oaza_cho ?? ""}${toKanjiNumeral(n)}丁目${a.koaza ?? ""}`);
  }
  return names;
}

/** Strips the municipality from the start of an address: the rest, or null for another municipality. */
export function inTownPart(text: string, master: TownMaster): string | null {
  const first = master.areas[0];
  if (!first) return null;
  const t = foldAddressWidth(text).replace(/\s+/g, "");
  const form = municipalityForms(first).find((f) => t.startsWith(f));
  if (form !== undefined) return t.slice(form.length);
  // An address that names a 都道府県 but not this town is elsewhere.
  return splitPrefecture(t).prefecture === null ? t : null;
}

/** Matches an address inside the town to the master. */
export function matchInTown(text: string, master: TownMaster): TownMatch | TownMatchProblem {
  const rest = inTownPart(text, master);
  if (rest === null) return "other-municipality";
  let best: { area: TownArea; name: string } | null = null;
  for (const area of master.areas) {
    for (const name of writtenNames(area)) {
      if (rest.startsWith(name) && (best === null || name.length > best.name.length)) best = { area, name };
    }
  }
  if (best === null) return "unknown-town-area";
  const block = normaliseBlock(rest.slice(best.name.length), isResidenceIndication(best.area) ? "residence-indication" : "lot-number");
  if (block === null) return "block-not-numbers";
  return {
    text: `${municipalityPrefix(best.area)}${townAreaName(best.area)}${block.text}`,
    machiazaId: best.area.machiaza_id,
    area: best.area,
    block: block.text,
  };
}

/** Japanese messages for the problems, for a clerk. */
export const TOWN_MATCH_MESSAGES: Record<TownMatchProblem, string> = {
  "other-municipality": "この町の住所ではありません（転居先・転入先はこの町の町字から選んでください）",
  "unknown-town-area": "町字マスターにない町字です（〒または町字を入力して候補から選んでください）",
  "block-not-numbers": "番地・号は数字で入力してください（例: 2135番地3、2135-3）",
};
