// Every input that once gave a 500 (issue 14), each now a 400 naming the field in the problem
// format; the security headers on every response; the Secure cookie behind a TLS proxy; and the
// registration guard that keeps every number and string of a request bounded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Fastify from "fastify";
import { Type } from "@sinclair/typebox";
import { addOperator, addStaff, PASSWORD, TOWN_A } from "../support/fixtures.ts";
import { login, type Session } from "../support/http.ts";
import { createProtectionTown, type ProtectionTown } from "../protection/protection-fixture.ts";
import { roleModules, ROLES } from "../../src/platform/contract.ts";
import { buildApp } from "../../src/platform/http/app.ts";
import { enforceAccessRule } from "../../src/platform/http/access.ts";
import { jsonDepthExceeds } from "../../src/platform/http/json-body.ts";
import { patternBoundsLength } from "../../src/platform/http/schema-bounds.ts";

let town: ProtectionTown;
let staff: Session;
let operator: Session;
const PURPOSE = { "x-kyodo-purpose": encodeURIComponent("窓口での確認") };

beforeAll(async () => {
  town = await createProtectionTown();
  await addStaff(town.t.db, TOWN_A.id, "every", Object.fromEntries(roleModules(town.t.platform).map((m) => [m, [...ROLES]])));
  await addOperator(town.t.db);
  staff = await login(town.app, "every", PASSWORD, TOWN_A.id);
  operator = await login(town.app, "ops", PASSWORD);
}, 120_000);
afterAll(() => town.t.close());

function expectFieldProblem(response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, field: string) {
  expect(response.statusCode).toBe(400);
  expect(String(response.headers["content-type"])).toContain("application/problem+json");
  const body = response.json() as { code: string; errors?: { field: string }[] };
  expect(body.code).toBe("invalid-request");
  expect(body.errors?.map((e) => e.field)).toContain(field);
}

describe("U+0000 in any string is a 400 naming the field", () => {
  const cases: [string, string][] = [
    ["/api/resident/persons?q=%00", "querystring/q"],
    ["/api/addressees?name=%00", "querystring/name"],
    ["/api/audit?action=%00", "querystring/action"],
    ["/api/events?type=%00", "querystring/type"],
    ["/api/jobs/runs?job=%00", "querystring/job"],
    ["/api/resident/move-in-candidates?kana=%00&birthDate=1990-05-05", "querystring/kana"],
  ];
  for (const [url, field] of cases) {
    it(`GET ${url}`, async () => {
      expectFieldProblem(await staff.request({ method: "GET", url, headers: PURPOSE }), field);
    });
  }

  it("GET /api/operator/jobs/runs?tenantId=%00 (operator)", async () => {
    expectFieldProblem(await operator.request({ method: "GET", url: "/api/operator/jobs/runs?tenantId=%00" }), "querystring/tenantId");
  });

  it("the purpose header %00 is refused as a malformed purpose", async () => {
    const r = await staff.request({ method: "GET", url: "/api/resident/persons?q=スズキ", headers: { "x-kyodo-purpose": "%00" } });
    expect(r.statusCode).toBe(400);
    expect(JSON.stringify(r.json())).toContain("x-kyodo-purpose");
  });
});

describe("an unpaired surrogate is refused by the check and by the real write alike", () => {
  const name = "検査\ud800太郎";

  it("POST /api/addressees", async () => {
    const r = await staff.request({
      method: "POST",
      url: "/api/addressees",
      payload: { kind: "person", name, nameKana: "ケンサタロウ", knownAs: "landowner", reason: "固定資産の所有者" },
    });
    expectFieldProblem(r, "body/name");
  });

  for (const url of ["/api/resident/changes/check", "/api/resident/changes"]) {
    it(`POST ${url}`, async () => {
      const r = await staff.request({
        method: "POST",
        url,
        payload: {
          kind: "born",
          effectiveDate: "2026-01-05",
          notifiedDate: "2026-01-06",
          householdId: town.victimHouseholdId,
          person: { familyName: name, givenName: "", familyNameKana: "ケンサ", givenNameKana: "", sex: "male", birthDate: "2026-01-05", relationship: "child" },
        },
      });
      expectFieldProblem(r, "body/person/familyName");
    });
  }
});

