import { describe, expect, it } from "vitest";
import { subjectLabel } from "./delivery-labels.ts";

describe("事象の対象", () => {
  it("names a person by 宛名番号 and the journal by name, and leaves other subjects as they are", () => {
    expect(subjectLabel("addressee:000000000000123")).toBe("宛名番号 000000000000123");
    expect(subjectLabel("resident:journal")).toBe("住民記録の異動履歴");
    expect(subjectLabel("drill:1")).toBe("drill:1");
  });
});
