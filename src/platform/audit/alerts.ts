// 監査ログの改ざん警告 (audit alerts): a chain found broken is an alert for the municipality whose
// chain it is and for the operators, kept until acknowledged — not only a failed job run in a
// log. Raised by whoever verifies (the daily job, an operator), with the operator role, in a
// transaction of its own so that the alert stays whatever happens next; each break is raised
// once, however often it is found again.
import type { Database, Tx } from "../db/database.ts";
import type { VerifyProblem } from "./audit-log.ts";

export interface AuditAlert {
  id: string;
  chain: string;
  seq: string;
  reason: VerifyProblem["reason"];
  raisedAt: string;
  raisedBy: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

/** Records each broken chain as an alert; returns how many are new. */
export async function raiseAuditAlerts(db: Database, raisedBy: string, problems: readonly VerifyProblem[]): Promise<number> {
  if (!problems.length) return 0;
  return db.withOperatorRole(async (tx) => {
    const r = await tx.query(
      `INSERT INTO audit_alert (tenant_id, seq, reason, raised_by)
       SELECT *, $4::text FROM unnest($1::text[], $2::bigint[], $3::text[])
       ON CONFLICT (tenant_id, seq, reason) DO NOTHING`,
      [problems.map((p) => p.chain), problems.map((p) => p.seq), problems.map((p) => p.reason), raisedBy],
    );
    return r.rowCount ?? 0;
  });
}

/** The alerts the transaction sees: a municipality's own under its RLS, every one with the operator role. */
export async function listAuditAlerts(tx: Tx, openOnly: boolean): Promise<AuditAlert[]> {
  const r = await tx.query(
    `SELECT id, tenant_id, seq::text, reason, raised_at, raised_by, acknowledged_at, acknowledged_by FROM audit_alert
     WHERE NOT $1 OR acknowledged_at IS NULL ORDER BY raised_at DESC, tenant_id LIMIT 200`,
    [openOnly],
  );
  return r.rows.map((row) => ({
    id: row.id,
    chain: row.tenant_id,
    seq: row.seq,
    reason: row.reason,
    raisedAt: (row.raised_at as Date).toISOString(),
    raisedBy: row.raised_by,
    acknowledgedAt: row.acknowledged_at ? (row.acknowledged_at as Date).toISOString() : null,
    acknowledgedBy: row.acknowledged_by ?? null,
  }));
}

export async function acknowledgeAuditAlert(tx: Tx, id: string, by: string): Promise<boolean> {
  const r = await tx.query("UPDATE audit_alert SET acknowledged_at = now(), acknowledged_by = $2 WHERE id = $1 AND acknowledged_at IS NULL", [id, by]);
  return (r.rowCount ?? 0) > 0;
}
