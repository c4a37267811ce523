import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "../../../test/support/platform.ts";
import { TOWN_A } from "../../../test/support/fixtures.ts";
import type { Session } from "../../../test/support/http.ts";
import { registerNonResident } from "../../platform/addressee/register.ts";
import { createResidentTestPlatform, HAYAMA, inTenant, moveIn, personInput, purpose, residentStaff, YOKOHAMA } from "./resident-test-support.ts";

let t: TestPlatform;
let writer: Session;
let reader: Session;
let admin: Session;
let outsider: Session;

beforeAll(async () => {
  t = await createResidentTestPlatform();
  writer = await residentStaff(t, TOWN_A.id, "writer", ["write"]);
  reader = await residentStaff(t, TOWN_A.id, "reader", ["read"]);
  admin = await residentStaff(t, TOWN_A.id, "admin", ["admin"]);
  outsider = await residentStaff(t, TOWN_A.id, "outsider", []);
});
afterAll(() => t.close());

const audits = async (action: string) =>
  (await t.db.owner.query("SELECT actor, subject, purpose, detail FROM audit_log WHERE tenant_id = $1 AND action = $2 ORDER BY seq", [TOWN_A.id, action])).rows;

async function moveInOverHttp(familyName: string, familyNameKana: string, extra: Partial<ReturnType<typeof personInput>> = {}) {
  const response = await writer.request({
    method: "POST",
    url: "/api/resident/changes",
    payload: moveIn([
      personInput({ familyName, familyNameKana, ...extra }),
      personInput({ familyName, familyNameKana, givenName: "花子", givenNameKana: "ハナコ", sex: "female", relationship: "wife", birthDate: "1982-02-02" }),
    ]),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { changeId: string; entries: { personId: string; addresseeNumber: string; after: { householdId: string } }[] };
}

describe("POST /api/resident/changes", () => {
  it("records a 転入 for a clerk with 更新 and answers the change with every entry", async () => {
    const change = await moveInOverHttp("窓口", "マドグチ");
    expect(change).toMatchObject({ kind: "moved-in", kindJa: "転入", actor: expect.stringMatching(/^staff:/), entries: [{ fields: expect.arrayContaining(["familyName"]) }, {}] });
    const recorded = await audits("resident.change-recorded");
    expect(recorded.at(-1)).toMatchObject({ purpose: "転入の記録", detail: { changeId: change.changeId, kind: "moved-in" } });
  });

  it("records the purpose header as the audit purpose when given", async () => {
    const response = await writer.request({
      method: "POST",
      url: "/api/resident/changes",
      headers: purpose("転入届の受付"),
      payload: moveIn([personInput({ familyName: "目的", familyNameKana: "モクテキ" })]),
    });
    expect(response.statusCode).toBe(201);
    expect((await audits("resident.change-recorded")).at(-1)?.purpose).toBe("転入届の受付");
  });

  it("is refused to 閲覧 and to staff without a resident role", async () => {
    for (const session of [reader, outsider]) {
      const response = await session.request({ method: "POST", url: "/api/resident/changes", payload: moveIn([personInput()]) });
      expect(response.statusCode).toBe(403);
    }
  });

  it("names the wrong field of the kind's own schema, not every branch of the union", async () => {
    const missing = await writer.request({ method: "POST", url: "/api/resident/changes", payload: { ...moveIn([personInput()]), persons: undefined } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: "invalid-request", errors: [{ field: "body/persons" }] });
    const badDate = await writer.request({ method: "POST", url: "/api/resident/changes", payload: moveIn([personInput({ birthDate: "1980/05/05" })]) });
    expect(badDate.json().errors).toEqual([expect.objectContaining({ field: "body/persons/0/birthDate" })]);
    const badKind = await writer.request({ method: "POST", url: "/api/resident/changes", payload: { kind: "moved-sideways" } });
    expect(badKind.json().errors).toEqual([{ field: "body/kind", message: expect.stringContaining("moved-in") }]);
    const extra = await writer.request({ method: "POST", url: "/api/resident/changes", payload: { ...moveIn([personInput()]), colour: "blue" } });
    expect(extra.statusCode).toBe(400);
  });

  it("answers a rule refusal as problem+json with the rule's code, titles and the law", async () => {
    const response = await writer.request({ method: "POST", url: "/api/resident/changes", payload: moveIn([personInput({ relationship: "child", familyName: "無主", familyNameKana: "ムシュ" })]) });
    expect(response.statusCode).toBe(409);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json()).toMatchObject({
      code: "household-has-head",
      title: expect.any(String),
      title_ja: "世帯主は世帯に一人です",
      detail: expect.stringContaining("住民基本台帳法"),
      errors: [{ field: "body/relationships" }],
    });
  });
});

describe("POST /api/resident/changes/check", () => {
  it("runs every rule and names the fields a change would set, writing nothing", async () => {
    const tables = ["resident_change", "resident_person", "addressee", "event_outbox", "audit_log"];
    const before = await Promise.all(tables.map(async (table) => (await t.db.owner.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n));
    const ok = await writer.request({ method: "POST", url: "/api/resident/changes/check", payload: moveIn([personInput({ familyName: "試行", familyNameKana: "シコウ" })]) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({
      ok: true,
      deadline: { deadlineDate: "2024-04-15", overdue: false },
      entries: [{ personId: null, fields: expect.arrayContaining(["familyName", "householdId", "address"]) }],
    });
    const refused = await writer.request({ method: "POST", url: "/api/resident/changes/check", payload: moveIn([personInput({ relationship: "child" })]) });
    expect(refused.json()).toMatchObject({ code: "household-has-head" });
    const invalid = await writer.request({ method: "POST", url: "/api/resident/changes/check", payload: { kind: "died" } });
    expect(invalid.json()).toMatchObject({ code: "invalid-request", errors: expect.arrayContaining([{ field: "body/personId", message: expect.any(String) }]) });
    const after = await Promise.all(tables.map(async (table) => (await t.db.owner.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n));
    expect(after).toEqual(before);
    expect((await reader.request({ method: "POST", url: "/api/resident/changes/check", payload: moveIn([personInput()]) })).statusCode).toBe(403);
  });
});

describe("reading persons and households (audited with a purpose)", () => {
  let family: Awaited<ReturnType<typeof moveInOverHttp>>;
  beforeAll(async () => {
    family = await moveInOverHttp("照会", "ショウカイ", { myNumber: "123456789018" });
  });

  it("search requires a purpose and audits each person listed", async () => {
    const noPurpose = await reader.request({ method: "GET", url: "/api/resident/persons?q=ｼｮｳｶｲ" });
    expect(noPurpose.statusCode).toBe(400);
    const found = await reader.request({ method: "GET", url: `/api/resident/persons?q=${encodeURIComponent("しょうかい")}`, headers: purpose("本人確認") });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({ total: 2, items: [{ familyName: "照会", relationshipJa: expect.any(String), isRemoved: false }, {}] });
    const searched = await audits("resident.searched");
    expect(searched.slice(-2).map((a) => a.subject).sort()).toEqual(family.entries.map((e) => `addressee:${e.addresseeNumber}`).sort());
    expect(searched.at(-1)).toMatchObject({ purpose: "本人確認", detail: { criteria: ["q"], total: 2 } });
    expect(JSON.stringify(searched)).not.toContain("ショウカイ");
    const none = await reader.request({ method: "GET", url: "/api/resident/persons", headers: purpose() });
    expect(none.json()).toMatchObject({ code: "invalid-request" });
  });

  it("a person view shows the record, household, history and no 個人番号, as of today or a date", async () => {
    const head = family.entries[0]!;
    const view = await reader.request({ method: "GET", url: `/api/resident/persons/${head.personId}`, headers: purpose() });
    expect(view.statusCode).toBe(200);
    const body = view.json();
    expect(body).toMatchObject({
      addresseeNumber: head.addresseeNumber,
      isResident: true,
      relationshipJa: "世帯主",
      record: { familyName: "照会", address: HAYAMA.address, previousAddress: YOKOHAMA.address, hasMyNumber: true },
      household: { headPersonId: head.personId, members: [{ relationshipJa: "世帯主" }, { relationshipJa: "妻" }] },
      history: [{ kind: "moved-in", kindJa: "転入", fields: expect.arrayContaining(["address"]), before: null }],
      scheduled: [],
    });
    expect(view.body).not.toContain("123456789018");
    const viewed = await audits("resident.viewed");
    expect(viewed.at(-1)).toMatchObject({ subject: `addressee:${head.addresseeNumber}`, purpose: "窓口での住民票確認" });
    expect((await audits("resident.viewed-as-household-member")).at(-1)?.subject).toBe(`addressee:${family.entries[1]!.addresseeNumber}`);
    const before = await reader.request({ method: "GET", url: `/api/resident/persons/${head.personId}?asOf=2024-03-31`, headers: purpose() });
    expect(before.statusCode).toBe(404);
    expect(before.json().code).toBe("not-on-registry-on-date");
    const badDate = await reader.request({ method: "GET", url: `/api/resident/persons/${head.personId}?asOf=2024-02-30`, headers: purpose() });
    expect(badDate.json()).toMatchObject({ code: "invalid-request", errors: [{ field: "querystring/asOf" }] });
    const unknown = await reader.request({ method: "GET", url: "/api/resident/persons/00000000-0000-4000-8000-000000000000", headers: purpose() });
    expect(unknown.json()).toMatchObject({ code: "person-not-found" });
  });

  it("a household view lists members as of a date and audits each", async () => {
    const householdId = family.entries[0]!.after.householdId;
    const view = await reader.request({ method: "GET", url: `/api/resident/households/${householdId}?asOf=2024-04-01`, headers: purpose() });
    expect(view.json()).toMatchObject({ householdId, members: [{ relationship: "head" }, { relationship: "wife" }], address: HAYAMA.address });
    expect((await audits("resident.household-viewed")).slice(-2).map((a) => a.subject).sort()).toEqual(family.entries.map((e) => `addressee:${e.addresseeNumber}`).sort());
    const empty = await reader.request({ method: "GET", url: `/api/resident/households/${householdId}?asOf=2024-03-31`, headers: purpose() });
    expect(empty.json()).toMatchObject({ headPersonId: null, members: [] });
  });

  it("the history route lists every change with before and after", async () => {
    const history = await reader.request({ method: "GET", url: `/api/resident/persons/${family.entries[1]!.personId}/changes`, headers: purpose() });
    expect(history.json()).toEqual([expect.objectContaining({ kind: "moved-in", before: null, after: expect.objectContaining({ givenName: "花子" }) })]);
    expect((await audits("resident.history-viewed")).at(-1)?.subject).toBe(`addressee:${family.entries[1]!.addresseeNumber}`);
  });

  it("reveals the 個人番号 to 管理 only, never cached, and audits every reveal", async () => {
    const url = `/api/resident/persons/${family.entries[0]!.personId}/my-number`;
    for (const session of [reader, writer]) expect((await session.request({ method: "GET", url, headers: purpose() })).statusCode).toBe(403);
    const before = (await audits("resident.my-number-revealed")).length;
    const revealed = await admin.request({ method: "GET", url, headers: purpose("個人番号の確認（税）") });
    expect(revealed.statusCode).toBe(200);
    expect(revealed.headers["cache-control"]).toBe("no-store");
    expect(revealed.json()).toEqual({ personId: family.entries[0]!.personId, addresseeNumber: family.entries[0]!.addresseeNumber, myNumber: "123456789018" });
    const after = await audits("resident.my-number-revealed");
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ subject: `addressee:${family.entries[0]!.addresseeNumber}`, purpose: "個人番号の確認（税）" });
    expect(JSON.stringify(after)).not.toContain("123456789018");
    const none = await admin.request({ method: "GET", url: `/api/resident/persons/${family.entries[1]!.personId}/my-number`, headers: purpose() });
    expect(none.json()).toMatchObject({ code: "my-number-not-held" });
  });
});

describe("GET /api/resident/move-in-candidates", () => {
  it("finds a known 住登外者 by カナ in any width and birth date, for the clerk to confirm", async () => {
    const known = await inTenant(t, (tx) =>
      registerNonResident(tx, t.platform.events, { kind: "person", name: "候補 一", nameKana: "コウホ ハジメ", birthDate: "1961-01-01", address: "東京都", knownAs: "landowner" }),
    );
    const response = await writer.request({ method: "GET", url: `/api/resident/move-in-candidates?kana=${encodeURIComponent("ｺｳﾎ ﾊｼﾞﾒ")}&birthDate=1961-01-01`, headers: purpose("転入届の本人確認") });
    expect(response.json()).toEqual([expect.objectContaining({ addresseeNumber: known.number, isFormerResident: false })]);
    expect((await audits("resident.move-in-candidates-listed")).at(-1)?.subject).toBe(`addressee:${known.number}`);
    expect((await reader.request({ method: "GET", url: "/api/resident/move-in-candidates?kana=a&birthDate=1961-01-01", headers: purpose() })).statusCode).toBe(403);
  });
});

describe("the OpenAPI document", () => {
  it("describes every resident route, the 異動 kinds and the purpose header", async () => {
    const app = await t.app();
    const doc = (await app.inject({ method: "GET", url: "/openapi.json" })).json();
    expect(Object.keys(doc.paths).filter((p: string) => p.startsWith("/api/resident")).sort()).toEqual([
      "/api/resident/changes",
      "/api/resident/changes/check",
      "/api/resident/households/{id}",
      "/api/resident/late-notifications",
      "/api/resident/late-notifications/csv",
      "/api/resident/move-in-candidates",
      "/api/resident/persons",
      "/api/resident/persons/{id}",
      "/api/resident/persons/{id}/changes",
      "/api/resident/persons/{id}/my-number",
    ]);
    const body = JSON.stringify(doc.paths["/api/resident/changes"].post.requestBody);
    for (const kind of ["moved-in", "ex-officio-correction", "household-merged"]) expect(body).toContain(kind);
  });
});
