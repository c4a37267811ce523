// Who is making a request: a tenant's staff member or a platform operator (運用事業者).
import type { Role } from "../contract.ts";

export type Principal =
  | {
      kind: "staff";
      staffId: string;
      tenantId: string;
      displayName: string;
      roles: Record<string, Role[]>;
      csrfToken: string;
      sessionHash: Buffer;
    }
  | { kind: "operator"; operatorId: string; displayName: string; csrfToken: string; sessionHash: Buffer };

/** admin implies every role of its module; write and issue each imply read. */
export function hasRole(granted: readonly Role[] | undefined, needed: Role): boolean {
  if (!granted) return false;
  if (granted.includes("admin") || granted.includes(needed)) return true;
  return needed === "read" && (granted.includes("write") || granted.includes("issue"));
}

export function actorOf(p: Principal): string {
  return p.kind === "staff" ? `staff:${p.staffId}` : `operator:${p.operatorId}`;
}
