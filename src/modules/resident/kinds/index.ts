// The table of 異動 kinds → the function that turns a request of that kind into an intent.
import type { ChangeRequest } from "../api-schemas.ts";
import type { ChangeKind } from "../change-kind.ts";
import type { ChangeIntent } from "../change-plan.ts";
import type { IntentBuilder, KindContext } from "./common.ts";
import { addressChanged, headChanged, householdMerged, householdSplit } from "./household.ts";
import { exOfficioCorrection, nameChanged } from "./person-change.ts";
import { born, exOfficioEntry, movedIn } from "./registration.ts";
import { died, exOfficioErasure, movedOut } from "./removal.ts";

type Builders = { [K in ChangeKind]: IntentBuilder<Extract<ChangeRequest, { kind: K }>> };

const BUILDERS: Builders = {
  "moved-in": movedIn,
  "moved-out": movedOut,
  "address-changed": addressChanged,
  born,
  died,
  "household-split": householdSplit,
  "household-merged": householdMerged,
  "head-changed": headChanged,
  "name-changed": nameChanged,
  "ex-officio-entry": exOfficioEntry,
  "ex-officio-correction": exOfficioCorrection,
  "ex-officio-erasure": exOfficioErasure,
};

export function buildIntent(ctx: KindContext, request: ChangeRequest): Promise<ChangeIntent> {
  return (BUILDERS[request.kind] as IntentBuilder<ChangeRequest>)(ctx, request);
}

export type { KindContext } from "./common.ts";
