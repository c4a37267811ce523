// 記載事項の権限 (who may print which item): the items of the 住民票 that a certificate prints
// only on request, and the role of the module `resident` each needs.
//
// 住民基本台帳法 第12条第5項: unless specially requested, the mayor may omit from a 住民票の写し the
// 世帯主・続柄 (第7条第4号), the 本籍・筆頭者 (第5号), the 個人番号 (第8号の2) and the 住民票コード
// (第13号). Printing the first two is ordinary certificate work (証明 issue). The 個人番号 is 特定個人
// 情報 (番号利用法 第2条第8項): printing it is a reveal, allowed to the role that may reveal it
// elsewhere in this module (管理 admin, routes.ts GET /api/resident/persons/:id/my-number) and
// audited as a reveal (disclosure.ts). 前住所 (第7条第8号) is not in the 第12条第5項 list but is
// offered as an item too; it needs the issuing role. The 住民票コード is not 特定個人情報: printing
// it on request is counter work (証明 issue), each printed code audited like a reveal
// (disclosure.ts) because 第30条の37・38 restrict who may ask for it and what it may be used for.
import type { Role } from "../../../platform/contract.ts";
import { hasRole } from "../../../platform/identity/principal.ts";
import { RESIDENT_MODULE_ID } from "../service.ts";
import { certificateProblems } from "./certificate-problems.ts";
import type { IssuingStaffMember } from "./issuing-staff.ts";

export type GuardedItem = "relationship" | "domicile" | "previousAddress" | "myNumber" | "residentCode";

export const ITEM_ROLES: Record<GuardedItem, Role> = {
  relationship: "issue",
  domicile: "issue",
  previousAddress: "issue",
  myNumber: "admin",
  residentCode: "issue",
};

export interface RequestedItem {
  item: GuardedItem;
  /** The request field that asked for it, e.g. `body/options/showMyNumber`. */
  field: string;
}

/** Refuses (403, naming every field) when any requested item needs a role the staff member lacks. */
export function requirePermittedItems(staff: Pick<IssuingStaffMember, "roles">, requested: readonly RequestedItem[]): void {
  const refused = requested
    .filter((r) => !hasRole(staff.roles[RESIDENT_MODULE_ID], ITEM_ROLES[r.item]))
    .map((r) => ({ field: r.field, role: `${RESIDENT_MODULE_ID}:${ITEM_ROLES[r.item]}` }));
  if (refused.length > 0) throw certificateProblems.itemNotPermitted(refused);
}
