// 転出 (moved-out), 死亡 (died) and 職権消除 (ex-officio-erasure): persons leave the registry and
// their records become 除票, kept and searchable. The 異動日 of a 転出 is the (planned) day of the
// move: notified on or before it, the record shows it as 転出予定 (住民基本台帳法 第24条).
// When the 世帯主 leaves and others stay, the remaining household needs a new 世帯主: the same
// request names them in `relationships` (the rule household-needs-new-head asks for it), and the
// service records their new 続柄 as a 世帯主変更 of its own in the same transaction (第25条). When
// one member remains, they become 世帯主 by themselves: no 世帯主変更届 is needed then (第25条
// 「政令で定める者を除く」 — towns: 「残された世帯員が1人の場合は届出不要」), so the change makes
// them head unless the request says otherwise.
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
  const staying = relationshipIntents(request.relationships, stay);
  // Households the 世帯主 leaves while others stay: their new 続柄 are the 世帯主変更.
  const headless = new Set(
    households.filter((h) => leavers.some((l) => l.latest.householdId === h && l.latest.relationship === "head") && stay.some((m) => m.latest.householdId === h)),
  );
  // One member remaining in every such household: no 世帯主変更届 is due (no 届出期間 runs).
  let automatic = true;
  for (const h of headless) {
    const remaining = stay.filter((m) => m.latest.householdId === h);
    if (remaining.length > 1) automatic = false;
    else if (!staying.some((i) => i.personId === remaining[0]!.personId)) {
      staying.push({ personId: remaining[0]!.personId, isNew: false, field: "body/relationships", set: { relationship: "head" }, event: RESIDENT_EVENTS.householdChanged });
    }
  }
  for (const i of staying) {
    const member = stay.find((m) => m.personId === i.personId)!;
    if (headless.has(member.latest.householdId)) i.inHeadChange = true;
  }
  persons.push(...staying);
  const headChange = staying.some((i) => i.inHeadChange) ? { automatic } : null;
  return { ...baseIntent(request), persons, newHouseholds: [], headChange };
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
