// 続柄の指定 (the 続柄 a 異動 gives): 続柄 is relative to the 世帯主, so when the head leaves, dies,
// changes, or members split off or merge in, the clerk says each affected member's new 続柄. A
// member who moves to another household must be given one; the others keep theirs unless changed,
// and only the changes are sent. Whether each household then has exactly one head is the server's
// rule household-has-head (住民基本台帳法 第7条第4号), asked as the clerk types.
import type { Relationship, RelationshipUpdateType } from "./resident-api.ts";
import type { DraftReader } from "./resident-draft-checks.ts";

export type RelationshipChoices = Readonly<Record<string, "" | Relationship>>;

export interface MemberRelationship {
  personId: string;
  relationship: Relationship;
}

/** Everyone's current 続柄, as the form starts. */
export function currentChoices(members: readonly MemberRelationship[]): Record<string, "" | Relationship> {
  return Object.fromEntries(members.map((m) => [m.personId, m.relationship]));
}

export const relationshipKey = (personId: string): string => `relationships/${personId}`;

/**
 * The updates for `members`: every member in `required` must have a 続柄 (an error at their
 * select otherwise) and is sent whatever it is; the others only when it changed.
 */
export function readRelationships(
  r: DraftReader,
  members: readonly MemberRelationship[],
  choices: RelationshipChoices,
  required: ReadonlySet<string> = new Set(),
): RelationshipUpdateType[] {
  const updates: RelationshipUpdateType[] = [];
  for (const m of members) {
    const chosen = choices[m.personId] ?? "";
    if (required.has(m.personId)) {
      if (!chosen) r.fail(relationshipKey(m.personId), "続柄を選んでください");
      else updates.push({ personId: m.personId, relationship: chosen });
    } else if (chosen && chosen !== m.relationship) {
      updates.push({ personId: m.personId, relationship: chosen });
    }
  }
  return updates;
}
