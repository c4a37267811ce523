-- 送付先 (mailing addresses): where to send a business's notices for an addressee, and to whom,
-- separate from the 住所 — a tax notice to a 納税管理人, a pension notice to a hospital. Each has
-- a business (a module id, or '*' for every business) and a period of days (valid_until
-- inclusive; NULL: open-ended).
--
-- Append-only: a mailing address is a series of versions under one mailing_id; a change adds
-- the next version, a withdrawal adds a version with withdrawn = true. The latest version is
-- the current one.
CREATE TABLE addressee_mailing (
  tenant_id       text NOT NULL,
  mailing_id      uuid NOT NULL,
  version         integer NOT NULL CHECK (version >= 1),
  number          bigint NOT NULL,
  business        text NOT NULL CHECK (business = '*' OR business ~ '^[a-z][a-z0-9-]{0,31}$'),
  valid_from      date NOT NULL,
  valid_until     date,
  recipient_name  text NOT NULL CHECK (recipient_name <> ''),
  recipient_kana  text,
  recipient_role  text,
  postal_code     text CHECK (postal_code ~ '^[0-9]{7}$'),
  address         text NOT NULL CHECK (address <> ''),
  address_line2   text,
  withdrawn       boolean NOT NULL DEFAULT false,
  reason          text NOT NULL,
  actor           text NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, mailing_id, version),
  FOREIGN KEY (tenant_id, number) REFERENCES addressee (tenant_id, number),
  CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
SELECT kyodo_tenant_rls('addressee_mailing');
CREATE INDEX addressee_mailing_of ON addressee_mailing (tenant_id, number, business);

GRANT SELECT, INSERT ON addressee_mailing TO kyodo_app;
GRANT SELECT ON addressee_mailing TO kyodo_operator;
