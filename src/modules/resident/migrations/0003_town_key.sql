-- 町字からの住所検索 (ADR 0022): the search key of the address from the 町字 on — without 都道府県, 郡
-- and 市区町村, numbers of 番地・号 in one form — so that 「堀内」, 「葉山町堀内」 and
-- 「神奈川県三浦郡葉山町堀内」 find the same persons by one index range (ADR 0012: LIKE cannot use an
-- index before the RLS policy). The projection writes it (projection.ts); rows written before this
-- migration get the address key from after the municipality's name, and exact keys when the
-- projection is rebuilt (rebuildProjection).
ALTER TABLE resident_current ADD COLUMN town_key text NOT NULL DEFAULT '';
UPDATE resident_current r
   SET town_key = CASE WHEN strpos(r.address_key, t.name) > 0
                       THEN substr(r.address_key, strpos(r.address_key, t.name) + length(t.name))
                       ELSE r.address_key END
  FROM tenant t
 WHERE t.id = r.tenant_id;
CREATE INDEX resident_current_town ON resident_current (tenant_id, town_key text_pattern_ops);
