import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "../../../../test/support/platform.ts";
import { exportLayoutTo, LayoutEncodingError } from "../../../platform/layouts/export.ts";
import { importLayout, type ImportResult } from "../../../platform/layouts/import.ts";
import type { ImportError } from "../../../platform/layouts/import-error.ts";
import { rebuildProjection } from "../projection.ts";
import { CHANGE_COLUMNS } from "./change-columns.ts";
import { BIRTH, C, csvOf, DEATH, journal, P, registration, row } from "./journal-fixture.ts";
import {
  addEmptyTenant,
  createLayoutTestPlatform,
  exportJournalFile,
  importJournalFile,
  record,
  registryCounts,
} from "./layout-test-support.ts";

let t: TestPlatform;

beforeAll(async () => {
  t = await createLayoutTestPlatform();
});
afterAll(() => t.close());

function errorsOf(result: ImportResult): ImportError[] {
  if (!("errors" in result)) throw new Error(`expected errors, imported ${result.imported}`);
  return result.errors;
}

const columnNumber = (name: string) => CHANGE_COLUMNS.findIndex((c) => c.name === name) + 1;
const ruleAt = (line: number, column: string, message: string | RegExp) =>
  expect.objectContaining({ file: "changes.csv", line, column, columnNumber: columnNumber(column), code: "layout-rule", message: expect.stringMatching(message) });

async function rejections(tenantId: string): Promise<{ detail: Record<string, unknown> }[]> {
  return t.db.withTenant(tenantId, async (tx) => (await tx.query("SELECT detail FROM audit_log WHERE action = 'layout.import-rejected' ORDER BY seq")).rows);
}

