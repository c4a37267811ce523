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

/** How the household that stays gets its 世帯主 (住民基本台帳法 第25条). */
export type HeadSuccession =
  /** The 世帯主 stays, or nobody does: nothing to choose. */
  | { kind: "none" }
  /** One member remains: they become 世帯主 without a 世帯主変更届 (the server records it). */
  | { kind: "automatic"; personId: string }
  /** Two or more remain: the clerk chooses the new 世帯主 among them in the same step. */
  | { kind: "choose"; candidates: MemberRelationship[] };

export function headSuccession(draft: Pick<RemovalDraft, "personIds">, members: readonly MemberRelationship[]): HeadSuccession {
  const head = members.find((m) => m.relationship === "head");
  const stay = staying(draft, members);
  if (!head || !draft.personIds.includes(head.personId) || stay.length === 0) return { kind: "none" };
  return stay.length === 1 ? { kind: "automatic", personId: stay[0]!.personId } : { kind: "choose", candidates: stay };
}

/** The chosen new 世帯主 among those who stay, if any. */
export function chosenHead(draft: RemovalDraft, members: readonly MemberRelationship[]): string {
  return staying(draft, members).find((m) => draft.relationships[m.personId] === "head")?.personId ?? "";
}

/** Makes `personId` the new 世帯主: anyone else who stays and was set to 世帯主 gets their 続柄 back. */
export function chooseHead(draft: RemovalDraft, members: readonly MemberRelationship[], personId: string): RelationshipChoices {
  const next: Record<string, "" | MemberRelationship["relationship"]> = { ...draft.relationships };
  for (const m of staying(draft, members)) {
    if (m.personId === personId) next[m.personId] = "head";
    else if (next[m.personId] === "head") next[m.personId] = m.relationship === "head" ? "" : m.relationship;
  }
  return next;
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
  const succession = headSuccession(draft, members);
  // One member remaining becomes 世帯主 by the server (no 世帯主変更届): their 続柄 is not sent.
  const relating = succession.kind === "automatic" ? [] : staying(draft, members);
  // No new 世帯主 chosen yet: the server's rule household-needs-new-head says so at the choice.
  const updates = readRelationships(r, relating, draft.relationships);
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
