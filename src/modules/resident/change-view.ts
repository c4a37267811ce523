// 異動の表示 (a change as the API shows it): the journal row and, per person, the fields it set
// and the whole record before and after on the 異動日.
import type { ChangeKind } from "./change-kind.ts";
import type { PersonField, PersonRecord } from "./person-record.ts";

export interface ChangeEntryView {
  personId: string;
  addresseeNumber: string;
  fields: PersonField[];
  before: PersonRecord | null;
  after: PersonRecord;
}

export interface ChangeView {
  changeId: string;
  seq: string;
  kind: ChangeKind;
  kindJa: string;
  effectiveDate: string;
  notifiedDate: string | null;
  recordedAt: string;
  actor: string;
  reason: string | null;
  /** 届出期間の末日, none for a change without a 届出期間 (notification-deadline.ts). */
  deadlineDate: string | null;
  /** 期間経過: notified after deadlineDate, with the clerk's lateReason. */
  overdue: boolean;
  lateReason: string | null;
  entries: ChangeEntryView[];
  /** The 世帯主変更 recorded with a removal that took the 世帯主 away from others. */
  headChange?: ChangeView;
}
