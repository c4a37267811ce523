-- 支援措置 (DV等支援措置, the national 住民記録システム標準仕様書's 抑止設定): measures that protect a
-- victim of domestic violence, stalking, child abuse or similar harm from having their address
-- found through the registry. 総務省「住民基本台帳事務におけるDV等支援措置」; 住民基本台帳法
-- 第11条の2, 第12条, 第12条の2, 第12条の3, 第20条.
--
-- A measure is a platform concern, not the resident module's: every module that shows or prints
-- a person must obey it, so it is keyed by 宛名番号 (architecture §3a) and checked by the
-- platform (src/platform/protection/README.md).
--
-- Nothing is overwritten: a measure's identity is one row, and every change (created, renewed,
-- changed, ended) appends a version with who, when and why; the current measure is its latest
-- version. Releases (一時解除) are three append-only steps: the request, the supervisor's
-- decision, and the one use, each its own row so that "once" is a primary key.

CREATE TABLE protection_measure (
  tenant_id    text NOT NULL REFERENCES tenant (id),
  measure_id   uuid NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  created_by   text NOT NULL,
  PRIMARY KEY (tenant_id, measure_id)
);
SELECT kyodo_tenant_rls('protection_measure');

CREATE TABLE protection_measure_version (
  tenant_id         text NOT NULL,
  measure_id        uuid NOT NULL,
  version           integer NOT NULL CHECK (version >= 1),
  change            text NOT NULL CHECK (change IN ('created', 'renewed', 'changed', 'ended')),
  -- DV, stalking (ストーカー行為等), child abuse (児童虐待), or a case like them (その他準ずる).
  kind              text NOT NULL CHECK (kind IN ('dv', 'stalking', 'child-abuse', 'other')),
  -- 申出者: the victim who applied; always among the protected persons.
  applicant_number  bigint NOT NULL CHECK (applicant_number BETWEEN 1 AND 999999999999999),
  -- The applicant plus the members of their household protected with them (併せて支援を求める者).
  protected_numbers bigint[] NOT NULL CHECK (cardinality(protected_numbers) >= 1),
  -- 相手方 (the persons the measure is against), when known: by 宛名番号 and/or カナ + birth date.
  adversaries       jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(adversaries) = 'array'),
  -- The businesses (module ids) it covers; NULL covers every business.
  businesses        text[],
  accepted_on       date NOT NULL,
  starts_on         date NOT NULL,
  ends_on           date NOT NULL CHECK (ends_on >= starts_on),
  -- Set by the version that ends the measure early; the measure is inactive from this date.
  ended_on          date,
  reason            text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  recorded_by       text NOT NULL,
  recorded_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, measure_id, version),
  FOREIGN KEY (tenant_id, measure_id) REFERENCES protection_measure (tenant_id, measure_id)
);
SELECT kyodo_tenant_rls('protection_measure_version');
CREATE INDEX protection_measure_version_latest ON protection_measure_version (tenant_id, measure_id, version DESC);

CREATE VIEW protection_measure_current WITH (security_invoker = true) AS
  SELECT DISTINCT ON (tenant_id, measure_id) *
  FROM protection_measure_version
  ORDER BY tenant_id, measure_id, version DESC;

CREATE TABLE protection_release (
  tenant_id         text NOT NULL REFERENCES tenant (id),
  release_id        uuid NOT NULL,
  -- The person whose data the release lets through, and the certificate kind it is for.
  subject_number    bigint NOT NULL,
  certificate_kind  text NOT NULL,
  -- 請求者の種別 and a description of who asked (e.g. 弁護士 and the case), never logged.
  requester_kind    text NOT NULL,
  requester_note    text NOT NULL CHECK (length(requester_note) BETWEEN 1 AND 200),
  reason            text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  requested_by      text NOT NULL,
  requested_at      timestamptz NOT NULL DEFAULT now(),
  -- A release is for one request at the counter: it lapses at the end of the day it was asked.
  expires_at        timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, release_id)
);
SELECT kyodo_tenant_rls('protection_release');

CREATE TABLE protection_release_decision (
  tenant_id    text NOT NULL,
  release_id   uuid NOT NULL,
  approved     boolean NOT NULL,
  decided_by   text NOT NULL,
  decided_at   timestamptz NOT NULL DEFAULT now(),
  note         text NOT NULL CHECK (length(note) BETWEEN 1 AND 500),
  -- One decision per request: a refused release cannot be approved afterwards, nor the reverse.
  PRIMARY KEY (tenant_id, release_id),
  FOREIGN KEY (tenant_id, release_id) REFERENCES protection_release (tenant_id, release_id)
);
SELECT kyodo_tenant_rls('protection_release_decision');

CREATE TABLE protection_release_use (
  tenant_id    text NOT NULL,
  release_id   uuid NOT NULL,
  used_by      text NOT NULL,
  used_at      timestamptz NOT NULL DEFAULT now(),
  serial       text NOT NULL,
  -- Once: the primary key refuses a second use, even by two clerks at the same instant.
  PRIMARY KEY (tenant_id, release_id),
  FOREIGN KEY (tenant_id, release_id) REFERENCES protection_release (tenant_id, release_id)
);
SELECT kyodo_tenant_rls('protection_release_use');

-- The daily expiry job's warnings: one per measure, kind and end date, so a rerun adds nothing.
CREATE TABLE protection_notice (
  tenant_id    text NOT NULL,
  measure_id   uuid NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('expiring', 'expired')),
  ends_on      date NOT NULL,
  noticed_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, measure_id, kind, ends_on),
  FOREIGN KEY (tenant_id, measure_id) REFERENCES protection_measure (tenant_id, measure_id)
);
SELECT kyodo_tenant_rls('protection_notice');

GRANT SELECT, INSERT ON protection_measure, protection_measure_version, protection_release,
  protection_release_decision, protection_release_use, protection_notice TO kyodo_app;
GRANT SELECT ON protection_measure_current TO kyodo_app;
-- Operators count measures for the platform report; they never read releases' notes.
GRANT SELECT ON protection_measure, protection_measure_version, protection_measure_current,
  protection_notice, protection_release_use TO kyodo_operator;
