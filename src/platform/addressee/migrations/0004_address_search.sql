-- 住所検索 (ADR 0022): an addressee is found by its current address from its start (「神奈川県」
-- finds every address in it) or from the 町字 on within a 市区町村 — 「堀内」, 「葉山町堀内」 and
-- 「神奈川県三浦郡葉山町堀内」 alike find 葉山町堀内, not 東京都千代田区堀内 — by one prefix range on an
-- index each: under row-level security LIKE cannot be an index condition (ADR 0012), so the keys
-- are stored (address-keys.ts) and compared with the leakproof text_pattern_ops operators.
-- municipality_code is the 全国地方公共団体コード of the 市区町村 the address names (NULL: none,
-- read as this town). The store writes the keys with the row; rows written before this migration
-- get an approximation here (NFKC-folded, spaces removed; the town's key from after the town's
-- name, marked as this town), and their exact keys with their next change.
ALTER TABLE addressee ADD COLUMN address_key text, ADD COLUMN town_key text, ADD COLUMN municipality_code text;
UPDATE addressee a
   SET address_key = upper(regexp_replace(normalize(a.address || coalesce(a.address_line2, ''), NFKC), '\s', '', 'g')),
       town_key = upper(regexp_replace(normalize(CASE WHEN strpos(a.address, t.name) > 0
                                                      THEN substr(a.address, strpos(a.address, t.name) + length(t.name))
                                                      ELSE a.address END || coalesce(a.address_line2, ''), NFKC), '\s', '', 'g')),
       municipality_code = CASE WHEN strpos(a.address, t.name) > 0 THEN t.id ELSE '' END
  FROM tenant t
 WHERE t.id = a.tenant_id AND a.address IS NOT NULL;
CREATE INDEX addressee_address_key ON addressee (tenant_id, address_key text_pattern_ops);
CREATE INDEX addressee_town_key ON addressee (tenant_id, town_key text_pattern_ops);
