// 支援措置 API の形 (the protection API as the staff screens read it), written out from the
// server's TypeBox schemas in src/platform/protection/routes.ts, which are not exported.
import type { MeasureKind } from "./protection-measure-draft.ts";

export interface MeasureView {
  measureId: string;
  version: number;
  change: string;
  kind: MeasureKind;
  applicantNumber: string;
  protectedNumbers: string[];
  adversaries: { addresseeNumber: string | null; nameKana: string | null; birthDate: string | null; relation: string | null }[];
  businesses: string[] | null;
  acceptedOn: string;
  startsOn: string;
  endsOn: string;
  endedOn: string | null;
  status: string;
  renewalOpensOn: string;
  reason: string;
  recordedBy: string;
  recordedAt: string;
}

export interface MeasureList {
  items: MeasureView[];
  /** The protected persons' names by 宛名番号. */
  names: Record<string, string>;
}

export interface MeasureDetail {
  current: MeasureView;
  versions: MeasureView[];
  names: Record<string, string>;
}

export interface ExpiryNotice {
  measureId: string;
  kind: string;
  endsOn: string;
  noticedAt: string;
}

export interface ReleaseView {
  releaseId: string;
  subjectNumber: string;
  /** The protected person's name (null for a number no longer in the register). */
  subjectName: string | null;
  requestedByName: string | null;
  decidedByName: string | null;
  certificateKind: string;
  requesterKind: string;
  requesterNote: string;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  expiresAt: string;
  state: string;
  decision: { approved: boolean; decidedBy: string; decidedAt: string; note: string } | null;
  use: { usedBy: string; usedAt: string; serial: string } | null;
}

export const MEASURES_PATH = "/api/protection/measures";
export const RELEASES_PATH = "/api/protection/releases";

export const measurePath = (id: string, action?: "renew" | "change" | "end") =>
  `${MEASURES_PATH}/${encodeURIComponent(id)}${action ? `/${action}` : ""}`;
export const releasePath = (id: string) => `${RELEASES_PATH}/${encodeURIComponent(id)}`;
