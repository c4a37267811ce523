// 職員名 (staff names for "staff:<id>" actors): listed by GET /api/staff to platform
// administrators only. Histories carry the names from the server instead (`actorName`, ADR 0004),
// which every clerk sees; a name neither gives reads 「職員（氏名不明）」, never an id.
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
