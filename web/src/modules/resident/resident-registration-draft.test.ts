import { describe, expect, it } from "vitest";
import { emptyPerson, type PersonDraft } from "./resident-draft-checks.ts";
import { checkBirth, checkRegistration, emptyBirth, emptyRegistration, registrationKeys, type RegistrationDraft } from "./resident-registration-draft.ts";

const TODAY = "2026-11-23";
const head: PersonDraft = {
  ...emptyPerson("head"),
  familyName: "潮見",
  givenName: "健一",
  familyNameKana: "ｼｵﾐ",
  givenNameKana: "けんいち",
  sex: "male",
  birthDate: "S60.5.12",
  registeredDomicile: "東京都世田谷区世田谷四丁目21番",
  myNumber: "",
};

function moveIn(patch: Partial<RegistrationDraft> = {}): RegistrationDraft {
  return {
    ...emptyRegistration("moved-in", TODAY),
    effectiveDate: "R8.9.24",
    address: { postalCode: "240-0111", address: "神奈川県三浦郡葉山町一色1234番地", addressLine2: "" },
    previousAddress: { postalCode: "", address: "東京都世田谷区世田谷四丁目21番27号", addressLine2: "" },
    persons: [head],
    ...patch,
  };
}

describe("転入届・職権記載の入力", () => {
  it("turns a 転入 typed in 和暦, half-width カナ and hiragana into the API's body: ISO dates, full-width カナ, today as 届出日", () => {
    expect(checkRegistration(moveIn())).toEqual({
      ok: true,
      body: {
        kind: "moved-in",
        effectiveDate: "2026-09-24",
        notifiedDate: TODAY,
        address: { postalCode: "2400111", address: "神奈川県三浦郡葉山町一色1234番地", addressLine2: null },
        previousAddress: { postalCode: null, address: "東京都世田谷区世田谷四丁目21番27号", addressLine2: null },
        persons: [
          {
            familyName: "潮見",
            givenName: "健一",
            familyNameKana: "シオミ",
            givenNameKana: "ケンイチ",
            sex: "male",
            birthDate: "1985-05-12",
            relationship: "head",
            registeredDomicile: "東京都世田谷区世田谷四丁目21番",
            domicileHead: null,
          },
        ],
      },
    });
  });

  it("says at each item what is missing or malformed, keyed as the server names the fields", () => {
    const wife: PersonDraft = { ...emptyPerson(), familyName: "潮見", givenName: "美咲", familyNameKana: "シオミ", birthDate: "H31.5.1", myNumber: "1234 5678 9012" };
    const result = checkRegistration(moveIn({ previousAddress: { postalCode: "12345", address: "", addressLine2: "" }, persons: [head, wife] }));
    expect(result).toEqual({
      ok: false,
      errors: {
        "previousAddress/postalCode": "郵便番号は7桁の数字で入力してください",
        "previousAddress/address": "前住所を入力してください",
        "persons/1/givenNameKana": "名（カナ）を入力してください",
        "persons/1/birthDate": expect.stringContaining("平成"),
        "persons/1/sex": "性別を選んでください",
        "persons/1/relationship": "続柄を選んでください",
        "persons/1/myNumber": "個人番号の検査用数字（最後の1桁）が合いません。番号を確かめてください",
      },
    });
  });

  it("needs the household looked up before a 転入 into an existing one, and then names it", () => {
    expect(checkRegistration(moveIn({ household: "existing" }))).toEqual({ ok: false, errors: { householdId: "転入先の世帯を世帯番号で指定してください" } });
    const into = checkRegistration(moveIn({ household: "existing", existing: { householdId: "3b7c1a0e-0000-4000-8000-000000000001", householdNumber: "12" } }));
    expect(into.ok && into.body.kind === "moved-in" && into.body.householdId).toBe("3b7c1a0e-0000-4000-8000-000000000001");
  });

  it("a 職権記載 needs a reason and no 届出日, and gives the 前住所 only when one is typed", () => {
    const entry: RegistrationDraft = { ...moveIn(), ...emptyRegistration("ex-officio-entry", TODAY), effectiveDate: "R8.9.24", address: moveIn().address, persons: [head] };
    expect(checkRegistration(entry)).toEqual({ ok: false, errors: { reason: "職権で記載する理由を入力してください" } });
    const checked = checkRegistration({ ...entry, reason: "実態調査により居住を確認", becameResidentDate: "R8.4.1" });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.body).toMatchObject({ kind: "ex-officio-entry", effectiveDate: "2026-09-24", becameResidentDate: "2026-04-01", reason: "実態調査により居住を確認" });
    expect("notifiedDate" in checked.body).toBe(false);
    expect("previousAddress" in checked.body).toBe(false);
  });

  it("lists every key of the form in the order it shows them, one block per person", () => {
    const keys = registrationKeys(moveIn({ persons: [head, head] }));
    expect(keys.slice(0, 3)).toEqual(["effectiveDate", "notifiedDate", "reason"]);
    expect(keys.indexOf("persons/1/birthDate")).toBeGreaterThan(keys.indexOf("persons/0/myNumber"));
  });
});

describe("出生届の入力", () => {
  const parent = { familyName: "潮見", familyNameKana: "シオミ", registeredDomicile: "東京都世田谷区世田谷四丁目21番", domicileHead: "潮見 健一" };

  it("starts from the parent's 氏 and 本籍 with 続柄 子, and makes the 生年月日 the 異動日", () => {
    const draft = emptyBirth(parent, TODAY);
    expect(draft.person).toMatchObject({ familyName: "潮見", familyNameKana: "シオミ", relationship: "child", domicileHead: "潮見 健一" });
    const checked = checkBirth({ ...draft, person: { ...draft.person, givenName: "陽向", givenNameKana: "ひなた", sex: "female", birthDate: "令和8年10月24日" } }, "hh-1");
    expect(checked).toMatchObject({ ok: true, body: { kind: "born", effectiveDate: "2026-10-24", notifiedDate: TODAY, householdId: "hh-1", person: { birthDate: "2026-10-24", givenNameKana: "ヒナタ" } } });
  });

  it("says a malformed birth date once, at the person's 生年月日", () => {
    const draft = emptyBirth(parent, TODAY);
    const checked = checkBirth({ ...draft, person: { ...draft.person, givenName: "陽向", givenNameKana: "ヒナタ", sex: "female", birthDate: "R8.2.30" } }, "hh-1");
    expect(checked).toEqual({ ok: false, errors: { "person/birthDate": "その月にその日はありません" } });
  });
});
