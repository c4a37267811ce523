import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addOperator, addStaff, addTenants, PASSWORD, TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { login, type Session } from "../../../test/support/http.ts";
import { createConsortium } from "../tenancy/tenants.ts";

// 千代田区 (Tokyo): the fit-gap tenant, alone in its prefecture and consortium in this file.
const WARD_D = { id: "131016", name: "千代田区", nameKana: "チヨダク" };
const TOKYO = "130001";
const KUMIAI = "http-kumiai";
const FIT_GAP_KUMIAI = "fitgap-kumiai";

let t: TestPlatform;
let app: FastifyInstance;
let adminA: Session;
let clerkA: Session;
let adminB: Session;
let adminD: Session;
let operator: Session;

beforeAll(async () => {
  t = await createTestPlatform();
  await addTenants(t.db, TOWN_A, TOWN_B, WARD_D);
  await createConsortium(t.db, "system:test", { id: KUMIAI, name: "HTTPテスト組合", members: [TOWN_A.id] });
  await createConsortium(t.db, "system:test", { id: FIT_GAP_KUMIAI, name: "差分テスト組合", members: [WARD_D.id] });
  await addStaff(t.db, TOWN_A.id, "admin-a", { platform: ["admin"] });
  await addStaff(t.db, TOWN_A.id, "clerk-a", { platform: ["read"] });
  await addStaff(t.db, TOWN_B.id, "admin-b", { platform: ["admin"] });
  await addStaff(t.db, WARD_D.id, "admin-d", { platform: ["admin"] });
  await addOperator(t.db, "ops-settings");
  app = await t.app();
  adminA = await login(app, "admin-a", PASSWORD, TOWN_A.id);
  clerkA = await login(app, "clerk-a", PASSWORD, TOWN_A.id);
  adminB = await login(app, "admin-b", PASSWORD, TOWN_B.id);
  adminD = await login(app, "admin-d", PASSWORD, WARD_D.id);
  operator = await login(app, "ops-settings", PASSWORD);
});
afterAll(() => t.close());

/** Every setting declared by the composed areas, sorted: modules may add their own. */
const registeredKeys = () => t.platform.areas.flatMap((a) => a.settings ?? []).map((d) => d.key).sort();

/** Every recorded change and audit entry, to show a refused request wrote nothing. */
const written = async () =>
  (
    await t.db.owner.query(
      `SELECT (SELECT count(*) FROM setting_change)::int AS own, (SELECT count(*) FROM setting_group_change)::int AS groups,
              (SELECT count(*) FROM audit_log)::int AS audit`,
    )
  ).rows[0];

const put = (s: Session, key: string, payload: object) => s.request({ method: "PUT", url: `/api/settings/${key}`, payload });
const putGroup = (groupId: string, key: string, payload: object) =>
  operator.request({ method: "PUT", url: `/api/operator/groups/${groupId}/settings/${key}`, payload });
const setting = async (s: Session, key: string) =>
  ((await s.request({ method: "GET", url: "/api/settings" })).json() as { key: string }[]).find((x) => x.key === key);

