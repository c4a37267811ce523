-- 証明書の真正性 (certificate security, ADR 0019).
--
-- 検証コード: every certificate issued from now on carries a verification code, printed with a
-- QR code on each page, by which anyone can ask the platform's public page whether that serial
-- was issued on that date by this municipality, whether it was voided, and whether a PDF (or its
-- SHA-256) is the one issued. `<団体コード>-XXXX-XXXX-XXXX`: the municipality's code, so the public
-- lookup knows which tenant to ask without reading across tenants, then 60 random bits in
-- Crockford's base 32 (no I, L, O, U), too many to guess. Certificates issued before have none.
ALTER TABLE certificate_issue
  ADD COLUMN verification_code text
  CHECK (verification_code ~ '^[0-9]{6}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$'
         AND left(verification_code, 6) = tenant_id);
CREATE UNIQUE INDEX certificate_issue_verification ON certificate_issue (tenant_id, verification_code);

-- 職印 (the official seal) as images the administrator uploads: PNG or SVG, each version with
-- the dates it is valid from and to. Rows are only appended: a new seal (or the end of an old
-- one) is a new version, and the register keeps every version a certificate may have carried.
-- The seal of a date is the highest version valid on it.
CREATE TABLE certificate_seal (
  tenant_id    text NOT NULL REFERENCES tenant (id),
  version      integer NOT NULL CHECK (version >= 1),
  media_type   text NOT NULL CHECK (media_type IN ('image/png', 'image/svg+xml')),
  image        bytea NOT NULL CHECK (octet_length(image) BETWEEN 1 AND 524288),
  sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  valid_from   date NOT NULL,
  valid_to     date CHECK (valid_to IS NULL OR valid_to >= valid_from),
  reason       text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  uploaded_by  text NOT NULL,
  uploaded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, version)
);
SELECT kyodo_tenant_rls('certificate_seal');
GRANT SELECT, INSERT ON certificate_seal TO kyodo_app;
GRANT SELECT ON certificate_seal TO kyodo_operator;
