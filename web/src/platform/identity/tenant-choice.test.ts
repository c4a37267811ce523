import { describe, expect, it } from "vitest";
import { masterEntries } from "../../../../src/platform/tenancy/municipality-master.ts";
import { keyTenants, matchTenants, MAX_CHOICES, tenantLabel, type TenantSummary } from "./tenant-choice.ts";

const tenants: TenantSummary[] = [
  { id: "142018", name: "横須賀市", nameKana: "ヨコスカシ", prefectureName: "神奈川県" },
  { id: "143014", name: "葉山町", nameKana: "ハヤママチ", prefectureName: "神奈川県" },
  { id: "132063", name: "府中市", nameKana: "フチュウシ", prefectureName: "東京都" },
  { id: "342025", name: "府中市", nameKana: "フチュウシ", prefectureName: "広島県" },
  { id: "343021", name: "府中町", nameKana: "フチュウチョウ", prefectureName: "広島県" },
  { id: "011002", name: "札幌市", nameKana: "サッポロシ", prefectureName: "北海道" },
];
const keyed = keyTenants(tenants);
const ids = (typed: string) => matchTenants(keyed, typed).map((t) => t.id);

describe("choosing a municipality at log-in by what staff type", () => {
  it("finds by part of the name, with or without the prefecture", () => {
    expect(ids("葉山")).toEqual(["143014"]);
    expect(ids("葉山町")).toEqual(["143014"]);
    expect(ids("神奈川県葉山町")).toEqual(["143014"]);
    expect(ids("神奈川県 葉山町")).toEqual(["143014"]);
    expect(ids("山町")).toEqual(["143014"]);
  });

  it("finds by the reading in katakana, hiragana or half-width kana", () => {
    expect(ids("ハヤマ")).toEqual(["143014"]);
    expect(ids("はやま")).toEqual(["143014"]);
    expect(ids("ﾊﾔﾏ")).toEqual(["143014"]);
  });

  it("finds by the code: five digits, six with the check digit, or its start", () => {
    expect(ids("14301")).toEqual(["143014"]);
    expect(ids("143014")).toEqual(["143014"]);
    expect(ids("１４３０１")).toEqual(["143014"]);
    expect(ids("14")).toEqual(["142018", "143014"]);
  });

  it("puts exact and starting matches before names that merely contain the text, then national order", () => {
    expect(ids("府中")).toEqual(["132063", "342025", "343021"]);
    expect(ids("府中町")).toEqual(["343021"]);
    expect(ids("中")).toEqual(["132063", "342025", "343021"]);
    expect(ids("フチュウ")).toEqual(["132063", "342025", "343021"]);
  });

  it("matches nothing for empty text or text no municipality has", () => {
    expect(ids("")).toEqual([]);
    expect(ids("  ")).toEqual([]);
    expect(ids("大阪")).toEqual([]);
    expect(ids("999")).toEqual([]);
  });

  it("shows at most a dozen matches", () => {
    const many = keyTenants(Array.from({ length: 40 }, (_, i) => ({ id: String(100000 + i), name: `中${i}町`, nameKana: "ナカ", prefectureName: "某県" })));
    expect(matchTenants(many, "中")).toHaveLength(MAX_CHOICES);
  });

  it("labels a choice with its prefecture, which tells apart municipalities of the same name", () => {
    expect(tenantLabel(tenants[2]!)).toBe("東京都 府中市");
    expect(tenantLabel(tenants[3]!)).toBe("広島県 府中市");
  });
});

describe("with every municipality of Japan on the platform", () => {
  const country = keyTenants(
    masterEntries()
      .filter((e) => e.kind === "municipality" || e.kind === "designated-city" || e.kind === "special-ward")
      .map((e) => ({ id: e.code, name: e.name, nameKana: e.nameKana, prefectureName: e.prefectureName })),
  );

  it("has the 1,741 市区町村 to choose from, and the six villages of the 北方領土 that keep their codes", () => {
    // 色丹村, 泊村, 留夜別村, 留別村, 紗那村, 蘂取村 (北海道): codes without a municipal office.
    const northernTerritories = ["016951", "016969", "016977", "016985", "016993", "017001"];
    expect(country.filter((k) => northernTerritories.includes(k.tenant.id))).toHaveLength(6);
    expect(country).toHaveLength(1741 + 6);
  });

  it("a reading, a name or a code leads to the one municipality meant", () => {
    const first = (typed: string) => matchTenants(country, typed)[0];
    expect(matchTenants(country, "はやままち").map((t) => t.id)).toEqual(["143014"]);
    expect(matchTenants(country, "14301").map((t) => t.id)).toEqual(["143014"]);
    expect(matchTenants(country, "神奈川県葉山").map((t) => t.id)).toEqual(["143014"]);
    expect(first("千代田区")).toMatchObject({ id: "131016", prefectureName: "東京都" });
  });

  it("the same name in several prefectures lists each with its prefecture", () => {
    const fuchu = matchTenants(country, "府中市");
    expect(fuchu.map(tenantLabel)).toEqual(["東京都 府中市", "広島県 府中市"]);
  });
});
