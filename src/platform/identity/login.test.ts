import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addOperator, addStaff, addTenants, PASSWORD, TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { login } from "../../../test/support/http.ts";
import { csrfTokenOf } from "./session.ts";
import { hasRole } from "./principal.ts";

let t: TestPlatform;

beforeAll(async () => {
  t = await createTestPlatform();
  await addTenants(t.db);
  await addStaff(t.db, TOWN_A.id, "admin", { platform: ["admin"] });
  await addStaff(t.db, TOWN_A.id, "clerk", { platform: ["read"] });
  await addOperator(t.db);
});
afterAll(() => t.close());

const post = (payload: unknown) => t.app().then((app) => app.inject({ method: "POST", url: "/api/session", payload: payload as object }));

describe("roles per module (閲覧・更新・証明・管理)", () => {
  it("admin implies every role; write and issue imply read; read implies nothing more", () => {
    expect(hasRole(["admin"], "issue")).toBe(true);
    expect(hasRole(["write"], "read")).toBe(true);
    expect(hasRole(["issue"], "read")).toBe(true);
    expect(hasRole(["read"], "write")).toBe(false);
    expect(hasRole(["write"], "issue")).toBe(false);
    expect(hasRole(undefined, "read")).toBe(false);
  });
});

describe("log-in", () => {
  it("stores only an Argon2id hash of the password", async () => {
    const row = await t.db.withTenant(TOWN_A.id, (tx) => tx.query("SELECT password_hash FROM staff_account WHERE login_id = 'admin'"));
    expect(row.rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(row.rows[0].password_hash).not.toContain(PASSWORD);
  });

  it("sets an HTTP-only, SameSite=Strict session cookie and returns the CSRF token", async () => {
    const response = await post({ tenantId: TOWN_A.id, loginId: "clerk", password: PASSWORD });
    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers["set-cookie"]);
    expect(cookie).toMatch(/kyodo_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(response.json()).toMatchObject({ kind: "staff", tenant: { id: TOWN_A.id, name: "葉山町" }, roles: { platform: ["read"] } });
    expect(response.json().csrfToken).toHaveLength(32);
  });

  it("derives the CSRF token from the session token and stores neither", async () => {
    const response = await post({ tenantId: TOWN_A.id, loginId: "clerk", password: PASSWORD });
    const token = /kyodo_session=([^;]+)/.exec(String(response.headers["set-cookie"]))![1]!;
    expect(response.json().csrfToken).toBe(csrfTokenOf(token));
    const columns = await t.db.owner.query(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'staff_session' ORDER BY column_name",
    );
    expect(columns.rows.map((r) => r.column_name)).not.toContain("csrf_token");
    const stored = await t.db.owner.query("SELECT row_to_json(s)::text AS row FROM staff_session s");
    for (const r of stored.rows) {
      expect(r.row).not.toContain(token);
      expect(r.row).not.toContain(response.json().csrfToken);
    }
  });

  it("a staff account of town A cannot log in at town B", async () => {
    const response = await post({ tenantId: TOWN_B.id, loginId: "admin", password: PASSWORD });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe("invalid-credentials");
  });

  it("rejects a code with a wrong check digit, and an unknown municipality, precisely", async () => {
    const wrong = await post({ tenantId: "143015", loginId: "admin", password: PASSWORD });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: "invalid-local-government-code", errors: [{ field: "tenantId" }] });
    const unknown = await post({ tenantId: "131016", loginId: "admin", password: PASSWORD });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe("unknown-tenant");
  });

  it("an operator logs in with no municipality and is audited on the platform chain", async () => {
    const response = await post({ loginId: "ops", password: PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ kind: "operator", tenant: null });
    const audit = await t.db.owner.query("SELECT action FROM audit_log WHERE tenant_id = 'platform' AND action = 'identity.login'");
    expect(audit.rowCount).toBeGreaterThan(0);
  });
});

describe("sessions, CSRF and roles on every route", () => {
  it("a request without a session is refused with 401 unauthenticated", async () => {
    const app = await t.app();
    const r = await app.inject({ method: "GET", url: "/api/staff" });
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe("unauthenticated");
  });

  it("a clerk without the admin role gets 403 and nothing is created", async () => {
    const app = await t.app();
    const clerk = await login(app, "clerk", PASSWORD, TOWN_A.id);
    expect((await clerk.request({ method: "GET", url: "/api/staff" })).statusCode).toBe(403);
    const create = await clerk.request({
      method: "POST",
      url: "/api/staff",
      payload: { loginId: "sneaky", displayName: "x", password: "a long password 1", roles: {} },
    });
    expect(create.statusCode).toBe(403);
    expect(create.json().code).toBe("forbidden");
    const count = await t.db.withTenant(TOWN_A.id, (tx) => tx.query("SELECT 1 FROM staff_account WHERE login_id = 'sneaky'"));
    expect(count.rowCount).toBe(0);
  });

  it("a state change without the CSRF token is refused", async () => {
    const app = await t.app();
    const admin = await login(app, "admin", PASSWORD, TOWN_A.id);
    const r = await app.inject({
      method: "POST",
      url: "/api/staff",
      headers: { cookie: admin.cookie },
      payload: { loginId: "nocsrf", displayName: "x", password: "a long password 1", roles: {} },
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe("csrf-token-invalid");
  });

  it("an expired session gets 401 session-expired", async () => {
    const app = await t.app();
    const admin = await login(app, "admin", PASSWORD, TOWN_A.id);
    await t.db.owner.query("UPDATE staff_session SET last_seen_at = now() - interval '2 hours' WHERE ended_at IS NULL");
    const r = await admin.request({ method: "GET", url: "/api/staff" });
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe("session-expired");
  });

  it("after log-out the session no longer works", async () => {
    const app = await t.app();
    const admin = await login(app, "admin", PASSWORD, TOWN_A.id);
    expect((await admin.request({ method: "DELETE", url: "/api/session" })).statusCode).toBe(204);
    expect((await admin.request({ method: "GET", url: "/api/session" })).statusCode).toBe(401);
  });

  it("lists the modules roles can be granted for", async () => {
    const app = await t.app();
    const clerk = await login(app, "clerk", PASSWORD, TOWN_A.id);
    const modules = await clerk.request({ method: "GET", url: "/api/modules" });
    expect(modules.statusCode).toBe(200);
    expect(modules.json()[0]).toEqual({ id: "platform", name: "共通基盤" });
  });

  it("an admin creates staff with roles for known modules only, and duplicate IDs conflict", async () => {
    const app = await t.app();
    const admin = await login(app, "admin", PASSWORD, TOWN_A.id);
    const payload = { loginId: "newbie", displayName: "新人 職員", roles: { platform: ["read"] } };
    const created = await admin.request({ method: "POST", url: "/api/staff", payload });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ account: { loginId: "newbie", roles: { platform: ["read"] }, passwordKind: "one-time" } });
    const again = await admin.request({ method: "POST", url: "/api/staff", payload });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("login-id-taken");
    const unknown = await admin.request({ method: "POST", url: "/api/staff", payload: { ...payload, loginId: "other", roles: { nosuch: ["read"] } } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ field: "body/roles/nosuch", message: "unknown module" }]);
  });
});
