import { describe, expect, it } from "vitest";
import { describeFailure } from "./delivery.ts";

describe("the error recorded for a failed delivery", () => {
  it("names the error class and code, and keeps only the start of a long message", () => {
    const error = Object.assign(new Error("x".repeat(500)), { code: "23505", detail: "Key (name)=(山田太郎) already exists." });
    const recorded = describeFailure(error);
    expect(recorded.startsWith("Error [23505]: xxx")).toBe(true);
    expect(recorded.length).toBeLessThanOrEqual("Error [23505]: ".length + 201);
    expect(recorded).not.toContain("山田");
  });

  it("says what was thrown when it is not an Error, without its content", () => {
    expect(describeFailure({ name: "山田太郎" })).toBe("object: thrown value is not an Error");
  });
});
