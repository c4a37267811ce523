// 監査ログ検証 (audit log verification), daily: walks every hash chain with the operator role
// (through withOperator, so the verification itself is in the platform chain) and records
// whether the log is intact, or its first bad entry, as the run's result. A broken chain makes
// the run fail without retries: the log will not heal by itself, an operator must look.
import type { JobDefinition } from "../contract.ts";
import { JobFailure } from "../jobs/job-failure.ts";
import { verifyAuditLog } from "./audit-log.ts";
import { withOperator } from "./operator.ts";

export const auditVerifyJob: JobDefinition = {
  name: "audit.verify",
  description: "監査ログのハッシュ連鎖を検証する (verify every hash chain of the audit log)",
  cron: "0 3 * * *",
  perTenant: false,
  async run({ platform }) {
    const result = await withOperator(
      platform.db,
      { actor: "system:job:audit.verify", action: "audit.verified", purpose: "定期検証 (scheduled verification)" },
      (tx) => verifyAuditLog(tx),
    );
    const summary = { ok: result.problem === null, chains: result.chains, entries: result.entries, problem: result.problem };
    if (result.problem) {
      const p = result.problem;
      throw new JobFailure(`audit log not intact: chain ${p.chain}, entry ${p.seq}: ${p.reason}`, summary);
    }
    return summary;
  },
};
