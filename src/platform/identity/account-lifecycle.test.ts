import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addOperator, addStaff, addTenants, PASSWORD, TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { login, type Session } from "../../../test/support/http.ts";

let t: TestPlatform;
let app: FastifyInstance;
let ops: Session;
const ZUSHI = { id: "142085", name: "逗子市" };
const GOOD = "quiet river under old bridge";

beforeAll(async () => {
  t = await createTestPlatform();
  app = await t.app();
  await addTenants(t.db);
  await addStaff(t.db, TOWN_A.id, "admin", { platform: ["admin"] });
  await addStaff(t.db, TOWN_A.id, "resident-boss", { platform: ["admin"], addressee: ["admin"] });
  await addStaff(t.db, TOWN_A.id, "supervisor", { platform: ["admin"], protection: ["admin"] });
  await addStaff(t.db, TOWN_A.id, "clerk", { addressee: ["read"] });
  await addStaff(t.db, TOWN_B.id, "admin", { platform: ["admin"] });
  await addOperator(t.db);
  ops = await login(app, "ops", PASSWORD);
});
afterAll(() => t.close());

const post = (payload: object) => app.inject({ method: "POST", url: "/api/session", payload });
const idOf = async (tenantId: string, loginId: string) =>
  (await t.db.withTenant(tenantId, (tx) => tx.query("SELECT id FROM staff_account WHERE login_id = $1", [loginId]))).rows[0].id as string;
const auditOf = async (tenantId: string, action: string) =>
  (await t.db.owner.query("SELECT actor, subject, detail FROM audit_log WHERE tenant_id = $1 AND action = $2 ORDER BY seq", [tenantId, action])).rows;

