// 転入 (moved-in), 職権記載 (ex-officio-entry) and 出生 (born): a person comes onto the registry,
// into a new household or an existing one. A person the clerk identified as a known 住登外者
// (`addresseeNumber`, from the move-in candidates) keeps that 宛名番号; a former resident keeps
// their record too, and the new entry reopens it.
import type { Born, ExOfficioEntry, MovedIn, PersonInputType } from "../api-schemas.ts";
import { newId, type ChangeIntent, type PersonIntent } from "../change-plan.ts";
import { RESIDENT_EVENTS } from "../events.ts";
import { addressFields, cleanMyNumber, identityFields, previousAddressFields } from "../inputs.ts";
import type { FieldSet } from "../person-record.ts";
import { residentProblems } from "../problems.ts";
import { baseIntent, relationshipIntents, requireMembers, type IntentBuilder, type KindContext } from "./common.ts";

/** Everything a registration resets: the person is a resident again, with no removal pending. */
const ON_THE_REGISTRY: FieldSet = {
  status: "resident",
  removalReason: null,
  removalDate: null,
  plannedMoveOutDate: null,
  destinationPostalCode: null,
  destinationAddress: null,
  destinationAddressLine2: null,
};

async function registrant(
  ctx: KindContext,
  input: PersonInputType,
  field: string,
  set: FieldSet,
  event: PersonIntent["event"],
): Promise<PersonIntent> {
  const myNumber = cleanMyNumber(input.myNumber);
  const withNumber: FieldSet = myNumber !== undefined ? { ...set, hasMyNumber: true } : set;
  if (input.addresseeNumber === undefined) {
    return { personId: newId(), isNew: true, field, set: { ...withNumber, hasMyNumber: myNumber !== undefined }, myNumber, event };
  }
  const survivor = await ctx.addressees.resolve(ctx.state.tx, input.addresseeNumber);
  if (survivor === null) throw residentProblems.addresseeNotFound(`${field}/addresseeNumber`);
  const known = await ctx.state.personByAddressee(survivor);
  if (known) return { personId: known.personId, isNew: false, field, set: withNumber, myNumber, event };
  return {
    personId: newId(),
    isNew: true,
    confirmedAddresseeNumber: survivor,
    field,
    set: { ...withNumber, hasMyNumber: myNumber !== undefined },
    myNumber,
    event,
  };
}

async function entering(ctx: KindContext, request: MovedIn | ExOfficioEntry): Promise<ChangeIntent> {
  const { state } = ctx;
  const newHouseholds: string[] = [];
  let householdId = request.householdId;
  const members = householdId ? await requireMembers(state, householdId, "body/householdId") : [];
  if (householdId === undefined) {
    householdId = newId();
    newHouseholds.push(householdId);
  }
  const becameResidentDate = (request.kind === "ex-officio-entry" ? request.becameResidentDate : undefined) ?? request.effectiveDate;
  const common: FieldSet = {
    ...ON_THE_REGISTRY,
    householdId,
    ...addressFields(request.address),
    addressSinceDate: request.effectiveDate,
    becameResidentDate,
    ...previousAddressFields(request.previousAddress),
  };
  const persons: PersonIntent[] = [];
  for (const [i, input] of request.persons.entries()) {
    persons.push(await registrant(ctx, input, `body/persons/${i}`, { ...identityFields(input), ...common }, RESIDENT_EVENTS.movedIn));
  }
  persons.push(...relationshipIntents(request.relationships, members));
  return { ...baseIntent(request), persons, newHouseholds };
}

export const movedIn: IntentBuilder<MovedIn> = entering;
export const exOfficioEntry: IntentBuilder<ExOfficioEntry> = entering;

/** 出生: the child joins an existing household, at its address, from the day of birth. */
export const born: IntentBuilder<Born> = async (ctx, request) => {
  const members = await requireMembers(ctx.state, request.householdId, "body/householdId");
  const home = members[0]!.latest;
  const set: FieldSet = {
    ...identityFields(request.person),
    ...ON_THE_REGISTRY,
    householdId: request.householdId,
    postalCode: home.postalCode,
    address: home.address,
    addressLine2: home.addressLine2,
    addressSinceDate: request.effectiveDate,
    becameResidentDate: request.effectiveDate,
    ...previousAddressFields(undefined),
  };
  const child = await registrant(ctx, request.person, "body/person", set, RESIDENT_EVENTS.born);
  return { ...baseIntent(request), persons: [child], newHouseholds: [] };
};
