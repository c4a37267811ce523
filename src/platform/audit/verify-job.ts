// 監査ログ検証 (audit log verification), daily: walks every hash chain with the operator role
// (through withOperator, so the verification itself is in the platform chain) and records
// whether the log is intact, or the first bad entry of each broken chain, as the run's result.
// A broken chain raises an alert for its municipality's administrator and for the operators
// (alerts.ts) and makes the run fail without retries: the log will not heal by itself.
import type { JobDefinition } from "../contract.ts";
import { JobFailure } from "../jobs/job-failure.ts";
import { verifyAuditLog } from "./audit-log.ts";
import { raiseAuditAlerts } from "./alerts.ts";
import { withOperator } from "./operator.ts";

export const auditVerifyJob: JobDefinition = {
  name: "audit.verify",
  label: "監査ログの検証",
  description: "監査ログのすべてのハッシュ連鎖を検証し、改ざんや欠落があれば団体の管理者と運用事業者に警告する。",
  resultLabels: { ok: "改ざん・欠落なし", chains: "検証した連鎖", entries: "検証した記録", problems: "問題のある連鎖", alertsRaised: "出した警告" },
  cron: "0 3 * * *",
  perTenant: false,
  async run({ platform, log }) {
    const actor = "system:job:audit.verify";
    const result = await withOperator(
      platform.db,
      { actor, action: "audit.verified", purpose: "定期検証 (scheduled verification)" },
      (tx) => verifyAuditLog(tx),
    );
    const summary = { ok: result.problem === null, chains: result.chains, entries: result.entries, problems: result.problems };
    if (result.problem) {
      const raised = await raiseAuditAlerts(platform.db, actor, result.problems);
      log.error({ problems: result.problems, alertsRaised: raised }, "audit log not intact: alert raised");
      const p = result.problem;
      throw new JobFailure(`audit log not intact: chain ${p.chain}, entry ${p.seq}: ${p.reason}`, { ...summary, alertsRaised: raised });
    }
    return summary;
  },
};
