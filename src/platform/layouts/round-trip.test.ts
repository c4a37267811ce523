import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import iconv from "iconv-lite";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addTenants, TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { exportLayout, exportLayoutTo, LayoutEncodingError } from "./export.ts";
import { importLayout } from "./import.ts";
import type { LayoutEncoding } from "./file-encoding.ts";
import {
  createSampleTable,
  deleteRows,
  insertRows,
  layoutTestAreas,
  SAMPLE_HEADER,
  storedRows,
  type SampleRow,
} from "./sample-layout.fixture.ts";

let t: TestPlatform;

beforeAll(async () => {
  t = await createTestPlatform(layoutTestAreas());
  await addTenants(t.db);
  await createSampleTable(t.db);
});
afterAll(() => t.close());
beforeEach(async () => {
  await deleteRows(t.db, TOWN_A.id);
  await deleteRows(t.db, TOWN_B.id);
});

async function exportBytes(tenantId: string, encoding: LayoutEncoding = "utf-8"): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of exportLayout(t.platform, tenantId, "sample.items", { encoding, fileName: "test.csv" })) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function auditEntries(tenantId: string, action: string) {
  return t.db.withTenant(tenantId, async (tx) =>
    (
      await tx.query("SELECT actor, subject, detail FROM audit_log WHERE action = $1 ORDER BY seq", [action])
    ).rows as { actor: string; subject: string; detail: Record<string, unknown> }[],
  );
}

const row = (over: Partial<SampleRow> & { item_no: number }): SampleRow => ({
  name: "山田 太郎",
  note: null,
  born_on: null,
  quantity: null,
  score: null,
  active: true,
  kind: "person",
  ...over,
});

/** Text with what breaks naive CSV and naive encodings: separators, quotes, line breaks, 𠮷, IVS. */
const tricky = fc.oneof(
  fc.constantFrom(",", '"', "\r", "\n", "\r\n", " ", "'", "=", "+", "-", "@", "𠮷", "髙", "葛\u{E0100}", "辻\u{E0101}", "ｱ", "🗾", "\t"),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }).filter((s) => !s.includes("\u0000")),
);
/** Text CP932 can hold, including the NEC/IBM extensions. */
const cp932 = fc.constantFrom(",", '"', "\r\n", "\n", " ", "山", "田", "髙", "﨑", "ﾔﾏﾀﾞ", "①", "㈱", "～", "a", "Z", "9", "-");

function rowsOf(text: fc.Arbitrary<string>): fc.Arbitrary<SampleRow[]> {
  const value = fc.string({ unit: text, minLength: 1, maxLength: 12 });
  const sample = fc.record({
    item_no: fc.integer({ min: 1, max: 2_147_483_647 }),
    name: value,
    note: fc.option(value, { nil: null }),
    born_on: fc.option(
      fc.date({ min: new Date("1868-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }).map((d) =>
        d.toISOString().slice(0, 10),
      ),
      { nil: null },
    ),
    quantity: fc.option(fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }), { nil: null }),
    score: fc.option(
      fc.double({ min: -1e12, max: 1e12, noNaN: true }).filter((x) => x === 0 ? !Object.is(x, -0) : Math.abs(x) > 1e-300),
      { nil: null },
    ),
    active: fc.boolean(),
    kind: fc.constantFrom("person" as const, "organisation" as const),
  });
  return fc.uniqueArray(sample, { selector: (r) => r.item_no, maxLength: 15 });
}

