import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "../../../test/support/platform.ts";
import { addTenants, TOWN_A } from "../../../test/support/fixtures.ts";
import type { LayoutDefinition } from "../contract.ts";
import type { Tx } from "../db/database.ts";
import { createAddresseeTestPlatform } from "./addressee-test-support.ts";
import { addresseeArea } from "./index.ts";
import { addresseesLayout, mailingAddressesLayout, type AddresseeLayoutRow } from "./layout.ts";
import { registerNonResident } from "./register.ts";
import { createRegistryLink } from "./registry-link.ts";
import { addMailing, withdrawMailing } from "./mailing.ts";
import { mergeAddressees } from "./merge.ts";
import { getAddressee } from "./read.ts";

const EMPTY_TOWN = { id: "143413", name: "大磯町", nameKana: "オオイソマチ" };
const SECOND_EMPTY_TOWN = { id: "143421", name: "二宮町", nameKana: "ニノミヤマチ" };

let t: TestPlatform;
const inTenant = <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => t.db.withTenant(tenantId, fn, "system:test");

async function exportAll<R extends Record<string, unknown>>(tenantId: string, layout: LayoutDefinition<R>): Promise<R[]> {
  return inTenant(tenantId, async (tx) => {
    const rows: R[] = [];
    for await (const row of layout.exportRows(tx)) rows.push(row);
    return rows;
  });
}

/** What a CSV round trip does to a row: an empty cell comes back as no value. */
const throughCsv = <R extends Record<string, unknown>>(rows: R[]): R[] =>
  rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)) as R);

beforeAll(async () => {
  t = await createAddresseeTestPlatform();
  await addTenants(t.db, EMPTY_TOWN, SECOND_EMPTY_TOWN);
  const events = t.platform.events;
  const registry = createRegistryLink(events);
  await inTenant(TOWN_A.id, async (tx) => {
    const owner = await registerNonResident(tx, events, {
      kind: "person",
      name: "輸出 太郎",
      nameKana: "ユシュツ タロウ",
      birthDate: "1955-05-05",
      sex: "male",
      postalCode: "1540004",
      address: "東京都世田谷区太子堂1丁目1番1号",
      addressLine2: "メゾン太子堂101",
      knownAs: "landowner",
      knownAsNote: "山林所有",
    });
    const duplicate = await registerNonResident(tx, events, { kind: "person", name: "輸出 太郎", nameKana: "ユシュツ タロウ", birthDate: "1955-05-05", knownAs: "creditor" });
    await mergeAddressees(tx, events, { survivor: owner.number, merged: duplicate.number, reason: "同一人" });
    await registerNonResident(tx, events, { kind: "organisation", name: "株式会社輸出", nameKana: "カブシキガイシャ ユシュツ", corporateNumber: "5010401067252", knownAs: "taxpayer" });
    const resident = await registry.registerResident(tx, { name: "住民 花子", nameKana: "ジュウミン ハナコ", birthDate: "1988-08-08", sex: "female", address: "葉山町一色1番地", since: "2015-04-01" });
    const movedOut = await registry.registerResident(tx, { name: "転出 次郎", nameKana: "テンシュツ ジロウ", birthDate: "1979-09-09", address: "葉山町堀内2番地", since: "2000-01-01" });
    await registry.markResidentRemoved(tx, movedOut.number, { reason: "moved-out", date: "2025-03-31" });
    await addMailing(tx, events, owner.number, { business: "tax", validFrom: "2024-04-01", validUntil: "2026-03-31", recipientName: "管理 人", recipientKana: "カンリ ニン", recipientRole: "納税管理人", postalCode: "2400111", address: "葉山町一色2番地" }, "申告");
    await addMailing(tx, events, resident.number, { business: "*", validFrom: "2025-01-01", recipientName: "後見 人", address: "横浜市中区" }, "後見");
    const gone = await addMailing(tx, events, resident.number, { business: "nhi", validFrom: "2025-01-01", recipientName: "取下 人", address: "横浜市" }, "申出");
    await withdrawMailing(tx, events, resident.number, gone.mailingId, "取下げ");
  });
});
afterAll(() => t.close());

