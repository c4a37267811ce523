import { describe, expect, it } from "vitest";
import { errorSummaryItems, summaryText, withoutMarker } from "./error-summary-items.ts";

describe("error summary items", () => {
  it("lists errors in the form's order, then the others, each linked to its field and named by its label", () => {
    const labels: Record<string, string> = { effectiveDate: "転居日（異動日）", "address/address": "住所" };
    const items = errorSummaryItems(
      { "address/address": "入力してください", effectiveDate: "存在する日付を入力してください", extra: "世帯主は世帯に一人です" },
      ["effectiveDate", "notifiedDate", "address/address"],
      (k) => `rc-${k.replace(/\//g, "-")}`,
      (k) => labels[k],
    );
    expect(items).toEqual([
      { fieldId: "rc-effectiveDate", text: "転居日（異動日）：存在する日付を入力してください" },
      { fieldId: "rc-address-address", text: "住所：入力してください" },
      { fieldId: "rc-extra", text: "世帯主は世帯に一人です" },
    ]);
  });

  it("leaves out keys without a message", () => {
    expect(errorSummaryItems({ a: "", b: undefined, c: "x" }, ["a", "b", "c"], (k) => k)).toEqual([{ fieldId: "c", text: "x" }]);
  });

  it("does not repeat the label when the message already names the field", () => {
    expect(summaryText("届出日", "届出日が異動日より前です")).toBe("届出日が異動日より前です");
    expect(summaryText("  ", "入力してください")).toBe("入力してください");
  });

  it("drops the 必須/任意 marker from a label's text", () => {
    expect(withoutMarker("転居日（異動日）必須")).toBe("転居日（異動日）");
    expect(withoutMarker("方書 任意")).toBe("方書");
    expect(withoutMarker("必須項目の説明")).toBe("必須項目の説明");
  });
});
