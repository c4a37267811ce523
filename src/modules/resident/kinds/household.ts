// 転居 (address-changed), 世帯分離 (household-split), 世帯合併 (household-merged) and 世帯主変更
// (head-changed): changes to where a household lives and who belongs to it as whom. 続柄 is
// relative to the head, so the clerk gives every changed 続柄 (`relationships`); the rules then
// check each household ends with exactly one head and one address.
import type { AddressChanged, HeadChanged, HouseholdMerged, HouseholdSplit } from "../api-schemas.ts";
import { newId, type PersonIntent } from "../change-plan.ts";
import { RESIDENT_EVENTS } from "../events.ts";
import { addressFields } from "../inputs.ts";
import { residentProblems } from "../problems.ts";
import { baseIntent, relationshipIntents, relationshipOf, requireMembers, type IntentBuilder } from "./common.ts";

/** 転居: the whole household moves within the municipality; the old address becomes 前住所. */
export const addressChanged: IntentBuilder<AddressChanged> = async (ctx, request) => {
  const members = await requireMembers(ctx.state, request.householdId, "body/householdId");
  const address = addressFields(request.address);
  const persons: PersonIntent[] = members.map((m) => ({
    personId: m.personId,
    isNew: false,
    field: "body/householdId",
    set: {
      ...address,
      addressSinceDate: request.effectiveDate,
      previousPostalCode: m.latest.postalCode,
      previousAddress: m.latest.address,
      previousAddressLine2: m.latest.addressLine2,
    },
    event: RESIDENT_EVENTS.addressChanged,
  }));
  return { ...baseIntent(request), persons, newHouseholds: [] };
};

/** 世帯分離: the named members form a new household at the same address. */
export const householdSplit: IntentBuilder<HouseholdSplit> = async (ctx, request) => {
  const members = await requireMembers(ctx.state, request.householdId, "body/householdId");
  const leaving = new Set(request.personIds);
  request.personIds.forEach((id, i) => {
    if (!members.some((m) => m.personId === id)) throw residentProblems.notAHouseholdMember(`body/personIds/${i}`);
  });
  if (members.every((m) => leaving.has(m.personId))) throw residentProblems.splitLeavesNoOne("body/personIds");
  const newHousehold = newId();
  const persons: PersonIntent[] = request.personIds.map((personId, i) => {
    const relationship = relationshipOf(request.relationships, personId);
    if (relationship === undefined) throw residentProblems.relationshipRequired(`body/personIds/${i}`);
    return { personId, isNew: false, field: `body/personIds/${i}`, set: { householdId: newHousehold, relationship }, event: RESIDENT_EVENTS.householdChanged };
  });
  persons.push(...relationshipIntents(request.relationships, members.filter((m) => !leaving.has(m.personId)), leaving));
  return { ...baseIntent(request), persons, newHouseholds: [newHousehold] };
};

/** 世帯合併: every member of householdId joins intoHouseholdId (at the same address). */
export const householdMerged: IntentBuilder<HouseholdMerged> = async (ctx, request) => {
  if (request.householdId === request.intoHouseholdId) throw residentProblems.sameHousehold("body/intoHouseholdId");
  const joining = await requireMembers(ctx.state, request.householdId, "body/householdId");
  const receiving = await requireMembers(ctx.state, request.intoHouseholdId, "body/intoHouseholdId");
  const persons: PersonIntent[] = joining.map((m) => {
    const relationship = relationshipOf(request.relationships, m.personId);
    if (relationship === undefined) throw residentProblems.relationshipRequired("body/relationships");
    return {
      personId: m.personId,
      isNew: false,
      field: "body/householdId",
      set: { householdId: request.intoHouseholdId, relationship },
      event: RESIDENT_EVENTS.householdChanged,
    };
  });
  persons.push(...relationshipIntents(request.relationships, receiving, new Set(joining.map((m) => m.personId))));
  return { ...baseIntent(request), persons, newHouseholds: [] };
};

/** 世帯主変更: a new head, and the 続柄 of the others relative to them. */
export const headChanged: IntentBuilder<HeadChanged> = async (ctx, request) => {
  const members = await requireMembers(ctx.state, request.householdId, "body/householdId");
  return { ...baseIntent(request), persons: relationshipIntents(request.relationships, members), newHouseholds: [] };
};
