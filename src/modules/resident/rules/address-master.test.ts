// 町字マスター and the registry (ADR 0022): the in-town address is chosen from the master and
// stored in its form, addresses elsewhere are read against the national master, search finds a
// 町字 however much of the address is typed, and the report lists what does not match.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "../../../../test/support/platform.ts";
import { addStaff, PASSWORD, TOWN_A, TOWN_B } from "../../../../test/support/fixtures.ts";
import { login } from "../../../../test/support/http.ts";
import { saveTownAreas, townAreasFromPostalData } from "../../../platform/address/demo.ts";
import { registerNonResident } from "../../../platform/addressee/register.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { searchResidents } from "../search.ts";
import { createResidentTestPlatform, inTenant, moveIn, moveInFamily, personInput, record } from "../resident-test-support.ts";

let t: TestPlatform;

beforeAll(async () => {
  t = await createResidentTestPlatform();
  // Town A has its master (葉山町, from the postal data); town B has none yet.
  await inTenant(t, async (tx) => saveTownAreas(tx, await townAreasFromPostalData(TOWN_A.id)));
}, 60_000);
afterAll(() => t.close());

async function refusal(promise: Promise<unknown>): Promise<Problem> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(Problem);
  return error as Problem;
}

describe("address-in-town-master: 転入先・転居先 from the 町字マスター", () => {
  it("refuses a 転居 to an address outside the town, in Japanese, and writes nothing", async () => {
    const { householdId } = await moveInFamily(t, "転居", "テンキョ");
    const p = await refusal(
      record(t, { kind: "address-changed", effectiveDate: "2025-01-10", notifiedDate: "2025-01-10", householdId, address: { postalCode: "1000001", address: "東京都千代田区千代田1番1号" } }),
    );
    expect(p.code).toBe("address-in-town-master");
    expect(p.errors).toEqual([{ field: "body/address/address", message: expect.stringContaining("この町の住所ではありません") }]);
  });

  it("refuses a 町字 the master does not know and a 番地 that is not numbers", async () => {
    const { householdId } = await moveInFamily(t, "町字", "チョウジ");
    const move = (address: string) => record(t, { kind: "address-changed", effectiveDate: "2025-01-10", notifiedDate: "2025-01-10", householdId, address: { postalCode: "2400112", address } });
    expect((await refusal(move("神奈川県三浦郡葉山町堀ノ内1番地"))).errors?.[0]?.message).toContain("町字マスターにない町字");
    expect((await refusal(move("神奈川県三浦郡葉山町堀内字大石"))).errors?.[0]?.message).toContain("番地・号は数字");
  });

  it("stores a 転居先 typed as 葉山町堀内２１３５－３ in the master's form", async () => {
    const { householdId } = await moveInFamily(t, "正規", "セイキ");
    const change = await record(t, { kind: "address-changed", effectiveDate: "2025-02-01", notifiedDate: "2025-02-01", householdId, address: { postalCode: "2400112", address: "葉山町堀内２１３５－３" } });
    expect(change.entries[0]!.after.address).toBe("神奈川県三浦郡葉山町堀内2135番地3");
  });

  it("does not check a town that has imported no master yet", async () => {
    const change = await record(t, moveIn([personInput({ familyName: "未整備" })], { address: { postalCode: "2530111", address: "神奈川県高座郡寒川町どこか1番地" } }), TOWN_B.id);
    expect(change.entries[0]!.after.address).toBe("神奈川県高座郡寒川町どこか1番地");
  });
});