describe("standard layouts (標準レイアウト) of the addressee register", () => {
  it("are declared on the area", () => {
    expect(addresseeArea.layouts?.map((l) => l.id)).toEqual(["addressee.addressees", "addressee.mailing-addresses"]);
  });

  it("an export imported into an empty municipality round-trips, under the same 宛名番号", async () => {
    const addressees = await exportAll(TOWN_A.id, addresseesLayout);
    const mailings = await exportAll(TOWN_A.id, mailingAddressesLayout);
    expect(addressees).toHaveLength(5);
    expect(addressees.filter((r) => r.merged_into)).toHaveLength(1);
    expect(mailings).toHaveLength(2);
    await inTenant(EMPTY_TOWN.id, async (tx) => {
      expect(await addresseesLayout.validateRows!(tx, throughCsv(addressees))).toEqual([]);
      expect(await addresseesLayout.importRows(tx, throughCsv(addressees), t.platform)).toEqual({ imported: 5 });
      expect(await mailingAddressesLayout.validateRows!(tx, throughCsv(mailings))).toEqual([]);
      expect(await mailingAddressesLayout.importRows(tx, throughCsv(mailings), t.platform)).toEqual({ imported: 2 });
    });
    expect(await exportAll(EMPTY_TOWN.id, addresseesLayout)).toEqual(addressees);
    expect(await exportAll(EMPTY_TOWN.id, mailingAddressesLayout)).toEqual(mailings);
    await inTenant(EMPTY_TOWN.id, async (tx) => {
      const merged = addressees.find((r) => r.merged_into)!;
      expect((await getAddressee(tx, merged.number))?.number).toBe(merged.merged_into);
      const movedOut = addressees.find((r) => r.resident_end_reason === "moved-out")!;
      expect((await getAddressee(tx, movedOut.number, { asOf: "2025-03-30" }))?.residence.isResident).toBe(true);
      expect((await getAddressee(tx, movedOut.number, { asOf: "2025-03-31" }))?.residence.isResident).toBe(false);
      const next = await registerNonResident(tx, t.platform.events, { kind: "person", name: "新規 登録", nameKana: "シンキ トウロク", knownAs: "other", knownAsNote: "試験" });
      const highest = addressees.map((r) => BigInt(r.number)).reduce((a, b) => (a > b ? a : b));
      expect(BigInt(next.number)).toBe(highest + 1n);
    });
  });

  it("reports every bad row by row and column, and checks numbers against the municipality", async () => {
    const good: AddresseeLayoutRow = { number: "000000000000010", kind: "person", name: "検証 一", name_kana: "ケンショウ ハジメ", known_as: "landowner" };
    const rows: AddresseeLayoutRow[] = [
      good,
      { ...good, name: "検証 二" },
      { number: "11", kind: "organisation", name: "法人", name_kana: "ホウジン", corporate_number: "1234567890123" },
      { number: "12", kind: "person", name: "期間", name_kana: "キカン", resident_until: "2020-01-01", resident_end_reason: "died" },
      { number: "13", kind: "person", name: "統合", name_kana: "とうごう", merged_into: "99" },
      { number: "14", kind: "person", name: "誤り", name_kana: "Ayamari", birth_date: "2026-02-30" },
    ];
    const errors = await inTenant(SECOND_EMPTY_TOWN.id, (tx) => addresseesLayout.validateRows!(tx, rows));
    expect(errors).toEqual([
      { row: 1, column: "number", message: "duplicate 宛名番号 (also on row 0)" },
      { row: 2, column: "corporate_number", message: expect.stringContaining("check digit") },
      { row: 3, column: "resident_until", message: "needs resident_since" },
      { row: 5, column: "name_kana", message: expect.stringContaining("katakana") },
      { row: 5, column: "birth_date", message: expect.stringContaining("calendar date") },
      { row: 4, column: "merged_into", message: "no row with this 宛名番号" },
    ]);
    await inTenant(SECOND_EMPTY_TOWN.id, async (tx) => {
      await addresseesLayout.importRows(tx, [good], t.platform);
      expect(await addresseesLayout.validateRows!(tx, [good])).toEqual([
        { row: 0, column: "number", message: "宛名番号 already used in this municipality" },
      ]);
      await expect(addresseesLayout.importRows(tx, [good], t.platform)).rejects.toThrow(/validate/);
    });
  });

  it("refuses 送付先 rows for unknown addressees and overlapping periods", async () => {
    const row = {
      mailing_id: "6f1c1a43-5b55-4b8f-9c7e-0d4c3f2a1b10",
      number: "000000000000001",
      business: "tax",
      valid_from: "2025-01-01",
      recipient_name: "送付 先",
      address: "葉山町",
    };
    const errors = await inTenant(SECOND_EMPTY_TOWN.id, (tx) =>
      mailingAddressesLayout.validateRows!(tx, [
        row,
        { ...row, mailing_id: "6f1c1a43-5b55-4b8f-9c7e-0d4c3f2a1b11", number: "10", valid_from: "2025-01-01" },
        { ...row, mailing_id: "6f1c1a43-5b55-4b8f-9c7e-0d4c3f2a1b12", number: "10", valid_from: "2025-06-01" },
      ]),
    );
    expect(errors).toEqual([
      { row: 0, column: "number", message: "no addressee with this 宛名番号 (import addressee.addressees first)" },
      { row: 2, column: "valid_from", message: "period overlaps row 1 of the same addressee and business" },
    ]);
  });
});
