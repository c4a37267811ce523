import { describe, expect, it } from "vitest";
import { Type } from "@sinclair/typebox";
import type { AreaDefinition, SettingDefinition } from "../contract.ts";
import { createSettingRegistry } from "./registry.ts";
import { resolveAll, resolveSetting, type CurrentOverride } from "./resolution.ts";
import { deviationsBySetting, fitGap } from "./fit-gap.ts";
import { settingsReference } from "./reference.ts";
import { platformSettings } from "./platform-settings.ts";

const fee: SettingDefinition = {
  key: "test.fee",
  label: "手数料",
  description: "テスト用の手数料",
  schema: Type.Integer({ minimum: 0 }),
  nationalDefault: 300,
  source: "テスト",
};
const title: SettingDefinition = {
  key: "test.title",
  label: "職名",
  description: "テスト用の職名 | 縦棒入り",
  schema: Type.String(),
  nationalDefault: "市町村長",
  source: "地方自治法第139条第2項",
};
const area: AreaDefinition = { id: "test", name: "テスト", settings: [fee, title] };
const registry = createSettingRegistry([area]);

function override(level: CurrentOverride["level"], scopeId: string, value: unknown, key = "test.fee"): CurrentOverride {
  return { level, scopeId, scopeName: scopeId, key, value, seq: "1", changedAt: new Date(0), actor: "operator:x", reason: "r" };
}

describe("resolution order: municipality → consortium → prefecture → national default", () => {
  it("with no override the national default applies and is reported as the national level", () => {
    const r = resolveSetting(fee, [], registry);
    expect(r).toMatchObject({ value: 300, level: "national", scopeId: null, deviates: false, overrides: [] });
  });

  it("a prefecture override beats the national default", () => {
    expect(resolveSetting(fee, [override("prefecture", "140007", 200)], registry)).toMatchObject({
      value: 200, level: "prefecture", scopeId: "140007", deviates: true,
    });
  });

  it("a consortium override beats the prefecture's", () => {
    const r = resolveSetting(fee, [override("prefecture", "140007", 200), override("consortium", "c1", 250)], registry);
    expect(r).toMatchObject({ value: 250, level: "consortium", scopeId: "c1" });
    expect(r.overrides.map((o) => o.level)).toEqual(["consortium", "prefecture"]);
  });

  it("a municipality override beats every group", () => {
    const r = resolveSetting(
      fee,
      [override("prefecture", "140007", 200), override("municipality", "143014", 350), override("consortium", "c1", 250)],
      registry,
    );
    expect(r).toMatchObject({ value: 350, level: "municipality", scopeId: "143014" });
    expect(r.overrides.map((o) => o.level)).toEqual(["municipality", "consortium", "prefecture"]);
  });

  it("of two consortia overriding the same key, the one whose id sorts first wins whatever the input order", () => {
    const a = override("consortium", "alpha", 100);
    const b = override("consortium", "beta", 500);
    for (const input of [[a, b], [b, a]]) {
      const r = resolveSetting(fee, input, registry);
      expect(r).toMatchObject({ value: 100, scopeId: "alpha" });
      expect(r.overrides.map((o) => o.scopeId)).toEqual(["alpha", "beta"]);
    }
  });

  it("a stored value that no longer fits the schema is skipped and reported invalid", () => {
    const r = resolveSetting(fee, [override("municipality", "143014", "三百円"), override("prefecture", "140007", 200)], registry);
    expect(r).toMatchObject({ value: 200, level: "prefecture" });
    expect(r.overrides.map((o) => o.valid)).toEqual([false, true]);
  });

  it("an override equal to the national default applies but is no deviation", () => {
    expect(resolveSetting(fee, [override("municipality", "143014", 300)], registry)).toMatchObject({
      level: "municipality", deviates: false,
    });
  });

  it("overrides of other keys do not leak into a setting", () => {
    const all = resolveAll(registry, [override("municipality", "143014", "村長", "test.title")]);
    expect(all.map((s) => [s.key, s.value, s.level])).toEqual([
      ["test.fee", 300, "national"],
      ["test.title", "村長", "municipality"],
    ]);
  });
});