describe("GET /api/settings", () => {
  it("lists every setting with its national default as the source for a municipality with no overrides", async () => {
    const response = await clerkA.request({ method: "GET", url: "/api/settings" });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { key: string; level: string; value: unknown; nationalDefault: unknown; source: string }[];
    expect(body.map((s) => s.key)).toEqual(registeredKeys());
    expect(body.map((s) => s.key).filter((k) => k.startsWith("platform."))).toEqual([
      "platform.certificateFeeYen",
      "platform.counterHours",
      "platform.mayorName",
      "platform.mayorTitle",
      "platform.municipalityDisplayName",
    ]);
    for (const s of body) {
      expect(s.level, s.key).toBe("national");
      expect(s.value, s.key).toEqual(s.nationalDefault);
      expect(s.source.length, s.key).toBeGreaterThan(0);
    }
  });

  it("is refused to an operator (staff only) and to an anonymous caller", async () => {
    expect((await operator.request({ method: "GET", url: "/api/settings" })).json()).toMatchObject({ status: 403, code: "forbidden" });
    const anonymous = await app.inject({ method: "GET", url: "/api/settings" });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe("PUT and DELETE /api/settings/:key (municipality admin)", () => {
  it("an admin's override applies at once, is reported as the municipality's, and is audited in the same transaction", async () => {
    const response = await put(adminA, "platform.mayorTitle", { value: "町長", reason: "町制施行" });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ key: "platform.mayorTitle", value: "町長", level: "municipality", scopeId: TOWN_A.id });
    expect(await setting(clerkA, "platform.mayorTitle")).toMatchObject({ value: "町長", level: "municipality", deviates: true });
    const audit = await t.db.withTenant(TOWN_A.id, (tx) =>
      tx.query("SELECT action, subject FROM audit_log ORDER BY seq DESC LIMIT 1"),
    );
    expect(audit.rows[0]).toEqual({ action: "settings.override-set", subject: "setting:platform.mayorTitle" });
  });

  it("a clerk without the platform admin role gets 403 and nothing is written", async () => {
    const before = await written();
    const response = await put(clerkA, "platform.mayorName", { value: "葉山 太郎", reason: "就任" });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe("forbidden");
    const clear = await clerkA.request({ method: "DELETE", url: "/api/settings/platform.mayorTitle", payload: { reason: "x" } });
    expect(clear.statusCode).toBe(403);
    expect(await written()).toEqual(before);
  });

  it("a value of the wrong type is a 400 naming the field, and nothing is written", async () => {
    const before = await written();
    const fee = await put(adminA, "platform.certificateFeeYen", { value: "300円", reason: "条例改正" });
    expect(fee.statusCode).toBe(400);
    expect(fee.headers["content-type"]).toContain("application/problem+json");
    expect(fee.json()).toMatchObject({ code: "invalid-setting-value", errors: [{ field: "body/value" }] });
    const hours = await put(adminA, "platform.counterHours", { value: { opens: "08:30", closes: "25:00" }, reason: "延長" });
    expect(hours.json()).toMatchObject({ status: 400, code: "invalid-setting-value", errors: [{ field: "body/value/closes" }] });
    expect(await written()).toEqual(before);
  });

  it("an unknown key is a 404 unknown-setting, for reads, writes and clears alike, and nothing is written", async () => {
    const before = await written();
    for (const response of [
      await put(adminA, "platform.noSuchSetting", { value: 1, reason: "x" }),
      await adminA.request({ method: "DELETE", url: "/api/settings/platform.noSuchSetting", payload: { reason: "x" } }),
      await adminA.request({ method: "GET", url: "/api/settings/platform.noSuchSetting/history" }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe("unknown-setting");
    }
    expect(await written()).toEqual(before);
  });

  it("a missing or blank reason is a 400 naming body/reason, and nothing is written", async () => {
    const before = await written();
    const missing = await put(adminA, "platform.mayorName", { value: "葉山 太郎" });
    expect(missing.json()).toMatchObject({ status: 400, errors: [{ field: "body/reason" }] });
    const blank = await put(adminA, "platform.mayorName", { value: "葉山 太郎", reason: "   " });
    expect(blank.json()).toMatchObject({ status: 400, errors: [{ field: "body/reason" }] });
    const noValue = await put(adminA, "platform.mayorName", { reason: "就任" });
    expect(noValue.json()).toMatchObject({ status: 400, errors: [{ field: "body/value" }] });
    expect(await written()).toEqual(before);
  });

  it("DELETE clears the override (recorded), the consortium's value applies again, and a second clear is a 409", async () => {
    expect((await putGroup(KUMIAI, "platform.certificateFeeYen", { value: 250, reason: "組合で統一" })).statusCode).toBe(200);
    expect((await put(adminA, "platform.certificateFeeYen", { value: 200, reason: "独自の減額" })).json()).toMatchObject({
      value: 200, level: "municipality",
    });
    const cleared = await adminA.request({ method: "DELETE", url: "/api/settings/platform.certificateFeeYen", payload: { reason: "減額終了" } });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ value: 250, level: "consortium", scopeId: KUMIAI, scopeName: "HTTPテスト組合" });
    const again = await adminA.request({ method: "DELETE", url: "/api/settings/platform.certificateFeeYen", payload: { reason: "再度" } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("setting-not-overridden");

    const history = await clerkA.request({ method: "GET", url: "/api/settings/platform.certificateFeeYen/history" });
    expect(history.statusCode).toBe(200);
    expect(history.json().map((h: { level: string; cleared: boolean; reason: string; actorName: string | null }) =>
      [h.level, h.cleared, h.reason, h.actorName])).toEqual([
      ["municipality", true, "減額終了", "職員 admin-a"],
      ["municipality", false, "独自の減額", "職員 admin-a"],
      ["consortium", false, "組合で統一", null],
    ]);
  });
});

describe("isolation over HTTP", () => {
  it("town A's override and its consortium's are invisible to town B, in the list and in the history", async () => {
    expect(await setting(adminB, "platform.mayorTitle")).toMatchObject({ value: "市町村長", level: "national" });
    expect(await setting(adminB, "platform.certificateFeeYen")).toMatchObject({ value: 300, level: "national", overrides: [] });
    const history = await adminB.request({ method: "GET", url: "/api/settings/platform.certificateFeeYen/history" });
    expect(history.json()).toEqual([]);
  });
});

describe("operator overrides of prefectures and consortia", () => {
  it("a consortium override reaches members only, and is audited on the platform chain", async () => {
    const response = await putGroup(KUMIAI, "platform.counterHours", { value: { opens: "09:00", closes: "17:00" }, reason: "組合標準" });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ groupId: KUMIAI, level: "consortium", key: "platform.counterHours", cleared: false });
    expect(await setting(clerkA, "platform.counterHours")).toMatchObject({ value: { opens: "09:00", closes: "17:00" }, level: "consortium" });
    expect(await setting(adminB, "platform.counterHours")).toMatchObject({ level: "national" });
    const audit = await t.db.owner.query(
      "SELECT action, subject, detail FROM audit_log WHERE tenant_id = 'platform' ORDER BY seq DESC LIMIT 1",
    );
    expect(audit.rows[0]).toEqual({ action: "settings.group-override-set", subject: `group:${KUMIAI}`, detail: { key: "platform.counterHours" } });
  });

  it("an unknown group is a 404, a bad value a 400, and staff may not use the operator route", async () => {
    const before = await written();
    const unknown = await putGroup("no-such-group", "platform.mayorName", { value: "x", reason: "x" });
    expect(unknown.json()).toMatchObject({ status: 404, code: "unknown-group" });
    const bad = await putGroup(KUMIAI, "platform.certificateFeeYen", { value: -1, reason: "x" });
    expect(bad.json()).toMatchObject({ status: 400, code: "invalid-setting-value", errors: [{ field: "body/value" }] });
    const staff = await adminA.request({
      method: "PUT", url: `/api/operator/groups/${KUMIAI}/settings/platform.mayorName`, payload: { value: "x", reason: "x" },
    });
    expect(staff.statusCode).toBe(403);
    expect(await written()).toEqual(before);
  });
});

describe("fit-gap report", () => {
  it("counts the settings that deviate from the national standard by the level they come from", async () => {
    expect((await operator.request({
      method: "PUT", url: `/api/operator/groups/${TOKYO}/settings/platform.counterHours`,
      payload: { value: { opens: "08:30", closes: "17:00" }, reason: "都の標準" },
    })).statusCode).toBe(200);
    expect((await putGroup(FIT_GAP_KUMIAI, "platform.certificateFeeYen", { value: 250, reason: "組合で統一" })).statusCode).toBe(200);
    expect((await put(adminD, "platform.mayorTitle", { value: "区長", reason: "特別区" })).statusCode).toBe(200);
    // Restating the national default is an override, but no gap.
    expect((await put(adminD, "platform.mayorName", { value: "", reason: "未設定" })).statusCode).toBe(200);

    const response = await adminD.request({ method: "GET", url: "/api/settings/fit-gap" });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    const total = registeredKeys().length;
    expect(report).toMatchObject({ tenantId: WARD_D.id, total, deviating: 3, fitRate: (total - 3) / total });
    expect(report.byLevel).toEqual({ prefecture: 1, consortium: 1, municipality: 1 });
    expect(report.deviations.map((d: { key: string; level: string; scopeId: string }) => [d.key, d.level, d.scopeId])).toEqual([
      ["platform.certificateFeeYen", "consortium", FIT_GAP_KUMIAI],
      ["platform.counterHours", "prefecture", TOKYO],
      ["platform.mayorTitle", "municipality", WARD_D.id],
    ]);
  });

  it("the operator view lists every tenant's report, matching each tenant's own, and counts tenants per setting", async () => {
    const response = await operator.request({ method: "GET", url: "/api/operator/fit-gap" });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.tenants.map((r: { tenantId: string }) => r.tenantId)).toEqual([WARD_D.id, TOWN_A.id, TOWN_B.id]);
    for (const [session, id] of [[adminA, TOWN_A.id], [adminB, TOWN_B.id], [adminD, WARD_D.id]] as const) {
      const own = (await session.request({ method: "GET", url: "/api/settings/fit-gap" })).json();
      expect(body.tenants.find((r: { tenantId: string }) => r.tenantId === id)).toMatchObject(own);
    }
    expect(body.tenants.find((r: { tenantId: string }) => r.tenantId === TOWN_B.id)).toMatchObject({ deviating: 0, name: "寒川町" });
    expect(body.settings.map((s: { key: string }) => s.key).sort()).toEqual(registeredKeys());
    // A: mayorTitle (own), certificateFeeYen and counterHours (consortium); D: three; B: none.
    expect(body.settings.filter((s: { key: string }) => s.key.startsWith("platform."))).toEqual([
      { key: "platform.certificateFeeYen", label: "住民票の写しの交付手数料（円）", tenants: 2 },
      { key: "platform.counterHours", label: "窓口受付時間", tenants: 2 },
      { key: "platform.mayorTitle", label: "首長の職名", tenants: 2 },
      { key: "platform.mayorName", label: "首長の氏名", tenants: 0 },
      { key: "platform.municipalityDisplayName", label: "団体の表示名", tenants: 0 },
    ]);
    expect((await adminA.request({ method: "GET", url: "/api/operator/fit-gap" })).statusCode).toBe(403);
  });
});
