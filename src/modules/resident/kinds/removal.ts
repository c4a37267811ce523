// 転出 (moved-out), 死亡 (died) and 職権消除 (ex-officio-erasure): persons leave the registry and
// their records become 除票, kept and searchable. The 異動日 of a 転出 is the (planned) day of the
// move: notified on or before it, the record shows it as 転出予定 (住民基本台帳法 第24条). When
// the 世帯主 leaves and others stay, the same change names the new head in `relationships`
// (the rule household-has-head refuses it otherwise).
import type { Died, ExOfficioErasure, MovedOut } from "../api-schemas.ts";
import type { PersonIntent } from "../change-plan.ts";
import { RESIDENT_EVENTS } from "../events.ts";
import { destinationFields } from "../inputs.ts";
import type { FieldSet, RemovalReason } from "../person-record.ts";
import type { LoadedPerson } from "../registry-state.ts";
import { baseIntent, relationshipIntents, requirePerson, type IntentBuilder, type KindContext } from "./common.ts";

async function leaving(
  ctx: KindContext,
  request: MovedOut | Died | ExOfficioErasure,
  personIds: { personId: string; field: string }[],
  reason: RemovalReason,
  extra: FieldSet,
  event: PersonIntent["event"],
) {
  const leavers: LoadedPerson[] = [];
  for (const { personId, field } of personIds) leavers.push(await requirePerson(ctx.state, personId, field));
  const persons: PersonIntent[] = leavers.map((p, i) => ({
    personId: p.personId,
    isNew: false,
    field: personIds[i]!.field,
    set: { status: "removed", removalReason: reason, removalDate: request.effectiveDate, ...extra },
    event,
  }));
  const households = [...new Set(leavers.map((p) => p.latest.householdId))];
  const stay = (await ctx.state.members(households)).filter((m) => !leavers.some((l) => l.personId === m.personId));
  persons.push(...relationshipIntents(request.relationships, stay));
  return { ...baseIntent(request), persons, newHouseholds: [] };
}

export const movedOut: IntentBuilder<MovedOut> = (ctx, request) => {
  const notifiedAhead = request.notifiedDate <= request.effectiveDate;
  return leaving(
    ctx,
    request,
    request.personIds.map((personId, i) => ({ personId, field: `body/personIds/${i}` })),
    "moved-out",
    { plannedMoveOutDate: notifiedAhead ? request.effectiveDate : null, ...destinationFields(request.destination) },
    RESIDENT_EVENTS.movedOut,
  );
};

export const died: IntentBuilder<Died> = (ctx, request) =>
  leaving(ctx, request, [{ personId: request.personId, field: "body/personId" }], "died", {}, RESIDENT_EVENTS.died);

export const exOfficioErasure: IntentBuilder<ExOfficioErasure> = (ctx, request) =>
  leaving(
    ctx,
    request,
    request.personIds.map((personId, i) => ({ personId, field: `body/personIds/${i}` })),
    "erased",
    {},
    RESIDENT_EVENTS.movedOut,
  );
