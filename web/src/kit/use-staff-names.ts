// 職員名 (staff names for "staff:<id>" actors): listed by GET /api/staff to platform
// administrators only; anyone else sees a short id (audit-entry-labels.ts actorLabel).
import { useMemo } from "react";
import type { AuditActorNames } from "../platform/audit/audit-entry-labels.ts";
import { useApp } from "../app-context.ts";
import { staffMay } from "../platform/identity/session.ts";
import { useApiData } from "./use-api-data.ts";

interface StaffName {
  id: string;
  loginId: string;
  displayName: string;
}

export function useStaffNames(): AuditActorNames {
  const { session } = useApp();
  const staff = useApiData<StaffName[]>(staffMay(session, "platform", "admin") ? "/api/staff" : null);
  return useMemo(() => ({ staff: new Map((staff.data ?? []).map((s) => [s.id, `${s.displayName}（${s.loginId}）`])) }), [staff.data]);
}
