import { describe, expect, it } from "vitest";
import { composePurpose, COMMON_PURPOSES } from "./access-purpose.ts";
import { enterJourney, journeyAt, likelyPurpose, purposeFor, splitPurpose, type PurposeBinding } from "./purpose-journey.ts";

const A = "3f0c1d2e-1111-4222-8333-944455556666";
const B = "7a9b8c7d-1111-4222-8333-944455556666";
const search = journeyAt("/residents");
const viewA = journeyAt(`/residents/${A}`);
const viewB = journeyAt(`/residents/${B}`);
const bound = (path: string, purpose: string): PurposeBinding => ({ journey: journeyAt(path), purpose });

/** Walks the paths from a binding as the app does, giving the purpose in force (null: asked) on each. */
function walk(binding: PurposeBinding | null, paths: string[]): (string | null)[] {
  return paths.map((path) => {
    const journey = journeyAt(path);
    const purpose = purposeFor(binding, journey);
    binding = enterJourney(binding, journey);
    return purpose;
  });
}

describe("利用目的 per journey (one person, one kind of work)", () => {
  it("a path names its person and its kind of work; screens without a person are journeys of their own", () => {
    expect(viewA).toEqual({ subject: `residents:${A}`, kind: "view" });
    expect(journeyAt(`/residents/${A}/changes/moved-out`)).toEqual({ subject: `residents:${A}`, kind: "changes/moved-out" });
    expect(journeyAt(`/residents/${A}/certificate`)).toEqual({ subject: `residents:${A}`, kind: "certificate" });
    expect(journeyAt("/addressees/000000000000031")).toEqual({ subject: "addressees:000000000000031", kind: "view" });
    expect(journeyAt("/residents/move-in")).toEqual({ subject: null, kind: "/residents/move-in" });
    expect(journeyAt("/addressees/duplicates")).toEqual({ subject: null, kind: "/addressees/duplicates" });
    expect(search).toEqual({ subject: null, kind: "/residents" });
  });

  it("nothing stated: every journey asks", () => {
    expect(purposeFor(null, search)).toBeNull();
    expect(purposeFor(null, viewA)).toBeNull();
  });

  it("the first person opened from a search keeps the search's purpose; the next person asks again", () => {
    expect(walk(bound("/residents", "税務（賦課・収納）"), ["/residents", `/residents/${A}`, `/residents/${B}`])).toEqual([
      "税務（賦課・収納）",
      "税務（賦課・収納）",
      null,
    ]);
  });

  it("another kind of 届出, or the 証明書 screen, for the same person asks again", () => {
    const binding = bound(`/residents/${A}`, "住民票の記載事項の確認");
    expect(purposeFor(binding, journeyAt(`/residents/${A}/changes/moved-out`))).toBeNull();
    expect(purposeFor(binding, journeyAt(`/residents/${A}/certificate`))).toBeNull();
    const moving = bound(`/residents/${A}/changes/moved-out`, "異動届の受付");
    expect(purposeFor(moving, journeyAt(`/residents/${A}/changes/address-changed`))).toBeNull();
    expect(purposeFor(moving, journeyAt(`/residents/${A}/changes/moved-out`))).toBe("異動届の受付");
  });

  it("back to the person after a 届出 keeps the 届出's purpose; a search afterwards asks again", () => {
    expect(walk(bound(`/residents/${A}/changes/moved-out`, "異動届の受付"), [`/residents/${A}`, "/residents", `/residents/${B}`])).toEqual([
      "異動届の受付",
      null,
      null,
    ]);
  });

  it("a purpose is never carried to another person's view, nor from one person to the next through screens without a person", () => {
    expect(purposeFor(bound(`/residents/${A}/certificate`, "証明書の交付"), viewB)).toBeNull();
    expect(walk(bound(`/residents/${A}`, "福祉・給付"), ["/settings", `/residents/${B}`])).toEqual([null, null]);
    expect(walk(bound(`/residents/${A}`, "福祉・給付"), ["/settings", `/residents/${A}`])).toEqual([null, "福祉・給付"]);
  });

  it("a 転入届 carries its purpose to the person it registered", () => {
    expect(walk(bound("/residents/move-in", "異動届の受付"), [`/residents/${A}`, `/residents/${A}/certificate`])).toEqual(["異動届の受付", null]);
  });

  it("preselects the purpose a kind of work is usually done for, else the last one stated", () => {
    const last = bound(`/residents/${A}`, "税務（賦課・収納）：固定資産税");
    expect(likelyPurpose(last, journeyAt(`/residents/${B}/certificate`))).toBe("証明書の交付");
    expect(likelyPurpose(last, journeyAt(`/residents/${B}/changes/died`))).toBe("異動届の受付");
    expect(likelyPurpose(last, journeyAt("/residents/move-in"))).toBe("異動届の受付");
    expect(likelyPurpose(last, journeyAt("/addressees/new"))).toBe("宛名の登録・訂正");
    expect(likelyPurpose(last, journeyAt("/addressees/duplicates"))).toBe("名寄せ・宛名の整備");
    expect(likelyPurpose(last, viewB)).toBe("税務（賦課・収納）：固定資産税");
    expect(likelyPurpose(null, viewB)).toBeNull();
  });

  it("a purpose splits back into the form's choice and details (composePurpose's inverse)", () => {
    for (const [choice, detail] of [
      ["税務（賦課・収納）", "固定資産税の納税通知"],
      ["証明書の交付", ""],
      ["その他", "議会からの照会"],
      ["その他", "税務（賦課・収納）ではない：照会"],
    ] as const) {
      const composed = composePurpose(choice, detail);
      if (!composed.ok) throw new Error(composed.message);
      expect(splitPurpose(composed.purpose), composed.purpose).toEqual({ choice, detail });
    }
    for (const p of COMMON_PURPOSES.filter((p) => p !== "その他")) expect(splitPurpose(p)).toEqual({ choice: p, detail: "" });
  });
});
