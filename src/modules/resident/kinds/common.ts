// What the kinds share when they turn a request into an intent: finding the persons and
// households it names (404 when the tenant has none), and the 続柄 updates many kinds accept.
import type { Addressees } from "../../../platform/addressee/index.ts";
import type { ChangeRequest, RelationshipUpdateType } from "../api-schemas.ts";
import type { ChangeIntent, PersonIntent } from "../change-plan.ts";
import { RESIDENT_EVENTS } from "../events.ts";
import { residentProblems } from "../problems.ts";
import type { LoadedHousehold, LoadedPerson, RegistryState } from "../registry-state.ts";

export interface KindContext {
  state: RegistryState;
  addressees: Addressees;
}

export type IntentBuilder<R extends ChangeRequest> = (ctx: KindContext, request: R) => Promise<ChangeIntent>;

export function baseIntent(request: ChangeRequest): Omit<ChangeIntent, "persons" | "newHouseholds"> {
  return {
    kind: request.kind,
    effectiveDate: request.effectiveDate,
    notifiedDate: "notifiedDate" in request ? request.notifiedDate : null,
    reason: request.reason?.trim() ?? null,
    lateReason: ("lateReason" in request ? request.lateReason?.trim() : undefined) || null,
  };
}

export async function requirePerson(state: RegistryState, personId: string, field: string): Promise<LoadedPerson> {
  const person = await state.person(personId);
  if (!person) throw residentProblems.personNotFound(field);
  return person;
}

export async function requireHousehold(state: RegistryState, householdId: string, field: string): Promise<LoadedHousehold> {
  const household = await state.household(householdId);
  if (!household) throw residentProblems.householdNotFound(field);
  return household;
}

export async function requireMembers(state: RegistryState, householdId: string, field: string): Promise<LoadedPerson[]> {
  await requireHousehold(state, householdId, field);
  const members = await state.members([householdId]);
  if (members.length === 0) throw residentProblems.householdWithoutMembers(field);
  return members;
}

/**
 * 続柄 updates for members of the households concerned (`allowed`), as intents of their own:
 * the other members whose relationship to the head changes with this 異動.
 */
export function relationshipIntents(
  updates: readonly RelationshipUpdateType[] | undefined,
  allowed: readonly LoadedPerson[],
  skip: ReadonlySet<string> = new Set(),
): PersonIntent[] {
  const out: PersonIntent[] = [];
  (updates ?? []).forEach((u, i) => {
    const field = `body/relationships/${i}`;
    if (skip.has(u.personId)) return;
    if (!allowed.some((m) => m.personId === u.personId)) throw residentProblems.notAHouseholdMember(field);
    out.push({ personId: u.personId, isNew: false, field, set: { relationship: u.relationship }, event: RESIDENT_EVENTS.householdChanged });
  });
  return out;
}

/** The 続柄 given for a person in `updates`, if any. */
export function relationshipOf(updates: readonly RelationshipUpdateType[] | undefined, personId: string) {
  return updates?.find((u) => u.personId === personId)?.relationship;
}
