// 住民記録 API の形 (the resident API as the staff UI reads it): the response and request types
// are taken from the server's own TypeBox schemas (src/modules/resident/api-schemas.ts), so a
// change to the API breaks the build of the screens instead of surprising a clerk.
import type { Static } from "@sinclair/typebox";
import type {
  ChangeCheckSchema,
  ChangeSchema,
  HistoryItemSchema,
  HouseholdSchema,
  MemberSchema,
  MoveInCandidateSchema,
  PersonViewSchema,
  RecordSchema,
  SearchItemSchema,
  SearchResultSchema,
} from "../../../../src/modules/resident/api-schemas.ts";

export type {
  AddressChanged,
  AddressInputType,
  Born,
  ChangeRequest,
  Died,
  ExOfficioCorrection,
  ExOfficioEntry,
  ExOfficioErasure,
  HeadChanged,
  HouseholdMerged,
  HouseholdSplit,
  MovedIn,
  MovedOut,
  NameChanged,
  PersonInputType,
  RelationshipUpdateType,
} from "../../../../src/modules/resident/api-schemas.ts";
export type { ChangeKind } from "../../../../src/modules/resident/change-kind.ts";
export type { Relationship } from "../../../../src/modules/resident/relationship.ts";
export type { PersonField } from "../../../../src/modules/resident/person-record.ts";

export type ResidentRecord = Static<typeof RecordSchema>;
export type PersonView = Static<typeof PersonViewSchema>;
export type HouseholdView = Static<typeof HouseholdSchema>;
export type HouseholdMember = Static<typeof MemberSchema>;
export type HistoryItem = Static<typeof HistoryItemSchema>;
export type RecordedChange = Static<typeof ChangeSchema>;
export type ChangeCheck = Static<typeof ChangeCheckSchema>;
export type SearchItem = Static<typeof SearchItemSchema>;
export type SearchPage = Static<typeof SearchResultSchema>;
export type MoveInCandidate = Static<typeof MoveInCandidateSchema>;

export const CHANGES_PATH = "/api/resident/changes";
export const CHANGE_CHECK_PATH = "/api/resident/changes/check";

export function personPath(personId: string, asOf?: string | null): string {
  const base = `/api/resident/persons/${encodeURIComponent(personId)}`;
  return asOf ? `${base}?asOf=${encodeURIComponent(asOf)}` : base;
}
