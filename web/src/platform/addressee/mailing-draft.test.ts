import { describe, expect, it } from "vitest";
import { checkMailingDraft, EMPTY_MAILING_DRAFT } from "./mailing-draft.ts";

const draft = {
  ...EMPTY_MAILING_DRAFT,
  business: "tax",
  validFrom: "R8.4.1",
  validUntil: "R9.3.31",
  recipientName: "山田 一郎",
  recipientKana: "やまだ いちろう",
  recipientRole: "納税管理人",
  postalCode: "240-0112",
  address: "神奈川県三浦郡葉山町堀内1番地",
  reason: "納税管理人申告書による",
};

describe("a 送付先 draft", () => {
  it("becomes the API body with 和暦 days as ISO and カナ converted; empty optional fields are left out", () => {
    expect(checkMailingDraft(draft)).toEqual({
      ok: true,
      body: {
        business: "tax",
        validFrom: "2026-04-01",
        validUntil: "2027-03-31",
        recipientName: "山田 一郎",
        recipientKana: "ヤマダ\u3000イチロウ",
        recipientRole: "納税管理人",
        postalCode: "2400112",
        address: "神奈川県三浦郡葉山町堀内1番地",
        reason: "納税管理人申告書による",
      },
    });
  });

  it("an end before the start, a missing business, address and reason are each told at their field", () => {
    const checked = checkMailingDraft({ ...draft, validUntil: "R8.3.31", business: "", address: " ", reason: "" });
    expect(checked).toMatchObject({
      ok: false,
      errors: { validUntil: "終了日は開始日より後の日付にしてください", business: "業務を選んでください", address: "送付先住所を入力してください", reason: "理由を入力してください" },
    });
  });
});
