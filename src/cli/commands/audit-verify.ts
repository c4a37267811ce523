// `kyodo audit verify`: checks every hash chain of the audit log. Exit 0 when intact, 1 naming
// the first bad entry. Read-only: it never migrates (a database with no kyodo schema is an
// error, not "intact: 0 entries").
import type { Platform } from "../../platform/contract.ts";
import { verifyAuditLog } from "../../platform/audit/audit-log.ts";

export async function auditVerify(platform: Platform): Promise<number> {
  const result = await platform.db.withOperatorRole((tx) => verifyAuditLog(tx));
  if (result.problem) {
    const p = result.problem;
    console.error(`audit log NOT intact: chain ${p.chain}, entry ${p.seq}: ${p.reason}`);
    return 1;
  }
  console.info(`audit log intact: ${result.entries} entries in ${result.chains} chains`);
  return 0;
}
