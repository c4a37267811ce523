import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addTenants, TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { importLayout, type ImportResult } from "./import.ts";
import type { ImportError } from "./import-error.ts";
import type { LayoutEncoding } from "./file-encoding.ts";
import { countRows, createSampleTable, deleteRows, insertRows, layoutTestAreas, SAMPLE_HEADER, storedRows } from "./sample-layout.fixture.ts";

let t: TestPlatform;

beforeAll(async () => {
  t = await createTestPlatform(layoutTestAreas());
  await addTenants(t.db);
  await createSampleTable(t.db);
});
afterAll(() => t.close());

const EXISTING = { item_no: 7, name: "既存", note: null, born_on: null, quantity: null, score: null, active: true, kind: "person" as const };

beforeEach(async () => {
  await deleteRows(t.db, TOWN_A.id);
  await deleteRows(t.db, TOWN_B.id);
  await insertRows(t.db, TOWN_A.id, [EXISTING]);
});

/** A file of CRLF-terminated lines; a line may itself hold line breaks inside quotes. */
const file = (...lines: string[]) => Buffer.from(lines.map((l) => `${l}\r\n`).join(""), "utf8");

function importInto(tenantId: string, input: Buffer, encoding: LayoutEncoding = "utf-8"): Promise<ImportResult> {
  return importLayout(t.platform, tenantId, "sample.items", input, { encoding, fileName: "data.csv" });
}

function errorsOf(result: ImportResult): ImportError[] {
  if (!("errors" in result)) throw new Error(`expected errors, imported ${result.imported}`);
  return result.errors;
}

const at = (line: number, column: string | null, columnNumber: number | null, code: string) =>
  expect.objectContaining({ file: "data.csv", line, column, columnNumber, code });

describe("an import with bad cells", () => {
  const bad = file(
    SAMPLE_HEADER,
    "x,山田,,,,,true,person",
    "2,,,,,,true,person",
    "3,佐藤,,2026-02-29,,,true,company",
    '4,鈴木,"複数\r\n行の備考",2024-02-29,1.5,,maybe,person',
    "5,田中,,,,,true,person",
  );

  it("reports every bad cell with its physical line and column, in file order", async () => {
    expect(errorsOf(await importInto(TOWN_A.id, bad))).toEqual([
      at(2, "item_no", 1, "not-an-integer"),
      at(3, "name", 2, "required"),
      at(4, "born_on", 4, "invalid-date"),
      at(4, "kind", 8, "not-a-listed-value"),
      at(6, "quantity", 5, "not-an-integer"),
      at(6, "active", 7, "not-a-boolean"),
    ]);
  });

  it("writes nothing, not even the valid rows", async () => {
    expect(await countRows(t.db, TOWN_A.id)).toBe(1);
    await importInto(TOWN_A.id, bad);
    expect(await storedRows(t.db, TOWN_A.id)).toEqual([EXISTING]);
  });

  it("never repeats a cell's content in its messages", async () => {
    const text = JSON.stringify(errorsOf(await importInto(TOWN_A.id, bad)));
    for (const secret of ["山田", "佐藤", "鈴木", "2026-02-29", "company", "maybe", "複数"]) expect(text).not.toContain(secret);
  });

  it("audits the rejected import with its error count, not its content", async () => {
    await importInto(TOWN_A.id, bad);
    const entry = await t.db.withTenant(TOWN_A.id, async (tx) =>
      (await tx.query("SELECT subject, detail FROM audit_log WHERE action = 'layout.import-rejected' ORDER BY seq DESC LIMIT 1")).rows[0],
    );
    expect(entry).toEqual({
      subject: "sample.items",
      detail: { rows: 5, errors: 6, encoding: "utf-8", file: "data.csv", bytes: bad.length, cells: "neutralised" },
    });
  });
});

describe("line numbers", () => {
  it("stay physical through quoted multi-line cells: a cell is reported on the line where it starts", async () => {
    const input = file(
      SAMPLE_HEADER,
      '1,"名前\r\n続き","備考\r\n二行目\r\n三行目",2026-02-30,,,true,person',
      "2,次,,,,,yes,person",
    );
    expect(errorsOf(await importInto(TOWN_A.id, input))).toEqual([at(5, "born_on", 4, "invalid-date"), at(6, "active", 7, "not-a-boolean")]);
  });

  it("count blank lines and LF-only line ends too", async () => {
    const input = Buffer.from(`${SAMPLE_HEADER}\n\n1,a,,,,,true,person\n\n2,b,,,,,no,person\n`);
    expect(errorsOf(await importInto(TOWN_A.id, input))).toEqual([at(5, "active", 7, "not-a-boolean")]);
  });
});

describe("dates", () => {
  it("accept 2024-02-29, a leap day, and store it as that day", async () => {
    expect(await importInto(TOWN_B.id, file(SAMPLE_HEADER, "1,閏日,,2024-02-29,,,true,person"))).toEqual({ imported: 1 });
    expect((await storedRows(t.db, TOWN_B.id))[0]!.born_on).toBe("2024-02-29");
  });

  it("refuse 2026-02-29, which does not exist, and write nothing", async () => {
    expect(errorsOf(await importInto(TOWN_B.id, file(SAMPLE_HEADER, "1,閏日,,2026-02-29,,,true,person")))).toEqual([
      at(2, "born_on", 4, "invalid-date"),
    ]);
    expect(await countRows(t.db, TOWN_B.id)).toBe(0);
  });
});

