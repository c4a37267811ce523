// 消除と転出 (removal and 転出) as certificates need them: the change that made a record a 除票,
// the 転出 of a person (planned — notified ahead, 転出予定 — or done), and who left with the same
// change (a household moving out together gets one 転出証明書 and one 除票の写し). A change also
// names the members who stay when it gives them a new 続柄 (a new 世帯主), so "left with it"
// means the change removed them, for the same reason, on its 異動日.
import type { Tx } from "../../../platform/db/database.ts";
import type { ChangeKind } from "../change-kind.ts";
import { REMOVAL_KINDS } from "../change-kind.ts";
import type { PersonRecord, RemovalReason } from "../person-record.ts";
import { changeWithEntries } from "../queries.ts";
import { getHouseholdAsOf, listPersonChanges, type HouseholdMemberAsOf, type PersonAsOf } from "../read-model.ts";

export interface RemovalChange {
  changeId: string;
  kind: ChangeKind;
  /** The 異動日: the day of the 転出, death or 職権消除. */
  effectiveDate: string;
  /** The 届出日; null for a 職権消除. */
  notifiedDate: string | null;
  reason: RemovalReason;
}

const removes = (record: PersonRecord, reason: RemovalReason | null, date: string) =>
  record.status === "removed" && record.removalDate === date && (reason === null || record.removalReason === reason);

/** The change that made the person's record a 除票, when it is one on the person's date. */
export async function removalOf(tx: Tx, person: PersonAsOf): Promise<RemovalChange | null> {
  const { record } = person;
  if (!person.isRemovedRecord || record.removalDate === null || record.removalReason === null) return null;
  const change = (await listPersonChanges(tx, person.personId))
    .filter((c) => REMOVAL_KINDS.includes(c.kind) && removes(c.after, record.removalReason, record.removalDate!))
    .at(-1);
  if (!change) return null;
  return { changeId: change.changeId, kind: change.kind, effectiveDate: change.effectiveDate, notifiedDate: change.notifiedDate, reason: record.removalReason };
}

export interface MoveOut extends RemovalChange {
  /** 転出予定: notified on or before the move (住民基本台帳法 第24条, あらかじめ届け出る). */
  isAdvanceNotice: boolean;
  /** The move has begun by the person's date: the record is a 除票 by then. */
  hasTakenEffect: boolean;
}

/**
 * The person's 転出 known on their date: done (a 除票 by 転出) or planned (recorded by then, effective
 * later). Null when there is none — including a 除票 removed for another reason.
 */
export async function moveOutOf(tx: Tx, person: PersonAsOf): Promise<MoveOut | null> {
  const scheduled = new Set(person.scheduled.filter((s) => s.kind === "moved-out").map((s) => s.changeId));
  const removedOn = person.isRemovedRecord ? person.record.removalDate : null;
  if (person.isRemovedRecord && person.record.removalReason !== "moved-out") return null;
  if (!person.isRemovedRecord && scheduled.size === 0) return null;
  const change = (await listPersonChanges(tx, person.personId))
    .filter(
      (c) =>
        c.kind === "moved-out" &&
        removes(c.after, "moved-out", c.effectiveDate) &&
        (removedOn !== null ? c.effectiveDate === removedOn : scheduled.has(c.changeId)),
    )
    .at(-1);
  if (!change) return null;
  return {
    changeId: change.changeId,
    kind: change.kind,
    effectiveDate: change.effectiveDate,
    notifiedDate: change.notifiedDate,
    reason: "moved-out",
    isAdvanceNotice: change.notifiedDate !== null && change.notifiedDate <= change.effectiveDate,
    hasTakenEffect: removedOn !== null,
  };
}

/** The persons the change removed for its reason on its 異動日 (the subject among them). */
export async function removedTogether(tx: Tx, removal: RemovalChange): Promise<string[]> {
  const rows = (await tx.query<{ person_id: string; after: PersonRecord }>(changeWithEntries(removal.changeId))).rows;
  return rows.filter((r) => removes(r.after, removal.reason, removal.effectiveDate)).map((r) => r.person_id);
}

/** The day before an ISO date. */
export function dayBefore(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** The 世帯主 of the household the day before the removal: the household as the 除票 left it. */
export async function headBeforeRemoval(tx: Tx, householdId: string, removalDate: string): Promise<HouseholdMemberAsOf | null> {
  return (await getHouseholdAsOf(tx, householdId, dayBefore(removalDate)))?.head ?? null;
}
