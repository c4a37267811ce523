// 住民記録の参照 (the read interface): a person or a household as of any date, folded from the 異動
// journal — what the certificate builders (住民票の写し, 記載事項証明書, 転出証明書), the person view
// and other readers of this module use. Every function runs in the caller's tenant transaction
// and writes nothing; the caller audits the access at its edge (route or job) with the subject
// `addressee:<宛名番号>` and its purpose. The 個人番号 is not here: it is revealed only through
// MyNumberVault.reveal, by a caller that checked the permission and audits the reveal.
import type { Tx } from "../../platform/db/database.ts";
import { formatAddresseeNumber } from "../../platform/addressee/addressee-number.ts";
import { todayInJapan } from "../../platform/addressee/calendar-date.ts";
import type { ChangeKind } from "./change-kind.ts";
import { CHANGE_KIND_NAMES_JA } from "./change-kind.ts";
import { formatWareki } from "../../lib/wareki.ts";
import { compareEntries, foldPerson, type JournalEntry } from "./fold.ts";
import { isResidentOn, PERSON_FIELDS, type PersonField, type PersonRecord } from "./person-record.ts";
import { toJournalEntry, type EntryRow } from "./projection.ts";
import { changesOfPerson, householdJournal, selectHouseholds } from "./queries.ts";
import { RELATIONSHIPS, relationshipOrder, type Relationship } from "./relationship.ts";
import { withActorNames } from "../../platform/audit/actor-names.ts";

export interface PersonAsOf {
  personId: string;
  addresseeNumber: string;
  asOf: string;
  /** The record on asOf: the fold of the entries with 異動日 ≤ asOf. */
  record: PersonRecord;
  /** On the registry on asOf (a 転出予定 later than asOf still counts as resident). */
  isResident: boolean;
  /** 除票: removed on or before asOf. */
  isRemovedRecord: boolean;
  householdNumber: string;
  /** Changes already recorded on asOf that take effect after it (a 転出予定). */
  scheduled: { changeId: string; kind: ChangeKind; effectiveDate: string }[];
}

export interface HouseholdMemberAsOf {
  personId: string;
  addresseeNumber: string;
  record: PersonRecord;
}

export interface HouseholdAsOf {
  householdId: string;
  householdNumber: string;
  asOf: string;
  /** The 世帯主 on asOf, or null when the household had no members that day. */
  head: HouseholdMemberAsOf | null;
  /** Members on asOf, in 住民票 order: the head, then by 続柄, then by birth date. */
  members: HouseholdMemberAsOf[];
}

export interface HistoryItem {
  changeId: string;
  seq: string;
  kind: ChangeKind;
  kindJa: string;
  effectiveDate: string;
  notifiedDate: string | null;
  recordedAt: string;
  actor: string;
  /** The staff member's name, read from the town's staff register; null for the system, an import … */
  actorName: string | null;
  /** 理由・備考, and for a 期間経過 届出 「期間経過（届出期限 …）遅延の理由：…」 after it. */
  reason: string | null;
  deadlineDate: string | null;
  overdue: boolean;
  lateReason: string | null;
  fields: PersonField[];
  before: PersonRecord | null;
  after: PersonRecord;
}

async function householdNumber(tx: Tx, householdId: string): Promise<string | null> {
  const row = (await tx.query<{ household_number: string }>(selectHouseholds([householdId]))).rows[0];
  return row ? row.household_number : null;
}

/**
 * The person as of `date`, or null when the tenant has no such person or they were not yet
 * registered by then. Two round trips: the person's changes with their entries (the fold, the
 * 宛名番号 and what is scheduled all come from them), then the household's number on that date.
 */
export async function getPersonAsOf(tx: Tx, personId: string, date: string): Promise<PersonAsOf | null> {
  const history = (await tx.query(changesOfPerson(personId))).rows;
  const first = history[0];
  if (!first) return null;
  const entries = history.map((h) => toJournalEntry({ person_id: personId, effective_date: h.entry_effective_date, seq: h.entry_seq, set: h.set }));
  const record = foldPerson(entries, date);
  if (record === null) return null;
  const scheduled = history
    .filter((h) => h.effective_date > date && todayInJapan(new Date(h.recorded_at as Date)) <= date)
    .map((h) => ({ changeId: h.change_id as string, kind: h.kind as ChangeKind, effectiveDate: h.effective_date as string }));
  return {
    personId,
    addresseeNumber: formatAddresseeNumber(first.addressee_number as string),
    asOf: date,
    record,
    isResident: isResidentOn(record, date),
    isRemovedRecord: !isResidentOn(record, date),
    householdNumber: (await householdNumber(tx, record.householdId))!,
    scheduled,
  };
}

