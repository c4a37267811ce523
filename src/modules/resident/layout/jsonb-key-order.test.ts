import { describe, expect, it } from "vitest";
import { compareJsonbKeys, inJsonbKeyOrder, recordInJsonbOrder } from "./jsonb-key-order.ts";
import { PERSON_FIELDS, type PersonRecord } from "../person-record.ts";

const record: PersonRecord = {
  familyName: "山田",
  givenName: "太郎",
  familyNameKana: "ヤマダ",
  givenNameKana: "タロウ",
  sex: "male",
  birthDate: "1980-04-01",
  householdId: "0e1b7c52-8c1f-4d8e-9a51-6a1f0b0c2d3e",
  relationship: "head",
  postalCode: "1000001",
  address: "東京都千代田区千代田1-1",
  addressLine2: null,
  addressSinceDate: "2001-04-01",
  becameResidentDate: "2001-04-01",
  previousPostalCode: null,
  previousAddress: null,
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

describe("jsonb key order", () => {
  it("orders keys as jsonb stores them: shorter keys first, then bytewise", () => {
    expect(["birthDate", "status", "address", "sex", "a", "ab", "b"].sort(compareJsonbKeys)).toEqual([
      "a",
      "b",
      "ab",
      "sex",
      "status",
      "address",
      "birthDate",
    ]);
  });

  it("writes a record's keys in that order and keeps every value", () => {
    const ordered = recordInJsonbOrder(record);
    expect(Object.keys(ordered)).toEqual([...PERSON_FIELDS].sort(compareJsonbKeys));
    expect(JSON.parse(JSON.stringify(ordered))).toEqual(record);
  });

  it("orders the fields a 異動 set, a subset of the record", () => {
    const set = { relationship: "child" as const, householdId: record.householdId, sex: "female" as const };
    expect(Object.keys(recordInJsonbOrder(set))).toEqual(["sex", "householdId", "relationship"]);
  });

  it("leaves no record for a missing before", () => {
    expect(recordInJsonbOrder(null)).toBeNull();
  });

  it("drops no key the person fields do not list", () => {
    const odd = { ...record, note: "x" } as PersonRecord;
    const ordered = recordInJsonbOrder(odd) as PersonRecord & { note?: string };
    expect(ordered.note).toBe("x");
    expect(Object.keys(ordered)).toEqual(Object.keys(odd).sort(compareJsonbKeys));
  });

  it("orders objects of any shape, the same shape twice alike", () => {
    expect(Object.keys(inJsonbKeyOrder({ until: 1, n: 2, name: 3, st: 4 }))).toEqual(["n", "st", "name", "until"]);
    expect(Object.keys(inJsonbKeyOrder({ until: 5, n: 6, name: 7, st: 8 }))).toEqual(["n", "st", "name", "until"]);
  });
});
