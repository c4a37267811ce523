// 住民記録の画面のアドレス (where each counter screen lives): search, the forms that register new
// persons (転入, 職権記載), and the screens of one person — details, a 異動 of a given kind,
// certificates — addressed by the person's id so a reload or a bookmark opens the same record.
import type { ChangeKind } from "./resident-api.ts";
import { pathOf } from "../../screen-paths.ts";

export const RESIDENT_PATHS = {
  search: "/residents",
  moveIn: "/residents/move-in",
  exOfficioEntry: "/residents/ex-officio-entry",
  detail: "/residents/:id",
  change: "/residents/:id/changes/:kind",
  certificate: "/residents/:id/certificate",
} as const;

export const residentPath = (personId: string): string => pathOf(RESIDENT_PATHS.detail, { id: personId });

export const changePath = (personId: string, kind: ChangeKind): string => pathOf(RESIDENT_PATHS.change, { id: personId, kind });

export const certificatePath = (personId: string): string => pathOf(RESIDENT_PATHS.certificate, { id: personId });

/** 転入 into an existing household: the form opens with the 世帯番号 filled in. */
export const moveInto = (householdNumber: string): string => `${RESIDENT_PATHS.moveIn}?household=${encodeURIComponent(householdNumber)}`;

/** The person ids the 住民記録 uses are UUIDs. */
export function isPersonId(text: string): boolean {
  return /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(text);
}
