// 異動日・届出日・理由 (the dates and reason every 異動 carries): a 届出 gives the 異動日 (the day the
// change took effect) and the 届出日 (the day it was notified, today at the counter); a 職権 change
// has no 届出日 and must say why (住民基本台帳法 第8条). Both dates are typed in 和暦 or 西暦.
// A 届出 after its 届出期間 (転入・転居・世帯変更: 14 days, 住民基本台帳法 第22条・第23条・第25条, counted
// on the server: src/modules/resident/notification-deadline.ts) also carries the 遅延の理由: the
// server's rules ask for it (late-notification-reason) and the form then shows its field.
import { formatWareki } from "../../../../src/lib/wareki.ts";
import { todayInJapan } from "../../../../src/platform/addressee/calendar-date.ts";
import { DraftReader, LIMITS } from "./resident-draft-checks.ts";

export interface ChangeDatesDraft {
  effectiveDate: string;
  notifiedDate: string;
  reason: string;
  /** 遅延の理由, for a 届出 after its 届出期間 (empty otherwise). */
  lateReason: string;
}

/** The 届出日 is today unless the clerk types another day: 「令和8年11月23日」. */
export function emptyDates(today = todayInJapan()): ChangeDatesDraft {
  return { effectiveDate: "", notifiedDate: formatWareki(today), reason: "", lateReason: "" };
}

export const NOTIFIED_KEYS = ["effectiveDate", "notifiedDate", "reason", "lateReason"] as const;
export const EX_OFFICIO_KEYS = ["effectiveDate", "reason"] as const;

export interface NotifiedDates {
  effectiveDate: string;
  notifiedDate: string;
  reason?: string;
  lateReason?: string;
}

/** A 届出's dates; the reason is optional. `effectiveLabel` names the 異動日 as the form does (死亡日…). */
export function readNotified(r: DraftReader, draft: ChangeDatesDraft, effectiveLabel = "異動日"): NotifiedDates | null {
  const effectiveDate = r.date("effectiveDate", draft.effectiveDate, effectiveLabel);
  const notifiedDate = r.date("notifiedDate", draft.notifiedDate, "届出日");
  const reason = r.text("reason", draft.reason, "理由・備考", LIMITS.reason);
  const lateReason = r.text("lateReason", draft.lateReason, "遅延の理由", LIMITS.reason);
  if (effectiveDate === null || notifiedDate === null) return null;
  return { effectiveDate, notifiedDate, ...(reason ? { reason } : {}), ...(lateReason ? { lateReason } : {}) };
}

export interface ExOfficioDates {
  effectiveDate: string;
  reason: string;
}

/** A 職権 change's 異動日 and its required reason, named as the form names it (職権で記載する理由…). */
export function readExOfficio(r: DraftReader, draft: ChangeDatesDraft, reasonLabel = "職権で行う理由"): ExOfficioDates | null {
  const effectiveDate = r.date("effectiveDate", draft.effectiveDate, "異動日");
  const reason = r.text("reason", draft.reason, reasonLabel, LIMITS.reason, true);
  if (effectiveDate === null || reason === null) return null;
  return { effectiveDate, reason };
}
