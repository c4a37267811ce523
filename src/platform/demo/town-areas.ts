// 町名・大字と郵便番号 (town areas and their postal codes) where synthetic residents live.
// The four demo municipalities get their real 町名 / 大字; any other tenant gets generic 町名.
//
// Postal codes: each entry says where its code comes from. "published-address" codes were seen
// in real published addresses of that area (shops, offices) while writing this file;
// "unverified" codes are recalled from Japan Post's 郵便番号データ (KEN_ALL.CSV) and are
// plausible but not checked — check them against KEN_ALL.CSV before using them for anything but
// a demo. Generic tenants get codes that are well-formed and start with the 3-digit area of their
// prefecture's capital, but are not real.
//
// Addressing: a town with 丁目 is addressed 「一之宮三丁目5番12号」 (番 and 号 inside the 丁目);
// a 大字 without 丁目 is addressed by its 地番 「堀内2135番地」 or 「堀内2135番地3」, which is how
// 葉山町, most of 大磯町 and 二宮町 are addressed (住居表示 is not in force there).
import { PREFECTURES } from "../../lib/prefectures.ts";

export type PostalCodeSource = "published-address" | "unverified" | "generic";

export interface TownArea {
  /** 町名 or 大字 as written in an address. */
  name: string;
  kana: string;
  /** Seven digits, no hyphen. */
  postalCode: string;
  postalCodeSource: PostalCodeSource;
  /** Number of 丁目; 0 for a 大字 addressed by 地番. */
  chome: number;
  /** Highest 番 (in a 丁目) or 番地 (in a 大字). */
  maxNumber: number;
  /** Relative number of residents. */
  weight: number;
}

export interface MunicipalityGeography {
  prefecture: string;
  /** 郡 + 町村 as written in an address (e.g. 三浦郡葉山町), or null when not known. */
  municipality: string | null;
  towns: readonly TownArea[];
}

const area = (
  name: string, kana: string, postalCode: string, postalCodeSource: PostalCodeSource,
  chome: number, maxNumber: number, weight: number,
): TownArea => ({ name, kana, postalCode, postalCodeSource, chome, maxNumber, weight });

/** Real 町名 / 大字 of the demo municipalities, weighted roughly by their population. */
export const DEMO_GEOGRAPHY: Readonly<Record<string, MunicipalityGeography>> = {
  "143014": {
    prefecture: "神奈川県",
    municipality: "三浦郡葉山町",
    towns: [
      area("一色", "イッシキ", "2400111", "published-address", 0, 2600, 7),
      area("堀内", "ホリウチ", "2400112", "unverified", 0, 2200, 9),
      area("長柄", "ナガエ", "2400113", "unverified", 0, 1800, 8),
      area("木古庭", "キコバ", "2400114", "unverified", 0, 1500, 1.5),
      area("上山口", "カミヤマグチ", "2400115", "published-address", 0, 2700, 3),
      area("下山口", "シモヤマグチ", "2400116", "unverified", 0, 2100, 4),
    ],
  },
  "143219": {
    prefecture: "神奈川県",
    municipality: "高座郡寒川町",
    towns: [
      area("一之宮", "イチノミヤ", "2530111", "unverified", 9, 30, 12),
      area("岡田", "オカダ", "2530105", "published-address", 8, 30, 9),
      area("大曲", "オオマガリ", "2530113", "published-address", 5, 25, 5),
      area("小谷", "コヤ", "2530115", "unverified", 3, 25, 3),
      area("宮山", "ミヤヤマ", "2530106", "published-address", 0, 4000, 5),
      area("倉見", "クラミ", "2530101", "unverified", 0, 3500, 6),
      area("小動", "コユルギ", "2530102", "unverified", 0, 1500, 1.5),
      area("田端", "タバタ", "2530114", "unverified", 0, 1800, 2),
    ],
  },
  "143413": {
    prefecture: "神奈川県",
    municipality: "中郡大磯町",
    towns: [
      area("大磯", "オオイソ", "2550003", "published-address", 0, 2200, 8),
      area("東小磯", "ヒガシコイソ", "2550004", "published-address", 0, 900, 3),
      area("西小磯", "ニシコイソ", "2550005", "unverified", 0, 1200, 3.5),
      area("高麗", "コマ", "2550001", "published-address", 3, 25, 2),
      area("東町", "ヒガシチョウ", "2550002", "unverified", 3, 25, 3),
      area("国府本郷", "コクフホンゴウ", "2590111", "unverified", 0, 2500, 4),
      area("国府新宿", "コクフシンシュク", "2590112", "unverified", 0, 1000, 2.5),
      area("石神台", "イシガミダイ", "2590104", "unverified", 3, 20, 1.5),
    ],
  },
  "143421": {
    prefecture: "神奈川県",
    municipality: "中郡二宮町",
    towns: [
      area("二宮", "ニノミヤ", "2590123", "published-address", 0, 3000, 8),
      area("山西", "ヤマニシ", "2590124", "unverified", 0, 2500, 5),
      area("中里", "ナカザト", "2590125", "unverified", 0, 1500, 3),
      area("一色", "イッシキ", "2590122", "unverified", 0, 1200, 2),
      area("川匂", "カワワ", "2590121", "unverified", 0, 800, 1),
      area("百合が丘", "ユリガオカ", "2590132", "unverified", 3, 20, 3),
      area("緑が丘", "ミドリガオカ", "2590131", "unverified", 3, 20, 2),
      area("富士見が丘", "フジミガオカ", "2590133", "unverified", 3, 20, 2),
    ],
  },
};