describe("onboarding names the first administrator, who activates the account once", () => {
  let code: string;

  it("the operator onboards a town with its administrator and gets an activation code, once; no password is seen", async () => {
    const r = await ops.request({
      method: "POST",
      url: "/api/operator/tenants",
      payload: { id: ZUSHI.id, administrator: { loginId: "zushi.admin", displayName: "逗子 管理者" } },
    });
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json();
    code = body.administrator.activationCode;
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
    expect(body.administrator.account).toMatchObject({ loginId: "zushi.admin", passwordKind: "activation", disabled: null });
    expect(body.administrator.account.roles.platform).toEqual(["admin"]);
    expect(body.administrator.account.roles.protection).toBeUndefined();
    const stored = await t.db.owner.query("SELECT password_hash FROM staff_account WHERE login_id = 'zushi.admin'");
    expect(stored.rows[0].password_hash).toMatch(/^\$argon2id\$/);
    const everything = await t.db.owner.query("SELECT string_agg(detail::text || coalesce(subject, ''), ' ') AS all FROM audit_log");
    expect(everything.rows[0].all).not.toContain(code);
    expect(everything.rows[0].all).not.toContain(code.replace(/-/g, ""));
    expect(await auditOf(ZUSHI.id, "identity.administrator-issued")).toHaveLength(1);
    expect((await auditOf("platform", "identity.administrator-issued"))[0].subject).toBe(`tenant:${ZUSHI.id}`);
  });

  it("the code opens no session: the holder must set a password of their own, which the rules check", async () => {
    const asked = await post({ tenantId: ZUSHI.id, loginId: "zushi.admin", password: code });
    expect(asked.statusCode).toBe(403);
    expect(asked.json().code).toBe("password-change-required");
    expect(asked.headers["set-cookie"]).toBeUndefined();
    const weak = await post({ tenantId: ZUSHI.id, loginId: "zushi.admin", password: code, newPassword: "zushi.admin-password" });
    expect(weak.statusCode).toBe(422);
    expect(weak.json()).toMatchObject({ code: "password-rejected", errors: [{ field: "body/newPassword" }] });
    const ok = await post({ tenantId: ZUSHI.id, loginId: "zushi.admin", password: code, newPassword: GOOD });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().roles.platform).toEqual(["admin"]);
    expect(await auditOf(ZUSHI.id, "identity.account-activated")).toHaveLength(1);
  });

  it("the code works once: afterwards only the chosen password does", async () => {
    expect((await post({ tenantId: ZUSHI.id, loginId: "zushi.admin", password: code, newPassword: "another fine long phrase" })).statusCode).toBe(401);
    expect((await post({ tenantId: ZUSHI.id, loginId: "zushi.admin", password: GOOD })).statusCode).toBe(200);
  });

  it("the operator names no other administrator while the town has an active one: the town manages its accounts", async () => {
    const r = await ops.request({
      method: "POST",
      url: `/api/operator/tenants/${ZUSHI.id}/administrators`,
      payload: { loginId: "zushi.second", displayName: "逗子 二人目", reason: "依頼" },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe("administrator-exists");
  });

  it("the operator resets the town's last administrator the same way: enabled again, a new code, the old password gone", async () => {
    await t.db.owner.query("UPDATE staff_account SET disabled_at = now(), disabled_reason = '退職' WHERE login_id = 'zushi.admin'");
    const r = await ops.request({
      method: "POST",
      url: `/api/operator/tenants/${ZUSHI.id}/administrators`,
      payload: { loginId: "zushi.admin", displayName: "逗子 管理者", reason: "団体からの依頼（文書番号123）" },
    });
    expect(r.statusCode, r.body).toBe(201);
    const fresh = r.json().temporaryPassword as string;
    expect(r.json().account).toMatchObject({ disabled: null, passwordKind: "activation" });
    expect((await post({ tenantId: ZUSHI.id, loginId: "zushi.admin", password: GOOD })).statusCode).toBe(401);
    const lower = fresh.toLowerCase();
    expect((await post({ tenantId: ZUSHI.id, loginId: "zushi.admin", password: fresh, newPassword: "a brand new passphrase here" })).statusCode).toBe(200);
    expect(lower).not.toBe(fresh);
    expect(await auditOf(ZUSHI.id, "identity.administrator-reset")).toHaveLength(1);
  });

  it("an expired activation code is refused even when right, saying so", async () => {
    const r = await ops.request({
      method: "POST",
      url: `/api/operator/tenants/${ZUSHI.id}/administrators`,
      payload: { loginId: "zushi.supervisor", displayName: "逗子 支援", kind: "protection", reason: "支援措置の管理者" },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().account.roles).toEqual({ protection: ["admin"] });
    await t.db.owner.query("UPDATE staff_account SET password_expires_at = now() - interval '1 second' WHERE login_id = 'zushi.supervisor'");
    const late = await post({ tenantId: ZUSHI.id, loginId: "zushi.supervisor", password: r.json().temporaryPassword, newPassword: GOOD });
    expect(late.statusCode).toBe(401);
    expect(late.json().code).toBe("temporary-password-expired");
  });

  it("a town administrator cannot name administrators of any town, nor can an operator for an unknown town", async () => {
    const admin = await login(app, "admin", PASSWORD, TOWN_A.id);
    const payload = { loginId: "x.admin", displayName: "X", reason: "r" };
    expect((await admin.request({ method: "POST", url: `/api/operator/tenants/${TOWN_B.id}/administrators`, payload })).statusCode).toBe(403);
    expect((await ops.request({ method: "POST", url: "/api/operator/tenants/131016/administrators", payload })).statusCode).toBe(404);
  });
});

describe("separation of duties over HTTP", () => {
  it("an account holding only 共通基盤:管理 cannot create an account with 住民記録 or 支援措置 roles", async () => {
    const admin = await login(app, "admin", PASSWORD, TOWN_A.id);
    const r = await admin.request({
      method: "POST",
      url: "/api/staff",
      payload: { loginId: "overreach", displayName: "越権 例", roles: { addressee: ["admin"], protection: ["admin"] } },
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe("grant-refused");
    expect(r.json().errors.map((e: { field: string }) => e.field)).toEqual(["body/roles/addressee", "body/roles/protection"]);
    expect((await t.db.owner.query("SELECT 1 FROM staff_account WHERE login_id = 'overreach'")).rowCount).toBe(0);
  });

  it("a module's 管理 grants its roles; 支援措置 roles only a 支援措置 管理 grants", async () => {
    const boss = await login(app, "resident-boss", PASSWORD, TOWN_A.id);
    const clerk = await idOf(TOWN_A.id, "clerk");
    const grant = await boss.request({ method: "PUT", url: `/api/staff/${clerk}/roles`, payload: { roles: { addressee: ["read", "write"] }, reason: "窓口担当" } });
    expect(grant.statusCode, grant.body).toBe(200);
    expect(grant.json().roles).toEqual({ addressee: ["read", "write"] });
    const protection = await boss.request({ method: "PUT", url: `/api/staff/${clerk}/roles`, payload: { roles: { addressee: ["read", "write"], protection: ["read"] }, reason: "x" } });
    expect(protection.statusCode).toBe(403);
    const supervisor = await login(app, "supervisor", PASSWORD, TOWN_A.id);
    const ok = await supervisor.request({ method: "PUT", url: `/api/staff/${clerk}/roles`, payload: { roles: { addressee: ["read", "write"], protection: ["read"] }, reason: "支援措置の閲覧" } });
    expect(ok.statusCode, ok.body).toBe(200);
    const entries = await auditOf(TOWN_A.id, "identity.roles-changed");
    expect(entries.map((e) => e.detail)).toEqual([
      { loginId: "clerk", granted: { addressee: ["write"] }, revoked: {}, reason: "窓口担当" },
      { loginId: "clerk", granted: { protection: ["read"] }, revoked: {}, reason: "支援措置の閲覧" },
    ]);
  });

  it("an administrator cannot give themselves a role they do not hold", async () => {
    const admin = await login(app, "admin", PASSWORD, TOWN_A.id);
    const me = await idOf(TOWN_A.id, "admin");
    const r = await admin.request({ method: "PUT", url: `/api/staff/${me}/roles`, payload: { roles: { platform: ["admin"], addressee: ["read"] }, reason: "自分に" } });
    expect(r.statusCode).toBe(403);
    expect(r.json().errors[0].message).toMatch(/^self-elevation/);
  });
});

describe("disabling, enabling, resetting and changing passwords", () => {
  it("a disabled account cannot log in, its sessions end, and it stays listed, marked, with its history", async () => {
    await addStaff(t.db, TOWN_A.id, "leaver", { platform: ["read"] });
    const leaver = await login(app, "leaver", PASSWORD, TOWN_A.id);
    const admin = await login(app, "admin", PASSWORD, TOWN_A.id);
    const id = await idOf(TOWN_A.id, "leaver");
    const r = await admin.request({ method: "POST", url: `/api/staff/${id}/disable`, payload: { reason: "異動（教育委員会へ）" } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().disabled).toMatchObject({ reason: "異動（教育委員会へ）" });
    expect((await leaver.request({ method: "GET", url: "/api/session" })).statusCode).toBe(401);
    expect((await post({ tenantId: TOWN_A.id, loginId: "leaver", password: PASSWORD })).statusCode).toBe(401);
    const list = (await admin.request({ method: "GET", url: "/api/staff" })).json();
    expect(list.find((s: { loginId: string }) => s.loginId === "leaver").disabled.reason).toBe("異動（教育委員会へ）");
    const history = (await admin.request({ method: "GET", url: `/api/audit?subject=staff:${id}` })).json();
    expect(history.map((e: { action: string }) => e.action)).toEqual(["identity.staff-disabled"]);
    expect(history[0].detail).toEqual({ loginId: "leaver", reason: "異動（教育委員会へ）" });
    const enabled = await admin.request({ method: "POST", url: `/api/staff/${id}/enable`, payload: { reason: "復帰" } });
    expect(enabled.json().disabled).toBeNull();
    expect((await post({ tenantId: TOWN_A.id, loginId: "leaver", password: PASSWORD })).statusCode).toBe(200);
  });

  it("an administrator cannot disable themselves, nor enable an account whose roles they could not grant", async () => {
    const admin = await login(app, "admin", PASSWORD, TOWN_A.id);
    const me = await idOf(TOWN_A.id, "admin");
    expect((await admin.request({ method: "POST", url: `/api/staff/${me}/disable`, payload: { reason: "x" } })).json().code).toBe("cannot-disable-self");
    const supervisor = await idOf(TOWN_A.id, "supervisor");
    const off = await admin.request({ method: "POST", url: `/api/staff/${supervisor}/disable`, payload: { reason: "休職" } });
    expect(off.statusCode).toBe(200);
    const on = await admin.request({ method: "POST", url: `/api/staff/${supervisor}/enable`, payload: { reason: "復職" } });
    expect(on.statusCode).toBe(403);
    expect(on.json().code).toBe("grant-refused");
    await t.db.owner.query("UPDATE staff_account SET disabled_at = NULL WHERE id = $1", [supervisor]);
  });

  it("an administrator resets a password: a one-time password, the old one gone, changed at the next log-in", async () => {
    await addStaff(t.db, TOWN_A.id, "forgetful", { platform: ["read"] });
    const admin = await login(app, "admin", PASSWORD, TOWN_A.id);
    const id = await idOf(TOWN_A.id, "forgetful");
    const r = await admin.request({ method: "POST", url: `/api/staff/${id}/password-reset`, payload: { reason: "本人の申出" } });
    expect(r.statusCode, r.body).toBe(201);
    const once = r.json().temporaryPassword as string;
    expect(r.json().account.passwordKind).toBe("one-time");
    expect((await post({ tenantId: TOWN_A.id, loginId: "forgetful", password: PASSWORD })).statusCode).toBe(401);
    expect((await post({ tenantId: TOWN_A.id, loginId: "forgetful", password: once })).json().code).toBe("password-change-required");
    expect((await post({ tenantId: TOWN_A.id, loginId: "forgetful", password: once, newPassword: GOOD })).statusCode).toBe(200);
    const [entry] = await auditOf(TOWN_A.id, "identity.password-reset");
    expect(JSON.stringify(entry)).not.toContain(once);
    // The 支援措置 supervisor's password is reset only by someone who could grant 支援措置 roles.
    const supervisor = await idOf(TOWN_A.id, "supervisor");
    expect((await admin.request({ method: "POST", url: `/api/staff/${supervisor}/password-reset`, payload: { reason: "x" } })).statusCode).toBe(403);
  });

  it("staff change their own password: the current one is checked, the new one must pass the rules", async () => {
    await addStaff(t.db, TOWN_A.id, "changer", { platform: ["read"] });
    const me = await login(app, "changer", PASSWORD, TOWN_A.id);
    const change = (currentPassword: string, newPassword: string) =>
      me.request({ method: "PUT", url: "/api/session/password", payload: { currentPassword, newPassword } });
    expect((await change("not my password", GOOD)).json().code).toBe("current-password-wrong");
    const weak = await change(PASSWORD, "aaaaaaaaaaaaaaaa");
    expect(weak.statusCode).toBe(422);
    expect(weak.json().errors[0].message).toMatch(/^repetitive/);
    expect((await change(PASSWORD, "             ")).statusCode).toBe(422);
    expect((await change(PASSWORD, "changer-changer-2026")).json().errors[0].message).toMatch(/^context/);
    expect((await change(PASSWORD, GOOD)).statusCode).toBe(204);
    expect((await post({ tenantId: TOWN_A.id, loginId: "changer", password: GOOD })).statusCode).toBe(200);
    expect((await post({ tenantId: TOWN_A.id, loginId: "changer", password: PASSWORD })).statusCode).toBe(401);
  });

  it("the town's session limits are settings within the platform's, shown to the administrator", async () => {
    const admin = await login(app, "admin", PASSWORD, TOWN_B.id);
    const before = (await admin.request({ method: "GET", url: "/api/account-policy" })).json();
    expect(before.session).toEqual({ idleMinutes: 30, maxMinutes: 720, platformIdleMinutes: 30, platformMaxMinutes: 720 });
    expect(before.password.minLength).toBe(15);
    const set = await admin.request({ method: "PUT", url: "/api/settings/identity.sessionIdleMinutes", payload: { value: 10, reason: "規程改正" } });
    expect(set.statusCode, set.body).toBe(200);
    const longer = await admin.request({ method: "PUT", url: "/api/settings/identity.sessionMaxMinutes", payload: { value: 2000, reason: "夜間窓口" } });
    expect(longer.statusCode, longer.body).toBe(200);
    expect((await admin.request({ method: "GET", url: "/api/account-policy" })).json().session).toMatchObject({ idleMinutes: 10, maxMinutes: 720 });
    await login(app, "admin", PASSWORD, TOWN_B.id);
    const row = await t.db.owner.query(
      "SELECT idle_minutes, round(extract(epoch FROM expires_at - created_at) / 60) AS max FROM staff_session WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT 1",
      [TOWN_B.id],
    );
    expect(row.rows[0]).toEqual({ idle_minutes: 10, max: "720" });
  });
});
