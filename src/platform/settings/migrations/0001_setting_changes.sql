-- 設定 (settings): overrides of a setting's national default (全国標準) at municipality,
-- consortium and prefecture level (architecture §4). Both tables are append-only journals:
-- every row is one change — a new value, or a "cleared" marker — with who, when and why, and
-- the current override of a (scope, key) is its latest row. Nothing is updated or deleted, so
-- the history of every override is the table itself and the fit-gap report can be trusted.
--
-- value is jsonb because settings are typed (numbers, strings, objects, JSON null). SQL NULL
-- means "cleared"; JSON null ('null'::jsonb) is a value like any other.

-- Municipality overrides: tenant-owned, isolated by row-level security like every tenant table.
CREATE TABLE setting_change (
  tenant_id   text NOT NULL REFERENCES tenant (id),
  seq         bigint GENERATED ALWAYS AS IDENTITY,
  key         text NOT NULL,
  value       jsonb,
  cleared     boolean NOT NULL,
  reason      text NOT NULL CHECK (btrim(reason) <> ''),
  actor       text NOT NULL,
  changed_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, seq),
  CHECK (cleared = (value IS NULL))
);
CREATE INDEX setting_change_latest ON setting_change (tenant_id, key, seq DESC);
SELECT kyodo_tenant_rls('setting_change');

-- Prefecture and consortium overrides: platform rows owned by a group (tenant_group), written
-- only by operators (BYPASSRLS, audited) and readable by the application only for the groups
-- the transaction's tenant belongs to, so a municipality sees its prefecture's and consortia's
-- overrides and nothing of groups it is not a member of.
CREATE TABLE setting_group_change (
  group_id    text NOT NULL REFERENCES tenant_group (id),
  seq         bigint GENERATED ALWAYS AS IDENTITY,
  key         text NOT NULL,
  value       jsonb,
  cleared     boolean NOT NULL,
  reason      text NOT NULL CHECK (btrim(reason) <> ''),
  actor       text NOT NULL,
  changed_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (group_id, seq),
  CHECK (cleared = (value IS NULL))
);
CREATE INDEX setting_group_change_latest ON setting_group_change (group_id, key, seq DESC);
ALTER TABLE setting_group_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE setting_group_change FORCE ROW LEVEL SECURITY;
CREATE POLICY member_groups_only ON setting_group_change FOR SELECT USING (
  group_id IN (SELECT m.group_id FROM tenant_group_member m
               WHERE m.tenant_id = current_setting('kyodo.tenant_id', true)));

GRANT SELECT, INSERT ON setting_change TO kyodo_app;
GRANT SELECT ON setting_change TO kyodo_operator;
GRANT SELECT ON setting_group_change TO kyodo_app;
GRANT SELECT, INSERT ON setting_group_change TO kyodo_operator;
