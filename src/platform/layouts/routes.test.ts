import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import type { FastifyInstance } from "fastify";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addStaff, addTenants, PASSWORD, TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { login, type Session } from "../../../test/support/http.ts";
import { countRows, createSampleTable, deleteRows, insertRows, layoutTestAreas, SAMPLE_HEADER, storedRows } from "./sample-layout.fixture.ts";

let t: TestPlatform;
let app: FastifyInstance;
let adminA: Session;
let adminB: Session;
let clerkA: Session;

const ROW_A = { item_no: 1, name: "葉山 一郎", note: null, born_on: "1980-04-01", quantity: null, score: null, active: true, kind: "person" as const };

beforeAll(async () => {
  t = await createTestPlatform(layoutTestAreas());
  await addTenants(t.db);
  await createSampleTable(t.db);
  await addStaff(t.db, TOWN_A.id, "admin-a", { platform: ["admin"] });
  await addStaff(t.db, TOWN_A.id, "clerk-a", { platform: ["read", "write"] });
  await addStaff(t.db, TOWN_B.id, "admin-b", { platform: ["admin"] });
  app = await t.app();
  adminA = await login(app, "admin-a", PASSWORD, TOWN_A.id);
  adminB = await login(app, "admin-b", PASSWORD, TOWN_B.id);
  clerkA = await login(app, "clerk-a", PASSWORD, TOWN_A.id);
});
afterAll(() => t.close());
beforeEach(async () => {
  await deleteRows(t.db, TOWN_A.id);
  await deleteRows(t.db, TOWN_B.id);
  await insertRows(t.db, TOWN_A.id, [ROW_A]);
});

const csv = (...lines: string[]) => lines.map((l) => `${l}\r\n`).join("");
const postCsv = (session: Session, body: string | Buffer, query = "") =>
  session.request({
    method: "POST",
    url: `/api/layouts/sample.items/import${query}`,
    headers: { "content-type": "text/csv; charset=utf-8" },
    payload: body,
  });

describe("GET /api/layouts", () => {
  it("lists the layouts with their columns to any staff member", async () => {
    const response = await clerkA.request({ method: "GET", url: "/api/layouts" });
    expect(response.statusCode).toBe(200);
    const sample = response.json().find((l: { id: string }) => l.id === "sample.items");
    expect(sample).toMatchObject({ name: "検査用品目", version: "1", owner: "sample" });
    expect(sample.columns[3]).toEqual({ name: "born_on", label: "生年月日", type: "date `YYYY-MM-DD`", required: false, description: null });
  });

  it("refuses an anonymous caller", async () => {
    expect((await app.inject({ method: "GET", url: "/api/layouts" })).statusCode).toBe(401);
  });
});

