// The resident module's errors that are not rule refusals (rules/ carry their own codes): each
// with a stable code and a Japanese and English title. None carries a name, an address, a birth
// date or a 個人番号 — only field names and ids.
import { Problem, problems } from "../../platform/http/problem.ts";

const field = (name: string, message: string) => [{ field: name, message }];

export const residentProblems = {
  invalid: (errors: { field: string; message: string }[]) => problems.invalid(errors),
  personNotFound: (at?: string) =>
    new Problem(404, "person-not-found", "Person not found", "住民が見つかりません", undefined, at ? field(at, "no such person") : undefined),
  householdNotFound: (at?: string) =>
    new Problem(404, "household-not-found", "Household not found", "世帯が見つかりません", undefined, at ? field(at, "no such household") : undefined),
  addresseeNotFound: (at: string) =>
    new Problem(404, "addressee-not-found", "Addressee not found", "宛名が見つかりません", undefined, field(at, "no such 宛名番号")),
  notOnRegistryOnDate: () =>
    new Problem(404, "not-on-registry-on-date", "The person was not on the registry on that date", "指定日に住民記録がありません"),
  changeNotFound: () => new Problem(404, "not-found", "change not found", "異動が見つかりません"),
  personListedTwice: (at: string) =>
    new Problem(400, "person-listed-twice", "A person is named twice in one change", "同じ住民が二度指定されています", undefined, field(at, "named twice")),
  notAHouseholdMember: (at: string) =>
    new Problem(400, "not-a-household-member", "The person is not a member of the household", "世帯の構成員ではありません", undefined, field(at, "not a member of the household concerned")),
  householdWithoutMembers: (at: string) =>
    new Problem(409, "household-without-members", "The household has no members", "世帯に構成員がいません", undefined, field(at, "has no members")),
  relationshipRequired: (at: string) =>
    new Problem(400, "relationship-required", "A 続柄 is required for each moving member", "異動する構成員の続柄を指定してください", undefined, field(at, "give a relationship")),
  sameHousehold: (at: string) =>
    new Problem(400, "same-household", "A household cannot merge into itself", "同じ世帯には合併できません", undefined, field(at, "must differ from householdId")),
  splitLeavesNoOne: (at: string) =>
    new Problem(400, "split-leaves-no-one", "A split must leave at least one member in the household", "世帯分離では元の世帯に構成員が残る必要があります", undefined, field(at, "every member would leave: that is not a split")),
  myNumberNotHeld: () => new Problem(404, "my-number-not-held", "No 個人番号 is held for the person", "個人番号が登録されていません"),
  myNumberKey: () =>
    new Problem(500, "my-number-key-unavailable", "The 個人番号 key is not available", "個人番号の暗号鍵が利用できません"),
};
