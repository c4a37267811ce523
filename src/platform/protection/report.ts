// The operators' report on 支援措置 (運用状況): per municipality, how many measures are active, how
// many end within 30 days, and how many releases were used in the last 30 days — counts only,
// read with the operator role (withOperator audits the read). Operators run the platform; who is
// protected is the municipality's business, so no number or name leaves this query.
import type { Tx } from "../db/database.ts";

export interface ProtectionReportRow {
  tenantId: string;
  tenantName: string;
  active: number;
  expiringWithin30Days: number;
  releasesUsedLast30Days: number;
}

export async function operatorReport(tx: Tx, today: string): Promise<ProtectionReportRow[]> {
  const rows = await tx.query<{ id: string; name: string; active: number; expiring: number; used: number }>(
    `WITH current AS (
       SELECT tenant_id, ends_on FROM protection_measure_current
       WHERE starts_on <= $1::date AND ends_on >= $1::date AND (ended_on IS NULL OR ended_on > $1::date))
     SELECT t.id, t.name,
            (SELECT count(*) FROM current c WHERE c.tenant_id = t.id)::int AS active,
            (SELECT count(*) FROM current c WHERE c.tenant_id = t.id AND c.ends_on <= $1::date + 30)::int AS expiring,
            (SELECT count(*) FROM protection_release_use u WHERE u.tenant_id = t.id AND u.used_at > now() - interval '30 days')::int AS used
     FROM tenant t ORDER BY t.id`,
    [today],
  );
  return rows.rows.map((r) => ({ tenantId: r.id, tenantName: r.name, active: r.active, expiringWithin30Days: r.expiring, releasesUsedLast30Days: r.used }));
}