describe("export → import round trip (標準レイアウト)", () => {
  it("is lossless into an empty municipality for any rows in UTF-8: same rows, and the same file exported again", async () => {
    await fc.assert(
      fc.asyncProperty(rowsOf(tricky), async (rows) => {
        await deleteRows(t.db, TOWN_A.id);
        await deleteRows(t.db, TOWN_B.id);
        await insertRows(t.db, TOWN_A.id, rows);
        const file = await exportBytes(TOWN_A.id);
        const result = await importLayout(t.platform, TOWN_B.id, "sample.items", file, { encoding: "utf-8", fileName: "a.csv" });
        expect(result).toEqual({ imported: rows.length });
        expect(await storedRows(t.db, TOWN_B.id)).toEqual(await storedRows(t.db, TOWN_A.id));
        expect(await exportBytes(TOWN_B.id)).toEqual(file);
      }),
      { numRuns: 100 },
    );
  });

  it("is lossless in Shift_JIS for any text CP932 can hold", async () => {
    await fc.assert(
      fc.asyncProperty(rowsOf(cp932), async (rows) => {
        await deleteRows(t.db, TOWN_A.id);
        await deleteRows(t.db, TOWN_B.id);
        await insertRows(t.db, TOWN_A.id, rows);
        const file = await exportBytes(TOWN_A.id, "shift_jis");
        const result = await importLayout(t.platform, TOWN_B.id, "sample.items", file, { encoding: "shift_jis", fileName: "a.csv" });
        expect(result).toEqual({ imported: rows.length });
        expect(await storedRows(t.db, TOWN_B.id)).toEqual(await storedRows(t.db, TOWN_A.id));
      }),
      { numRuns: 20 },
    );
  });
});

