import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addStaff, addTenants, TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { createConsortium } from "../tenancy/tenants.ts";
import { withOperator } from "../audit/operator.ts";
import { createSettingsService, type LayeredSettingsService } from "./service.ts";
import { clearGroupOverride, clearMunicipalityOverride, setGroupOverride, setMunicipalityOverride } from "./overrides.ts";

// 千代田区 (Tokyo): a municipality outside Kanagawa, to show prefecture overrides stay in their prefecture.
const WARD_C = { id: "131016", name: "千代田区", nameKana: "チヨダク" };
const KANAGAWA = "140007";
const SHONAN = "shonan-kumiai";

let t: TestPlatform;
let settings: LayeredSettingsService;
let adminB: { id: string };

beforeAll(async () => {
  t = await createTestPlatform();
  await addTenants(t.db, TOWN_A, TOWN_B, WARD_C);
  await createConsortium(t.db, "system:test", { id: SHONAN, name: "湘南テスト組合", members: [TOWN_A.id] });
  adminB = await addStaff(t.db, TOWN_B.id, "admin-b", { platform: ["admin"] });
  settings = createSettingsService(t.platform.areas);
});
afterAll(() => t.close());

const setGroup = (groupId: string, key: string, value: unknown, reason = "県内統一") =>
  withOperator(t.db, { actor: "operator:test", action: "settings.group-override-set", subject: `group:${groupId}` }, (tx) =>
    setGroupOverride(tx, settings.registry, groupId, { key, value, reason, actor: "operator:test" }),
  );
const clearGroup = (groupId: string, key: string) =>
  withOperator(t.db, { actor: "operator:test", action: "settings.group-override-cleared", subject: `group:${groupId}` }, (tx) =>
    clearGroupOverride(tx, settings.registry, groupId, { key, reason: "標準に戻す", actor: "operator:test" }),
  );
const setTown = (tenantId: string, key: string, value: unknown, reason = "条例改正", actor = "staff:test") =>
  t.db.withTenant(tenantId, (tx) => setMunicipalityOverride(tx, settings.registry, tenantId, { key, value, reason, actor }));
const clearTown = (tenantId: string, key: string, actor = "staff:test") =>
  t.db.withTenant(tenantId, (tx) => clearMunicipalityOverride(tx, settings.registry, tenantId, { key, reason: "個別設定をやめる", actor }));
const explain = (tenantId: string, key: string) => t.db.withTenant(tenantId, (tx) => settings.explainOne(tx, tenantId, key));
const count = async (sql: string) => (await t.db.owner.query(sql)).rows[0].n as number;

