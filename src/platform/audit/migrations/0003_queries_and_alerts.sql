-- Issue 15 (ADR 0020): an audit log that answers questions, and a broken chain that raises an alert.
-- 1. Indexes for the filters of GET /api/audit: by subject (a person's 宛名番号, an account),
--    by actor (a member of staff), by action and by time; each ends in seq, the listing's order,
--    so a page of one subject's entries is an index range. Purpose is filtered within these.
CREATE INDEX audit_log_by_subject ON audit_log (tenant_id, subject, seq) WHERE subject IS NOT NULL;
CREATE INDEX audit_log_by_actor ON audit_log (tenant_id, actor, seq);
CREATE INDEX audit_log_by_action ON audit_log (tenant_id, action, seq);
CREATE INDEX audit_log_by_time ON audit_log (tenant_id, at);

-- 2. A broken chain found by the verifier (the daily job or an operator) is an alert for the
--    municipality whose chain it is (tenant_id; 'platform' for the operators' chain) and for the
--    operators, until someone acknowledges it. One row per break, however often it is found.
CREATE TABLE audit_alert (
  tenant_id        text NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  raised_at        timestamptz NOT NULL DEFAULT now(),
  seq              bigint NOT NULL,
  reason           text NOT NULL CHECK (reason IN ('hash-mismatch', 'broken-link', 'missing-entry', 'head-mismatch')),
  raised_by        text NOT NULL,
  acknowledged_at  timestamptz,
  acknowledged_by  text,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, seq, reason)
);
SELECT kyodo_tenant_rls('audit_alert');
GRANT SELECT ON audit_alert TO kyodo_app;
GRANT UPDATE (acknowledged_at, acknowledged_by) ON audit_alert TO kyodo_app;
GRANT SELECT, INSERT ON audit_alert TO kyodo_operator;
GRANT UPDATE (acknowledged_at, acknowledged_by) ON audit_alert TO kyodo_operator;
