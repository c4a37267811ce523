-- 団体内統合宛名 (addressee register, architecture §3a): one 宛名番号 per person or organisation a
-- municipality deals with, residents and 住登外者 alike.
--
-- 宛名番号 is a positive integer per tenant (bigint here, shown as 15 zero-padded digits at the
-- edge), allocated from addressee_counter, which only ever grows: a number is never reused, not
-- even after a merge (a merged-away number keeps its row and resolves to the survivor).
--
-- State: `addressee` holds the current values, for listing and search; nothing is lost because
-- every change also appends to addressee_change (who, when, why, before/after), and the values
-- that have a legal "as of" date live in append-only period tables: names (addressee_name,
-- which also makes former names searchable), contact addresses (addressee_address) and
-- residence (addressee_residence, written only by the registry link for the resident module).

CREATE TABLE addressee_counter (
  tenant_id    text NOT NULL REFERENCES tenant (id),
  last_number  bigint NOT NULL CHECK (last_number >= 0),
  PRIMARY KEY (tenant_id)
);
SELECT kyodo_tenant_rls('addressee_counter');

CREATE TABLE addressee (
  tenant_id            text NOT NULL REFERENCES tenant (id),
  number               bigint NOT NULL CHECK (number BETWEEN 1 AND 999999999999999),
  kind                 text NOT NULL CHECK (kind IN ('person', 'organisation')),
  name                 text NOT NULL CHECK (name <> ''),
  name_kana            text NOT NULL CHECK (name_kana <> ''),
  -- Search keys (src/lib/kana.ts normalizeKana): width- and kana-insensitive, no spaces.
  name_key             text NOT NULL,
  kana_key             text NOT NULL,
  birth_date           date,
  sex                  text CHECK (sex IN ('male', 'female')),
  corporate_number     text CHECK (corporate_number ~ '^[1-9][0-9]{12}$'),
  postal_code          text CHECK (postal_code ~ '^[0-9]{7}$'),
  address              text,
  address_line2        text,
  -- Why the municipality knows a 住登外者 (enum + free text); null for one known only as a resident.
  known_as             text CHECK (known_as IN ('landowner', 'taxpayer', 'former-resident', 'benefit',
                                                'guardian', 'tax-administrator', 'creditor', 'other')),
  known_as_note        text,
  -- Derived from the resident registry (registry-link.ts); never typed by a clerk.
  resident_since       date,
  resident_until       date,
  resident_end_reason  text CHECK (resident_end_reason IN ('moved-out', 'died')),
  merged_into          bigint,
  version              integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, number),
  FOREIGN KEY (tenant_id, merged_into) REFERENCES addressee (tenant_id, number),
  CHECK (kind = 'person' OR (birth_date IS NULL AND sex IS NULL AND resident_since IS NULL)),
  CHECK (kind = 'organisation' OR corporate_number IS NULL),
  CHECK (resident_until IS NULL OR (resident_since IS NOT NULL AND resident_until >= resident_since)),
  CHECK ((resident_until IS NULL) = (resident_end_reason IS NULL)),
  CHECK (merged_into IS NULL OR merged_into <> number)
);
SELECT kyodo_tenant_rls('addressee');
-- 名寄せ candidates: same カナ and birth date; same 法人番号.
CREATE INDEX addressee_kana_birth ON addressee (tenant_id, kana_key, birth_date);
CREATE INDEX addressee_corporate_number ON addressee (tenant_id, corporate_number) WHERE corporate_number IS NOT NULL;
CREATE INDEX addressee_birth_date ON addressee (tenant_id, birth_date) WHERE birth_date IS NOT NULL;
CREATE INDEX addressee_merged_into ON addressee (tenant_id, merged_into) WHERE merged_into IS NOT NULL;

-- Every name an addressee has had, with the day it applies from (NULL: from the start). A
-- correction repeats the current period's valid_from and wins by seq; a change of name (改姓,
-- 商号変更) starts a new period. Search looks at every row, so former names are found too.
CREATE TABLE addressee_name (
  tenant_id    text NOT NULL,
  seq          bigint GENERATED ALWAYS AS IDENTITY,
  number       bigint NOT NULL,
  valid_from   date,
  name         text NOT NULL,
  name_kana    text NOT NULL,
  name_key     text NOT NULL,
  kana_key     text NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, seq),
  FOREIGN KEY (tenant_id, number) REFERENCES addressee (tenant_id, number)
);
SELECT kyodo_tenant_rls('addressee_name');
CREATE INDEX addressee_name_of ON addressee_name (tenant_id, number, seq);

-- Every contact address (住所 or 居所 for a 住登外者; the 住民票 address for a resident), same rules.
CREATE TABLE addressee_address (
  tenant_id      text NOT NULL,
  seq            bigint GENERATED ALWAYS AS IDENTITY,
  number         bigint NOT NULL,
  valid_from     date,
  postal_code    text CHECK (postal_code ~ '^[0-9]{7}$'),
  address        text,
  address_line2  text,
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, seq),
  FOREIGN KEY (tenant_id, number) REFERENCES addressee (tenant_id, number)
);
SELECT kyodo_tenant_rls('addressee_address');
CREATE INDEX addressee_address_of ON addressee_address (tenant_id, number, seq);

-- Residence as the registry reports it: 'began' (転入, 出生, …) and 'ended' (転出 or 死亡) on the
-- 異動日. A person is a resident on day D when the latest event on or before D is 'began'.
CREATE TABLE addressee_residence (
  tenant_id       text NOT NULL,
  seq             bigint GENERATED ALWAYS AS IDENTITY,
  number          bigint NOT NULL,
  event           text NOT NULL CHECK (event IN ('began', 'ended')),
  effective_date  date NOT NULL,
  end_reason      text CHECK (end_reason IN ('moved-out', 'died')),
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, seq),
  FOREIGN KEY (tenant_id, number) REFERENCES addressee (tenant_id, number),
  CHECK ((event = 'ended') = (end_reason IS NOT NULL))
);
SELECT kyodo_tenant_rls('addressee_residence');
CREATE INDEX addressee_residence_of ON addressee_residence (tenant_id, number, effective_date, seq);

-- The history: one row per change of an addressee, with the state before and after it.
CREATE TABLE addressee_change (
  tenant_id   text NOT NULL,
  seq         bigint GENERATED ALWAYS AS IDENTITY,
  number      bigint NOT NULL,
  change      text NOT NULL,
  fields      text[] NOT NULL DEFAULT '{}',
  reason      text,
  actor       text NOT NULL,
  changed_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  before      jsonb,
  after       jsonb,
  PRIMARY KEY (tenant_id, seq),
  FOREIGN KEY (tenant_id, number) REFERENCES addressee (tenant_id, number)
);
SELECT kyodo_tenant_rls('addressee_change');
CREATE INDEX addressee_change_of ON addressee_change (tenant_id, number, seq);

GRANT SELECT, INSERT, UPDATE ON addressee_counter, addressee TO kyodo_app;
-- Append-only: the application may add rows, never change or remove them.
GRANT SELECT, INSERT ON addressee_name, addressee_address, addressee_residence, addressee_change TO kyodo_app;
GRANT SELECT ON addressee_counter, addressee, addressee_name, addressee_address, addressee_residence, addressee_change
  TO kyodo_operator;
