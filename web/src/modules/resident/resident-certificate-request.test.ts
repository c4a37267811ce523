import { describe, expect, it } from "vitest";
import { certificateRequest, EMPTY_CERTIFICATE, ENTRY_CERTIFICATE, MOVE_OUT_CERTIFICATE, RESIDENCE_COPY } from "./resident-certificate-request.ts";

const NUMBER = "000000000000039";

describe("証明書の請求内容", () => {
  it("a 住民票の写し of the household names the subject by 宛名番号 only, with the items asked for and the requester's purpose", () => {
    expect(certificateRequest({ ...EMPTY_CERTIFICATE, purpose: " 勤務先への提出のため " }, NUMBER)).toEqual({
      ok: true,
      body: {
        subjectId: `addressee:${NUMBER}`,
        options: { scope: "household", members: [], showRelationship: true, showDomicile: false, showMyNumber: false, showResidentCode: false, showPreviousAddress: true },
        purpose: "勤務先への提出のため",
        requesterKind: "self",
        channel: "counter",
      },
    });
  });

  it("at the counter carries the photo ID seen once it is ticked as checked; by mail it carries none", () => {
    const seen = { ...EMPTY_CERTIFICATE, purpose: "年金", identityDocument: "my-number-card" as const, identityChecked: true };
    const checked = certificateRequest(seen, NUMBER);
    expect(checked.ok && checked.body).toMatchObject({ channel: "counter", identityCheck: { document: "my-number-card", checked: true } });
    const mailed = certificateRequest({ ...seen, channel: "mail" }, NUMBER);
    expect(mailed.ok && mailed.body.channel).toBe("mail");
    expect(mailed.ok && "identityCheck" in mailed.body).toBe(false);
  });

  it("a document without the tick, or the tick without a document, is not a 本人確認", () => {
    expect(certificateRequest({ ...EMPTY_CERTIFICATE, purpose: "年金", identityDocument: "passport" }, NUMBER)).toEqual({
      ok: false,
      errors: { identityCheck: "本人確認書類の写真と請求者を照合したら、チェックを付けてください" },
    });
    expect(certificateRequest({ ...EMPTY_CERTIFICATE, purpose: "年金", identityChecked: true }, NUMBER)).toEqual({
      ok: false,
      errors: { identityCheck: "確認した本人確認書類の種類を選んでください" },
    });
  });

  it("chosen members are sent only with the scope chosen, and the scope needs one", () => {
    const chosen = { ...EMPTY_CERTIFICATE, purpose: "年金", residenceCopy: { ...EMPTY_CERTIFICATE.residenceCopy, scope: "chosen" as const, members: [] } };
    expect(certificateRequest(chosen, NUMBER)).toEqual({ ok: false, errors: { "options/members": "記載する世帯員を選んでください" } });
    const person = { ...EMPTY_CERTIFICATE, purpose: "年金", residenceCopy: { ...EMPTY_CERTIFICATE.residenceCopy, scope: "person" as const, members: ["000000000000040"] } };
    const checked = certificateRequest(person, NUMBER);
    expect(checked.ok && checked.body.options.members).toEqual([]);
  });

  it("a 記載事項証明書 lists its items in the order of 第7条 whatever order they were ticked in", () => {
    const draft = { ...EMPTY_CERTIFICATE, kind: ENTRY_CERTIFICATE, purpose: "年金", entryItems: ["address" as const, "nameKana" as const, "birthDate" as const] };
    const checked = certificateRequest(draft, NUMBER);
    expect(checked.ok && checked.body.options).toEqual({ items: ["nameKana", "birthDate", "address"] });
    expect(certificateRequest({ ...draft, entryItems: [] }, NUMBER)).toEqual({ ok: false, errors: { "options/items": "証明する事項を1つ以上選んでください" } });
  });

  it("a 転出証明書 sends its own options; a purpose is required and a 基準日 typed in 和暦 is sent as ISO, never in the future", () => {
    const draft = { ...EMPTY_CERTIFICATE, kind: MOVE_OUT_CERTIFICATE, purpose: "転入届に添付", asOf: "R8.11.1" };
    expect(certificateRequest(draft, NUMBER)).toMatchObject({ ok: true, body: { options: { wholeMove: true }, asOf: "2026-11-01" } });
    expect(certificateRequest({ ...EMPTY_CERTIFICATE, kind: RESIDENCE_COPY, asOf: "R99.1.1" }, NUMBER)).toEqual({
      ok: false,
      errors: { purpose: "利用目的を入力してください（請求書に書かれた目的）", asOf: "未来の日付は入力できません" },
    });
  });
});
