// 異動の計画 (the plan of a change): what one 異動 would do to each person it touches — the values
// it sets, the record before and after on the 異動日 and the latest record after — and what the
// households it touches would look like. The kinds (kinds/) build the intent from the request;
// completePlan computes the rest from the journal; the rules judge the plan; only then is
// anything written. A refused change has therefore written nothing.
import crypto from "node:crypto";
import type { ChangeKind } from "./change-kind.ts";
import type { ResidentEventType } from "./events.ts";
import { advanceLatest, applySet, fieldsSetAfter, foldPerson } from "./fold.ts";
import { differingSet, type FieldSet, type PersonRecord } from "./person-record.ts";
import type { LoadedPerson, RegistryState } from "./registry-state.ts";
import { residentProblems } from "./problems.ts";

export interface PersonIntent {
  personId: string;
  isNew: boolean;
  /** For a new person: the 宛名番号 of the 住登外者 the clerk confirmed (else a new addressee). */
  confirmedAddresseeNumber?: string;
  /** Where the person is named in the request (`body/persons/0`), for error fields. */
  field: string;
  /** The values the 異動 gives; only those that differ are recorded. */
  set: FieldSet;
  myNumber?: string;
  event: ResidentEventType;
  /**
   * A member who stays when the 世帯主 leaves (転出, 死亡, 職権消除): their new 続柄 is recorded as
   * the 世帯主変更 that goes with the removal, a change of its own in the same transaction.
   */
  inHeadChange?: boolean;
}

/** The 世帯主変更 recorded with a removal that takes the 世帯主 away from others who stay. */
export interface LinkedHeadChange {
  /**
   * Every household concerned keeps one member only, who becomes 世帯主 without a 届出
   * (住民基本台帳法 第25条 「政令で定める者を除く」): no 届出期間 runs.
   */
  automatic: boolean;
}

export interface ChangeIntent {
  kind: ChangeKind;
  effectiveDate: string;
  notifiedDate: string | null;
  reason: string | null;
  /** 遅延の理由: why a 届出 comes after its 届出期間 (notification-deadline.ts). */
  lateReason: string | null;
  persons: PersonIntent[];
  newHouseholds: string[];
  headChange?: LinkedHeadChange | null;
}

export interface PlannedPerson extends PersonIntent {
  loaded: LoadedPerson | null;
  /** The 異動 registers the person (again): 転入, 出生, 職権記載. */
  isRegistration: boolean;
  beforeOnDate: PersonRecord | null;
  afterOnDate: PersonRecord;
  latestBefore: PersonRecord | null;
  latestAfter: PersonRecord;
}

export interface HouseholdMember {
  personId: string;
  record: PersonRecord;
}

export interface PlannedHousehold {
  householdId: string;
  isNew: boolean;
  /** Members after the change, by the latest records. */
  members: HouseholdMember[];
}

export interface ChangePlan extends Omit<ChangeIntent, "persons"> {
  changeId: string;
  persons: PlannedPerson[];
  households: PlannedHousehold[];
}

export const newId = (): string => crypto.randomUUID();

/** An entry appended now comes after every entry of the journal on the same 異動日. */
const END_OF_DAY = { seq: BigInt(Number.MAX_SAFE_INTEGER) };

export async function completePlan(state: RegistryState, intent: ChangeIntent, registrationKind: boolean): Promise<ChangePlan> {
  const seen = new Set<string>();
  for (const p of intent.persons) {
    if (seen.has(p.personId)) throw residentProblems.personListedTwice(p.field);
    seen.add(p.personId);
  }
  const persons: PlannedPerson[] = [];
  for (const p of intent.persons) {
    const loaded = p.isNew ? null : await state.person(p.personId);
    const entries = loaded?.entries ?? [];
    const beforeOnDate = foldPerson(entries, intent.effectiveDate);
    const set = differingSet(beforeOnDate, p.set);
    const later = fieldsSetAfter(entries, { effectiveDate: intent.effectiveDate, ...END_OF_DAY });
    persons.push({
      ...p,
      set,
      loaded,
      isRegistration: registrationKind && p.set.status === "resident",
      beforeOnDate,
      afterOnDate: applySet(beforeOnDate, set),
      latestBefore: loaded?.latest ?? null,
      latestAfter: advanceLatest(loaded?.latest ?? null, { effectiveDate: intent.effectiveDate, ...END_OF_DAY, set }, later),
    });
  }

  const touched = new Set<string>(intent.newHouseholds);
  for (const p of persons) {
    if (p.latestBefore) touched.add(p.latestBefore.householdId);
    touched.add(p.latestAfter.householdId);
  }
  const planned = new Set(persons.map((p) => p.personId));
  const existing = (await state.members([...touched].filter((id) => !intent.newHouseholds.includes(id)))).filter(
    (m) => !planned.has(m.personId),
  );
  const households = [...touched].map((householdId) => ({
    householdId,
    isNew: intent.newHouseholds.includes(householdId),
    members: [
      ...existing.filter((m) => m.latest.householdId === householdId).map((m) => ({ personId: m.personId, record: m.latest })),
      ...persons
        .filter((p) => p.latestAfter.status === "resident" && p.latestAfter.householdId === householdId)
        .map((p) => ({ personId: p.personId, record: p.latestAfter })),
    ],
  }));
  return { ...intent, changeId: newId(), persons, households };
}