describe("setting registry", () => {
  it("rejects a key declared twice", () => {
    expect(() => createSettingRegistry([area, { id: "other", name: "x", settings: [fee] }])).toThrow(/declared twice/);
  });

  it("rejects a national default that does not fit its own schema", () => {
    expect(() => createSettingRegistry([{ id: "bad", name: "x", settings: [{ ...fee, key: "bad.fee", nationalDefault: -1 }] }])).toThrow(
      /national default/,
    );
  });

  it("rejects a key that is not dotted", () => {
    expect(() => createSettingRegistry([{ id: "bad", name: "x", settings: [{ ...fee, key: "fee" }] }])).toThrow(/dotted/);
  });

  it("names the field and path of each error in a value", () => {
    const counter = createSettingRegistry([{ id: "p", name: "p", settings: platformSettings }]);
    const errors = counter.errors("platform.counterHours", { opens: "8:30", closes: "17:15" }, "body/value");
    expect(errors.map((e) => e.field)).toEqual(["body/value/opens"]);
  });

  it("an unknown key is a 404 unknown-setting problem", () => {
    expect(() => registry.require("test.nope")).toThrow(expect.objectContaining({ status: 404, code: "unknown-setting" }));
  });

  it("every platform setting's default fits its schema and names a source", () => {
    const platform = createSettingRegistry([{ id: "settings", name: "設定", settings: platformSettings }]);
    expect(platform.definitions.map((d) => d.key)).toEqual([
      "platform.certificateFeeYen",
      "platform.counterHours",
      "platform.mayorName",
      "platform.mayorTitle",
      "platform.municipalityDisplayName",
    ]);
  });
});

describe("fit-gap", () => {
  it("counts deviations by the level they come from, and the fit rate", () => {
    const resolved = resolveAll(registry, [
      override("prefecture", "140007", 200),
      override("municipality", "143014", "町長", "test.title"),
    ]);
    const report = fitGap("143014", resolved);
    expect(report).toMatchObject({ tenantId: "143014", total: 2, deviating: 2, fitRate: 0 });
    expect(report.byLevel).toEqual({ prefecture: 1, consortium: 0, municipality: 1 });
    expect(report.deviations.map((d) => [d.key, d.level, d.value, d.nationalDefault])).toEqual([
      ["test.fee", "prefecture", 200, 300],
      ["test.title", "municipality", "町長", "市町村長"],
    ]);
  });

  it("a tenant at the national standard has no deviations and a fit rate of 1", () => {
    const report = fitGap("143219", resolveAll(registry, [override("municipality", "143219", 300)]));
    expect(report).toMatchObject({ deviating: 0, fitRate: 1, byLevel: { prefecture: 0, consortium: 0, municipality: 0 } });
  });

  it("across tenants, counts how many deviate on each setting, most deviated first", () => {
    const a = resolveAll(registry, [override("municipality", "a", 1), override("municipality", "a", "町長", "test.title")]);
    const b = resolveAll(registry, [override("municipality", "b", "村長", "test.title")]);
    expect(deviationsBySetting([a, b])).toEqual([
      { key: "test.title", label: "職名", tenants: 2 },
      { key: "test.fee", label: "手数料", tenants: 1 },
    ]);
  });
});

describe("settings reference", () => {
  it("lists every setting with its default and source as a Markdown table, escaping pipes", () => {
    const md = settingsReference([area, { id: "empty", name: "空" }]);
    expect(md).toContain("## テスト (`test`)");
    expect(md).toContain("| `test.fee` | 手数料 | `300` | テスト | テスト用の手数料 |");
    expect(md).toContain("テスト用の職名 \\| 縦棒入り");
    expect(md).not.toContain("空");
  });
});
