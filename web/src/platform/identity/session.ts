// ログイン中の職員 (the logged-in user) as GET /api/session describes them: a staff member of one
// municipality with roles per module, or a platform operator (運用事業者) with no municipality.
import type { Role } from "../../../../src/platform/contract.ts";
import { hasRole } from "../../../../src/platform/identity/principal.ts";

export interface SessionTenant {
  id: string;
  name: string;
  prefectureName: string;
}

export interface Session {
  kind: "staff" | "operator";
  displayName: string;
  tenant: SessionTenant | null;
  roles: Record<string, Role[]>;
  csrfToken: string;
}

/** True when the session is a staff member whose roles in `module` include `role` (admin implies all). */
export function staffMay(session: Session, module: string, role: Role): boolean {
  return session.kind === "staff" && hasRole(session.roles[module], role);
}

/** 「神奈川県 葉山町」: how a municipality is named in headings. */
export function municipalityLabel(tenant: SessionTenant): string {
  return tenant.prefectureName ? `${tenant.prefectureName} ${tenant.name}` : tenant.name;
}
