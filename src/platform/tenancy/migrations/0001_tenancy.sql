-- Tenancy: municipalities (tenants) keyed by 全国地方公共団体コード, and the groups that
-- share settings and costs: prefectures (都道府県) and consortia (一部事務組合, 町村会, 協議会).
-- These are the platform's own registry: readable by the application, written by operators.
CREATE TABLE tenant_group (
  id          text PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('prefecture', 'consortium')),
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tenant (
  id             text PRIMARY KEY CHECK (id ~ '^[0-9]{6}$'),
  name           text NOT NULL,
  name_kana      text NOT NULL,
  prefecture_id  text NOT NULL REFERENCES tenant_group (id),
  population     integer NOT NULL DEFAULT 0 CHECK (population >= 0),
  status         text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
  created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tenant_group_member (
  group_id   text NOT NULL REFERENCES tenant_group (id),
  tenant_id  text NOT NULL REFERENCES tenant (id),
  joined_on  date NOT NULL DEFAULT current_date,
  PRIMARY KEY (group_id, tenant_id)
);

GRANT SELECT ON tenant, tenant_group, tenant_group_member TO kyodo_app;
GRANT SELECT, INSERT, UPDATE ON tenant, tenant_group, tenant_group_member TO kyodo_operator;
