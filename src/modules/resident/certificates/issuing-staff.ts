// 交付する職員 (the issuing staff member) as the certificate's transaction knows them. The
// documents area checks the kind's role before rendering but does not hand the staff member to
// the render; the transaction carries the actor (`kyodo.actor`, set by withTenant), and the
// roles are read from the staff tables in the same transaction — the registered roles at the
// moment of issue, not those cached in a session.
import { ACTOR_SETTING, type Tx } from "../../../platform/db/database.ts";
import { getStaff } from "../../../platform/identity/staff.ts";
import { problems } from "../../../platform/http/problem.ts";
import type { Role } from "../../../platform/contract.ts";

export interface IssuingStaffMember {
  /** `staff:<id>`, as the audit log names them. */
  actor: string;
  staffId: string;
  roles: Record<string, Role[]>;
}

/** The staff member the transaction acts for; 403 when it acts for anyone else. */
export async function issuingStaff(tx: Tx): Promise<IssuingStaffMember> {
  const actor = (await tx.query<{ actor: string | null }>("SELECT current_setting($1, true) AS actor", [ACTOR_SETTING])).rows[0]?.actor;
  const staffId = actor?.startsWith("staff:") ? actor.slice("staff:".length) : null;
  const staff = staffId ? await getStaff(tx, staffId) : undefined;
  if (!actor || !staffId || !staff) throw problems.forbidden("a staff member of the municipality");
  return { actor, staffId, roles: staff.roles };
}
