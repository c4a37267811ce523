-- Staff identity. Staff accounts belong to a tenant (RLS); platform operators belong to none.
CREATE TABLE staff_account (
  tenant_id       text NOT NULL REFERENCES tenant (id),
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  login_id        text NOT NULL CHECK (login_id ~ '^[a-z0-9._-]{3,64}$'),
  display_name    text NOT NULL,
  password_hash   text NOT NULL,
  failed_logins   integer NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  disabled_at     timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, login_id)
);
SELECT kyodo_tenant_rls('staff_account');

-- module: a module or platform area id; role: 閲覧 read, 更新 write, 証明 issue, 管理 admin.
CREATE TABLE staff_role (
  tenant_id  text NOT NULL,
  staff_id   uuid NOT NULL,
  module     text NOT NULL,
  role       text NOT NULL CHECK (role IN ('read', 'write', 'issue', 'admin')),
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, staff_id, module, role),
  FOREIGN KEY (tenant_id, staff_id) REFERENCES staff_account (tenant_id, id)
);
SELECT kyodo_tenant_rls('staff_role');

CREATE TABLE operator_account (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  login_id       text NOT NULL UNIQUE CHECK (login_id ~ '^[a-z0-9._-]{3,64}$'),
  display_name   text NOT NULL,
  password_hash  text NOT NULL,
  failed_logins  integer NOT NULL DEFAULT 0,
  locked_until   timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- Sessions are looked up by the hash of an unguessable token before any tenant is known, so
-- this table is platform-owned (no RLS); it holds no personal data.
CREATE TABLE staff_session (
  token_hash    bytea PRIMARY KEY,
  tenant_id     text REFERENCES tenant (id),
  staff_id      uuid,
  operator_id   uuid REFERENCES operator_account (id),
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  ended_at      timestamptz,
  CHECK ((staff_id IS NOT NULL AND tenant_id IS NOT NULL AND operator_id IS NULL)
      OR (operator_id IS NOT NULL AND tenant_id IS NULL AND staff_id IS NULL))
);

GRANT SELECT, INSERT, UPDATE ON staff_account, staff_role TO kyodo_app;
GRANT DELETE ON staff_role TO kyodo_app;
GRANT SELECT, UPDATE (failed_logins, locked_until) ON operator_account TO kyodo_app;
GRANT SELECT, INSERT, UPDATE ON staff_session TO kyodo_app;
GRANT SELECT, INSERT, UPDATE ON staff_account, staff_role, operator_account TO kyodo_operator;
GRANT SELECT ON staff_session TO kyodo_operator;
