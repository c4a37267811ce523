-- 証明書交付簿 (certificate issue register): one row per certificate issued, never updated, so
-- the register answers who issued what, for which subject, why and to whom, and the SHA-256 of
-- the exact PDF handed over. Names never appear here: the subject is an id (宛名番号 or another
-- area's id), the options are the choices made (which items to show), and the requester is a
-- kind, not a person.
--
-- 証明書番号 (serial): `<年度>-<number>`, numbered from 1 per municipality and 会計年度 (April to
-- March, 地方自治法第208条第1項), the year fees are accounted in. The next number is allocated in
-- the issuing transaction under a per-tenant advisory lock (serial.ts), so numbers have no gaps:
-- a render that fails rolls its number back with everything else.
CREATE TABLE certificate_issue (
  tenant_id       text NOT NULL REFERENCES tenant (id),
  fiscal_year     integer NOT NULL CHECK (fiscal_year BETWEEN 1989 AND 9999),
  number          integer NOT NULL CHECK (number >= 1),
  serial          text GENERATED ALWAYS AS
                    (fiscal_year::text || '-' || lpad(number::text, greatest(6, length(number::text)), '0')) STORED,
  kind            text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$'),
  -- ASCII ids only: a name cannot be stored here even by mistake.
  subject         text NOT NULL CHECK (subject ~ '^[A-Za-z0-9][A-Za-z0-9:._-]{0,99}$'),
  options         jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(options) = 'object'),
  -- 利用目的 as stated by the requester.
  purpose         text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 200),
  -- 本人 self, 同一世帯 same-household, 代理人 agent, 第三者 third-party, 職務上請求 official.
  requester_kind  text NOT NULL CHECK (requester_kind IN ('self', 'same-household', 'agent', 'third-party', 'official')),
  -- The date the certified facts are stated as of.
  as_of           date NOT NULL,
  issued_by       uuid NOT NULL,
  issued_at       timestamptz NOT NULL,
  page_count      integer NOT NULL CHECK (page_count >= 1),
  byte_count      integer NOT NULL CHECK (byte_count >= 1),
  sha256          text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  -- The typeface the PDF was set in (fonts.ts), needed to reproduce its bytes.
  font            text NOT NULL CHECK (font IN ('ipamj-mincho', 'noto-serif-jp', 'custom')),
  PRIMARY KEY (tenant_id, fiscal_year, number),
  UNIQUE (tenant_id, serial),
  FOREIGN KEY (tenant_id, issued_by) REFERENCES staff_account (tenant_id, id)
);
SELECT kyodo_tenant_rls('certificate_issue');
CREATE INDEX certificate_issue_subject ON certificate_issue (tenant_id, subject, issued_at);
CREATE INDEX certificate_issue_issued_at ON certificate_issue (tenant_id, issued_at);

-- 交付の取消 (voiding): a certificate found wrong after issue is voided by appending a row here;
-- its issue row stays as it was. At most one void per certificate.
CREATE TABLE certificate_void (
  tenant_id    text NOT NULL,
  fiscal_year  integer NOT NULL,
  number       integer NOT NULL,
  voided_by    uuid NOT NULL,
  voided_at    timestamptz NOT NULL DEFAULT now(),
  reason       text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  PRIMARY KEY (tenant_id, fiscal_year, number),
  FOREIGN KEY (tenant_id, fiscal_year, number) REFERENCES certificate_issue (tenant_id, fiscal_year, number),
  FOREIGN KEY (tenant_id, voided_by) REFERENCES staff_account (tenant_id, id)
);
SELECT kyodo_tenant_rls('certificate_void');

-- Append-only: the application may read and insert, nothing else; operators read (backup, metering).
GRANT SELECT, INSERT ON certificate_issue, certificate_void TO kyodo_app;
GRANT SELECT ON certificate_issue, certificate_void TO kyodo_operator;