describe("the exported file", () => {
  it("has a header of the column names, RFC 4180 quoting, CRLF line ends, no BOM, dates as YYYY-MM-DD, empty cells for no value", async () => {
    await insertRows(t.db, TOWN_A.id, [
      row({ item_no: 2, name: '髙橋 "タカ", 二郎', note: "一行目\r\n二行目", born_on: "2024-02-29", quantity: -5, score: 0.1 }),
      row({ item_no: 1, name: "𠮷田", active: false, kind: "organisation" }),
    ]);
    const text = (await exportBytes(TOWN_A.id)).toString("utf8");
    expect(text).toBe(
      `${SAMPLE_HEADER}\r\n` +
        "1,𠮷田,,,,,false,organisation\r\n" +
        '2,"髙橋 ""タカ"", 二郎","一行目\r\n二行目",2024-02-29,-5,0.1,true,person\r\n',
    );
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it("streams many rows across cursor batches and output chunks, in the layout's order", async () => {
    const rows = Array.from({ length: 300 }, (_, k) => row({ item_no: 300 - k, note: "長".repeat(150) + String(k) }));
    await insertRows(t.db, TOWN_A.id, rows);
    const file = await exportBytes(TOWN_A.id);
    expect(file.length).toBeGreaterThan(2 * 64 * 1024);
    const lines = file.toString("utf8").split("\r\n");
    expect(lines).toHaveLength(302);
    expect(lines.slice(1, 301).map((l) => Number(l.split(",")[0]))).toEqual(Array.from({ length: 300 }, (_, k) => k + 1));
  });

  it("contains only the rows of the municipality that exports", async () => {
    await insertRows(t.db, TOWN_A.id, [row({ item_no: 1, name: "葉山の人" })]);
    await insertRows(t.db, TOWN_B.id, [row({ item_no: 1, name: "寒川の人" })]);
    const text = (await exportBytes(TOWN_B.id)).toString("utf8");
    expect(text).toContain("寒川の人");
    expect(text).not.toContain("葉山の人");
  });
});

describe("Shift_JIS (CP932) export of a character it cannot hold", () => {
  beforeEach(async () => {
    await insertRows(t.db, TOWN_A.id, [
      row({ item_no: 1, name: "髙橋", note: "一行目\r\n二行目" }),
      row({ item_no: 2, name: "﨑山" }),
      row({ item_no: 3, name: "改行\nあり", note: "𠮷田 方" }),
    ]);
  });

  it("fails naming the row, the line, the column and the code point, never the text", async () => {
    const failure = await exportLayoutTo(t.platform, TOWN_A.id, "sample.items", async () => {}, { encoding: "shift_jis" }).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(LayoutEncodingError);
    expect(failure).toMatchObject({ row: 3, line: 6, column: "note", columnNumber: 3, codePoint: 0x20bb7 });
    const message = (failure as Error).message;
    expect(message).toBe("row 3 (line 6), column 3 note: U+20BB7 cannot be written in Shift_JIS (CP932)");
    expect(message).not.toMatch(/𠮷|田|髙/);
  });

  it("destroys the stream with that error, writes no '?', and audits the failure in the municipality's log", async () => {
    const exportedBefore = (await auditEntries(TOWN_A.id, "layout.exported")).length;
    const chunks: Buffer[] = [];
    const failure = await (async () => {
      for await (const chunk of exportLayout(t.platform, TOWN_A.id, "sample.items", { encoding: "shift_jis" })) chunks.push(chunk);
    })().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LayoutEncodingError);
    expect(iconv.decode(Buffer.concat(chunks), "cp932")).not.toContain("?");
    const failed = await auditEntries(TOWN_A.id, "layout.export-failed");
    expect(failed.at(-1)).toMatchObject({ subject: "sample.items", detail: { reason: "layout-unencodable", encoding: "shift_jis" } });
    expect(await auditEntries(TOWN_A.id, "layout.exported")).toHaveLength(exportedBefore);
  });

  it("exports the same rows in UTF-8", async () => {
    expect((await exportBytes(TOWN_A.id, "utf-8")).toString("utf8")).toContain("𠮷田 方");
  });
});

/** Names a spreadsheet would run as formulas (OWASP CSV Injection), and values that look neutralised already. */
const HOSTILE_NAMES = ["=cmd|' /C calc'!A0", "+81-3-1234", "-1", "@SUM(A1:A9)", "\tタブ", "\r改行", "'=1+1", "''-x", "'quoted'", "O'Brien"];

describe("spreadsheet-safe cells (OWASP CSV Injection, ADR 0018)", () => {
  const hostileRows = () =>
    HOSTILE_NAMES.map((name, k) => row({ item_no: k + 1, name, note: name, quantity: -k, score: -0.5 - k }));

  it("a third-party export starts no text cell with = + - @ tab or CR, and numbers stay numbers", async () => {
    await insertRows(t.db, TOWN_A.id, hostileRows());
    const text = (await exportBytes(TOWN_A.id)).toString("utf8");
    const records = text.split("\r\n").slice(1, -1);
    expect(records[0]).toBe("1,'=cmd|' /C calc'!A0,'=cmd|' /C calc'!A0,,0,-0.5,true,person");
    expect(records[4]).toBe("5,'\tタブ,'\tタブ,,-4,-4.5,true,person");
    expect(records[2]).toBe("3,'-1,'-1,,-2,-2.5,true,person");
    expect(records[6]).toBe("7,''=1+1,''=1+1,,-6,-6.5,true,person");
    expect(records[8]).toBe("9,'quoted','quoted',,-8,-8.5,true,person");
  });

  it("exported for a third party and imported into another municipality, hostile names come back unchanged", async () => {
    await insertRows(t.db, TOWN_A.id, hostileRows());
    const file = await exportBytes(TOWN_A.id);
    expect(await importLayout(t.platform, TOWN_B.id, "sample.items", file, { encoding: "utf-8", fileName: "a.csv" })).toEqual({
      imported: HOSTILE_NAMES.length,
    });
    expect((await storedRows(t.db, TOWN_B.id)).map((r) => r.name)).toEqual(HOSTILE_NAMES);
    expect(await storedRows(t.db, TOWN_B.id)).toEqual(await storedRows(t.db, TOWN_A.id));
  });

  it("a migration export holds every cell as stored, says so, and imports back as raw", async () => {
    await insertRows(t.db, TOWN_A.id, hostileRows());
    const chunks: Buffer[] = [];
    const summary = await exportLayoutTo(t.platform, TOWN_A.id, "sample.items", async (c) => void chunks.push(c), {
      encoding: "utf-8",
      audience: "migration",
      fileName: "move.csv",
    });
    expect(summary).toMatchObject({ rows: HOSTILE_NAMES.length, cells: "raw" });
    const text = Buffer.concat(chunks).toString("utf8");
    expect(text).toContain("\r\n1,=cmd|' /C calc'!A0,=cmd|' /C calc'!A0,");
    expect(text).toContain("\r\n7,'=1+1,'=1+1,");
    expect((await auditEntries(TOWN_A.id, "layout.exported")).at(-1)?.detail).toMatchObject({ audience: "migration", cells: "raw" });
    const file = Buffer.concat(chunks);
    const result = await importLayout(t.platform, TOWN_B.id, "sample.items", file, { encoding: "utf-8", fileName: "move.csv", cells: "raw" });
    expect(result).toEqual({ imported: HOSTILE_NAMES.length });
    expect((await storedRows(t.db, TOWN_B.id)).map((r) => r.name)).toEqual(HOSTILE_NAMES);
  });

  it("a raw file read as neutralised loses the one quote before a formula: why a migration import must say raw", async () => {
    const file = Buffer.from(`${SAMPLE_HEADER}\r\n1,'=1+1,,,,,true,person\r\n`);
    await importLayout(t.platform, TOWN_B.id, "sample.items", file, { encoding: "utf-8", fileName: "a.csv" });
    expect((await storedRows(t.db, TOWN_B.id))[0]?.name).toBe("=1+1");
  });
});

describe("audit of exports and imports", () => {
  it("records layout.exported with the row count, encoding and file name in the exporting municipality's chain", async () => {
    await insertRows(t.db, TOWN_A.id, [row({ item_no: 1 }), row({ item_no: 2 })]);
    const otherBefore = (await auditEntries(TOWN_B.id, "layout.exported")).length;
    await exportLayoutTo(t.platform, TOWN_A.id, "sample.items", async () => {}, {
      encoding: "utf-8",
      actor: "staff:x",
      fileName: "out.csv",
    });
    expect((await auditEntries(TOWN_A.id, "layout.exported")).at(-1)).toEqual({
      actor: "staff:x",
      subject: "sample.items",
      detail: { rows: 2, encoding: "utf-8", file: "out.csv", audience: "third-party", cells: "neutralised", withheld: 0 },
    });
    expect(await auditEntries(TOWN_B.id, "layout.exported")).toHaveLength(otherBefore);
  });

  it("records layout.imported with the row count, encoding and file name", async () => {
    const file = Buffer.from(`${SAMPLE_HEADER}\r\n1,名前,,,,,true,person\r\n`);
    await importLayout(t.platform, TOWN_B.id, "sample.items", file, { encoding: "utf-8", fileName: "in.csv", actor: "cli:ops" });
    expect((await auditEntries(TOWN_B.id, "layout.imported")).at(-1)).toEqual({
      actor: "cli:ops",
      subject: "sample.items",
      detail: { rows: 1, encoding: "utf-8", file: "in.csv", bytes: file.length, cells: "neutralised" },
    });
  });

  it("stops reading and audits layout.export-failed when the reader goes away mid-export", async () => {
    await insertRows(t.db, TOWN_A.id, Array.from({ length: 400 }, (_, k) => row({ item_no: k + 1, note: "長".repeat(200) })));
    const before = (await auditEntries(TOWN_A.id, "layout.export-failed")).length;
    const stream = exportLayout(t.platform, TOWN_A.id, "sample.items", { encoding: "utf-8" });
    for await (const _chunk of stream) break;
    const deadline = Date.now() + 10_000;
    let failed = await auditEntries(TOWN_A.id, "layout.export-failed");
    while (failed.length === before && Date.now() < deadline) {
      await new Promise((resolve) => setImmediate(resolve));
      failed = await auditEntries(TOWN_A.id, "layout.export-failed");
    }
    expect(failed.at(-1)).toMatchObject({ detail: { reason: "layout-export-aborted" } });
    expect((failed.at(-1)!.detail.rowsSent as number) < 400).toBe(true);
  });
});
