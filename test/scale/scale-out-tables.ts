// Tables that have a tenant_id column but are not distributed by it on Citus (docs/scale-out.md):
// each is explained there.
export const DISTRIBUTED_EXCEPTIONS: ReadonlySet<string> = new Set([
  // The tenant register itself and group membership: reference tables, small, read by every node.
  "tenant_group_member",
  // Sessions are found by their token before the tenant is known, and operators' sessions have no
  // tenant: a table on the coordinator (a Citus local table), reached only through the SECURITY
  // DEFINER functions of ADR 0016.
  "staff_session",
]);
