import { describe, expect, it } from "vitest";
import type { ChangeRequest } from "./resident-api.ts";
import { summariseChange } from "./resident-change-summary.ts";

const names: Record<string, string> = { a: "潮見\u3000健一", b: "潮見\u3000美咲" };
const subject = { nameOf: (id: string) => names[id], household: ["潮見\u3000健一", "潮見\u3000美咲"] };

describe("the confirmation's summary of a 異動", () => {
  it("転居: the whole household by name, the new address, the 異動日 and the 届出日", () => {
    const body = {
      kind: "address-changed",
      effectiveDate: "2026-11-20",
      notifiedDate: "2026-11-25",
      householdId: "00000000-0000-4000-8000-000000000001",
      address: { postalCode: "2400112", address: "神奈川県三浦郡葉山町堀内2050番地", addressLine2: null },
    } as ChangeRequest;
    const summary = summariseChange(body, subject);
    expect(summary.what).toBe("転居");
    expect(summary.who).toBe("潮見\u3000健一、潮見\u3000美咲（世帯全員）");
    expect(summary.values).toEqual([{ label: "新しい住所", value: "〒240-0112 神奈川県三浦郡葉山町堀内2050番地" }]);
    expect(summary.when).toEqual([
      { label: "異動日", value: "令和8年11月20日" },
      { label: "届出日", value: "令和8年11月25日" },
    ]);
  });

  it("転入: the persons from the request itself, with their 続柄", () => {
    const body = {
      kind: "moved-in",
      effectiveDate: "2026-10-01",
      notifiedDate: "2026-10-05",
      address: { address: "神奈川県三浦郡葉山町一色1234番地" },
      previousAddress: { address: "東京都世田谷区世田谷四丁目21番27号" },
      persons: [
        { familyName: "潮見", givenName: "健一", familyNameKana: "シオミ", givenNameKana: "ケンイチ", sex: "male", birthDate: "1985-05-12", relationship: "head" },
        { familyName: "潮見", givenName: "美咲", familyNameKana: "シオミ", givenNameKana: "ミサキ", sex: "female", birthDate: "1990-11-03", relationship: "wife" },
      ],
    } as ChangeRequest;
    const summary = summariseChange(body, { nameOf: () => undefined, household: [] });
    expect(summary.who).toBe("潮見\u3000健一、潮見\u3000美咲");
    expect(summary.values).toContainEqual({ label: "世帯", value: "新しい世帯をつくる" });
    expect(summary.values).toContainEqual({ label: "潮見\u3000美咲の続柄", value: "妻" });
  });

  it("職権修正: each corrected item by name, the 個人番号 never repeated on screen", () => {
    const body = {
      kind: "ex-officio-correction",
      effectiveDate: "2019-04-01",
      reason: "戸籍謄本との照合による",
      corrections: [{ personId: "a", fields: { birthDate: "1940-02-12", myNumber: "123456789018" } }],
    } as ChangeRequest;
    const summary = summariseChange(body, subject);
    expect(summary.who).toBe("潮見\u3000健一");
    expect(summary.values).toContainEqual({ label: "潮見\u3000健一の生年月日", value: "昭和15年2月12日" });
    expect(JSON.stringify(summary)).not.toContain("123456789018");
    expect(summary.values).toContainEqual({ label: "理由", value: "戸籍謄本との照合による" });
    expect(summary.when).toEqual([{ label: "異動日", value: "平成31年4月1日" }]);
  });
});
