-- 住民記録 (resident registry): persons, households (世帯) and the 異動 journal, from which every
-- record is derived — so the registry can answer "as of date D" for any D and a certificate for
-- a past date can be reproduced (architecture §3).
--
-- resident_person links a person to their 宛名番号 (architecture §3a). It is a link by id, not a
-- foreign key into the addressee area, like every link between areas; one person per 宛名番号,
-- so a person who moves out and back in keeps one record and one history.
CREATE TABLE resident_person (
  tenant_id         text NOT NULL REFERENCES tenant (id),
  person_id         uuid NOT NULL,
  addressee_number  bigint NOT NULL CHECK (addressee_number BETWEEN 1 AND 999999999999999),
  created_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, person_id),
  UNIQUE (tenant_id, addressee_number)
);
SELECT kyodo_tenant_rls('resident_person');

-- 世帯番号 per tenant from a counter that only grows: a number is never reused.
CREATE TABLE resident_household_counter (
  tenant_id    text NOT NULL REFERENCES tenant (id),
  last_number  bigint NOT NULL CHECK (last_number >= 0),
  PRIMARY KEY (tenant_id)
);
SELECT kyodo_tenant_rls('resident_household_counter');

-- A household is an identity only; who belongs to it, and as whom (続柄), is in the journal.
CREATE TABLE resident_household (
  tenant_id         text NOT NULL REFERENCES tenant (id),
  household_id      uuid NOT NULL,
  household_number  bigint NOT NULL CHECK (household_number >= 1),
  created_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, household_id),
  UNIQUE (tenant_id, household_number)
);
SELECT kyodo_tenant_rls('resident_household');

-- The 異動 journal: one row per change, append-only. 異動日 (effective_date) and 届出日
-- (notified_date, none for 職権) are dates as the law speaks of them; recorded_at is when it was
-- written. seq orders changes with the same 異動日.
CREATE TABLE resident_change (
  tenant_id       text NOT NULL REFERENCES tenant (id),
  change_id       uuid NOT NULL,
  seq             bigint GENERATED ALWAYS AS IDENTITY,
  kind            text NOT NULL CHECK (kind IN ('moved-in', 'moved-out', 'address-changed', 'born', 'died',
                    'household-split', 'household-merged', 'head-changed', 'name-changed',
                    'ex-officio-entry', 'ex-officio-correction', 'ex-officio-erasure')),
  effective_date  date NOT NULL,
  notified_date   date,
  recorded_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor           text NOT NULL,
  reason          text,
  PRIMARY KEY (tenant_id, change_id),
  UNIQUE (tenant_id, seq),
  CHECK ((kind LIKE 'ex-officio-%') = (notified_date IS NULL)),
  CHECK (kind NOT LIKE 'ex-officio-%' OR reason IS NOT NULL)
);
SELECT kyodo_tenant_rls('resident_change');

-- One row per person a change touched: `set` holds the changed fields only (what the fold
-- applies); before/after are the whole record on the 異動日, for display. effective_date and seq
-- repeat the change's, so a person's fold reads one index.
CREATE TABLE resident_change_entry (
  tenant_id       text NOT NULL,
  change_id       uuid NOT NULL,
  person_id       uuid NOT NULL,
  seq             bigint NOT NULL,
  effective_date  date NOT NULL,
  set             jsonb NOT NULL CHECK (jsonb_typeof(set) = 'object'),
  before          jsonb,
  after           jsonb NOT NULL,
  PRIMARY KEY (tenant_id, change_id, person_id),
  FOREIGN KEY (tenant_id, change_id) REFERENCES resident_change (tenant_id, change_id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES resident_person (tenant_id, person_id)
);
SELECT kyodo_tenant_rls('resident_change_entry');
CREATE INDEX resident_change_entry_of ON resident_change_entry (tenant_id, person_id, effective_date, seq);
-- Everyone ever placed in a household: the candidates for its members on any day.
CREATE INDEX resident_change_entry_household ON resident_change_entry (tenant_id, ((set ->> 'householdId')))
  WHERE set ? 'householdId';

-- The projection: each person's latest record (the fold of every entry), with search keys. It
-- is derived and rebuildable (rebuildProjection), maintained in the same transaction as every
-- change. A 転出 notified ahead is already folded in; removal_date tells whether it has begun.
CREATE TABLE resident_current (
  tenant_id            text NOT NULL,
  person_id            uuid NOT NULL,
  addressee_number     bigint NOT NULL,
  household_id         uuid NOT NULL,
  record               jsonb NOT NULL,
  -- Search keys (src/lib/kana.ts normalizeKana, variation selectors dropped): no spaces, any width.
  name_key             text NOT NULL,
  given_name_key       text NOT NULL,
  kana_key             text NOT NULL,
  given_kana_key       text NOT NULL,
  address_key          text NOT NULL,
  birth_date           date NOT NULL,
  status               text NOT NULL CHECK (status IN ('resident', 'removed')),
  removal_date         date,
  last_effective_date  date NOT NULL,
  last_seq             bigint NOT NULL,
  updated_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, person_id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES resident_person (tenant_id, person_id)
);
SELECT kyodo_tenant_rls('resident_current');
CREATE INDEX resident_current_kana ON resident_current (tenant_id, kana_key text_pattern_ops);
CREATE INDEX resident_current_given_kana ON resident_current (tenant_id, given_kana_key text_pattern_ops);
CREATE INDEX resident_current_name ON resident_current (tenant_id, name_key text_pattern_ops);
CREATE INDEX resident_current_given_name ON resident_current (tenant_id, given_name_key text_pattern_ops);
CREATE INDEX resident_current_address ON resident_current (tenant_id, address_key text_pattern_ops);
CREATE INDEX resident_current_birth ON resident_current (tenant_id, birth_date, kana_key);
CREATE INDEX resident_current_household ON resident_current (tenant_id, household_id);

GRANT SELECT, INSERT ON resident_person, resident_household TO kyodo_app;
GRANT SELECT, INSERT, UPDATE ON resident_household_counter TO kyodo_app;
-- Append-only: the application may add to the journal, never change or remove a row of it.
GRANT SELECT, INSERT ON resident_change, resident_change_entry TO kyodo_app;
-- The projection is derived: rebuildProjection deletes and recomputes it.
GRANT SELECT, INSERT, UPDATE, DELETE ON resident_current TO kyodo_app;
GRANT SELECT ON resident_person, resident_household_counter, resident_household, resident_change,
  resident_change_entry, resident_current TO kyodo_operator;
