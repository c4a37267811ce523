// SQL of the address master (one query layer: named functions returning { text, values }).
import type { QueryConfig } from "pg";
import { TOWN_AREA_COLUMNS, type TownArea } from "./town-area.ts";

const TENANT = "current_setting('kyodo.tenant_id', true)";
const SELECT_COLUMNS = TOWN_AREA_COLUMNS.map((c) => (c === "efct_date" || c === "ablt_date" ? `${c}::text AS ${c}` : c)).join(", ");

/**
 * Adds a version of a 町字. The same version (machiaza_id and efct_date) given again may only
 * set its 廃止日, as the ABR files do when a 町字 is abolished; its other columns stay as first
 * recorded (a change of them is a new version with its own 効力発生日).
 */
export const upsertTownArea = (row: TownArea, machiazaKey: string): QueryConfig => {
  const columns = TOWN_AREA_COLUMNS.filter((c) => c !== "lg_code");
  const values = columns.map((c) => row[c]);
  return {
    text: `INSERT INTO town_area (tenant_id, lg_code, ${columns.join(", ")}, machiaza_key)
           VALUES (${TENANT}, ${TENANT}, ${columns.map((_, i) => `$${i + 1}`).join(", ")}, $${columns.length + 1})
           ON CONFLICT (tenant_id, machiaza_id, efct_date) DO UPDATE SET ablt_date = EXCLUDED.ablt_date, imported_at = now()
           WHERE town_area.ablt_date IS NULL AND EXCLUDED.ablt_date IS NOT NULL`,
    values: [...values, machiazaKey],
  };
};

/** Each 町字 as it stood on `date`: its latest version in force then, unless abolished by then. */
export const townAreasOn = (date: string): QueryConfig => ({
  text: `SELECT * FROM (
           SELECT DISTINCT ON (machiaza_id) ${SELECT_COLUMNS}, machiaza_key
           FROM town_area WHERE efct_date <= $1::date
           ORDER BY machiaza_id, efct_date DESC
         ) v WHERE v.ablt_date IS NULL OR v.ablt_date::date > $1::date
         ORDER BY machiaza_id`,
  values: [date],
});

/** Whether the tenant has imported a master at all. */
export const hasTownAreas = (): QueryConfig => ({ text: `SELECT EXISTS (SELECT 1 FROM town_area) AS present`, values: [] });

/** Every version, for the export, in a stable order. */
export const allTownAreas = (afterId: string, afterDate: string, limit: number): QueryConfig => ({
  text: `SELECT ${SELECT_COLUMNS}, machiaza_key FROM town_area
         WHERE (machiaza_id, efct_date) > ($1, $2::date) ORDER BY machiaza_id, efct_date LIMIT $3`,
  values: [afterId, afterDate, limit],
});
