import { describe, expect, it } from "vitest";
import { checkAddressChange, checkHeadChange, checkMerge, checkSplit, emptyAddressChange, emptyMembersDraft, emptyMerge } from "./resident-household-draft.ts";

const TODAY = "2026-11-23";
const MEMBERS = [
  { personId: "p-head", relationship: "head" as const },
  { personId: "p-wife", relationship: "wife" as const },
  { personId: "p-son", relationship: "child" as const },
];

describe("転居・世帯分離・世帯合併・世帯主変更の入力", () => {
  it("a 転居 moves the household to the new address from the 転居日", () => {
    const draft = { ...emptyAddressChange(TODAY), effectiveDate: "令和8年11月13日", address: { postalCode: "２４０－０１１２", address: "神奈川県三浦郡葉山町堀内2050番地", addressLine2: "" } };
    expect(checkAddressChange(draft, "hh-1")).toEqual({
      ok: true,
      body: { kind: "address-changed", effectiveDate: "2026-11-13", notifiedDate: TODAY, householdId: "hh-1", address: { postalCode: "2400112", address: "神奈川県三浦郡葉山町堀内2050番地", addressLine2: null } },
    });
  });

  it("a 世帯分離 sends every leaving member's 続柄 and only the changed ones of those who stay", () => {
    const draft = { ...emptyMembersDraft(MEMBERS, TODAY), effectiveDate: "R8.11.1", personIds: ["p-son"], relationships: { "p-head": "head" as const, "p-wife": "wife" as const, "p-son": "head" as const } };
    expect(checkSplit(draft, "hh-1", MEMBERS)).toEqual({
      ok: true,
      body: { kind: "household-split", effectiveDate: "2026-11-01", notifiedDate: TODAY, householdId: "hh-1", personIds: ["p-son"], relationships: [{ personId: "p-son", relationship: "head" }] },
    });
    expect(checkSplit({ ...draft, relationships: { ...draft.relationships, "p-son": "" } }, "hh-1", MEMBERS)).toEqual({ ok: false, errors: { "relationships/p-son": "続柄を選んでください" } });
    expect(checkSplit({ ...draft, personIds: ["p-head", "p-wife", "p-son"] }, "hh-1", MEMBERS)).toMatchObject({ ok: false, errors: { personIds: "元の世帯に1人以上残る必要があります" } });
  });

  it("a 世帯主変更 needs some 続柄 to change, and sends only those", () => {
    const draft = { ...emptyMembersDraft(MEMBERS, TODAY), effectiveDate: "R8.11.1" };
    expect(checkHeadChange(draft, "hh-1", MEMBERS)).toEqual({ ok: false, errors: { relationships: "新しい世帯主と、変わる続柄を選んでください" } });
    const changed = { ...draft, relationships: { ...draft.relationships, "p-head": "husband" as const, "p-wife": "head" as const } };
    expect(checkHeadChange(changed, "hh-1", MEMBERS)).toMatchObject({
      ok: true,
      body: { relationships: [{ personId: "p-head", relationship: "husband" }, { personId: "p-wife", relationship: "head" }] },
    });
  });

  it("a 世帯合併 needs the receiving household found, not itself, and a 続柄 for everyone joining", () => {
    const draft = { ...emptyMerge(TODAY), effectiveDate: "R8.11.1" };
    expect(checkMerge(draft, "hh-1", MEMBERS)).toMatchObject({ ok: false, errors: { intoHouseholdId: "合併先の世帯を世帯番号で指定してください" } });
    const into = { householdId: "hh-2", householdNumber: "7", members: [{ personId: "p-father", relationship: "head" as const, name: "潮見 一郎" }] };
    expect(checkMerge({ ...draft, into: { ...into, householdId: "hh-1" } }, "hh-1", MEMBERS)).toMatchObject({ ok: false, errors: { intoHouseholdId: "同じ世帯には合併できません" } });
    const joined = { ...draft, into, relationships: { "p-head": "child" as const, "p-wife": "child-wife" as const, "p-son": "grandchild" as const, "p-father": "head" as const } };
    expect(checkMerge(joined, "hh-1", MEMBERS)).toMatchObject({
      ok: true,
      body: {
        kind: "household-merged",
        householdId: "hh-1",
        intoHouseholdId: "hh-2",
        relationships: [
          { personId: "p-head", relationship: "child" },
          { personId: "p-wife", relationship: "child-wife" },
          { personId: "p-son", relationship: "grandchild" },
        ],
      },
    });
  });
});