describe("numbers and nesting past what the database and the parser take", () => {
  it("JSON nested 50,000 levels in a certificate's options is a 400 before anything recurses", async () => {
    const r = await staff.request({
      method: "POST",
      url: "/api/certificates/residence-copy/preview",
      headers: { "content-type": "application/json" },
      payload: `{"subjectId":"${town.victimPersonId}","options":${"[".repeat(50_000)}${"]".repeat(50_000)}}`,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe("json-too-deep");
  });

  for (const url of ["/api/audit?before=999999999999999999999999", "/api/events?before=999999999999999999999999"]) {
    it(`GET ${url}`, async () => {
      expectFieldProblem(await staff.request({ method: "GET", url }), "querystring/before");
    });
  }

  it("the depth scan ignores brackets inside strings and escaped quotes", () => {
    expect(jsonDepthExceeds(JSON.stringify({ a: "[[[[[[\\\"[[[[" }), 2)).toBe(false);
    expect(jsonDepthExceeds("[[[]]]", 2)).toBe(true);
    expect(jsonDepthExceeds("[[]]", 2)).toBe(false);
  });
});

describe("names and addresses are stored in NFC", () => {
  it("a name and address typed with separate voiced marks are stored composed; a compatibility ideograph is kept", async () => {
    const r = await staff.request({
      method: "POST",
      url: "/api/addressees",
      payload: {
        kind: "person",
        name: "\uFA19田 か\u3099く",
        nameKana: "カンダ カ\u3099ク",
        knownAs: "landowner",
        address: "東京都千代田区神田ウ\u3099ィラ1番地",
        reason: "固定資産の所有者",
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    const number = r.json().number as string;
    const read = await staff.request({ method: "GET", url: `/api/addressees/${number}`, headers: PURPOSE });
    const state = read.json().current ?? read.json();
    expect(JSON.stringify(state)).toContain("\uFA19田\u3000がく");
    expect(JSON.stringify(state)).toContain("神田ヴィラ1番地");
    expect(JSON.stringify(state)).not.toContain("\u3099");
  });
});

describe("HTTP hardening", () => {
  it("every response carries the security headers, a CSP without inline scripts and frame-ancestors 'none'", async () => {
    for (const url of ["/", "/api/session", "/healthz", "/api/no-such-route"]) {
      const r = await town.app.inject({ method: "GET", url });
      const csp = String(r.headers["content-security-policy"]);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toMatch(/script-src 'self'(;|$)/);
      expect(r.headers["x-content-type-options"], url).toBe("nosniff");
      expect(r.headers["referrer-policy"], url).toBe("no-referrer");
    }
  });

  it("behind a TLS-terminating proxy the session cookie is Secure; without one it is not", async () => {
    const policy = { idleMinutes: 30, maxMinutes: 720 };
    const behindProxy = await buildApp(town.t.platform, { sessionPolicy: policy, logLevel: "silent", version: "test", trustProxy: true });
    try {
      const r = await behindProxy.inject({
        method: "POST",
        url: "/api/session",
        headers: { "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.7" },
        payload: { tenantId: TOWN_A.id, loginId: "every", password: PASSWORD },
      });
      expect(r.statusCode).toBe(200);
      expect(String(r.headers["set-cookie"])).toMatch(/;\s*Secure/i);
      expect(r.headers["strict-transport-security"]).toBeDefined();
    } finally {
      await behindProxy.close();
    }
    const direct = await town.app.inject({ method: "POST", url: "/api/session", payload: { tenantId: TOWN_A.id, loginId: "every", password: PASSWORD } });
    expect(String(direct.headers["set-cookie"])).not.toMatch(/;\s*Secure/i);
  });
});

describe("a route with unbounded input does not register", () => {
  async function register(schema: Record<string, unknown>) {
    const app = Fastify();
    app.addHook("onRoute", enforceAccessRule);
    app.get("/x", { config: { access: { public: true } }, schema }, async () => ({}));
    await app.ready();
    await app.close();
  }

  it("an integer without a maximum, or a string without maxLength, names the route and field", async () => {
    await expect(register({ querystring: Type.Object({ before: Type.Integer({ minimum: 0 }) }) })).rejects.toThrow(/GET \/x .*querystring\/before/);
    await expect(register({ querystring: Type.Object({ q: Type.String() }) })).rejects.toThrow(/querystring\/q \(string without maxLength\)/);
    await expect(register({ querystring: Type.Object({ before: Type.String({ pattern: "^[0-9]+$" }) }) })).rejects.toThrow(/before/);
    await expect(register({ querystring: Type.Object({ q: Type.String({ maxLength: 10 }), n: Type.Integer({ minimum: 1, maximum: 5 }) }) })).resolves.toBeUndefined();
  });

  it("an anchored pattern bounds a string only without unbounded repetition", () => {
    expect(patternBoundsLength("^\\d{4}-\\d{2}-\\d{2}$")).toBe(true);
    expect(patternBoundsLength("^[0-9]{1,18}$")).toBe(true);
    expect(patternBoundsLength("^[0-9]+$")).toBe(false);
    expect(patternBoundsLength("^[0-9]{6,}$")).toBe(false);
    expect(patternBoundsLength("[0-9]{6}")).toBe(false);
    expect(patternBoundsLength("^\\+81$")).toBe(true);
  });
});
