import { describe, expect, it } from "vitest";
import { changedValues, checkDraft, draftOfState, EMPTY_DRAFT, registrationBody, type AddresseeDraft } from "./addressee-form.ts";

const TODAY = "2026-05-01";
const person: AddresseeDraft = {
  ...EMPTY_DRAFT,
  name: " 田中 太郎 ",
  nameKana: "ﾀﾅｶ ﾀﾛｳ",
  birthDate: "S55.4.1",
  sex: "male",
  postalCode: "154-0004",
  address: "東京都世田谷区太子堂1丁目2番3号",
  knownAs: "landowner",
};

describe("a 住登外者's draft checked as a whole", () => {
  it("a person's draft becomes the values the API takes, converted as the server would", () => {
    const checked = checkDraft(person, { knownAsRequired: true, today: TODAY });
    expect(checked).toEqual({
      ok: true,
      values: {
        kind: "person",
        name: "田中 太郎",
        nameKana: "タナカ\u3000タロウ",
        birthDate: "1980-04-01",
        sex: "male",
        corporateNumber: null,
        postalCode: "1540004",
        address: "東京都世田谷区太子堂1丁目2番3号",
        addressLine2: null,
        knownAs: "landowner",
        knownAsNote: null,
      },
    });
  });

  it("an organisation with a wrong 法人番号 and no カナ is told both at once", () => {
    const checked = checkDraft(
      { ...EMPTY_DRAFT, kind: "organisation", name: "株式会社テスト", corporateNumber: "1234567890123", knownAs: "taxpayer" },
      { knownAsRequired: true, today: TODAY },
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(["corporateNumber", "nameKana"]);
  });

  it("an organisation's draft never carries a birth date or sex, whatever was typed before switching", () => {
    const checked = checkDraft({ ...person, kind: "organisation", birthDate: "R7.2.30" }, { knownAsRequired: true, today: TODAY });
    expect(checked).toMatchObject({ ok: true, values: { birthDate: null, sex: null } });
  });

  it("把握事由 is required for a 住登外者, and その他 needs its note; a 方書 needs an address", () => {
    const none = checkDraft({ ...person, knownAs: "" }, { knownAsRequired: true, today: TODAY });
    expect(none).toMatchObject({ ok: false, errors: { knownAs: "把握事由を選んでください" } });
    expect(checkDraft({ ...person, knownAs: "" }, { knownAsRequired: false, today: TODAY }).ok).toBe(true);
    expect(checkDraft({ ...person, knownAs: "other" }, { knownAsRequired: true, today: TODAY })).toMatchObject({ ok: false, errors: { knownAsNote: expect.any(String) } });
    expect(checkDraft({ ...person, address: "", postalCode: "", addressLine2: "101号室" }, { knownAsRequired: true, today: TODAY })).toMatchObject({
      ok: false,
      errors: { addressLine2: expect.any(String) },
    });
  });

  it("the registration body leaves out what was not given, and a correction sends only what changed", () => {
    const checked = checkDraft(person, { knownAsRequired: true, today: TODAY });
    if (!checked.ok) throw new Error("expected a valid draft");
    const body = registrationBody(checked.values, " 登記簿による ");
    expect(body).toEqual({
      kind: "person",
      name: "田中 太郎",
      nameKana: "タナカ\u3000タロウ",
      knownAs: "landowner",
      birthDate: "1980-04-01",
      sex: "male",
      postalCode: "1540004",
      address: "東京都世田谷区太子堂1丁目2番3号",
      reason: "登記簿による",
    });
    const stored = { ...checked.values, name: "田中\u3000太郎" };
    const again = checkDraft(draftOfState(stored), { knownAsRequired: true, today: TODAY });
    if (!again.ok) throw new Error("the stored state must check");
    expect(changedValues(stored, again.values)).toEqual({});
    const moved = checkDraft({ ...draftOfState(stored), address: "神奈川県葉山町堀内1番地" }, { knownAsRequired: true, today: TODAY });
    if (!moved.ok) throw new Error("expected a valid draft");
    expect(changedValues(stored, moved.values)).toEqual({ address: "神奈川県葉山町堀内1番地" });
  });
});
