import { describe, expect, it } from "vitest";
import { tabIndexAfterKey } from "./tab-keys.ts";

describe("tab keys", () => {
  it("arrows move to the neighbour and wrap around; Home and End go to the ends", () => {
    expect(tabIndexAfterKey("ArrowRight", 0, 3)).toBe(1);
    expect(tabIndexAfterKey("ArrowRight", 2, 3)).toBe(0);
    expect(tabIndexAfterKey("ArrowLeft", 0, 3)).toBe(2);
    expect(tabIndexAfterKey("ArrowLeft", 2, 3)).toBe(1);
    expect(tabIndexAfterKey("Home", 2, 3)).toBe(0);
    expect(tabIndexAfterKey("End", 0, 3)).toBe(2);
  });

  it("other keys and an empty tablist move nothing", () => {
    expect(tabIndexAfterKey("Enter", 1, 3)).toBeNull();
    expect(tabIndexAfterKey("ArrowDown", 1, 3)).toBeNull();
    expect(tabIndexAfterKey("ArrowRight", 0, 0)).toBeNull();
  });
});