/** The first three digits of each prefecture capital's postal codes, by prefecture (JIS 01–47). */
const PREFECTURE_POSTAL_AREA = [
  "060", "030", "020", "980", "010", "990", "960", "310", "320", "371", "330", "260", "100", "231",
  "950", "930", "920", "910", "400", "380", "500", "420", "460", "514", "520", "600", "530", "650",
  "630", "640", "680", "690", "700", "730", "753", "770", "760", "790", "780", "810", "840", "850",
  "860", "870", "880", "890", "900",
] as const;

/** 町名 found in towns all over Japan, for tenants whose real ones this file does not know. */
const GENERIC_TOWNS: readonly (readonly [name: string, kana: string, chome: number, weight: number])[] = [
  ["本町", "ホンチョウ", 4, 6], ["中央", "チュウオウ", 5, 8], ["栄町", "サカエチョウ", 3, 5],
  ["緑町", "ミドリチョウ", 3, 4], ["旭町", "アサヒチョウ", 2, 3], ["東町", "ヒガシマチ", 3, 4],
  ["西町", "ニシマチ", 3, 4], ["南町", "ミナミマチ", 2, 3], ["北町", "キタマチ", 2, 3],
  ["幸町", "サイワイチョウ", 3, 3], ["寿町", "コトブキチョウ", 2, 2], ["若葉町", "ワカバチョウ", 3, 3],
  ["桜町", "サクラマチ", 2, 2], ["新町", "シンマチ", 2, 2], ["宮前", "ミヤマエ", 0, 3],
  ["上原", "ウエハラ", 0, 2], ["下田", "シモダ", 0, 2],
];

export function geographyOf(tenantId: string): MunicipalityGeography {
  const known = DEMO_GEOGRAPHY[tenantId];
  if (known) return known;
  const index = Number(tenantId.slice(0, 2)) - 1;
  const prefecture = PREFECTURES[index];
  const postalArea = PREFECTURE_POSTAL_AREA[index];
  if (!prefecture || !postalArea) throw new RangeError("tenant id must start with a prefecture number 01–47");
  return {
    prefecture: prefecture.name,
    municipality: null,
    towns: GENERIC_TOWNS.map(([name, kana, chome, weight], i) =>
      area(name, kana, `${postalArea}${String(11 + i).padStart(4, "0")}`, "generic", chome, chome ? 30 : 2500, weight),
    ),
  };
}
