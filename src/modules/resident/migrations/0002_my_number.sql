-- 個人番号 (My Number) of residents, apart from the record and the journal so that no snapshot,
-- event or search result can carry it. Encrypted with AES-256-GCM (my-number-vault.ts): the
-- table holds ciphertext, IV, tag and the key's id, never the digits. lookup_hash is an HMAC of
-- the number under a key derived from the same secret, so "is this number already held by
-- someone else" is answerable without decrypting; a 個人番号 is never given to two people
-- (番号法 第8条), hence unique per tenant. Append-only: a changed number (番号法 第7条第2項) is a
-- new row, the latest per person is current.
CREATE TABLE resident_my_number (
  tenant_id    text NOT NULL,
  person_id    uuid NOT NULL,
  seq          bigint GENERATED ALWAYS AS IDENTITY,
  ciphertext   bytea NOT NULL,
  iv           bytea NOT NULL CHECK (length(iv) = 12),
  tag          bytea NOT NULL CHECK (length(tag) = 16),
  key_id       text NOT NULL,
  lookup_hash  bytea NOT NULL CHECK (length(lookup_hash) = 32),
  change_id    uuid NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, person_id, seq),
  UNIQUE (tenant_id, lookup_hash),
  FOREIGN KEY (tenant_id, person_id) REFERENCES resident_person (tenant_id, person_id),
  FOREIGN KEY (tenant_id, change_id) REFERENCES resident_change (tenant_id, change_id)
);
SELECT kyodo_tenant_rls('resident_my_number');

GRANT SELECT, INSERT ON resident_my_number TO kyodo_app;
-- Backups copy the ciphertext; without the key it reveals nothing.
GRANT SELECT ON resident_my_number TO kyodo_operator;
