-- The audit log: every read or write of a person's data and every operator action.
-- One hash chain per tenant (and one, chain 'platform', for operator actions): each entry's
-- hash covers its content and the previous entry's hash, and audit_chain_head remembers the
-- last entry, so editing, deleting or truncating entries is detected by `kyodo audit verify`.
-- The application may only read and append: no UPDATE or DELETE is granted to anyone.
CREATE TABLE audit_log (
  tenant_id   text NOT NULL,       -- a tenant code, or 'platform'
  seq         bigint NOT NULL,
  at          timestamptz NOT NULL,
  actor       text NOT NULL,       -- 'staff:<uuid>', 'operator:<uuid>', 'system:<task>'
  action      text NOT NULL,       -- e.g. 'staff.login', 'resident.read'
  subject     text,                -- what was touched, by id (never a name)
  purpose     text,                -- why (利用目的)
  detail      jsonb NOT NULL DEFAULT '{}',
  prev_hash   text NOT NULL,
  hash        text NOT NULL,
  PRIMARY KEY (tenant_id, seq)
);
SELECT kyodo_tenant_rls('audit_log');

CREATE TABLE audit_chain_head (
  tenant_id  text PRIMARY KEY,
  seq        bigint NOT NULL,
  hash       text NOT NULL
);
SELECT kyodo_tenant_rls('audit_chain_head');

GRANT SELECT, INSERT ON audit_log TO kyodo_app, kyodo_operator;
GRANT SELECT, INSERT, UPDATE ON audit_chain_head TO kyodo_app, kyodo_operator;
