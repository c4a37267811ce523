import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "../../../test/support/platform.ts";
import { TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import type { Session } from "../../../test/support/http.ts";
import { addAddresseeStaff, createAddresseeTestPlatform, loginAs, purpose } from "./addressee-test-support.ts";
import { createRegistryLink } from "./registry-link.ts";
import { getAddressee } from "./read.ts";
import { searchAddressees } from "./queries.ts";
import { typedAddressKeys } from "./address-keys.ts";

let t: TestPlatform;
let writer: Session;
let reader: Session;
let writerB: Session;

beforeAll(async () => {
  t = await createAddresseeTestPlatform();
  await addAddresseeStaff(t, TOWN_A.id, "writer", ["write"]);
  await addAddresseeStaff(t, TOWN_A.id, "reader", ["read"]);
  await addAddresseeStaff(t, TOWN_B.id, "writer-b", ["write"]);
  writer = await loginAs(t, TOWN_A.id, "writer");
  reader = await loginAs(t, TOWN_A.id, "reader");
  writerB = await loginAs(t, TOWN_B.id, "writer-b");
});
afterAll(() => t.close());

const landowner = {
  kind: "person",
  name: "佐藤 花子",
  nameKana: "サトウ ハナコ",
  birthDate: "1948-07-15",
  sex: "female",
  postalCode: "154-0004",
  address: "東京都世田谷区太子堂二丁目3番4号",
  knownAs: "landowner",
  knownAsNote: "町内に山林を所有",
};

async function register(body: Record<string, unknown>, session = writer) {
  const response = await session.request({ method: "POST", url: "/api/addressees", payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { number: string; version: number };
}

const count = async (table: string) => Number((await t.db.owner.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
const TABLES = ["addressee", "addressee_counter", "addressee_name", "addressee_address", "addressee_change", "event_outbox", "audit_log"];

describe("registering a 住登外者", () => {
  it("gives a 15-digit 宛名番号, keeps a history entry, writes addressee.registered to the outbox and audits", async () => {
    const created = await register(landowner);
    expect(created.number).toMatch(/^\d{15}$/);
    expect(created).toMatchObject({
      name: "佐藤\u3000花子",
      nameKana: "サトウ\u3000ハナコ",
      postalCode: "1540004",
      knownAs: "landowner",
      residentSince: null,
      isResident: false,
      history: [{ change: "registered", actor: expect.stringMatching(/^staff:/), before: null }],
    });
    const events = await t.db.owner.query("SELECT type, subject, payload FROM event_outbox WHERE subject = $1", [
      `addressee:${created.number}`,
    ]);
    expect(events.rows).toEqual([
      {
        type: "addressee.registered",
        subject: `addressee:${created.number}`,
        payload: { number: created.number, kind: "person", resident: false, knownAs: "landowner" },
      },
    ]);
    const audit = await t.db.owner.query("SELECT action, purpose FROM audit_log WHERE subject = $1", [`addressee:${created.number}`]);
    expect(audit.rows).toEqual([{ action: "addressee.registered", purpose: "住登外者登録 (landowner)" }]);
  });

  it("rejects bad input with 400 naming each field, and writes nothing", async () => {
    const before = await Promise.all(TABLES.map(count));
    const bad = await writer.request({
      method: "POST",
      url: "/api/addressees",
      payload: { kind: "organisation", name: "株式会社テスト", nameKana: "かぶしきがいしゃ Test", corporateNumber: "1234567890123", knownAs: "taxpayer", birthDate: "2026-02-30" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    expect(bad.json()).toMatchObject({ code: "invalid-request" });
    expect(bad.json().errors).toEqual([
      { field: "body/nameKana", message: expect.stringContaining("katakana") },
      { field: "body/corporateNumber", message: expect.stringContaining("check digit") },
      { field: "body/birthDate", message: "only a person has a birth date" },
    ]);
    const impossible = await writer.request({ method: "POST", url: "/api/addressees", payload: { ...landowner, birthDate: "2026-02-30" } });
    expect(impossible.json().errors).toEqual([{ field: "body/birthDate", message: "must be an existing calendar date (YYYY-MM-DD)" }]);
    const future = await writer.request({ method: "POST", url: "/api/addressees", payload: { ...landowner, birthDate: "2999-01-01" } });
    expect(future.json().errors).toEqual([{ field: "body/birthDate", message: "must not be in the future" }]);
    const { nameKana: _omitted, ...noKana } = landowner;
    const missing = await writer.request({ method: "POST", url: "/api/addressees", payload: noKana });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([{ field: "body/nameKana", message: expect.any(String) }]);
    const noReason = await writer.request({ method: "POST", url: "/api/addressees", payload: { ...landowner, knownAs: undefined } });
    expect(noReason.json().errors.map((e: { field: string }) => e.field)).toEqual(["body/knownAs"]);
    expect(await Promise.all(TABLES.map(count))).toEqual(before);
  });

  it("a clerk with only the read role cannot register (403) and nothing is written", async () => {
    const before = await count("addressee");
    const response = await reader.request({ method: "POST", url: "/api/addressees", payload: landowner });
    expect(response.statusCode).toBe(403);
    expect(await count("addressee")).toBe(before);
  });

  it("numbers are allocated in order, one per addressee", async () => {
    const first = await register({ ...landowner, name: "番号 一", nameKana: "バンゴウ イチ" });
    const second = await register({ ...landowner, name: "番号 二", nameKana: "バンゴウ ニ" });
    expect(BigInt(second.number)).toBe(BigInt(first.number) + 1n);
  });
});

describe("search (kanji and カナ, width- and kana-insensitive)", () => {
  let number: string;
  beforeAll(async () => {
    number = (await register({ ...landowner, name: "渡邉 健一", nameKana: "ワタナベ ケンイチ", birthDate: "1961-11-03" })).number;
    await register({ kind: "organisation", name: "国税庁", nameKana: "コクゼイチョウ", corporateNumber: "7000012050002", knownAs: "taxpayer" });
  });

  const find = async (query: string, session = reader) => {
    const response = await session.request({ method: "GET", url: `/api/addressees?${query}`, headers: purpose() });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: { number: string }[]; total: number };
  };

  it.each([
    ["half-width katakana", "ﾜﾀﾅﾍﾞ"],
    ["hiragana with a full-width space", "わたなべ\u3000けんいち"],
    ["full-width katakana without space", "ワタナベケンイチ"],
    ["the given name's reading alone", "ケンイチ"],
    ["kanji", "渡邉"],
    ["kanji with a space", "渡邉 健一"],
  ])("finds the person by %s", async (_how, name) => {
    const result = await find(`name=${encodeURIComponent(name)}`);
    expect(result.items.map((i) => i.number)).toContain(number);
  });

  it("finds by birth date, by 宛名番号 without leading zeros, and an organisation by 法人番号 typed with hyphens", async () => {
    expect((await find("birthDate=1961-11-03")).items.map((i) => i.number)).toEqual([number]);
    expect((await find(`number=${BigInt(number)}`)).items.map((i) => i.number)).toEqual([number]);
    const org = await find(`corporateNumber=${encodeURIComponent("7-0000-1205-0002")}`);
    expect(org.items).toMatchObject([{ kind: "organisation", corporateNumber: "7000012050002" }]);
  });

  it("pages with the total, also past the last page", async () => {
    const all = await find("kind=person&pageSize=100");
    const second = await find("kind=person&pageSize=1&page=2");
    expect(second.total).toBe(all.total);
    expect(second.items).toHaveLength(1);
    expect(second.items[0]!.number).toBe(all.items[1]!.number);
    const beyond = await find("kind=person&pageSize=100&page=50");
    expect(beyond).toMatchObject({ items: [], total: all.total });
  });

  it("rejects an impossible birth date in a search, naming the parameter", async () => {
    const response = await reader.request({ method: "GET", url: "/api/addressees?birthDate=2026-02-30", headers: purpose() });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: "querystring/birthDate", message: "must be an existing calendar date (YYYY-MM-DD)" }]);
  });

  it("refuses a search without a purpose or without any criterion", async () => {
    const noPurpose = await reader.request({ method: "GET", url: "/api/addressees?name=a" });
    expect(noPurpose.statusCode).toBe(400);
    expect(noPurpose.json().errors).toEqual([{ field: "headers/x-kyodo-purpose", message: expect.any(String) }]);
    const garbled = await reader.request({ method: "GET", url: "/api/addressees?name=a", headers: { "x-kyodo-purpose": "%E7%AA" } });
    expect(garbled.statusCode).toBe(400);
    expect(garbled.json()).toMatchObject({ code: "invalid-purpose", errors: [{ field: "headers/x-kyodo-purpose" }] });
    const nothing = await reader.request({ method: "GET", url: "/api/addressees", headers: purpose() });
    expect(nothing.statusCode).toBe(400);
  });

  it("appends one audit entry per addressee listed, with the purpose and the criteria's names only", async () => {
    await find(`name=${encodeURIComponent("ワタナベ")}`);
    const audit = await t.db.owner.query(
      "SELECT subject, purpose, detail FROM audit_log WHERE action = 'addressee.searched' ORDER BY seq DESC LIMIT 1",
    );
    expect(audit.rows).toEqual([{ subject: `addressee:${number}`, purpose: "窓口での本人確認", detail: { criteria: ["name"], total: 1 } }]);
  });

  it("a clerk of another town neither finds nor views the addressee (404)", async () => {
    expect((await find(`name=${encodeURIComponent("ワタナベ")}`, writerB)).items).toEqual([]);
    const other = await writerB.request({ method: "GET", url: `/api/addressees/${number}`, headers: purpose() });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe("not-found");
    const patch = await writerB.request({ method: "PATCH", url: `/api/addressees/${number}`, payload: { address: "x", reason: "r" } });
    expect(patch.statusCode).toBe(404);
    const own = await reader.request({ method: "GET", url: `/api/addressees/${number}`, headers: purpose() });
    expect(own.statusCode).toBe(200);
  });
});

describe("search by address (ADR 0022: from the start or from the 町字 on)", () => {
  let horiuchi: string;
  let horiuchiToo: string;
  let elsewhere: string;
  beforeAll(async () => {
    horiuchi = (await register({ ...landowner, name: "堀内 一郎", nameKana: "ホリウチ イチロウ", postalCode: "240-0112", address: "神奈川県三浦郡葉山町堀内２１３５－３" })).number;
    horiuchiToo = (await register({ ...landowner, name: "堀内 二郎", nameKana: "ホリウチ ジロウ", postalCode: "240-0112", address: "葉山町堀内100番地" })).number;
    elsewhere = (await register({ ...landowner, name: "堀内 三郎", nameKana: "ホリウチ サブロウ", address: "東京都千代田区堀内1番1号" })).number;
  });

  const numbers = async (address: string) => {
    const response = await reader.request({ method: "GET", url: `/api/addressees?address=${encodeURIComponent(address)}&pageSize=100`, headers: purpose() });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { items: { number: string }[] }).items.map((i) => i.number).sort();
  };

  it.each(["堀内", "葉山町堀内", "三浦郡葉山町堀内", "神奈川県三浦郡葉山町堀内", "葉山町 堀内"])("「%s」 finds the town's 堀内 and not 千代田区's", async (typed) => {
    const found = await numbers(typed);
    expect(found).toEqual(expect.arrayContaining([horiuchi, horiuchiToo].sort()));
    expect(found).not.toContain(elsewhere);
  });

  it("the numbers fold (２１３５－３ = 2135番地3), the start of the whole address finds everything in it, another 市区町村 typed finds only there", async () => {
    expect(await numbers("堀内2135番地3")).toEqual([horiuchi]);
    expect(await numbers("神奈川県")).toEqual(expect.arrayContaining([horiuchi]));
    expect(await numbers("神奈川県")).not.toContain(elsewhere);
    expect(await numbers("東京都千代田区堀内")).toEqual([elsewhere]);
    expect(await numbers("一色")).toEqual([]);
  });

  it("a corrected address is found at once under its new 町字 and no longer under the old", async () => {
    const patch = await writer.request({ method: "PATCH", url: `/api/addressees/${horiuchiToo}`, payload: { address: "神奈川県三浦郡葉山町一色1番地", reason: "転居" } });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(await numbers("一色")).toEqual([horiuchiToo]);
    expect(await numbers("堀内")).not.toContain(horiuchiToo);
  });

  it("audits the criterion's name, never the address typed", async () => {
    await numbers("一色");
    const audit = await t.db.owner.query("SELECT detail FROM audit_log WHERE action = 'addressee.searched' ORDER BY seq DESC LIMIT 1");
    expect(audit.rows[0].detail).toEqual({ criteria: ["address"], total: 1 });
  });

  it("uses the (tenant_id, town_key) index under row-level security in a town of 3,000 addressees", async () => {
    await t.db.owner.query(
      `INSERT INTO addressee (tenant_id, number, kind, name, name_kana, name_key, kana_key, address, address_key, town_key, municipality_code)
       SELECT $1, 900000 + i, 'person', '試験', 'シケン', '試験', 'シケン', '神奈川県三浦郡葉山町上山口' || i || '番地',
              '神奈川県三浦郡葉山町上山口' || i || '番地', '上山口' || i || '番地', $1
       FROM generate_series(1, 3000) AS i`,
      [TOWN_A.id],
    );
    await t.db.owner.query("ANALYZE addressee");
    const keys = typedAddressKeys("葉山町堀内")!;
    const query = searchAddressees({ nameKey: null, birthDate: null, number: null, corporateNumber: null, kind: null, ...keys }, 20, 0);
    const plan = await t.platform.db.withTenant(TOWN_A.id, async (tx) => (await tx.query(`EXPLAIN ANALYZE ${query.text}`, query.values)).rows);
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toContain("addressee_town_key");
    expect(text).not.toMatch(/Seq Scan on addressee\b/);
  });
});

describe("viewing and correcting", () => {
  it("viewing appends an audit entry naming the addressee and the purpose", async () => {
    const { number } = await register({ ...landowner, name: "閲覧 記録", nameKana: "エツラン キロク" });
    const response = await reader.request({ method: "GET", url: `/api/addressees/${number}`, headers: purpose("固定資産税の課税") });
    expect(response.statusCode).toBe(200);
    const audit = await t.db.owner.query("SELECT action, actor, purpose FROM audit_log WHERE subject = $1 ORDER BY seq", [
      `addressee:${number}`,
    ]);
    expect(audit.rows.map((r) => [r.action, r.purpose])).toEqual([
      ["addressee.registered", "住登外者登録 (landowner)"],
      ["addressee.viewed", "固定資産税の課税"],
    ]);
  });

  it("a correction keeps the former name searchable and in the history; a name change applies from its date", async () => {
    const { number } = await register({ ...landowner, name: "髙橋 一郎", nameKana: "タカハシ イチロウ", birthDate: "1970-01-01" });
    const corrected = await writer.request({
      method: "PATCH",
      url: `/api/addressees/${number}`,
      payload: { name: "高橋 一郎", reason: "異体字の誤記訂正", version: 1 },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({ name: "高橋\u3000一郎", version: 2 });
    expect(corrected.json().history.at(-1)).toMatchObject({
      change: "corrected",
      fields: ["name"],
      reason: "異体字の誤記訂正",
      before: { name: "髙橋\u3000一郎" },
      after: { name: "高橋\u3000一郎" },
    });
    const renamed = await writer.request({
      method: "PATCH",
      url: `/api/addressees/${number}`,
      payload: { name: "山口 一郎", nameKana: "ヤマグチ イチロウ", nameEffectiveDate: "2025-06-01", reason: "婚姻による改姓" },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const found = await reader.request({ method: "GET", url: `/api/addressees?name=${encodeURIComponent("髙橋")}`, headers: purpose() });
    expect(found.json().items.map((i: { number: string }) => i.number)).toContain(number);
    await t.db.withTenant(TOWN_A.id, async (tx) => {
      expect((await getAddressee(tx, number, { asOf: "2025-05-31" }))?.name).toBe("高橋\u3000一郎");
      expect((await getAddressee(tx, number, { asOf: "2025-06-01" }))?.name).toBe("山口\u3000一郎");
    });
    const stale = await writer.request({ method: "PATCH", url: `/api/addressees/${number}`, payload: { address: "別の住所", reason: "r", version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("stale-version");
    const changed = await t.db.owner.query("SELECT type, payload FROM event_outbox WHERE subject = $1 AND type = 'addressee.changed' ORDER BY seq", [
      `addressee:${number}`,
    ]);
    expect(changed.rows.map((r) => r.payload)).toEqual([
      { number, change: "corrected", fields: ["name"] },
      { number, change: "corrected", fields: ["name", "nameKana"] },
    ]);
  });

  it("a name change dated before the current name's start is refused, naming the field", async () => {
    const { number } = await register({ ...landowner, name: "日付 確認", nameKana: "ヒヅケ カクニン" });
    await writer.request({ method: "PATCH", url: `/api/addressees/${number}`, payload: { name: "日付 変更", nameEffectiveDate: "2025-01-01", reason: "改姓" } });
    const earlier = await writer.request({
      method: "PATCH",
      url: `/api/addressees/${number}`,
      payload: { name: "日付 再変更", nameEffectiveDate: "2024-12-31", reason: "改姓" },
    });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json().errors).toEqual([{ field: "body/nameEffectiveDate", message: "must be after the day the current name applies from" }]);
  });

  it("a resident's name, birth date and address belong to the registry: correcting them is refused (409)", async () => {
    const registry = createRegistryLink(t.platform.events);
    const { number } = await t.db.withTenant(TOWN_A.id, (tx) =>
      registry.registerResident(tx, { name: "住民 太郎", nameKana: "ジュウミン タロウ", birthDate: "1980-05-05", address: "葉山町一色1番地", since: "2020-04-01" }),
    );
    const refused = await writer.request({ method: "PATCH", url: `/api/addressees/${number}`, payload: { address: "東京都", birthDate: "1980-05-06", reason: "x" } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: "registry-owned-fields",
      errors: [{ field: "body/birthDate" }, { field: "body/address" }],
    });
    const allowed = await writer.request({ method: "PATCH", url: `/api/addressees/${number}`, payload: { knownAs: "benefit", reason: "給付対象" } });
    expect(allowed.statusCode).toBe(200);
  });
});

describe("the API document", () => {
  it("describes every addressee route in the OpenAPI document, with the purpose header", async () => {
    const app = await t.app();
    const doc = (await app.inject({ method: "GET", url: "/openapi.json" })).json();
    expect(Object.keys(doc.paths).filter((p) => p.startsWith("/api/addressees")).sort()).toEqual([
      "/api/addressees",
      "/api/addressees/duplicates",
      "/api/addressees/merge",
      "/api/addressees/merges/{id}/undo",
      "/api/addressees/{number}",
      "/api/addressees/{number}/mailing-addresses",
      "/api/addressees/{number}/mailing-addresses/{mailingId}",
    ]);
    const search = doc.paths["/api/addressees"].get;
    expect(search.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: "header", name: "x-kyodo-purpose", required: true })]));
  });
});
