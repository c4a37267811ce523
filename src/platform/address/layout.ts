// 標準レイアウト address.town-areas: the town's 町字マスター in the file format of デジタル庁
// アドレス・ベース・レジストリ「町字マスター」(mt_town), its column names and order kept, so that the
// town's own file (or the national mt_town file cut to the town) imports as it is. Each row is one
// version of a 町字 (machiaza_id, efct_date): an import adds new versions and corrects the same
// version (an 廃止日 set later), never deletes, so the master keeps its history (住居表示の実施, 町名
// 変更) with dates. Export → import gives the same master.
import { Type, type TSchema } from "@sinclair/typebox";
import type { LayoutColumn, LayoutDefinition } from "../contract.ts";
import { allTownAreas } from "./queries.ts";
import { saveTownAreas } from "./demo.ts";
import { TOWN_AREA_COLUMNS, type TownArea, type TownAreaColumn } from "./town-area.ts";

const text = (maxLength: number) => Type.String({ maxLength });
const digits = (pattern: string) => Type.String({ pattern });
const DATE = Type.String({ format: "date" });
const EXPORT_BATCH = 500;

/** Label, schema and whether required, per column (lengths from the ABR データ定義). */
const DEFINITIONS: Record<TownAreaColumn, [label: string, schema: TSchema, required: boolean, description?: string]> = {
  lg_code: ["全国地方公共団体コード", digits("^\\d{6}$"), true, "団体のコード（検査数字を含む6桁）"],
  machiaza_id: ["町字ID", digits("^\\d{7}$"), true, "大字・町の4桁と、丁目（001〜100）または小字（101〜999）の3桁"],
  machiaza_type: ["町字区分コード", Type.Union(["1", "2", "3", "4", "5"].map((v) => Type.Literal(v))), true, "1 大字・町、2 丁目、3 小字、4 なし、5 道路方式の道路名"],
  pref: ["都道府県名", text(10), true],
  pref_kana: ["都道府県名_カナ", text(50), false],
  pref_roma: ["都道府県名_英字", text(50), false],
  county: ["郡名", text(24), false],
  county_kana: ["郡名_カナ", text(50), false],
  county_roma: ["郡名_英字", text(100), false],
  city: ["市区町村名", text(24), true],
  city_kana: ["市区町村名_カナ", text(50), false],
  city_roma: ["市区町村名_英字", text(100), false],
  ward: ["政令市区名", text(24), false],
  ward_kana: ["政令市区名_カナ", text(50), false],
  ward_roma: ["政令市区名_英字", text(100), false],
  oaza_cho: ["大字・町名", text(120), false],
  oaza_cho_kana: ["大字・町名_カナ", text(240), false],
  oaza_cho_roma: ["大字・町名_英字", text(180), false],
  chome: ["丁目名", text(32), false],
  chome_kana: ["丁目名_カナ", text(50), false],
  chome_number: ["丁目名_数字", digits("^\\d{1,2}$"), false],
  koaza: ["小字名", text(120), false],
  koaza_kana: ["小字名_カナ", text(240), false],
  koaza_roma: ["小字名_英字", text(180), false],
  machiaza_dist: ["同一町字識別情報", text(120), false],
  rsdt_addr_flg: ["住居表示フラグ", Type.Union([Type.Literal("0"), Type.Literal("1")]), true, "1 住居表示実施（街区符号・住居番号）、0 地番"],
  rsdt_addr_mtd_code: ["住居表示方式コード", digits("^\\d$"), false],
  oaza_cho_aka_flg: ["大字・町名_通称フラグ", digits("^\\d$"), false],
  koaza_aka_code: ["小字名_通称コード", digits("^\\d$"), false],
  oaza_cho_gsi_uncmn: ["大字・町名_電子国土基本図外字", text(50), false],
  koaza_gsi_uncmn: ["小字名_電子国土基本図外字", text(50), false],
  status_flg: ["状態フラグ", digits("^\\d$"), false],
  wake_num_flg: ["起番フラグ", digits("^\\d$"), false],
  efct_date: ["効力発生日", DATE, true],
  ablt_date: ["廃止日", DATE, false, "効力発生日より後"],
  src_code: ["原典資料コード", text(10), false],
  post_code: ["郵便番号", digits("^\\d{7}$"), false],
  remarks: ["備考", text(500), false],
};

const COLUMNS: LayoutColumn[] = TOWN_AREA_COLUMNS.map((name) => {
  const [label, schema, required, description] = DEFINITIONS[name];
  return { name, label, schema, required, ...(description ? { description } : {}) };
});

type Row = Record<TownAreaColumn, string | null | undefined>;

function toTownArea(row: Row): TownArea {
  return Object.fromEntries(TOWN_AREA_COLUMNS.map((c) => [c, row[c] === undefined || row[c] === "" ? null : row[c]])) as TownArea;
}

export const townAreasLayout: LayoutDefinition<Row> = {
  id: "address.town-areas",
  name: "町字マスター（アドレス・ベース・レジストリ 町字マスターの形式）",
  version: "1",
  columns: COLUMNS,
  personColumn: null,
  async *exportRows(tx) {
    let after = ["", "0001-01-01"] as [string, string];
    for (;;) {
      const rows = (await tx.query(allTownAreas(after[0], after[1], EXPORT_BATCH))).rows as (TownArea & { machiaza_key: string })[];
      for (const { machiaza_key: _key, ...row } of rows) yield row as Row;
      const last = rows.at(-1);
      if (!last || rows.length < EXPORT_BATCH) return;
      after = [last.machiaza_id, last.efct_date];
    }
  },
  async validateRows(tx, rows) {
    const tenant = (await tx.query("SELECT current_setting('kyodo.tenant_id', true) AS id")).rows[0]?.id as string;
    const errors: { row: number; column: string; message: string }[] = [];
    const seen = new Map<string, number>();
    rows.forEach((raw, i) => {
      const r = toTownArea(raw);
      if (r.lg_code !== tenant) errors.push({ row: i, column: "lg_code", message: `must be this municipality's code ${tenant}` });
      if (r.ablt_date !== null && r.ablt_date <= r.efct_date) errors.push({ row: i, column: "ablt_date", message: "must be after efct_date" });
      if (r.oaza_cho === null && r.chome === null && r.koaza === null && r.machiaza_id !== "0000000") {
        errors.push({ row: i, column: "oaza_cho", message: "a 町字 needs a 大字・町名, 丁目名 or 小字名 (only 0000000 has none)" });
      }
      if (r.machiaza_type === "2" && (r.chome === null || r.chome_number === null)) {
        errors.push({ row: i, column: "chome", message: "a 丁目 (machiaza_type 2) needs chome and chome_number" });
      }
      const key = `${r.machiaza_id} ${r.efct_date}`;
      const first = seen.get(key);
      if (first !== undefined) errors.push({ row: i, column: "machiaza_id", message: `the same machiaza_id and efct_date as row ${first + 1}` });
      else seen.set(key, i);
    });
    return errors;
  },
  async importRows(tx, rows) {
    await saveTownAreas(tx, rows.map(toTownArea));
    return { imported: rows.length };
  },
};
