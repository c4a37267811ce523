import { describe, expect, it } from "vitest";
import { checkRemoval, chooseHead, chosenHead, emptyRemoval, headSuccession, removalKeys, staying } from "./resident-removal-draft.ts";

const TODAY = "2026-11-23";
const MEMBERS = [
  { personId: "p-head", relationship: "head" as const },
  { personId: "p-wife", relationship: "wife" as const },
  { personId: "p-child", relationship: "child" as const },
];
const TOKYO = { postalCode: "100-0001", address: "東京都千代田区千代田1番1号", addressLine2: "" };

describe("転出届・死亡届・職権消除の入力", () => {
  it("a 転出 of the wife alone sends her, the 転出先, and no 続柄 (the head stays)", () => {
    const draft = { ...emptyRemoval("moved-out", "p-wife", MEMBERS, TODAY), effectiveDate: "R8.12.1", destination: TOKYO };
    expect(checkRemoval(draft, MEMBERS)).toEqual({
      ok: true,
      body: {
        kind: "moved-out",
        effectiveDate: "2026-12-01",
        notifiedDate: TODAY,
        personIds: ["p-wife"],
        destination: { postalCode: "1000001", address: "東京都千代田区千代田1番1号", addressLine2: null },
      },
    });
  });

  it("when the head dies, the 続柄 changed for those who stay go with the same change", () => {
    const draft = { ...emptyRemoval("died", "p-head", MEMBERS, TODAY), effectiveDate: "R8.11.20" };
    expect(staying(draft, MEMBERS).map((m) => m.personId)).toEqual(["p-wife", "p-child"]);
    const changed = { ...draft, relationships: { ...draft.relationships, "p-wife": "head" as const } };
    expect(checkRemoval(changed, MEMBERS)).toEqual({
      ok: true,
      body: { kind: "died", effectiveDate: "2026-11-20", notifiedDate: TODAY, personId: "p-head", relationships: [{ personId: "p-wife", relationship: "head" }] },
    });
  });

  it("a 職権消除 needs its reason and someone to erase; a 転出 needs its 転出先", () => {
    const erasure = { ...emptyRemoval("ex-officio-erasure", "p-child", MEMBERS, TODAY), effectiveDate: "R8.11.1", personIds: [] };
    expect(checkRemoval(erasure, MEMBERS)).toEqual({ ok: false, errors: { reason: "職権で消除する理由を入力してください", personIds: "対象者を選んでください" } });
    const moveOut = { ...emptyRemoval("moved-out", "p-wife", MEMBERS, TODAY), effectiveDate: "R8.12.1" };
    expect(checkRemoval(moveOut, MEMBERS)).toEqual({ ok: false, errors: { "destination/address": "転出先を入力してください" } });
    expect(removalKeys(moveOut, MEMBERS)).toContain("relationships/p-head");
  });
});

describe("the 世帯主 leaving: the new 世帯主 in the same step", () => {
  it("two or more stay: the clerk must choose among them; choosing one sends them as 世帯主", () => {
    const draft = { ...emptyRemoval("moved-out", "p-head", MEMBERS, TODAY), effectiveDate: "R8.11.20", destination: TOKYO };
    expect(headSuccession(draft, MEMBERS)).toEqual({ kind: "choose", candidates: [MEMBERS[1], MEMBERS[2]] });
    // Nothing chosen: the draft goes to the server, whose rule household-needs-new-head answers at the choice.
    expect(checkRemoval(draft, MEMBERS)).toMatchObject({ ok: true, body: { personIds: ["p-head"] } });
    const chosen = { ...draft, relationships: chooseHead(draft, MEMBERS, "p-wife") };
    expect(chosenHead(chosen, MEMBERS)).toBe("p-wife");
    const check = checkRemoval(chosen, MEMBERS);
    expect(check.ok && check.body).toMatchObject({ relationships: [{ personId: "p-wife", relationship: "head" }] });
    // Choosing another gives the first their 続柄 back.
    const changed = { ...chosen, relationships: chooseHead(chosen, MEMBERS, "p-child") };
    expect(changed.relationships).toMatchObject({ "p-wife": "wife", "p-child": "head" });
  });

  it("one stays: they become 世帯主 without a 届出, nothing to choose and no 続柄 sent", () => {
    const two = [MEMBERS[0]!, MEMBERS[1]!];
    const draft = { ...emptyRemoval("died", "p-head", two, TODAY), effectiveDate: "R8.11.20" };
    expect(headSuccession(draft, two)).toEqual({ kind: "automatic", personId: "p-wife" });
    const check = checkRemoval(draft, two);
    expect(check.ok && check.body).not.toHaveProperty("relationships");
  });

  it("a late 届出 carries the 遅延の理由 typed", () => {
    const draft = { ...emptyRemoval("died", "p-child", MEMBERS, TODAY), effectiveDate: "R8.10.1", lateReason: " 入院のため " };
    const check = checkRemoval(draft, MEMBERS);
    expect(check.ok && check.body).toMatchObject({ lateReason: "入院のため" });
  });
});