describe("the header", () => {
  it("reports unknown, duplicate and missing columns by position, and checks no data before it is right", async () => {
    const input = file("item_no,name,nickname,born_on,quantity,score,active,kind,name", "x,,,,,,,,");
    expect(errorsOf(await importInto(TOWN_A.id, input))).toEqual([
      at(1, "nickname", 3, "header-unknown-column"),
      at(1, "name", 9, "header-duplicate-column"),
      at(1, "note", 3, "header-missing-column"),
    ]);
  });

  it("must list the columns in the layout's order", async () => {
    const input = file("name,item_no,note,born_on,quantity,score,active,kind", "a,1,,,,,true,person");
    expect(errorsOf(await importInto(TOWN_A.id, input))).toEqual([
      at(1, "name", 1, "header-column-order"),
      at(1, "item_no", 2, "header-column-order"),
    ]);
  });

  it("is required: an empty file is refused, a file with only the header imports nothing", async () => {
    expect(errorsOf(await importInto(TOWN_B.id, Buffer.alloc(0)))).toEqual([at(1, null, null, "empty-file")]);
    expect(await importInto(TOWN_B.id, file(SAMPLE_HEADER))).toEqual({ imported: 0 });
  });
});

describe("file syntax and encoding", () => {
  it("reports malformed quoting and a wrong number of fields, each on its line, and still checks the other records", async () => {
    const input = file(SAMPLE_HEADER, '1,ab"c,,,,,true,person', "2,ok,,,,,true,person", "3,short,true", "4,ok,,,,,x,person");
    expect(errorsOf(await importInto(TOWN_A.id, input))).toEqual([
      at(2, "name", 2, "csv-quote-in-unquoted-field"),
      at(4, null, null, "field-count"),
      at(5, "active", 7, "not-a-boolean"),
    ]);
  });

  it("reports a quote never closed at the line where it opened", async () => {
    const input = file(SAMPLE_HEADER, "1,ok,,,,,true,person", '2,"never closed,,,,,true,person', "3,ok,,,,,true,person");
    expect(errorsOf(await importInto(TOWN_A.id, input))).toEqual([at(3, "name", 2, "csv-unterminated-quote")]);
  });

  it("reports the lines of bytes that are not UTF-8", async () => {
    const input = Buffer.concat([file(SAMPLE_HEADER, "1,ok,,,,,true,person"), Buffer.from([0x32, 0x2c, 0xff, 0x0d, 0x0a])]);
    expect(errorsOf(await importInto(TOWN_A.id, input))).toEqual([at(3, null, null, "invalid-utf-8")]);
  });

  it("accepts a UTF-8 byte-order mark", async () => {
    const input = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), file(SAMPLE_HEADER, "1,𠮷田,,,,,true,person")]);
    expect(await importInto(TOWN_B.id, input)).toEqual({ imported: 1 });
    expect((await storedRows(t.db, TOWN_B.id))[0]!.name).toBe("𠮷田");
  });

  it("reads Shift_JIS as CP932, with the characters legacy tools write such as 髙 and ①", async () => {
    const input = iconv.encode(`${SAMPLE_HEADER}\r\n1,髙橋①,"ﾃｽﾄ,㈱",,,,true,organisation\r\n`, "cp932");
    expect(await importInto(TOWN_B.id, input, "shift_jis")).toEqual({ imported: 1 });
    expect((await storedRows(t.db, TOWN_B.id))[0]).toMatchObject({ name: "髙橋①", note: "ﾃｽﾄ,㈱" });
  });
});

describe("all or nothing", () => {
  it("reports the layout's own cross-row checks on the line and column of the offending cell", async () => {
    const input = file(SAMPLE_HEADER, "1,a,,,,,true,person", '"1",b,,,,,true,person', "7,c,,,,,true,person");
    expect(errorsOf(await importInto(TOWN_A.id, input))).toEqual([
      { file: "data.csv", line: 3, column: "item_no", columnNumber: 1, code: "layout-rule", message: "the item number appears twice in the file" },
      { file: "data.csv", line: 4, column: "item_no", columnNumber: 1, code: "layout-rule", message: "the item number is already used" },
    ]);
    expect(await countRows(t.db, TOWN_A.id)).toBe(1);
  });

  it("rolls back every row when the database refuses one in the middle", async () => {
    const input = file(SAMPLE_HEADER, "1,a,,,,,true,person", "2,b,,,3000000000,,true,person", "3,c,,,,,true,person");
    await expect(importInto(TOWN_A.id, input)).rejects.toThrow(/out of range/);
    expect(await storedRows(t.db, TOWN_A.id)).toEqual([EXISTING]);
  });

  it("writes every row of a valid file and leaves other municipalities untouched", async () => {
    const input = file(SAMPLE_HEADER, "1,a,,,,,true,person", "2,b,,2000-01-01,3,2.5,false,organisation");
    expect(await importInto(TOWN_B.id, input)).toEqual({ imported: 2 });
    expect((await storedRows(t.db, TOWN_B.id)).map((r) => r.item_no)).toEqual([1, 2]);
    expect(await storedRows(t.db, TOWN_A.id)).toEqual([EXISTING]);
  });
});

describe("error cap", () => {
  it("collects a thousand errors, then one too-many-errors entry, and stops", async () => {
    const lines = Array.from({ length: 1500 }, (_, k) => `bad${k},a,,,,,true,person`);
    const errors = errorsOf(await importInto(TOWN_A.id, file(SAMPLE_HEADER, ...lines)));
    expect(errors).toHaveLength(1001);
    expect(errors[999]).toEqual(at(1001, "item_no", 1, "not-an-integer"));
    expect(errors[1000]).toEqual(at(1002, null, null, "too-many-errors"));
  });
});
