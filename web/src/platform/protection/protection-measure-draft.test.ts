import { describe, expect, it } from "vitest";
import {
  adversaryDrafts,
  changeBody,
  datedChangeBody,
  EMPTY_ADVERSARY,
  EMPTY_MEASURE,
  measureBody,
  readNumberList,
  requesterBody,
  EMPTY_REQUESTER,
} from "./protection-measure-draft.ts";

describe("支援措置 drafts", () => {
  it("reads 宛名番号 lists typed in any width and separator, and names the first that is no number", () => {
    expect(readNumberList("４６、47  48,49")).toEqual({ ok: true, numbers: ["46", "47", "48", "49"] });
    expect(readNumberList("")).toEqual({ ok: true, numbers: [] });
    expect(readNumberList("46 abc")).toEqual({ ok: false, bad: "abc" });
  });

  it("builds a new measure with dates typed in 和暦 and a 相手方 by カナ and 生年月日", () => {
    const check = measureBody({
      ...EMPTY_MEASURE,
      kind: "stalking",
      applicantNumber: "０４６",
      withNumbers: "47",
      acceptedOn: "R8.11.20",
      adversaries: [{ ...EMPTY_ADVERSARY, nameKana: " ヤマダ タロウ ", birthDate: "S35.1.1", relation: "元配偶者" }, { ...EMPTY_ADVERSARY }],
      reason: " 警察の意見 ",
    });
    expect(check).toEqual({
      ok: true,
      body: {
        kind: "stalking",
        applicantNumber: "046",
        withNumbers: ["47"],
        adversaries: [{ nameKana: "ヤマダ タロウ", birthDate: "1960-01-01", relation: "元配偶者" }],
        acceptedOn: "2026-11-20",
        reason: "警察の意見",
      },
    });
  });

  it("refuses a measure without applicant, 受付日 or reason, a period that ends before it starts, and a 相手方 named by カナ alone", () => {
    const check = measureBody({
      ...EMPTY_MEASURE,
      startsOn: "2026-12-01",
      endsOn: "2026-11-01",
      adversaries: [{ ...EMPTY_ADVERSARY, nameKana: "ヤマダ" }],
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.errors).sort()).toEqual(["acceptedOn", "adversaries/0", "applicantNumber", "endsOn", "reason"]);
  });

  it("a renewal or an end needs its day and a reason", () => {
    expect(datedChangeBody("acceptedOn", "2027-10-20", "延長の申出")).toEqual({ ok: true, body: { acceptedOn: "2027-10-20", reason: "延長の申出" } });
    const refused = datedChangeBody("endedOn", "", " ");
    expect(refused.ok ? [] : Object.keys(refused.errors).sort()).toEqual(["endedOn", "reason"]);
  });

  it("a change starts from the measure's 相手方 and sends them back as typed", () => {
    const drafts = adversaryDrafts([{ addresseeNumber: "000000000000099", nameKana: null, birthDate: null, relation: null }]);
    expect(changeBody({ kind: "dv", withNumbers: "", adversaries: drafts, reason: "相手方の判明" })).toEqual({
      ok: true,
      body: { kind: "dv", withNumbers: [], adversaries: [{ addresseeNumber: "000000000000099" }], reason: "相手方の判明" },
    });
  });

  it("the requester's identity is optional, by 宛名番号 or by カナ with 生年月日 — never カナ alone", () => {
    expect(requesterBody(EMPTY_REQUESTER)).toEqual({ ok: true, body: null });
    expect(requesterBody({ ...EMPTY_REQUESTER, nameKana: "ヤマダタロウ", birthDate: "S35.1.1" })).toEqual({ ok: true, body: { nameKana: "ヤマダタロウ", birthDate: "1960-01-01" } });
    expect(requesterBody({ ...EMPTY_REQUESTER, addresseeNumber: "99" })).toEqual({ ok: true, body: { addresseeNumber: "99" } });
    expect(requesterBody({ ...EMPTY_REQUESTER, nameKana: "ヤマダ" })).toEqual({ ok: false, errors: { "requester/birthDate": "カナ氏名と生年月日は両方入力してください" } });
    expect(requesterBody({ ...EMPTY_REQUESTER, birthDate: "S35.1.1" })).toEqual({ ok: false, errors: { "requester/nameKana": "カナ氏名と生年月日は両方入力してください" } });
  });
});
