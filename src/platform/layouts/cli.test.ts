import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import iconv from "iconv-lite";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addTenants, TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { runExportCommand, runImportCommand } from "./cli.ts";
import { countRows, createSampleTable, deleteRows, insertRows, layoutTestAreas, SAMPLE_HEADER, storedRows } from "./sample-layout.fixture.ts";

let t: TestPlatform;
let dir: string;

const ROW = { item_no: 1, name: "葉山 一郎", note: "二行の\r\n備考", born_on: "1980-04-01", quantity: 3, score: null, active: true, kind: "person" as const };

beforeAll(async () => {
  t = await createTestPlatform(layoutTestAreas());
  await addTenants(t.db);
  await createSampleTable(t.db);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kyodo-layout-cli-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  await t.close();
});
beforeEach(async () => {
  await deleteRows(t.db, TOWN_A.id);
  await deleteRows(t.db, TOWN_B.id);
  await insertRows(t.db, TOWN_A.id, [ROW]);
});

/** Captures what a command prints. */
function io() {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const sink = (chunks: Buffer[]) =>
    new Writable({
      write(chunk, _encoding, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    });
  return {
    streams: { stdout: sink(out), stderr: sink(err) },
    stdout: () => Buffer.concat(out),
    stderr: () => Buffer.concat(err).toString("utf8"),
  };
}

describe("kyodo export", () => {
  it("writes the layout to --out and says how many rows, without any personal data", async () => {
    const out = path.join(dir, "a.csv");
    const captured = io();
    expect(await runExportCommand(t.platform, ["sample.items", "--tenant", TOWN_A.id, "--out", out], captured.streams)).toBe(0);
    expect(await fs.readFile(out, "utf8")).toBe(`${SAMPLE_HEADER}\r\n1,葉山 一郎,"二行の\r\n備考",1980-04-01,3,,true,person\r\n`);
    expect(captured.stderr()).toBe(
      `exported 1 row of sample.items for ${TOWN_A.id} to ${out} (utf-8); free-text cells starting with = + - @ tab or CR are prefixed with ' for spreadsheets\n`,
    );
    expect(captured.stdout().length).toBe(0);
  });

  it("writes to stdout without --out, in Shift_JIS on request", async () => {
    const captured = io();
    expect(await runExportCommand(t.platform, ["sample.items", "--tenant", TOWN_A.id, "--encoding", "shift_jis"], captured.streams)).toBe(0);
    expect(iconv.decode(captured.stdout(), "cp932")).toContain("葉山 一郎");
  });

  it("fails with exit 1 naming the code point when Shift_JIS cannot hold a character, and leaves no file behind", async () => {
    await insertRows(t.db, TOWN_A.id, [{ ...ROW, item_no: 2, name: "𠮷田 花子" }]);
    const out = path.join(dir, "sjis.csv");
    const captured = io();
    const code = await runExportCommand(t.platform, ["sample.items", "--tenant", TOWN_A.id, "--encoding", "shift_jis", "--out", out], captured.streams);
    expect(code).toBe(1);
    expect(captured.stderr()).toContain("row 2 (line 4), column 2 name: U+20BB7 cannot be written in Shift_JIS (CP932)");
    expect(captured.stderr()).not.toMatch(/𠮷|花子/);
    expect(await fs.readdir(dir)).not.toContain("sjis.csv");
    expect(await fs.readdir(dir)).not.toContain("sjis.csv.partial");
  });

  it("exits 2 with the usage for an unknown layout, a missing or unknown municipality, an unknown encoding or option", async () => {
    const cases = [
      ["sample.nothing", "--tenant", TOWN_A.id],
      ["sample.items"],
      ["sample.items", "--tenant", "999999"],
      ["sample.items", "--tenant", TOWN_A.id, "--encoding", "euc-jp"],
      ["sample.items", "--tenant", TOWN_A.id, "--verbose"],
      [],
    ];
    for (const args of cases) {
      const captured = io();
      expect(await runExportCommand(t.platform, args, captured.streams), args.join(" ")).toBe(2);
      expect(captured.stderr()).toContain("usage: kyodo export");
    }
  });
});

describe("kyodo export and import of cells a spreadsheet would run (ADR 0018)", () => {
  const FORMULA = "=cmd|' /C calc'!A0";

  it("a third-party file neutralises the formula and the default import restores it", async () => {
    await deleteRows(t.db, TOWN_A.id);
    await insertRows(t.db, TOWN_A.id, [{ ...ROW, name: FORMULA }]);
    const out = path.join(dir, "third-party.csv");
    expect(await runExportCommand(t.platform, ["sample.items", "--tenant", TOWN_A.id, "--out", out], io().streams)).toBe(0);
    const line = (await fs.readFile(out, "utf8")).split("\r\n")[1];
    expect(line).toMatch(/^1,'=cmd\|/);
    expect(await runImportCommand(t.platform, ["sample.items", "--tenant", TOWN_B.id, "--file", out], io().streams)).toBe(0);
    expect((await storedRows(t.db, TOWN_B.id))[0]?.name).toBe(FORMULA);
  });

  it("a migration file is byte-exact and says so; --cells raw imports it unchanged", async () => {
    await deleteRows(t.db, TOWN_A.id);
    await insertRows(t.db, TOWN_A.id, [{ ...ROW, name: `'${FORMULA}` }]);
    const out = path.join(dir, "migration.csv");
    const captured = io();
    expect(await runExportCommand(t.platform, ["sample.items", "--tenant", TOWN_A.id, "--out", out, "--audience", "migration"], captured.streams)).toBe(0);
    expect(captured.stderr()).toContain("cells not neutralised");
    // As stored, one quote; a third-party file would have doubled it to keep the encoding reversible.
    expect((await fs.readFile(out, "utf8")).split("\r\n")[1]).toMatch(/^1,'=cmd\|/);
    const imported = io();
    expect(await runImportCommand(t.platform, ["sample.items", "--tenant", TOWN_B.id, "--file", out, "--cells", "raw"], imported.streams)).toBe(0);
    expect((await storedRows(t.db, TOWN_B.id))[0]?.name).toBe(`'${FORMULA}`);
  });

  it("refuses an unknown --cells value and imports nothing", async () => {
    const out = path.join(dir, "any.csv");
    expect(await runExportCommand(t.platform, ["sample.items", "--tenant", TOWN_A.id, "--out", out], io().streams)).toBe(0);
    const captured = io();
    expect(await runImportCommand(t.platform, ["sample.items", "--tenant", TOWN_B.id, "--file", out, "--cells", "excel"], captured.streams)).toBe(2);
    expect(captured.stderr()).toContain("--cells is one of neutralised, raw");
    expect(await storedRows(t.db, TOWN_B.id)).toEqual([]);
  });
});

describe("kyodo import", () => {
  it("imports a file exported from another municipality and prints the count", async () => {
    const file = path.join(dir, "round.csv");
    await runExportCommand(t.platform, ["sample.items", "--tenant", TOWN_A.id, "--out", file], io().streams);
    const captured = io();
    expect(await runImportCommand(t.platform, ["sample.items", "--tenant", TOWN_B.id, "--file", file], captured.streams)).toBe(0);
    expect(captured.stdout().toString("utf8")).toBe(`imported 1 row of sample.items into ${TOWN_B.id}\n`);
    expect(await storedRows(t.db, TOWN_B.id)).toEqual([ROW]);
  });

  it("prints every error as file:line:column like a compiler, exits 1 and writes nothing", async () => {
    const file = path.join(dir, "bad.csv");
    await fs.writeFile(file, `${SAMPLE_HEADER}\r\n2,"複数\r\n行",,2026-02-29,,,true,person\r\n3,,,,,,true,person\r\n4,x,,,,,true,person,extra\r\n`);
    const captured = io();
    expect(await runImportCommand(t.platform, ["sample.items", "--tenant", TOWN_B.id, "--file", file], captured.streams)).toBe(1);
    expect(captured.stderr()).toBe(
      [
        `${file}:3:4: born_on: expected a calendar date written YYYY-MM-DD [invalid-date]`,
        `${file}:4:2: name: a value is required [required]`,
        `${file}:5: the record has 9 fields; the layout has 8 columns [field-count]`,
        "3 errors; nothing was imported",
        "",
      ].join("\n"),
    );
    expect(await countRows(t.db, TOWN_B.id)).toBe(0);
  });

  it("reads Shift_JIS files with --encoding shift_jis", async () => {
    const file = path.join(dir, "sjis-in.csv");
    await fs.writeFile(file, iconv.encode(`${SAMPLE_HEADER}\r\n9,髙橋 ①,,,,,true,person\r\n`, "cp932"));
    expect(await runImportCommand(t.platform, ["sample.items", "--tenant", TOWN_B.id, "--file", file, "--encoding", "shift_jis"], io().streams)).toBe(0);
    expect((await storedRows(t.db, TOWN_B.id))[0]!.name).toBe("髙橋 ①");
  });

  it("exits 2 for a file that cannot be read or a missing --file", async () => {
    for (const args of [
      ["sample.items", "--tenant", TOWN_B.id, "--file", path.join(dir, "missing.csv")],
      ["sample.items", "--tenant", TOWN_B.id],
    ]) {
      const captured = io();
      expect(await runImportCommand(t.platform, args, captured.streams)).toBe(2);
      expect(captured.stderr()).toContain("usage: kyodo import");
    }
  });
});
