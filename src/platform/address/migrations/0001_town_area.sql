-- 町字マスター (the town's address master): the 町字 (大字・町, 丁目, 小字) of the municipality with
-- their 町字ID and postal code, in the columns of デジタル庁 アドレス・ベース・レジストリ「町字マスター」
-- (データセット mt_town, データ定義書 町字マスター), so that the town's own file imports as it is.
-- A 町字 changes over time (住居表示の実施, 町名変更, 廃止): each version is a row keyed by
-- machiaza_id and efct_date (効力発生日); a later version does not overwrite an earlier one, so an
-- address is checked against the master as it stood on the 異動日.
CREATE TABLE town_area (
  tenant_id           text NOT NULL,
  machiaza_id         text NOT NULL CHECK (machiaza_id ~ '^[0-9]{7}$'),
  efct_date           date NOT NULL,
  lg_code             text NOT NULL CHECK (lg_code = tenant_id),
  machiaza_type       text NOT NULL CHECK (machiaza_type IN ('1', '2', '3', '4', '5')),
  pref                text NOT NULL,
  pref_kana           text,
  pref_roma           text,
  county              text,
  county_kana         text,
  county_roma         text,
  city                text NOT NULL,
  city_kana           text,
  city_roma           text,
  ward                text,
  ward_kana           text,
  ward_roma           text,
  oaza_cho            text,
  oaza_cho_kana       text,
  oaza_cho_roma       text,
  chome               text,
  chome_kana          text,
  chome_number        text CHECK (chome_number ~ '^[0-9]{1,2}$'),
  koaza               text,
  koaza_kana          text,
  koaza_roma          text,
  machiaza_dist       text,
  rsdt_addr_flg       text NOT NULL CHECK (rsdt_addr_flg IN ('0', '1')),
  rsdt_addr_mtd_code  text,
  oaza_cho_aka_flg    text,
  koaza_aka_code      text,
  oaza_cho_gsi_uncmn  text,
  koaza_gsi_uncmn     text,
  status_flg          text,
  wake_num_flg        text,
  ablt_date           date CHECK (ablt_date IS NULL OR ablt_date > efct_date),
  src_code            text,
  post_code           text CHECK (post_code ~ '^[0-9]{7}$'),
  remarks             text,
  -- 大字・町名 + 丁目名 + 小字名 as a search key (address/town-area.ts townAreaKey).
  machiaza_key        text NOT NULL,
  imported_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, machiaza_id, efct_date)
);
SELECT kyodo_tenant_rls('town_area');
CREATE INDEX town_area_key ON town_area (tenant_id, machiaza_key text_pattern_ops);
CREATE INDEX town_area_post_code ON town_area (tenant_id, post_code);

-- Versions are added; a later file may only set a version's 廃止日 (and when it was imported).
-- Nothing else of a version is ever rewritten, and nothing is deleted.
GRANT SELECT, INSERT ON town_area TO kyodo_app;
GRANT UPDATE (ablt_date, imported_at) ON town_area TO kyodo_app;
GRANT SELECT ON town_area TO kyodo_operator;