describe("GET /api/layouts/:id/schema.json", () => {
  it("serves the JSON Schema of a row", async () => {
    const response = await clerkA.request({ method: "GET", url: "/api/layouts/sample.items/schema.json" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("application/schema+json");
    expect(response.json()).toMatchObject({ "x-kyodo-layout": { id: "sample.items", version: "1" }, title: "検査用品目" });
  });

  it("answers 404 unknown-layout for a layout that does not exist", async () => {
    const response = await clerkA.request({ method: "GET", url: "/api/layouts/sample.nothing/schema.json" });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe("unknown-layout");
  });
});

describe("GET /api/layouts/:id/export", () => {
  it("sends the municipality's rows as a CSV attachment named after layout, municipality and day", async () => {
    const response = await adminA.request({ method: "GET", url: "/api/layouts/sample.items/export" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8; header=present");
    expect(response.headers["content-disposition"]).toMatch(/^attachment; filename="sample\.items_143014_\d{8}\.csv"$/);
    expect(response.body).toBe(csv(SAMPLE_HEADER, "1,葉山 一郎,,1980-04-01,,,true,person"));
  });

  it("sends Shift_JIS (CP932) on request", async () => {
    const response = await adminA.request({ method: "GET", url: "/api/layouts/sample.items/export?encoding=shift_jis" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=Shift_JIS; header=present");
    expect(iconv.decode(response.rawPayload, "cp932")).toBe(csv(SAMPLE_HEADER, "1,葉山 一郎,,1980-04-01,,,true,person"));
  });

  it("answers 422 layout-unencodable naming row, line, column and code point when Shift_JIS cannot hold a character", async () => {
    await insertRows(t.db, TOWN_A.id, [{ ...ROW_A, item_no: 2, name: "𠮷田 花子" }]);
    const response = await adminA.request({ method: "GET", url: "/api/layouts/sample.items/export?encoding=shift_jis" });
    expect(response.statusCode).toBe(422);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json()).toMatchObject({ code: "layout-unencodable", row: 2, line: 3, column: "name", columnNumber: 2, codePoint: "U+20BB7" });
    expect(response.body).not.toMatch(/𠮷|花子/);
  });

  it("contains only the rows of the caller's municipality", async () => {
    await insertRows(t.db, TOWN_B.id, [{ ...ROW_A, name: "寒川 二郎" }]);
    const response = await adminB.request({ method: "GET", url: "/api/layouts/sample.items/export" });
    expect(response.body).toContain("寒川 二郎");
    expect(response.body).not.toContain("葉山");
  });

  it("is refused with 403 to staff without the platform's 管理 role, and audited for those with it", async () => {
    const refused = await clerkA.request({ method: "GET", url: "/api/layouts/sample.items/export" });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("forbidden");
    await adminA.request({ method: "GET", url: "/api/layouts/sample.items/export" });
    const audit = await adminA.request({ method: "GET", url: "/api/audit?action=layout.exported&limit=1" });
    expect(audit.json()[0]).toMatchObject({ action: "layout.exported", subject: "sample.items", actor: expect.stringMatching(/^staff:/) });
  });

  it("rejects an unknown encoding", async () => {
    const response = await adminA.request({ method: "GET", url: "/api/layouts/sample.items/export?encoding=euc-jp" });
    expect(response.statusCode).toBe(400);
  });
});

describe("POST /api/layouts/:id/import", () => {
  it("imports a valid text/csv body into the caller's municipality only", async () => {
    const response = await postCsv(adminB, csv(SAMPLE_HEADER, "1,寒川 三郎,,,,,true,person", "2,寒川 四郎,,,,,false,person"));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ imported: 2 });
    expect((await storedRows(t.db, TOWN_B.id)).map((r) => r.name)).toEqual(["寒川 三郎", "寒川 四郎"]);
    expect(await storedRows(t.db, TOWN_A.id)).toEqual([ROW_A]);
  });

  it("answers 422 layout-invalid with every error by file, line and column, and writes nothing", async () => {
    const body = csv(SAMPLE_HEADER, "2,ok,,2026-02-29,,,true,person", "3,,,,,,true,person");
    const response = await postCsv(adminA, body, "?fileName=juki.csv");
    expect(response.statusCode).toBe(422);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json()).toMatchObject({
      code: "layout-invalid",
      errors: [
        { file: "juki.csv", line: 2, column: "born_on", columnNumber: 4, code: "invalid-date", message: expect.any(String) },
        { file: "juki.csv", line: 3, column: "name", columnNumber: 2, code: "required", message: "a value is required" },
      ],
    });
    expect(await countRows(t.db, TOWN_A.id)).toBe(1);
  });

  it("decodes the body as Shift_JIS when asked", async () => {
    const body = iconv.encode(csv(SAMPLE_HEADER, "5,髙橋 ①,,,,,true,person"), "cp932");
    const response = await postCsv(adminB, body, "?encoding=shift_jis");
    expect(response.json()).toEqual({ imported: 1 });
    expect((await storedRows(t.db, TOWN_B.id))[0]!.name).toBe("髙橋 ①");
  });

  it("is refused with 403 to staff without the platform's 管理 role, and writes nothing", async () => {
    const response = await postCsv(clerkA, csv(SAMPLE_HEADER, "2,b,,,,,true,person"));
    expect(response.statusCode).toBe(403);
    expect(await countRows(t.db, TOWN_A.id)).toBe(1);
  });

  it("answers 415 for a body that is not text/csv and 413 past the body limit", async () => {
    const json = await adminA.request({ method: "POST", url: "/api/layouts/sample.items/import", payload: { rows: [] } });
    expect(json.statusCode).toBe(415);
    const huge = await postCsv(adminA, `${SAMPLE_HEADER}\r\n${"x".repeat(1024 * 1024 + 1)}`);
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe("payload-too-large");
  });

  it("answers 404 unknown-layout for a layout that does not exist", async () => {
    const response = await adminA.request({
      method: "POST",
      url: "/api/layouts/sample.nothing/import",
      headers: { "content-type": "text/csv" },
      payload: "a\r\n",
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe("unknown-layout");
  });
});

describe("OpenAPI document", () => {
  it("describes the export as text/csv and the import's 422 with the error list", async () => {
    const doc = (await app.inject({ method: "GET", url: "/openapi.json" })).json();
    const exportOp = doc.paths["/api/layouts/{id}/export"].get;
    expect(Object.keys(exportOp.responses["200"].content)).toEqual(["text/csv"]);
    const importOp = doc.paths["/api/layouts/{id}/import"].post;
    const invalid = importOp.responses["422"].content["application/json"].schema;
    expect(invalid.properties.errors.items.required).toEqual(["file", "line", "column", "columnNumber", "code", "message"]);
  });
});
