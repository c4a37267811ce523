// 権限 (roles) in Japanese: 閲覧/更新/証明/管理 per business module, "platform" being 共通基盤.
import { ROLE_NAMES_JA, ROLES, PLATFORM_ROLE_MODULE, type Role } from "../../../../src/platform/contract.ts";

/**
 * Japanese names of the modules named in the architecture (業務アプリケーション). A module not
 * listed here is shown by its id, so a new module is never hidden.
 */
const MODULE_NAMES_JA: Record<string, string> = {
  [PLATFORM_ROLE_MODULE]: "共通基盤",
  addressee: "宛名",
  resident: "住民記録",
  protection: "支援措置",
  seal: "印鑑登録",
  tax: "税",
  nhi: "国民健康保険",
  pension: "国民年金",
  care: "介護保険",
  "elderly-medical": "後期高齢者医療",
  "child-allowance": "児童手当",
  school: "学齢簿",
  election: "選挙",
  disaster: "災害対応",
  "one-stop": "総合窓口",
};

export function moduleNameJa(module: string): string {
  return MODULE_NAMES_JA[module] ?? module;
}

export function roleNameJa(role: Role): string {
  return ROLE_NAMES_JA[role];
}

export { ROLES };

/** A module roles are granted for, as GET /api/modules lists it (共通基盤 first). */
export interface RoleModule {
  id: string;
  name: string;
}

/** 「共通基盤：管理」「住民記録：閲覧・更新」: one line per module, platform first, roles in ROLES order. */
export function describeRoles(roles: Record<string, readonly Role[]>): string[] {
  const modules = Object.keys(roles)
    .filter((m) => (roles[m] ?? []).length > 0)
    .sort((a, b) => (a === PLATFORM_ROLE_MODULE ? -1 : b === PLATFORM_ROLE_MODULE ? 1 : a.localeCompare(b)));
  return modules.map((m) => {
    const granted = new Set(roles[m]);
    const names = ROLES.filter((r) => granted.has(r)).map(roleNameJa);
    return `${moduleNameJa(m)}：${names.join("・")}`;
  });
}
