import { describe, expect, it } from "vitest";
import { actionLabel, actorLabel } from "../audit/audit-entry-labels.ts";

describe("監査ログ of the 宛名 screens", () => {
  it("names the addressee actions in Japanese and an addressee subject by its 宛名番号", () => {
    expect(actionLabel("addressee.searched")).toBe("宛名の検索");
    expect(actionLabel("addressee.merge-undone")).toBe("名寄せの取消");
    expect(actorLabel("addressee:000000000000031", { staff: new Map() })).toBe("宛名 000000000000031");
  });
});
