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
  entries: ChangeEntryView[];
}
