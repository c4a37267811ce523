-- 請求の方法と本人確認 (how each issued certificate was asked for, and the ID the clerk saw).
--
-- One row beside each issue, appended in the issuing transaction and never changed: the channel
-- (窓口, 郵送, コンビニ交付, 広域交付) and, for a request at the counter, the 本人確認 — the kind of
-- photo ID from the fixed list (src/platform/documents/requester.ts), who checked it (the issuing
-- staff member) and when (the instant of issue). Under 支援措置 (DV等支援措置, 住民基本台帳事務処理
-- 要領 第5-10) a protected person's own certificate is issued only at the counter after such a check,
-- each time, so the register must show it was made. Nothing read from the card is kept: no
-- document number, name or address. Certificates issued before this table have no row.
CREATE TABLE certificate_issue_request (
  tenant_id            text NOT NULL,
  fiscal_year          integer NOT NULL,
  number               integer NOT NULL,
  channel              text NOT NULL CHECK (channel IN ('counter', 'mail', 'convenience-store', 'wide-area')),
  identity_document    text CHECK (identity_document IN ('driver-license', 'my-number-card', 'passport', 'residence-card',
                         'special-permanent-resident-certificate', 'driving-history-certificate', 'disability-certificate-with-photo')),
  identity_checked_by  uuid,
  identity_checked_at  timestamptz,
  -- A check is its document, its clerk and its time together, and is made at the counter only.
  CHECK ((identity_document IS NULL) = (identity_checked_by IS NULL) AND (identity_document IS NULL) = (identity_checked_at IS NULL)),
  CHECK (identity_document IS NULL OR channel = 'counter'),
  PRIMARY KEY (tenant_id, fiscal_year, number),
  FOREIGN KEY (tenant_id, fiscal_year, number) REFERENCES certificate_issue (tenant_id, fiscal_year, number),
  FOREIGN KEY (tenant_id, identity_checked_by) REFERENCES staff_account (tenant_id, id)
);
SELECT kyodo_tenant_rls('certificate_issue_request');

-- Append-only like the register: the application reads and inserts; operators read.
GRANT SELECT, INSERT ON certificate_issue_request TO kyodo_app;
GRANT SELECT ON certificate_issue_request TO kyodo_operator;
