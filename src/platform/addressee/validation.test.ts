import { describe, expect, it } from "vitest";
import { ADDRESSEE_KINDS, KNOWN_AS, RESIDENCE_END_REASONS, SEXES } from "./addressee.ts";
import { EndReasonSchema, Kind, KnownAsSchema, SexSchema } from "./api-schemas.ts";
import { isCalendarDate, todayInJapan } from "./calendar-date.ts";
import { checkFields, FieldErrors, type AddresseeFields } from "./validation.ts";

const TODAY = "2026-04-01";
const check = (input: AddresseeFields) => {
  const errors = new FieldErrors("body/");
  const clean = checkFields(errors, input, TODAY);
  return { clean, errors: errors.list };
};
const person: AddresseeFields = { kind: "person", name: "田中 太郎", nameKana: "タナカ タロウ", birthDate: "1950-02-28", knownAs: "landowner" };

describe("calendar dates (生年月日, 異動日)", () => {
  it("accepts real days, including 29 February of a leap year, and rejects impossible ones", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2000-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-30")).toBe(false);
    expect(isCalendarDate("2025-02-29")).toBe(false);
    expect(isCalendarDate("1900-02-29")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("2026-04-31")).toBe(false);
    expect(isCalendarDate("2026-4-1")).toBe(false);
  });

  it("today is the date in Japan, which is ahead of UTC in the evening", () => {
    expect(todayInJapan(new Date("2026-03-31T15:30:00Z"))).toBe("2026-04-01");
    expect(todayInJapan(new Date("2026-03-31T14:59:00Z"))).toBe("2026-03-31");
  });
});

describe("addressee field rules", () => {
  it("cleans a valid person: カナ to full-width katakana, one full-width space between parts", () => {
    const { clean, errors } = check({ ...person, name: " 田中   太郎 ", nameKana: "ﾀﾅｶ ﾀﾛｳ", postalCode: "２４０-０１１１", address: "葉山町一色1番地" });
    expect(errors).toEqual([]);
    expect(clean).toMatchObject({ name: "田中\u3000太郎", nameKana: "タナカ\u3000タロウ", postalCode: "2400111" });
  });

  it("names every bad field at once: カナ, impossible and future dates, 法人番号 on a person", () => {
    const { errors } = check({ ...person, nameKana: "田中たろう", birthDate: "2026-02-30", corporateNumber: "7000012050002" });
    expect(errors).toEqual([
      { field: "body/nameKana", message: expect.stringContaining("katakana") },
      { field: "body/birthDate", message: expect.stringContaining("calendar date") },
      { field: "body/corporateNumber", message: "only an organisation has a 法人番号" },
    ]);
    expect(check({ ...person, birthDate: "2026-04-02" }).errors).toEqual([{ field: "body/birthDate", message: "must not be in the future" }]);
    expect(check({ ...person, birthDate: TODAY }).errors).toEqual([]);
  });

  it("rejects a blank カナ and a private-use (外字) character in a name", () => {
    expect(check({ ...person, nameKana: "  " }).errors).toEqual([{ field: "body/nameKana", message: "required" }]);
    expect(check({ ...person, name: "田\uE000太郎" }).errors[0]).toMatchObject({ field: "body/name" });
  });

  it("an organisation has a valid 法人番号 and no birth date or sex", () => {
    const org: AddresseeFields = { kind: "organisation", name: "国税庁", nameKana: "コクゼイチョウ", knownAs: "taxpayer" };
    expect(check({ ...org, corporateNumber: "7000-0120-50002" }).clean.corporateNumber).toBe("7000012050002");
    expect(check({ ...org, corporateNumber: "6000012050002" }).errors).toEqual([
      { field: "body/corporateNumber", message: expect.stringContaining("check digit") },
    ]);
    expect(check({ ...org, corporateNumber: "12345" }).errors).toEqual([
      { field: "body/corporateNumber", message: "must be a 法人番号 of 13 digits" },
    ]);
    expect(check({ ...org, birthDate: "2000-01-01", sex: "male" }).errors.map((e) => e.field)).toEqual(["body/birthDate", "body/sex"]);
  });

  it("needs a note when the reason known is 'other', and an address for a 方書 or postal code", () => {
    expect(check({ ...person, knownAs: "other" }).errors).toEqual([{ field: "body/knownAsNote", message: "required when knownAs is other" }]);
    expect(check({ ...person, addressLine2: "101号室", postalCode: "2400111" }).errors.map((e) => e.field)).toEqual([
      "body/addressLine2",
      "body/postalCode",
    ]);
  });
});

describe("the API schemas list exactly the domain's values", () => {
  const values = (schema: { anyOf: { const: string }[] }) => schema.anyOf.map((s) => s.const);
  it("kinds, reasons known, sexes and residence end reasons", () => {
    expect(values(Kind)).toEqual([...ADDRESSEE_KINDS]);
    expect(values(KnownAsSchema)).toEqual([...KNOWN_AS]);
    expect(values(SexSchema)).toEqual([...SEXES]);
    expect(values(EndReasonSchema)).toEqual([...RESIDENCE_END_REASONS]);
  });
});
