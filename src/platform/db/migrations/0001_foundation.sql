-- Foundation: what every other migration builds on.
-- kyodo_tenant_rls(t): the one way a tenant-owned table is isolated. RLS is enabled and forced,
-- and the policy compares tenant_id with the transaction's `kyodo.tenant_id` setting (set by
-- withTenant). With no setting, current_setting(..., true) is NULL and no row matches.
CREATE FUNCTION kyodo_tenant_rls(t regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s USING (tenant_id = current_setting(''kyodo.tenant_id'', true)) '
    'WITH CHECK (tenant_id = current_setting(''kyodo.tenant_id'', true))', t);
END $$;

GRANT SELECT ON schema_migration TO kyodo_app, kyodo_operator;
GRANT USAGE ON SCHEMA public TO kyodo_app, kyodo_operator;
