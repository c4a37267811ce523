// 職務分掌 (separation of duties) when roles are granted or revoked (ADR 0020). Each rule is a
// small function; grantRefusals runs them all and returns every refusal, one per module.
//  - moduleAdminGrants: a module's roles are granted and revoked by a holder of that module's
//    管理. 共通基盤:管理 lets an account manage accounts, not every business.
//  - protectionOnPurpose: 支援措置 roles only by a 支援措置 管理 holder, named in the request
//    itself; never by onboarding's "every module" nor by re-enabling an account.
//  - noSelfElevation: nobody adds to their own account a role they do not already hold.
import { PROTECTION_ROLE_MODULE, type Role } from "../contract.ts";
import { hasRole } from "./principal.ts";

export type Roles = Readonly<Record<string, readonly Role[]>>;

export type GrantRefusalCode = "module-admin-required" | "protection-admin-required" | "self-elevation";

export interface GrantRefusal {
  module: string;
  code: GrantRefusalCode;
}

export interface GrantRequest {
  /** The roles of whoever asks. */
  granter: Roles;
  /** Whether the account changed is the granter's own. */
  isSelf: boolean;
  /** The account's roles before and after. */
  before: Roles;
  after: Roles;
}

/** The modules whose roles differ between before and after. */
export function changedModules(before: Roles, after: Roles): string[] {
  const modules = new Set([...Object.keys(before), ...Object.keys(after)]);
  const same = (m: string) => {
    const a = new Set(before[m] ?? []);
    const b = new Set(after[m] ?? []);
    return a.size === b.size && [...a].every((r) => b.has(r));
  };
  return [...modules].filter((m) => !same(m)).sort();
}

/** What changed, for the audit entry: the roles added and removed per module. */
export function roleChanges(before: Roles, after: Roles): { granted: Record<string, Role[]>; revoked: Record<string, Role[]> } {
  const granted: Record<string, Role[]> = {};
  const revoked: Record<string, Role[]> = {};
  for (const m of changedModules(before, after)) {
    const added = (after[m] ?? []).filter((r) => !(before[m] ?? []).includes(r));
    const removed = (before[m] ?? []).filter((r) => !(after[m] ?? []).includes(r));
    if (added.length) granted[m] = [...new Set(added)].sort();
    if (removed.length) revoked[m] = [...new Set(removed)].sort();
  }
  return { granted, revoked };
}

function moduleAdminGrants(req: GrantRequest, module: string): GrantRefusal | null {
  if (module === PROTECTION_ROLE_MODULE) return null;
  return hasRole(req.granter[module], "admin") ? null : { module, code: "module-admin-required" };
}

function protectionOnPurpose(req: GrantRequest, module: string): GrantRefusal | null {
  if (module !== PROTECTION_ROLE_MODULE) return null;
  return hasRole(req.granter[PROTECTION_ROLE_MODULE], "admin") ? null : { module, code: "protection-admin-required" };
}

function noSelfElevation(req: GrantRequest, module: string): GrantRefusal | null {
  if (!req.isSelf) return null;
  const added = (req.after[module] ?? []).filter((r) => !(req.before[module] ?? []).includes(r));
  return added.some((r) => !hasRole(req.granter[module], r)) ? { module, code: "self-elevation" } : null;
}

const RULES = [noSelfElevation, protectionOnPurpose, moduleAdminGrants];

/** Every refusal of the change, at most one per module (the first rule that refuses); none when allowed. */
export function grantRefusals(req: GrantRequest): GrantRefusal[] {
  const refusals: GrantRefusal[] = [];
  for (const module of changedModules(req.before, req.after)) {
    for (const rule of RULES) {
      const refusal = rule(req, module);
      if (refusal) {
        refusals.push(refusal);
        break;
      }
    }
  }
  return refusals;
}

/** The roles of a municipality's first administrator: 共通基盤 and every business, 支援措置 never. */
export function firstAdministratorRoles(modules: readonly string[]): Record<string, Role[]> {
  return Object.fromEntries(modules.filter((m) => m !== PROTECTION_ROLE_MODULE).map((m) => [m, ["admin"] as Role[]]));
}

export const GRANT_REFUSAL_MESSAGES: Record<GrantRefusalCode, { en: string; ja: string }> = {
  "module-admin-required": { en: "granting this module's roles needs its 管理 role", ja: "この業務の権限を変更するには、その業務の管理権限が必要です" },
  "protection-admin-required": { en: "支援措置 roles are granted only by a 支援措置 管理 holder", ja: "支援措置の権限は支援措置の管理権限を持つ職員だけが変更できます" },
  "self-elevation": { en: "an account cannot give itself a role it does not hold", ja: "自分が持っていない権限を自分に付与することはできません" },
};
