import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Fastify from "fastify";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addOperator, addStaff, addTenants, PASSWORD, TOWN_A } from "../../../test/support/fixtures.ts";
import { login } from "../../../test/support/http.ts";
import { BODY_LIMIT_BYTES } from "./app.ts";
import { enforceAccessRule } from "./access.ts";

let t: TestPlatform;

beforeAll(async () => {
  t = await createTestPlatform();
  await addTenants(t.db);
  await addStaff(t.db, TOWN_A.id, "admin", { platform: ["admin"] });
  await addOperator(t.db);
});
afterAll(() => t.close());

describe("HTTP edge", () => {
  it("GET /healthz names the database mode and schema version", async () => {
    const app = await t.app();
    const r = await app.inject({ method: "GET", url: "/healthz" });
    expect(r.statusCode).toBe(200);
    const applied = await t.db.owner.query("SELECT count(*)::int AS n FROM schema_migration");
    expect(r.json()).toEqual({ status: "ok", database: "embedded", schemaVersion: applied.rows[0].n });
  });

  it("publishes an OpenAPI 3 document listing the routes, and a browsable page at /docs", async () => {
    const app = await t.app();
    const doc = (await app.inject({ method: "GET", url: "/openapi.json" })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/session", "/api/staff/{id}", "/api/operator/tenants", "/healthz"]));
    const page = await app.inject({ method: "GET", url: "/docs/" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("swagger");
  });

  it("answers malformed JSON with 400 malformed-json as problem+json", async () => {
    const app = await t.app();
    const r = await app.inject({ method: "POST", url: "/api/session", headers: { "content-type": "application/json" }, payload: "{bad" });
    expect(r.statusCode).toBe(400);
    expect(r.headers["content-type"]).toContain("application/problem+json");
    expect(r.json()).toMatchObject({ code: "malformed-json", title_ja: expect.any(String) });
  });

  it("answers an oversized body with 413 payload-too-large", async () => {
    const app = await t.app();
    const big = JSON.stringify({ loginId: "x", password: "y".repeat(BODY_LIMIT_BYTES) });
    const r = await app.inject({ method: "POST", url: "/api/session", headers: { "content-type": "application/json" }, payload: big });
    expect(r.statusCode).toBe(413);
    expect(r.json().code).toBe("payload-too-large");
  });

  it("names every invalid field of a request", async () => {
    const app = await t.app();
    const admin = await login(app, "admin", PASSWORD, TOWN_A.id);
    const r = await admin.request({ method: "POST", url: "/api/staff", payload: { loginId: "A B", password: "short", roles: {} } });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe("invalid-request");
    const fields = r.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["body/loginId", "body/password", "body/displayName"]));
  });

  it("an unknown API route is a 404 problem, not the web app", async () => {
    const app = await t.app();
    const r = await app.inject({ method: "GET", url: "/api/nope" });
    expect(r.statusCode).toBe(404);
    expect(r.json().code).toBe("not-found");
  });

  it("a staff member cannot use operator routes, and an operator cannot use tenant routes", async () => {
    const app = await t.app();
    const admin = await login(app, "admin", PASSWORD, TOWN_A.id);
    expect((await admin.request({ method: "GET", url: "/api/operator/tenants" })).statusCode).toBe(403);
    const op = await login(app, "ops", PASSWORD);
    expect((await op.request({ method: "GET", url: "/api/staff" })).statusCode).toBe(403);
    const tenants = await op.request({ method: "GET", url: "/api/operator/tenants" });
    expect(tenants.statusCode).toBe(200);
    expect(tenants.json().map((x: { id: string }) => x.id)).toEqual(["143014", "143219"]);
  });

  it("operator onboarding rejects a wrong check digit and changes nothing; a valid code lands, audited", async () => {
    const app = await t.app();
    const op = await login(app, "ops", PASSWORD);
    const bad = await op.request({ method: "POST", url: "/api/operator/tenants", payload: { id: "143414", name: "大磯町", nameKana: "オオイソマチ" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: "invalid-local-government-code", errors: [{ field: "id" }] });
    expect((await t.db.owner.query("SELECT 1 FROM tenant WHERE id = '143414'")).rowCount).toBe(0);
    const good = await op.request({ method: "POST", url: "/api/operator/tenants", payload: { id: "143413", name: "大磯町", nameKana: "オオイソマチ" } });
    expect(good.statusCode).toBe(201);
    expect(good.json()).toEqual({ id: "143413", name: "大磯町", prefectureId: "140007" });
    const dup = await op.request({ method: "POST", url: "/api/operator/tenants", payload: { id: "143413", name: "大磯町", nameKana: "オオイソマチ" } });
    expect(dup.statusCode).toBe(409);
    const audit = await t.db.owner.query("SELECT subject FROM audit_log WHERE tenant_id = 'platform' AND action = 'tenancy.tenant-created'");
    expect(audit.rows.map((r) => r.subject)).toContain("tenant:143413");
  });

  it("refuses to register a route that declares no access rule (deny by default)", async () => {
    const app = Fastify();
    app.addHook("onRoute", enforceAccessRule);
    expect(() => app.get("/api/forgotten", async () => "x")).toThrow(/declares no access rule/);
  });

  it("every documented route refuses an anonymous request unless it is declared public", async () => {
    const app = await t.app();
    const doc = (await app.inject({ method: "GET", url: "/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    // The reviewed list of routes anyone may call: a new public route must be added here on purpose.
    // The certificate verification answers a recipient (a bank, another town) with no personal data (ADR 0019).
    const publicRoutes = new Set(["GET /healthz", "GET /api/tenants", "POST /api/session", "GET /api/public/certificates/{id}"]);
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const key = `${method.toUpperCase()} ${path}`;
        if (publicRoutes.has(key)) continue;
        const url = path.replace(/\{[^}]+\}/g, "00000000-0000-4000-8000-000000000000");
        const r = await app.inject({ method: method.toUpperCase() as "GET", url, payload: method === "get" ? undefined : {} });
        expect(r.statusCode, key).toBe(401);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });
});