describe("importing resident.changes", () => {
  it("writes a valid journal whole: persons, household, changes, entries, projection and one addressee per person", async () => {
    const town = await addEmptyTenant(t);
    expect(await importJournalFile(t, town, csvOf(journal()))).toEqual({ imported: 4 });
    expect(await registryCounts(t, town)).toMatchObject({
      resident_person: 3,
      resident_household: 1,
      resident_change: 3,
      resident_change_entry: 4,
      resident_current: 3,
      addressee: 3,
      addressee_residence: 4,
      addressee_change: 3,
      event_outbox: 1,
    });
    const removed = await t.db.withTenant(town, async (tx) =>
      (await tx.query("SELECT record->>'removalReason' AS reason, a.resident_until::text AS until FROM resident_current r JOIN addressee a ON a.number = r.addressee_number WHERE r.status = 'removed'")).rows,
    );
    expect(removed).toEqual([{ reason: "died", until: "2024-01-10" }]);
  });

  it("reports every error of single rows and of one 異動's rows on its line and column, and writes nothing", async () => {
    const town = await addEmptyTenant(t);
    const rows = journal();
    rows[1] = { ...rows[1]!, household_number: null };
    rows[2] = { ...rows[2]!, notified_date: null };
    rows[3] = { ...rows[3]!, change_id: C(1) };
    const before = await registryCounts(t, town);
    expect(errorsOf(await importJournalFile(t, town, csvOf(rows)))).toEqual([
      ruleAt(3, "household_number", /required with household_id/),
      ruleAt(4, "notified_date", /needs its 届出日/),
      ruleAt(5, "change_id", /appeared earlier/),
    ]);
    expect(await registryCounts(t, town)).toEqual(before);
    expect((await rejections(town)).at(-1)?.detail).toMatchObject({ errors: 3, rows: 4 });
  });

  it("refuses impossible sequences and households without exactly one 世帯主, each on its line and column", async () => {
    const town = await addEmptyTenant(t);
    const rows = journal();
    rows[3] = row({ ...DEATH, effectiveDate: "2019-01-01", notifiedDate: "2019-01-02" }, 2, { status: "removed", removalReason: "died", removalDate: "2019-01-01" });
    rows.push(
      row({ id: C(4), kind: "died", effectiveDate: "2024-01-15", notifiedDate: "2024-01-16" }, 3, { status: "removed", removalReason: "died", removalDate: "2024-01-15" }),
      row({ id: C(5), kind: "moved-out", effectiveDate: "2024-02-01", notifiedDate: "2024-01-20" }, 3, {
        status: "removed",
        removalReason: "moved-out",
        removalDate: "2024-02-01",
        plannedMoveOutDate: "2024-02-01",
        destinationPostalCode: null,
        destinationAddress: "東京都世田谷区太子堂1丁目1番1号",
        destinationAddressLine2: null,
      }),
      row({ id: C(6), kind: "moved-in", effectiveDate: "2024-03-01", notifiedDate: "2024-03-01" }, 4, registration(4, { relationship: "head", birthDate: "1990-09-09" }, "2024-03-01")),
      row({ id: C(7), kind: "name-changed", effectiveDate: "2024-04-01", notifiedDate: "2024-04-01" }, 5, { familyName: "佐藤", familyNameKana: "サトウ" }),
    );
    const before = await registryCounts(t, town);
    expect(errorsOf(await importJournalFile(t, town, csvOf(rows)))).toEqual([
      ruleAt(5, "effective_date", /before this person's latest 異動日/),
      ruleAt(7, "status", /already removed/),
      ruleAt(8, "relationship", /with 2 世帯主/),
      ruleAt(9, "person_id", /first 異動 must register them/),
    ]);
    expect(await registryCounts(t, town)).toEqual(before);
  });

  it("reports cells the framework refuses (an unknown 異動 kind, a date that does not exist) by line and column before any rule", async () => {
    const town = await addEmptyTenant(t);
    const text = csvOf(journal()).toString("utf8").replace(",born,", ",adopted,").replaceAll("2024-01-10", "2024-02-30");
    const errors = errorsOf(await importJournalFile(t, town, Buffer.from(text, "utf8")));
    expect(errors).toEqual([
      expect.objectContaining({ line: 4, column: "kind", columnNumber: 2, code: "not-a-listed-value" }),
      expect.objectContaining({ line: 5, column: "effective_date", columnNumber: 3, code: "invalid-date" }),
      expect.objectContaining({ line: 5, column: "removal_date", columnNumber: columnNumber("removal_date"), code: "invalid-date" }),
    ]);
    expect((await registryCounts(t, town)).resident_person).toBe(0);
  });

  it("goes into an empty registry only, and an import into one municipality never touches another", async () => {
    const a = await addEmptyTenant(t);
    const b = await addEmptyTenant(t);
    expect(await importJournalFile(t, a, csvOf(journal()))).toEqual({ imported: 4 });
    const fileOfA = await exportJournalFile(t, a);
    const countsOfA = await registryCounts(t, a);

    expect(await importJournalFile(t, b, csvOf(journal()))).toEqual({ imported: 4 });
    expect(await exportJournalFile(t, a)).toEqual(fileOfA);
    expect(await registryCounts(t, a)).toEqual(countsOfA);
    const seenFromA = await t.db.withTenant(a, async (tx) => (await tx.query("SELECT count(*)::int AS n FROM resident_person")).rows[0].n);
    expect(seenFromA).toBe(3);

    const countsOfB = await registryCounts(t, b);
    expect(errorsOf(await importJournalFile(t, a, csvOf(journal())))).toEqual([ruleAt(2, "change_id", /already holds persons/)]);
    expect(await registryCounts(t, a)).toEqual(countsOfA);
    expect(await registryCounts(t, b)).toEqual(countsOfB);
  });

  it("keeps the counters ahead of the imported numbers: the next 転入 gets a new 宛名番号 and 世帯番号", async () => {
    const town = await addEmptyTenant(t);
    await importJournalFile(t, town, csvOf(journal()));
    const change = await record(t, town, {
      kind: "moved-in",
      effectiveDate: "2025-04-01",
      notifiedDate: "2025-04-01",
      address: { postalCode: "2400111", address: "神奈川県三浦郡葉山町一色1番地" },
      previousAddress: { address: "東京都千代田区千代田1番" },
      persons: [{ familyName: "佐藤", givenName: "新", familyNameKana: "サトウ", givenNameKana: "アラタ", sex: "male", birthDate: "1990-01-01", relationship: "head" }],
    });
    expect(change.entries[0]!.addresseeNumber).toBe("000000000000004");
    const number = await t.db.withTenant(town, async (tx) =>
      (await tx.query("SELECT household_number::text AS n FROM resident_household WHERE household_id = $1", [change.entries[0]!.after.householdId])).rows[0].n,
    );
    expect(number).toBe("2");
  });

  it("writes the projection the journal folds to: rebuilding it from the journal gives the same rows", async () => {
    const town = await addEmptyTenant(t);
    const rows = journal();
    rows.push(
      row({ id: C(7), kind: "ex-officio-correction", effectiveDate: "2020-04-01", notifiedDate: null, reason: "誤記訂正" }, 1, { givenNameKana: "イチ" }),
    );
    await importJournalFile(t, town, csvOf(rows));
    const projection = () =>
      t.db.withTenant(town, async (tx) =>
        (await tx.query("SELECT person_id, addressee_number, household_id, record, name_key, kana_key, address_key, status, removal_date, last_effective_date, last_seq FROM resident_current ORDER BY person_id")).rows,
      );
    const imported = await projection();
    await t.db.withTenant(town, (tx) => rebuildProjection(tx));
    expect(await projection()).toEqual(imported);
    expect(imported.find((r) => r.person_id === P(1))?.record.givenNameKana).toBe("イチ");
  });
});

describe("the 宛名番号 of imported persons (団体内統合宛名, architecture §3a)", () => {
  it("links the addressees imported from the same export instead of creating them again", async () => {
    const source = await addEmptyTenant(t);
    await importJournalFile(t, source, csvOf(journal()));
    const addressees: Buffer[] = [];
    await exportLayoutTo(t.platform, source, "addressee.addressees", async (c) => void addressees.push(c), { encoding: "utf-8" });
    const target = await addEmptyTenant(t);
    expect(await importLayout(t.platform, target, "addressee.addressees", Buffer.concat(addressees), { encoding: "utf-8", fileName: "a.csv" })).toEqual({ imported: 3 });
    expect(await importJournalFile(t, target, await exportJournalFile(t, source))).toEqual({ imported: 4 });
    const counts = await registryCounts(t, target);
    expect(counts).toMatchObject({ addressee: 3, addressee_change: 3, resident_person: 3 });
    const linked = await t.db.withTenant(target, async (tx) =>
      (await tx.query("SELECT count(*)::int AS n FROM resident_person p JOIN addressee a ON a.number = p.addressee_number")).rows[0].n,
    );
    expect(linked).toBe(3);
  });

  it("refuses a 宛名番号 held by an organisation, or by an addressee whose residence differs from the journal", async () => {
    const town = await addEmptyTenant(t);
    const addressees = [
      "number,kind,name,name_kana,birth_date,sex,corporate_number,postal_code,address,address_line2,known_as,known_as_note,resident_since,resident_until,resident_end_reason,merged_into",
      "000000000000001,person,山田　一,ヤマダ　ハジメ,1980-01-01,male,,,東京都千代田区千代田1番,,landowner,,,,,",
      "000000000000002,organisation,株式会社かもめ,カブシキガイシャ　カモメ,,,,,,,taxpayer,,,,,",
    ].join("\r\n");
    expect(await importLayout(t.platform, town, "addressee.addressees", Buffer.from(`${addressees}\r\n`), { encoding: "utf-8", fileName: "a.csv" })).toEqual({
      imported: 2,
    });
    expect(errorsOf(await importJournalFile(t, town, csvOf(journal())))).toEqual([
      ruleAt(2, "addressee_number", /residence differs/),
      ruleAt(3, "addressee_number", /organisation/),
    ]);
    expect((await registryCounts(t, town)).resident_person).toBe(0);
  });
});

describe("Shift_JIS (CP932) files", () => {
  it("refuses to export 𠮷, naming the row, line, column and code point, and nothing of the name", async () => {
    const town = await addEmptyTenant(t);
    const rows = journal();
    rows[2] = row(BIRTH, 3, registration(3, { relationship: "child", birthDate: "2021-05-05", familyName: "𠮷田" }, "2021-05-05"));
    await importJournalFile(t, town, csvOf(rows));
    const failure = await exportLayoutTo(t.platform, town, "resident.changes", async () => {}, { encoding: "shift_jis" }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LayoutEncodingError);
    expect(failure).toMatchObject({ row: 3, line: 4, column: "family_name", columnNumber: columnNumber("family_name"), codePoint: 0x20bb7 });
    expect((failure as Error).message).not.toMatch(/𠮷|田/);
  });

  it("round-trips a registry CP932 can hold (髙, 﨑 and a quoted 方書) through a Shift_JIS file", async () => {
    const source = await addEmptyTenant(t);
    const rows = journal().map((r) => (r.family_name ? { ...r, family_name: "髙﨑", address_line2: 'コーポ"潮風", 2号' } : r));
    expect(await importJournalFile(t, source, csvOf(rows))).toEqual({ imported: 4 });
    const sjis = await exportJournalFile(t, source, "shift_jis");
    const target = await addEmptyTenant(t);
    expect(await importJournalFile(t, target, sjis, "shift_jis")).toEqual({ imported: 4 });
    expect((await exportJournalFile(t, target)).toString("utf8")).toBe((await exportJournalFile(t, source)).toString("utf8"));
  });
});
