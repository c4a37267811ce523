// 町字 (machiaza): one row of the town's 町字マスター, in the columns of デジタル庁 アドレス・ベース・
// レジストリ「町字マスター」データ定義 (mt_town): 全国地方公共団体コード lg_code, 町字ID machiaza_id
// (7 digits: 大字・町 4 + 丁目・小字 3), 町字区分コード machiaza_type (1 大字・町, 2 丁目, 3 小字,
// 4 大字・町/丁目/小字なし, 5 道路方式の道路名), 住居表示フラグ rsdt_addr_flg (1: 住居表示実施), 効力発生日
// efct_date and 廃止日 ablt_date, 郵便番号 post_code, and the names with their カナ and ローマ字.
import { addressSearchKey } from "../../lib/address-key.ts";

/** The columns of the 町字マスター, in the order of the standard file. */
export const TOWN_AREA_COLUMNS = [
  "lg_code", "machiaza_id", "machiaza_type", "pref", "pref_kana", "pref_roma", "county", "county_kana", "county_roma",
  "city", "city_kana", "city_roma", "ward", "ward_kana", "ward_roma", "oaza_cho", "oaza_cho_kana", "oaza_cho_roma",
  "chome", "chome_kana", "chome_number", "koaza", "koaza_kana", "koaza_roma", "machiaza_dist", "rsdt_addr_flg",
  "rsdt_addr_mtd_code", "oaza_cho_aka_flg", "koaza_aka_code", "oaza_cho_gsi_uncmn", "koaza_gsi_uncmn", "status_flg",
  "wake_num_flg", "efct_date", "ablt_date", "src_code", "post_code", "remarks",
] as const;

export type TownAreaColumn = (typeof TOWN_AREA_COLUMNS)[number];
/** A row: every column a string (dates YYYY-MM-DD) or null when empty. */
export type TownArea = Record<TownAreaColumn, string | null> & {
  lg_code: string;
  machiaza_id: string;
  machiaza_type: string;
  pref: string;
  city: string;
  rsdt_addr_flg: string;
  efct_date: string;
};

/** 大字・町名 + 丁目名 + 小字名: the 町字 as written in an address after the 市区町村. */
export function townAreaName(a: Pick<TownArea, "oaza_cho" | "chome" | "koaza">): string {
  return `${a.oaza_cho ?? ""}${a.chome ?? ""}${a.koaza ?? ""}`;
}

/** 都道府県 + 郡 + 市区町村 + 政令市区: the municipality as written before the 町字. */
export function municipalityPrefix(a: Pick<TownArea, "pref" | "county" | "city" | "ward">): string {
  return `${a.pref}${a.county ?? ""}${a.city}${a.ward ?? ""}`;
}

/** The search key of a 町字's name (stored as town_area.machiaza_key). */
export function townAreaKey(a: Pick<TownArea, "oaza_cho" | "chome" | "koaza">): string {
  return addressSearchKey(townAreaName(a));
}

/** Whether the 町字 is addressed by 住居表示 (街区符号・住居番号) rather than by 地番. */
export function isResidenceIndication(a: Pick<TownArea, "rsdt_addr_flg">): boolean {
  return a.rsdt_addr_flg === "1";
}
