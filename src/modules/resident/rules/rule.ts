// 異動の検査規則 (the rules a 異動 must pass): each rule is one small file with a stable code —
// the problem code a refused change answers with — its titles, the law it enforces and a check
// over the plan that names the offending field(s). rule-table.ts says which kinds run which rule.
import type { Tx } from "../../../platform/db/database.ts";
import { Problem } from "../../../platform/http/problem.ts";
import type { ChangePlan } from "../change-plan.ts";
import type { MyNumberVault } from "../my-number-vault.ts";

export interface Violation {
  field: string;
  message: string;
}

export interface RuleContext {
  tx: Tx;
  plan: ChangePlan;
  /** Today in Japan: the day the change is recorded. */
  today: string;
  vault: MyNumberVault;
}

export interface ChangeRule {
  code: string;
  /** 400 when the request contradicts itself or the calendar, 409 when it contradicts the registry. */
  status: 400 | 409;
  titleEn: string;
  titleJa: string;
  /** The statute or standard the rule enforces. */
  law: string;
  check(ctx: RuleContext): Violation[] | Promise<Violation[]>;
}

export function refusal(rule: ChangeRule, violations: Violation[]): Problem {
  return new Problem(rule.status, rule.code, rule.titleEn, rule.titleJa, rule.law, violations);
}
