import { describe, expect, it } from "vitest";
import { protectionOf } from "./protection-mark.ts";

describe("protection mark", () => {
  it("reads the mark the server puts on a protected person's object", () => {
    expect(protectionOf({ addresseeNumber: "000000000000046", protection: { active: true, until: "2027-11-19", measures: 2 } })).toEqual({
      active: true,
      until: "2027-11-19",
      measures: 2,
    });
  });

  it("finds no mark on an unprotected person, a malformed mark or a non-object", () => {
    expect(protectionOf({ addresseeNumber: "000000000000047" })).toBeNull();
    expect(protectionOf({ protection: { active: false, until: "2027-11-19" } })).toBeNull();
    expect(protectionOf({ protection: "yes" })).toBeNull();
    expect(protectionOf(null)).toBeNull();
    expect(protectionOf("x")).toBeNull();
  });
});
