// 転居・世帯分離・世帯合併・世帯主変更の入力 (the forms that change where a household lives or who
// belongs to it as whom). A 転居 moves the whole household within the municipality; a 世帯分離
// takes chosen members into a new household at the same address; a 世帯合併 brings every member
// into another household, found by its 世帯番号; a 世帯主変更 names a new head. 続柄 follow the head
// (resident-relationship-draft.ts).
import type { AddressChanged, HeadChanged, HouseholdMerged, HouseholdSplit } from "./resident-api.ts";
import { emptyDates, NOTIFIED_KEYS, readNotified, type ChangeDatesDraft } from "./resident-change-dates.ts";
import { addressKeys, DraftReader, EMPTY_ADDRESS, readAddress, type AddressDraft } from "./resident-draft-checks.ts";
import type { DraftCheck } from "./resident-form-errors.ts";
import { currentChoices, readRelationships, relationshipKey, type MemberRelationship, type RelationshipChoices } from "./resident-relationship-draft.ts";

export interface AddressChangeDraft extends ChangeDatesDraft {
  address: AddressDraft;
}

export function emptyAddressChange(today?: string): AddressChangeDraft {
  return { ...emptyDates(today), address: EMPTY_ADDRESS };
}

export const ADDRESS_CHANGE_KEYS = [...NOTIFIED_KEYS, ...addressKeys("address"), "householdId"];

export function checkAddressChange(draft: AddressChangeDraft, householdId: string): DraftCheck<AddressChanged> {
  const r = new DraftReader();
  const dates = readNotified(r, draft, "転居日");
  const address = readAddress(r, "address", draft.address, "新住所");
  if (!r.ok) return { ok: false, errors: r.errors };
  return { ok: true, body: { kind: "address-changed", ...dates!, householdId, address: address! } };
}

/** 世帯分離 and 世帯主変更: choices over the members of the household shown. */
export interface MembersDraft extends ChangeDatesDraft {
  /** 世帯分離: the members who form the new household. */
  personIds: string[];
  relationships: RelationshipChoices;
}

export function emptyMembersDraft(members: readonly MemberRelationship[], today?: string): MembersDraft {
  return { ...emptyDates(today), personIds: [], relationships: currentChoices(members) };
}

export function memberKeys(members: readonly MemberRelationship[]): string[] {
  return [...NOTIFIED_KEYS, "personIds", "householdId", "relationships", ...members.map((m) => relationshipKey(m.personId))];
}

/** Those leaving must each be given their 続柄 in the new household; those staying only when it changes. */
export function checkSplit(draft: MembersDraft, householdId: string, members: readonly MemberRelationship[]): DraftCheck<HouseholdSplit> {
  const r = new DraftReader();
  const dates = readNotified(r, draft, "分離日");
  if (draft.personIds.length === 0) r.fail("personIds", "新しい世帯に移る世帯員を選んでください");
  else if (draft.personIds.length >= members.length) r.fail("personIds", "元の世帯に1人以上残る必要があります");
  const updates = readRelationships(r, members, draft.relationships, new Set(draft.personIds));
  if (!r.ok) return { ok: false, errors: r.errors };
  return { ok: true, body: { kind: "household-split", ...dates!, householdId, personIds: draft.personIds, relationships: updates } };
}

export function checkHeadChange(draft: MembersDraft, householdId: string, members: readonly MemberRelationship[]): DraftCheck<HeadChanged> {
  const r = new DraftReader();
  const dates = readNotified(r, draft, "変更日");
  const updates = readRelationships(r, members, draft.relationships);
  if (updates.length === 0) r.fail("relationships", "新しい世帯主と、変わる続柄を選んでください");
  if (!r.ok) return { ok: false, errors: r.errors };
  return { ok: true, body: { kind: "head-changed", ...dates!, householdId, relationships: updates } };
}

/** The household a 世帯合併 joins, looked up by its 世帯番号. */
export interface ReceivingHousehold {
  householdId: string;
  householdNumber: string;
  members: (MemberRelationship & { name: string })[];
}

export interface MergeDraft extends ChangeDatesDraft {
  into: ReceivingHousehold | null;
  relationships: RelationshipChoices;
}

export function emptyMerge(today?: string): MergeDraft {
  return { ...emptyDates(today), into: null, relationships: {} };
}

export function mergeKeys(joining: readonly MemberRelationship[], into: ReceivingHousehold | null): string[] {
  return [
    ...NOTIFIED_KEYS,
    "intoHouseholdId",
    "householdId",
    "relationships",
    ...joining.map((m) => relationshipKey(m.personId)),
    ...(into?.members ?? []).map((m) => relationshipKey(m.personId)),
  ];
}

/** Everyone joining needs a 続柄 in the receiving household; its members' only when they change. */
export function checkMerge(draft: MergeDraft, householdId: string, joining: readonly MemberRelationship[]): DraftCheck<HouseholdMerged> {
  const r = new DraftReader();
  const dates = readNotified(r, draft, "合併日");
  if (draft.into === null) r.fail("intoHouseholdId", "合併先の世帯を世帯番号で指定してください");
  else if (draft.into.householdId === householdId) r.fail("intoHouseholdId", "同じ世帯には合併できません");
  const joiningUpdates = readRelationships(r, joining, draft.relationships, new Set(joining.map((m) => m.personId)));
  const receivingUpdates = readRelationships(r, draft.into?.members ?? [], draft.relationships);
  if (!r.ok) return { ok: false, errors: r.errors };
  return {
    ok: true,
    body: {
      kind: "household-merged",
      ...dates!,
      householdId,
      intoHouseholdId: draft.into!.householdId,
      relationships: [...joiningUpdates, ...receivingUpdates],
    },
  };
}