describe("address-in-national-master: 前住所・転出先・本籍", () => {
  it("refuses an unknown 市区町村 in the 前住所 and an unknown 都道府県 in the 本籍", async () => {
    const p = await refusal(record(t, moveIn([personInput({ familyName: "前住" })], { previousAddress: { postalCode: null, address: "東京都葉山町1番地" } })));
    expect(p.code).toBe("address-in-national-master");
    expect(p.errors).toEqual([{ field: "body/previousAddress/address", message: expect.stringContaining("市区町村") }]);
    const q = await refusal(record(t, moveIn([personInput({ familyName: "本籍", registeredDomicile: "江戸城1番" })])));
    expect(q.errors).toEqual([{ field: "body/persons/0/registeredDomicile", message: expect.stringContaining("都道府県") }]);
  });

  it("stores 前住所 and 本籍 with the 都道府県 and widths folded", async () => {
    const change = await record(
      t,
      moveIn([personInput({ familyName: "補完", registeredDomicile: "横浜市中区日本大通１番地" })], { previousAddress: { postalCode: null, address: "大阪府大阪市北区梅田１丁目１番１号" } }),
    );
    expect(change.entries[0]!.after).toMatchObject({ registeredDomicile: "神奈川県横浜市中区日本大通1番地", previousAddress: "大阪府大阪市北区梅田1丁目1番1号" });
  });
});

describe("住所検索: the three forms of an address find the same persons", () => {
  it("finds the persons of 堀内 by 「堀内」, 「葉山町堀内」 and 「神奈川県三浦郡葉山町堀内」, and not those of 一色", async () => {
    const { householdId } = await moveInFamily(t, "検索", "ケンサク");
    await record(t, { kind: "address-changed", effectiveDate: "2025-03-01", notifiedDate: "2025-03-01", householdId, address: { postalCode: "2400112", address: "神奈川県三浦郡葉山町堀内777番地" } });
    const elsewhere = await moveInFamily(t, "一色", "イッシキ");
    await record(t, { kind: "address-changed", effectiveDate: "2025-03-01", notifiedDate: "2025-03-01", householdId: elsewhere.householdId, address: { postalCode: "2400111", address: "神奈川県三浦郡葉山町一色777番地" } });
    const found = async (address: string) =>
      (await inTenant(t, (tx) => searchResidents(tx, { address, q: "ケンサク" }, 1, 50))).items.map((i) => i.personId).sort();
    const byTown = await found("堀内");
    expect(byTown).toHaveLength(3);
    expect(await found("葉山町堀内")).toEqual(byTown);
    expect(await found("神奈川県三浦郡葉山町堀内")).toEqual(byTown);
    expect(await found("堀内７７７")).toEqual(byTown);
    expect(await found("一色")).toEqual([]);
  });
});

describe("GET /api/address/unmatched: the mapping report", () => {
  it("lists by 宛名番号 only the residents and 住登外者 whose address does not match, and audits each", async () => {
    // A 住登外者 whose address names an unknown 市区町村.
    const legacy = await inTenant(t, (tx) =>
      registerNonResident(tx, t.platform.events, { kind: "person", name: "住所 不明", nameKana: "ジュウショ フメイ", birthDate: "1950-01-01", address: "東京都葉山町1番地", knownAs: "landowner" }),
    );
    await addStaff(t.db, TOWN_A.id, "report-admin", { addressee: ["admin"] });
    const admin = await login(await t.app(), "report-admin", PASSWORD, TOWN_A.id);
    const r = await admin.request({ method: "GET", url: "/api/address/unmatched", headers: { "x-kyodo-purpose": encodeURIComponent("住所の照合") } });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json() as { hasMaster: boolean; checked: number; items: { addresseeNumber: string; problem: string; isResident: boolean }[] };
    expect(body.hasMaster).toBe(true);
    expect(body.items).toContainEqual(expect.objectContaining({ addresseeNumber: legacy.number, problem: "unknown-municipality", isResident: false }));
    // The residents moved into 堀内1000番地 (the test fixture) match the master.
    expect(body.items.filter((i) => i.isResident)).toEqual([]);
    expect(r.body).not.toContain("東京都葉山町");
    const audited = await t.db.owner.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'address.unmatched-listed' AND subject = $1", [`addressee:${legacy.number}`]);
    expect(audited.rows[0].n).toBe(1);
    expect((await admin.request({ method: "GET", url: "/api/address/unmatched" })).statusCode).toBe(400);
  });
});
