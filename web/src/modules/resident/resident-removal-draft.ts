// 転出届・死亡届・職権消除の入力 (the forms that take persons off the registry): who leaves —
// for a 転出 or 職権消除 the person shown and any members of the household with them, for a 死亡
// the person alone — the day (a 転出 may be notified ahead: 転出予定, 住民基本台帳法 第24条), the
// 転出先, and the new 続柄 of those who stay when the 世帯主 is among the leavers.
import type { Died, ExOfficioErasure, MovedOut } from "./resident-api.ts";
import { emptyDates, EX_OFFICIO_KEYS, NOTIFIED_KEYS, readExOfficio, readNotified, type ChangeDatesDraft } from "./resident-change-dates.ts";
import { addressKeys, DraftReader, EMPTY_ADDRESS, readAddress, type AddressDraft } from "./resident-draft-checks.ts";
import type { DraftCheck } from "./resident-form-errors.ts";
import { currentChoices, readRelationships, relationshipKey, type MemberRelationship, type RelationshipChoices } from "./resident-relationship-draft.ts";

export type RemovalKind = "moved-out" | "died" | "ex-officio-erasure";

export interface RemovalDraft extends ChangeDatesDraft {
  kind: RemovalKind;
  personIds: string[];
  destination: AddressDraft;
  relationships: RelationshipChoices;
}

/** What the 異動日 is called on each form. */
export const REMOVAL_DATE_LABELS: Record<RemovalKind, string> = {
  "moved-out": "転出日（予定日）",
  died: "死亡日",
  "ex-officio-erasure": "異動日",
};

export function emptyRemoval(kind: RemovalKind, subjectId: string, members: readonly MemberRelationship[], today?: string): RemovalDraft {
  return { kind, ...emptyDates(today), personIds: [subjectId], destination: EMPTY_ADDRESS, relationships: currentChoices(members) };
}

export function staying(draft: Pick<RemovalDraft, "personIds">, members: readonly MemberRelationship[]): MemberRelationship[] {
  return members.filter((m) => !draft.personIds.includes(m.personId));
}

export function removalKeys(draft: RemovalDraft, members: readonly MemberRelationship[]): string[] {
  return [
    ...(draft.kind === "ex-officio-erasure" ? EX_OFFICIO_KEYS : NOTIFIED_KEYS),
    "personIds",
    "personId",
    ...(draft.kind === "moved-out" ? addressKeys("destination") : []),
    "relationships",
    ...staying(draft, members).map((m) => relationshipKey(m.personId)),
  ];
}

export function checkRemoval(draft: RemovalDraft, members: readonly MemberRelationship[]): DraftCheck<MovedOut | Died | ExOfficioErasure> {
  const r = new DraftReader();
  const notified = draft.kind === "ex-officio-erasure" ? null : readNotified(r, draft, REMOVAL_DATE_LABELS[draft.kind]);
  const exOfficio = draft.kind === "ex-officio-erasure" ? readExOfficio(r, draft, "職権で消除する理由") : null;
  if (draft.personIds.length === 0) r.fail("personIds", "対象者を選んでください");
  const destination = draft.kind === "moved-out" ? readAddress(r, "destination", draft.destination, "転出先") : null;
  const updates = readRelationships(r, staying(draft, members), draft.relationships);
  if (!r.ok) return { ok: false, errors: r.errors };
  const relationships = updates.length ? { relationships: updates } : {};
  switch (draft.kind) {
    case "moved-out":
      return { ok: true, body: { kind: "moved-out", ...notified!, personIds: draft.personIds, destination: destination!, ...relationships } };
    case "died":
      return { ok: true, body: { kind: "died", ...notified!, personId: draft.personIds[0]!, ...relationships } };
    case "ex-officio-erasure":
      return { ok: true, body: { kind: "ex-officio-erasure", ...exOfficio!, personIds: draft.personIds, ...relationships } };
  }
}
