import { describe, expect, it } from "vitest";
import { labelIn, MEASURE_STATUS, RELEASE_STATE } from "./protection-labels.ts";
import { warningText } from "./protection-banner.tsx";

describe("支援措置 labels", () => {
  it("names a measure's and a release's states in Japanese, and an unknown state by its value", () => {
    expect(labelIn(MEASURE_STATUS, "active")).toEqual({ label: "実施中", tone: "error" });
    expect(labelIn(RELEASE_STATE, "requested").label).toBe("承認待ち");
    expect(labelIn(RELEASE_STATE, "someday")).toEqual({ label: "someday", tone: "info" });
  });

  it("warns a clerk that the address is hidden and how certificates are issued, and the 支援措置担当 that it is shown to them", () => {
    expect(warningText(false)).toBe(
      "支援措置対象者が表示されています — 住所等は非表示です。証明書は、本人等には窓口で本人確認のうえ交付し、第三者には上長の解除承認が必要です",
    );
    expect(warningText(true)).toContain("住所等は支援措置の権限により表示しています");
  });
});
