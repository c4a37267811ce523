// 全国の住所の検査 (checking an address anywhere in Japan): 前住所, 転出先 and 本籍 are not chosen from
// this town's 町字マスター but must name a real 都道府県 and 市区町村. They are read against the
// national master of local governments (総務省 全国地方公共団体コード, tenancy/municipality-master.ts):
// 都道府県 (optional when the 市区町村 name is unique in Japan), an optional 郡, the 市町村 or 特別区,
// and the 行政区 of a 政令指定都市 (地方自治法 第252条の20). The rest keeps its words, with widths
// folded (lib/address-number.ts). 国外 (a move abroad, 住民基本台帳法 第24条) is written 「国外」
// followed by the country, and is not read further.
import { foldAddressWidth } from "../../lib/address-number.ts";
import { PREFECTURES } from "../../lib/prefectures.ts";
import { masterEntries, type MasterEntry } from "../tenancy/municipality-master.ts";

export interface NationalAddress {
  /** The address in its stored form: 都道府県 + 郡 + 市区町村 + 行政区 + the rest. */
  text: string;
  /** 全国地方公共団体コード of the 市区町村 (the 行政区's for a 政令指定都市; the 都道府県's when only it is written), or null abroad. */
  localGovernmentCode: string | null;
  prefecture: string | null;
  county: string | null;
  /** 市区町村 (for a 行政区: the city), or null when only the 都道府県 is written or abroad. */
  city: string | null;
  ward: string | null;
  /** What follows the 市区町村 (町字, 番地, 方書 …). */
  rest: string;
}

export type NationalAddressProblem = "unknown-prefecture" | "unknown-municipality";

export const ABROAD = "国外";

interface Municipality {
  entry: MasterEntry;
  wards: MasterEntry[];
}

const BY_PREFECTURE = new Map<string, Municipality[]>();
const BY_NAME = new Map<string, Municipality[]>();
{
  let current: Municipality | null = null;
  for (const e of masterEntries()) {
    if (e.kind === "prefecture") continue;
    if (e.kind === "ward") {
      current?.wards.push(e);
      continue;
    }
    current = { entry: e, wards: [] };
    const list = BY_PREFECTURE.get(e.prefectureName) ?? [];
    list.push(current);
    BY_PREFECTURE.set(e.prefectureName, list);
    BY_NAME.set(e.name, [...(BY_NAME.get(e.name) ?? []), current]);
  }
  // Longest names first, so that 野々市市 is read before a shorter name it starts with.
  for (const list of BY_PREFECTURE.values()) list.sort((a, b) => b.entry.name.length - a.entry.name.length);
}

/** 市区町村 whose name no other one in Japan has, longest first. */
const UNIQUE_NAMES = [...BY_NAME.values()]
  .filter((list) => list.length === 1)
  .map((list) => list[0]!)
  .sort((a, b) => b.entry.name.length - a.entry.name.length);

const COUNTY = /^(\S{1,6}?郡)/u;

function readMunicipality(text: string, candidates: Municipality[]): { county: string | null; m: Municipality; rest: string } | null {
  for (const withCounty of [false, true]) {
    const county = withCounty ? (COUNTY.exec(text)?.[1] ?? null) : null;
    if (withCounty && county === null) continue;
    const after = county === null ? text : text.slice(county.length);
    const m = candidates.find((c) => after.startsWith(c.entry.name));
    if (m) return { county, m, rest: after.slice(m.entry.name.length) };
  }
  return null;
}

/** The 都道府県 an address starts with, and the rest. */
export function splitPrefecture(text: string): { prefecture: string | null; rest: string } {
  const p = PREFECTURES.find((p) => text.startsWith(p.name));
  return p ? { prefecture: p.name, rest: text.slice(p.name.length) } : { prefecture: null, rest: text };
}

/** Reads an address against the national master; a problem names what could not be found. */
export function readNationalAddress(input: string): NationalAddress | NationalAddressProblem {
  const text = foldAddressWidth(input);
  if (text.startsWith(ABROAD)) {
    return { text, localGovernmentCode: null, prefecture: null, county: null, city: null, ward: null, rest: text.slice(ABROAD.length).trim() };
  }
  const { prefecture, rest: afterPrefecture } = splitPrefecture(text);
  // Without a 都道府県 only a name that is unique in Japan says where the address is.
  const found = prefecture !== null ? readMunicipality(afterPrefecture, BY_PREFECTURE.get(prefecture) ?? []) : readMunicipality(text, UNIQUE_NAMES);
  if (!found && prefecture === null) return "unknown-prefecture";
  // A 都道府県 alone (a 転出予定 whose 市区町村 is not known yet) is taken as it is.
  if (!found && afterPrefecture === "") {
    const code = PREFECTURES.find((p) => p.name === prefecture)!.code;
    return { text, localGovernmentCode: code, prefecture, county: null, city: null, ward: null, rest: "" };
  }
  if (!found) return "unknown-municipality";
  const { county, m } = found;
  let rest = found.rest;
  let ward: MasterEntry | null = null;
  if (m.wards.length > 0) {
    // The 行政区 is expected, but a 政令指定都市 named without it is still a known municipality.
    ward = [...m.wards].sort((a, b) => b.name.length - a.name.length).find((w) => rest.startsWith(w.name)) ?? null;
    if (ward !== null) rest = rest.slice(ward.name.length);
  }
  const pref = m.entry.prefectureName;
  return {
    text: `${pref}${county ?? ""}${m.entry.name}${ward?.name ?? ""}${rest}`,
    localGovernmentCode: (ward ?? m.entry).code,
    prefecture: pref,
    county,
    city: m.entry.name,
    ward: ward?.name ?? null,
    rest,
  };
}

/** Japanese messages for the problems, for a clerk. */
export const NATIONAL_ADDRESS_MESSAGES: Record<NationalAddressProblem, string> = {
  "unknown-prefecture": "都道府県名から書いてください（国外は「国外」に続けて国名）",
  "unknown-municipality": "その都道府県にない市区町村名です（全国地方公共団体コードの市区町村名、政令指定都市は区名まで）",
};