describe("resolution: municipality → consortium → prefecture → national default", () => {
  const key = "platform.certificateFeeYen";

  it("each level supplies the value and is reported as its source, for the tenants it covers only", async () => {
    expect(await explain(TOWN_A.id, key)).toMatchObject({ value: 300, level: "national", scopeId: null, deviates: false });

    await setGroup(KANAGAWA, key, 350);
    expect(await explain(TOWN_A.id, key)).toMatchObject({ value: 350, level: "prefecture", scopeId: KANAGAWA, scopeName: "神奈川県" });
    expect(await explain(TOWN_B.id, key)).toMatchObject({ value: 350, level: "prefecture" });
    expect(await explain(WARD_C.id, key)).toMatchObject({ value: 300, level: "national" });

    await setGroup(SHONAN, key, 400);
    expect(await explain(TOWN_A.id, key)).toMatchObject({ value: 400, level: "consortium", scopeId: SHONAN, scopeName: "湘南テスト組合" });
    expect(await explain(TOWN_B.id, key)).toMatchObject({ value: 350, level: "prefecture" });

    await setTown(TOWN_A.id, key, 200);
    const a = await explain(TOWN_A.id, key);
    expect(a).toMatchObject({ value: 200, level: "municipality", scopeId: TOWN_A.id, scopeName: "葉山町", deviates: true });
    expect(a.overrides.map((o) => [o.level, o.value])).toEqual([["municipality", 200], ["consortium", 400], ["prefecture", 350]]);
    expect(await t.db.withTenant(TOWN_A.id, (tx) => t.platform.settings.resolve(tx, TOWN_A.id, key))).toBe(200);
    expect(await explain(TOWN_B.id, key)).toMatchObject({ value: 350, level: "prefecture" });
  });

  it("clearing an override reverts each tenant to the next level", async () => {
    await clearTown(TOWN_A.id, key);
    expect(await explain(TOWN_A.id, key)).toMatchObject({ value: 400, level: "consortium" });
    await clearGroup(SHONAN, key);
    expect(await explain(TOWN_A.id, key)).toMatchObject({ value: 350, level: "prefecture" });
    await clearGroup(KANAGAWA, key);
    expect(await explain(TOWN_A.id, key)).toMatchObject({ value: 300, level: "national", overrides: [] });
  });

  it("of two consortia overriding the same key, the one whose id sorts first wins, not the latest write", async () => {
    await createConsortium(t.db, "system:test", { id: "z-kumiai", name: "Z組合", members: [WARD_C.id] });
    await createConsortium(t.db, "system:test", { id: "a-kumiai", name: "A組合", members: [WARD_C.id] });
    await setGroup("a-kumiai", "platform.mayorTitle", "区長");
    await setGroup("z-kumiai", "platform.mayorTitle", "市長");
    const c = await explain(WARD_C.id, "platform.mayorTitle");
    expect(c).toMatchObject({ value: "区長", level: "consortium", scopeId: "a-kumiai" });
    expect(c.overrides.map((o) => o.scopeId)).toEqual(["a-kumiai", "z-kumiai"]);
  });

  it("a JSON null is a value: it overrides, and is not mistaken for a cleared override", async () => {
    await setGroup(KANAGAWA, "platform.municipalityDisplayName", "神奈川の町");
    await setTown(TOWN_B.id, "platform.municipalityDisplayName", null, "登録名に戻す");
    expect(await explain(TOWN_B.id, "platform.municipalityDisplayName")).toMatchObject({ value: null, level: "municipality", deviates: false });
  });
});

describe("history of overrides (who, when, why)", () => {
  const key = "platform.counterHours";

  it("keeps every change, including the clear, newest first, with its actor, time and reason", async () => {
    const before = await count("SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = '143219'");
    await setGroup(KANAGAWA, key, { opens: "08:30", closes: "17:00" }, "県の標準時間");
    const actor = `staff:${adminB.id}`;
    await setTown(TOWN_B.id, key, { opens: "08:30", closes: "19:00" }, "木曜延長窓口", actor);
    await setTown(TOWN_B.id, key, { opens: "08:30", closes: "18:00" }, "延長を短縮", actor);
    await clearTown(TOWN_B.id, key, actor);

    expect(await explain(TOWN_B.id, key)).toMatchObject({ value: { opens: "08:30", closes: "17:00" }, level: "prefecture" });
    const history = await t.db.withTenant(TOWN_B.id, (tx) => settings.history(tx, TOWN_B.id, key));
    expect(history.map((h) => [h.level, h.cleared, h.reason, h.value])).toEqual([
      ["municipality", true, "個別設定をやめる", undefined],
      ["municipality", false, "延長を短縮", { opens: "08:30", closes: "18:00" }],
      ["municipality", false, "木曜延長窓口", { opens: "08:30", closes: "19:00" }],
      ["prefecture", false, "県の標準時間", { opens: "08:30", closes: "17:00" }],
    ]);
    expect(history.slice(0, 3).map((h) => [h.actor, h.actorName])).toEqual(Array(3).fill([actor, "職員 admin-b"]));
    expect(history[3]).toMatchObject({ actor: "operator:test", actorName: null, scopeId: KANAGAWA });
    const times = history.map((h) => h.changedAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));

    // Append-only: three rows for three changes, and three entries on the town's audit chain.
    expect(await count(`SELECT count(*)::int AS n FROM setting_change WHERE tenant_id = '143219' AND key = '${key}'`)).toBe(3);
    const audit = await t.db.owner.query(
      "SELECT action, subject, actor FROM audit_log WHERE tenant_id = '143219' ORDER BY seq OFFSET $1", [before]);
    expect(audit.rows).toEqual([
      { action: "settings.override-set", subject: `setting:${key}`, actor },
      { action: "settings.override-set", subject: `setting:${key}`, actor },
      { action: "settings.override-cleared", subject: `setting:${key}`, actor },
    ]);
  });

  it("the application role can neither update nor delete a recorded change", async () => {
    await expect(t.db.withTenant(TOWN_B.id, (tx) => tx.query("UPDATE setting_change SET reason = 'x'"))).rejects.toThrow(/permission denied/);
    await expect(t.db.withTenant(TOWN_B.id, (tx) => tx.query("DELETE FROM setting_change"))).rejects.toThrow(/permission denied/);
  });
});

