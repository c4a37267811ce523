-- 住民票コード (住民基本台帳法 第7条第13号): an 11-digit code on every 住民票, 10 random digits and a
-- check digit (施行規則 第1条). A municipality does not invent codes: they are designated to it
-- (住基法 第30条の7 as first enacted: by the 都道府県知事; since 2015-10-05 by 地方公共団体情報
-- システム機構), and it writes an unused designated code on the 住民票 of a person recorded for the
-- first time (第30条の3), who keeps it for life unless it is changed on request (第30条の4).
--
-- resident_code_designation: the designated codes, as imported from the designation file
-- (layout resident.resident-code-designations) or, for demo towns, a pool of demo codes
-- (is_demo). Append-only; the order of designation (seq) is the order codes are handed out.
CREATE TABLE resident_code_designation (
  tenant_id      text NOT NULL REFERENCES tenant (id),
  code           text NOT NULL CHECK (code ~ '^[0-9]{11}$'),
  seq            bigint GENERATED ALWAYS AS IDENTITY,
  designated_on  date NOT NULL,
  is_demo        boolean NOT NULL DEFAULT false,
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, code)
);
CREATE INDEX resident_code_designation_order ON resident_code_designation (tenant_id, seq);
SELECT kyodo_tenant_rls('resident_code_designation');

-- resident_code: the code written on a person's 住民票, tied to the 異動 that wrote it (the first
-- registration), append-only: a changed code (第30条の4) is a new row, the latest per person is
-- current, and a code once written is never given to anyone else (unique per tenant).
CREATE TABLE resident_code (
  tenant_id    text NOT NULL,
  person_id    uuid NOT NULL,
  seq          bigint GENERATED ALWAYS AS IDENTITY,
  code         text NOT NULL,
  change_id    uuid NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, person_id, seq),
  UNIQUE (tenant_id, code),
  FOREIGN KEY (tenant_id, code) REFERENCES resident_code_designation (tenant_id, code),
  FOREIGN KEY (tenant_id, person_id) REFERENCES resident_person (tenant_id, person_id),
  FOREIGN KEY (tenant_id, change_id) REFERENCES resident_change (tenant_id, change_id)
);
SELECT kyodo_tenant_rls('resident_code');

GRANT SELECT, INSERT ON resident_code_designation, resident_code TO kyodo_app;
-- Backups copy both, like the rest of the registry.
GRANT SELECT ON resident_code_designation, resident_code TO kyodo_operator;