function memberOrder(a: HouseholdMemberAsOf, b: HouseholdMemberAsOf): number {
  const byRelationship = relationshipOrder(a.record.relationship) - relationshipOrder(b.record.relationship);
  if (byRelationship !== 0) return byRelationship;
  return a.record.birthDate < b.record.birthDate ? -1 : a.record.birthDate > b.record.birthDate ? 1 : 0;
}

/**
 * The household as of `date`: who belonged to it that day, as whom. Null when the tenant has no
 * such household. One round trip: the household's number and the entries of everyone ever
 * placed in it (householdJournal).
 */
export async function getHouseholdAsOf(tx: Tx, householdId: string, date: string): Promise<HouseholdAsOf | null> {
  const rows = (await tx.query<EntryRow & { household_number: string; addressee_number: string | null }>(householdJournal(householdId))).rows;
  if (rows.length === 0) return null;
  const persons = new Map<string, { addresseeNumber: string; entries: JournalEntry[] }>();
  for (const row of rows) {
    if (row.person_id === null || row.addressee_number === null) continue;
    const person = persons.get(row.person_id) ?? { addresseeNumber: row.addressee_number, entries: [] };
    person.entries.push(toJournalEntry(row));
    persons.set(row.person_id, person);
  }
  const members: HouseholdMemberAsOf[] = [];
  for (const [personId, p] of persons) {
    const record = foldPerson(p.entries, date);
    if (record && record.householdId === householdId && isResidentOn(record, date)) {
      members.push({ personId, addresseeNumber: formatAddresseeNumber(p.addresseeNumber), record });
    }
  }
  members.sort(memberOrder);
  return {
    householdId,
    householdNumber: rows[0]!.household_number,
    asOf: date,
    head: members.find((m) => m.record.relationship === "head") ?? null,
    members,
  };
}

/**
 * The reason as a history line shows it: the clerk's 理由・備考 and, for a 届出 after its 届出期間,
 * 「期間経過（届出期限 令和8年11月9日）遅延の理由：…」 (notification-deadline.ts), so every screen
 * listing the history says it was late and why.
 */
export function historyReason(reason: string | null, overdue: boolean, deadlineDate: string | null, lateReason: string | null): string | null {
  if (!overdue) return reason ?? null;
  const late = `期間経過（届出期限 ${deadlineDate ? formatWareki(deadlineDate) : "―"}）遅延の理由：${lateReason ?? "―"}`;
  return reason ? `${reason}／${late}` : late;
}

/** Every change that touched the person, in journal order (異動日, then recording order). */
export async function listPersonChanges(tx: Tx, personId: string): Promise<HistoryItem[]> {
  const rows = (await tx.query(changesOfPerson(personId))).rows;
  const items = rows
    .map((r) => ({
      changeId: r.change_id as string,
      seq: r.seq as string,
      kind: r.kind as ChangeKind,
      kindJa: CHANGE_KIND_NAMES_JA[r.kind as ChangeKind],
      effectiveDate: r.effective_date as string,
      notifiedDate: (r.notified_date as string | null) ?? null,
      recordedAt: new Date(r.recorded_at as Date).toISOString(),
      actor: r.actor as string,
      reason: historyReason(r.reason as string | null, r.overdue as boolean, r.deadline_date as string | null, r.late_reason as string | null),
      deadlineDate: (r.deadline_date as string | null) ?? null,
      overdue: r.overdue as boolean,
      lateReason: (r.late_reason as string | null) ?? null,
      fields: PERSON_FIELDS.filter((f) => f in (r.set as object)),
      before: r.before as PersonRecord | null,
      after: r.after as PersonRecord,
    }))
    .sort((a, b) => compareEntries(a, b));
  return withActorNames(tx, items);
}

export function relationshipLabel(relationship: Relationship): string {
  return RELATIONSHIPS[relationship];
}
