import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { advanceLatest, compareEntries, fieldsSetAfter, foldPerson, type JournalEntry } from "./fold.ts";
import type { PersonRecord } from "./person-record.ts";

const registration: PersonRecord = {
  familyName: "山田",
  givenName: "太郎",
  familyNameKana: "ヤマダ",
  givenNameKana: "タロウ",
  sex: "male",
  birthDate: "1980-05-05",
  householdId: "h1",
  relationship: "head",
  postalCode: "2400112",
  address: "葉山町堀内1000番地",
  addressLine2: null,
  addressSinceDate: "2020-01-01",
  becameResidentDate: "2020-01-01",
  previousPostalCode: null,
  previousAddress: "横浜市",
  previousAddressLine2: null,
  registeredDomicile: null,
  domicileHead: null,
  status: "resident",
  removalReason: null,
  removalDate: null,
  plannedMoveOutDate: null,
  destinationPostalCode: null,
  destinationAddress: null,
  destinationAddressLine2: null,
  hasMyNumber: false,
};

const entry = (effectiveDate: string, seq: number, set: Partial<PersonRecord>): JournalEntry => ({ effectiveDate, seq, set });

describe("the fold of the 異動 journal", () => {
  const journal = [
    entry("2020-01-01", 1, registration),
    entry("2022-06-01", 2, { address: "葉山町一色1番地", addressSinceDate: "2022-06-01" }),
    entry("2023-03-01", 3, { familyName: "鈴木", familyNameKana: "スズキ" }),
  ];

  it("is null before the first entry: the person was not yet on the registry", () => {
    expect(foldPerson(journal, "2019-12-31")).toBeNull();
  });

  it("applies the entries with 異動日 on or before the day, each setting only its own fields", () => {
    expect(foldPerson(journal, "2022-05-31")?.address).toBe("葉山町堀内1000番地");
    expect(foldPerson(journal, "2022-06-01")).toMatchObject({ address: "葉山町一色1番地", familyName: "山田" });
    expect(foldPerson(journal, "2023-03-01")).toMatchObject({ address: "葉山町一色1番地", familyName: "鈴木" });
  });

  it("a correction dated back changes its field from that day on, and a later entry on another field does not undo it", () => {
    const corrected = [...journal, entry("2020-01-01", 4, { givenName: "太朗" })];
    expect(foldPerson(corrected, "2020-01-01")?.givenName).toBe("太朗");
    expect(foldPerson(corrected, "2023-03-01")).toMatchObject({ givenName: "太朗", familyName: "鈴木" });
  });

  it("a later entry that set the same field still wins from its own 異動日", () => {
    const corrected = [...journal, entry("2021-01-01", 4, { familyName: "山本" })];
    expect(foldPerson(corrected, "2021-01-01")?.familyName).toBe("山本");
    expect(foldPerson(corrected, "2023-03-01")?.familyName).toBe("鈴木");
  });

  it("orders entries of the same 異動日 by seq, numerically", () => {
    const sameDay = [entry("2020-01-01", 10, { givenName: "十" }), entry("2020-01-01", 9, registration)];
    expect(foldPerson(sameDay)?.givenName).toBe("十");
    expect(compareEntries({ effectiveDate: "2020-01-01", seq: "10" }, { effectiveDate: "2020-01-01", seq: "9" })).toBe(1);
  });

  it("advancing the latest record entry by entry equals folding the whole journal, whatever the 異動日 order", () => {
    const FIELDS = ["familyName", "givenName", "address", "relationship"] as const;
    const values = { familyName: ["山田", "鈴木", "髙橋"], givenName: ["太郎", "花子"], address: ["A", "B", "C"], relationship: ["head", "child"] };
    const arbEntry = fc.record({
      day: fc.integer({ min: 0, max: 30 }),
      fields: fc.subarray([...FIELDS], { minLength: 1 }),
      pick: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(arbEntry, { maxLength: 12 }), (later) => {
        const entries: JournalEntry[] = [entry("2020-01-01", 1, registration)];
        let latest: PersonRecord | null = registration;
        later.forEach((e, i) => {
          const set: Record<string, string> = {};
          for (const f of e.fields) set[f] = values[f][e.pick % values[f].length]!;
          const next = entry(`2020-01-${String(1 + e.day).padStart(2, "0")}`, i + 2, set as Partial<PersonRecord>);
          latest = advanceLatest(latest, next, fieldsSetAfter(entries, next));
          entries.push(next);
        });
        expect(latest).toEqual(foldPerson(entries));
      }),
      { numRuns: 300 },
    );
  });
});