describe("refused changes write nothing", () => {
  const changes = () => count("SELECT (SELECT count(*) FROM setting_change) + (SELECT count(*) FROM setting_group_change) AS n");

  it("a value that does not fit the schema, an unknown key, a blank reason, a clear with nothing to clear", async () => {
    const before = await changes();
    await expect(setTown(TOWN_A.id, "platform.certificateFeeYen", "三百円")).rejects.toMatchObject({
      status: 400, code: "invalid-setting-value", errors: [{ field: "value" }],
    });
    await expect(setTown(TOWN_A.id, "platform.noSuchThing", 1)).rejects.toMatchObject({ status: 404, code: "unknown-setting" });
    await expect(setTown(TOWN_A.id, "platform.mayorName", "x", "  ")).rejects.toMatchObject({
      status: 400, errors: [{ field: "reason" }],
    });
    await expect(clearTown(TOWN_A.id, "platform.mayorName")).rejects.toMatchObject({ status: 409, code: "setting-not-overridden" });
    await expect(setGroup("no-such-group", "platform.mayorName", "x")).rejects.toMatchObject({ status: 404, code: "unknown-group" });
    expect(await changes()).toBe(before);
  });
});

describe("isolation", () => {
  it("a municipality's override is invisible to another municipality, even with no WHERE clause", async () => {
    await setTown(TOWN_A.id, "platform.mayorName", "葉山 太郎");
    expect(await explain(TOWN_B.id, "platform.mayorName")).toMatchObject({ value: "", level: "national" });
    const seen = await t.db.withTenant(TOWN_B.id, (tx) => tx.query("SELECT DISTINCT tenant_id FROM setting_change"));
    expect(seen.rows).toEqual([{ tenant_id: TOWN_B.id }]);
    // Asking for A inside B's transaction still yields nothing of A.
    expect(await t.db.withTenant(TOWN_B.id, (tx) => settings.explainOne(tx, TOWN_A.id, "platform.mayorName"))).toMatchObject({
      level: "national",
    });
    expect(await t.db.withTenant(TOWN_B.id, (tx) => settings.history(tx, TOWN_A.id, "platform.mayorName"))).toEqual([]);
  });

  it("group overrides are readable only by members of the group, and by nobody without a tenant", async () => {
    await setGroup(SHONAN, "platform.mayorName", "組合 花子");
    const groupsSeenBy = async (tenantId: string) =>
      (await t.db.withTenant(tenantId, (tx) => tx.query("SELECT DISTINCT group_id FROM setting_group_change ORDER BY group_id"))).rows.map(
        (r) => r.group_id,
      );
    expect(await groupsSeenBy(TOWN_A.id)).toEqual([KANAGAWA, SHONAN]);
    expect(await groupsSeenBy(TOWN_B.id)).toEqual([KANAGAWA]);
    expect(await groupsSeenBy(WARD_C.id)).toEqual(["a-kumiai", "z-kumiai"]);
    expect(await explain(TOWN_B.id, "platform.mayorName")).toMatchObject({ level: "national" });
    const none = await t.db.withoutTenant((tx) =>
      tx.query("SELECT (SELECT count(*) FROM setting_change)::int AS own, (SELECT count(*) FROM setting_group_change)::int AS groups"),
    );
    expect(none.rows[0]).toEqual({ own: 0, groups: 0 });
  });

  it("a tenant cannot write another tenant's override, nor any group's", async () => {
    await expect(
      t.db.withTenant(TOWN_B.id, (tx) => setMunicipalityOverride(tx, settings.registry, TOWN_A.id, {
        key: "platform.mayorName", value: "侵入", reason: "x", actor: "staff:x",
      })),
    ).rejects.toThrow(/row-level security/);
    await expect(
      t.db.withTenant(TOWN_A.id, (tx) => setGroupOverride(tx, settings.registry, SHONAN, {
        key: "platform.mayorName", value: "侵入", reason: "x", actor: "staff:x",
      })),
    ).rejects.toThrow(/permission denied/);
  });
});
