import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addOperator, addStaff, addTenants, PASSWORD, TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { login } from "../../../test/support/http.ts";
import { accountKey, delaySeconds, sourceOf, THROTTLE_RULES } from "./throttle-policy.ts";
import { recordFailure } from "./throttle.ts";

let t: TestPlatform;

beforeAll(async () => {
  t = await createTestPlatform();
  await addTenants(t.db);
  await addStaff(t.db, TOWN_A.id, "admin", { platform: ["admin"] });
  await addStaff(t.db, TOWN_B.id, "admin", { platform: ["admin"] });
  for (const id of ["clerk", "clerk2", "clerk3", "clerk4", "clerk5", "clerk6"]) await addStaff(t.db, TOWN_A.id, id, { platform: ["read"] });
  await addOperator(t.db);
});
afterAll(() => t.close());

/** A log-in attempt from a given source address. */
async function attempt(loginId: string, password: string, source: string, tenantId: string | null = TOWN_A.id) {
  const app = await t.app();
  return app.inject({
    method: "POST",
    url: "/api/session",
    remoteAddress: source,
    payload: tenantId ? { tenantId, loginId, password } : { loginId, password },
  });
}

const answer = (r: LightMyRequestResponse) => ({ status: r.statusCode, retryAfter: r.headers["retry-after"], body: r.json() });

/** Counts failures directly, as failed attempts would (no password hashing, no sleeping). */
async function fail(realm: string, loginId: string, source: string, times: number) {
  for (let i = 0; i < times; i++) {
    await t.db.withTenant(realm, (tx) => recordFailure(tx, { realm, account: accountKey(realm, loginId), source }));
  }
}

describe("the throttling policy", () => {
  it("allows five failures of one (account, source), then refuses for 1, 2, 4 … minutes up to an hour", () => {
    expect([4, 5, 6, 7, 11, 12, 40].map((n) => delaySeconds(THROTTLE_RULES.pair, n))).toEqual([0, 60, 120, 240, 3600, 3600, 3600]);
    expect(THROTTLE_RULES.account.freeFailures).toBeGreaterThanOrEqual(10 * THROTTLE_RULES.pair.freeFailures);
  });

  it("the database computes the same delays as the policy", async () => {
    const rule = THROTTLE_RULES.pair;
    const r = await t.db.withoutTenant((tx) =>
      tx.query(
        `SELECT n, coalesce(extract(epoch FROM kyodo_login_delay(n, $1, $2, $3)), 0)::int AS seconds FROM generate_series(0, 45) n ORDER BY n`,
        [rule.freeFailures, rule.firstDelaySeconds, rule.maxDelaySeconds],
      ),
    );
    expect(r.rows.map((row) => row.seconds)).toEqual(r.rows.map((row) => delaySeconds(rule, row.n)));
  });

  it("counts an IPv6 address by its /64 and an IPv4-mapped address as IPv4", () => {
    expect(sourceOf("203.0.113.9")).toBe("203.0.113.9");
    expect(sourceOf("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(sourceOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(sourceOf("2001:db8:1:2::1")).toBe(sourceOf("2001:db8:1:2:ffff::9"));
    expect(sourceOf("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(sourceOf("::1")).toBe("0:0:0:0::/64");
    expect(() => sourceOf("not an address")).toThrow();
  });
});

describe("log-in does not reveal which log-in IDs exist", () => {
  it("an unknown ID and a known one with a wrong password get the same 401, then after five failures the same 429 and Retry-After", async () => {
    const known: ReturnType<typeof answer>[] = [];
    const unknown: ReturnType<typeof answer>[] = [];
    for (let i = 0; i < 6; i++) {
      known.push(answer(await attempt("clerk", "wrong password", "198.51.100.1")));
      unknown.push(answer(await attempt("no-such-clerk", "wrong password", "198.51.100.1")));
    }
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(unknown).toEqual(known);
    expect(known[5]).toMatchObject({ retryAfter: "60", body: { code: "login-throttled", detail: "retry after 60 seconds" } });
  });

  it("both take about as long: an unknown ID is verified against a dummy hash and counted like a known one", async () => {
    const time = async (loginId: string) => {
      const started = performance.now();
      const r = await attempt(loginId, "wrong password", "198.51.100.2");
      expect(r.statusCode).toBe(401);
      return performance.now() - started;
    };
    await time("clerk2");
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time("clerk2"));
      unknown.push(await time(`nobody-${i}`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it("neither the audit log nor a throttle keeps an unknown log-in ID or a password in clear", async () => {
    const secret = "mistyped-password-as-id";
    await attempt(secret, "another secret 123", "198.51.100.3");
    const audit = await t.db.owner.query("SELECT detail::text AS d, actor, subject FROM audit_log");
    for (const row of audit.rows) expect(`${row.d} ${row.actor} ${row.subject}`).not.toMatch(/mistyped-password-as-id|another secret 123|wrong password/);
    const throttles = await t.db.owner.query("SELECT row_to_json(t)::text AS r FROM login_throttle t");
    for (const row of throttles.rows) expect(row.r).not.toContain(secret);
  });
});

describe("a stranger cannot lock a clerk out", () => {
  it("a source held back from an account does not hold back the clerk at another source", async () => {
    for (let i = 0; i < 5; i++) expect((await attempt("clerk3", "wrong password", "192.0.2.66")).statusCode).toBe(401);
    expect((await attempt("clerk3", PASSWORD, "192.0.2.66")).statusCode).toBe(429);
    expect((await attempt("clerk3", PASSWORD, "192.0.2.10")).statusCode).toBe(200);
  });

  it("past the account's ceiling a new source is held back, but a source the clerk has logged in from still gets in", async () => {
    expect((await attempt("clerk4", PASSWORD, "192.0.2.20")).statusCode).toBe(200);
    // Fifty failures from ten sources, five each: no single source is held back for long.
    for (let s = 0; s < 10; s++) await fail(TOWN_A.id, "clerk4", `203.0.113.${100 + s}`, 5);
    const fresh = await attempt("clerk4", PASSWORD, "192.0.2.21");
    expect(fresh.statusCode).toBe(429);
    expect(fresh.headers["retry-after"]).toBe("60");
    expect((await attempt("clerk4", PASSWORD, "192.0.2.20")).statusCode).toBe(200);
    // The same holds for an ID that does not exist: the answer does not say which it is.
    for (let s = 0; s < 10; s++) await fail(TOWN_A.id, "ghost", `203.0.113.${100 + s}`, 5);
    expect(answer(await attempt("ghost", PASSWORD, "192.0.2.21"))).toEqual(answer(fresh));
  });

  it("a source that failed against many accounts is held back for all but the accounts it has logged in from", async () => {
    expect((await attempt("clerk5", PASSWORD, "192.0.2.30")).statusCode).toBe(200);
    for (let i = 0; i < THROTTLE_RULES.source.freeFailures; i++) await fail(TOWN_B.id, `spray-${i}`, "192.0.2.30", 1);
    const other = await attempt("clerk6", PASSWORD, "192.0.2.30");
    expect(other.statusCode).toBe(429);
    expect((await attempt("clerk5", PASSWORD, "192.0.2.30")).statusCode).toBe(200);
    // Sources are counted across municipalities and operators alike.
    expect((await attempt("ops", PASSWORD, "192.0.2.30", null)).statusCode).toBe(429);
  });

  it("once the delay has passed the right password works and the pair's count starts again", async () => {
    for (let i = 0; i < 5; i++) await attempt("clerk3", "wrong password", "192.0.2.77");
    expect((await attempt("clerk3", PASSWORD, "192.0.2.77")).statusCode).toBe(429);
    await t.db.owner.query("UPDATE login_throttle SET blocked_until = now() - interval '1 second' WHERE source = '192.0.2.77'");
    expect((await attempt("clerk3", PASSWORD, "192.0.2.77")).statusCode).toBe(200);
    const pair = await t.db.owner.query("SELECT failures, blocked_until FROM login_throttle WHERE kind = 'pair' AND source = '192.0.2.77'");
    expect(pair.rows).toEqual([{ failures: 0, blocked_until: null }]);
  });

  it("the count starts again after a day without a failure", async () => {
    await fail(TOWN_A.id, "clerk3", "192.0.2.88", 4);
    await t.db.owner.query("UPDATE login_throttle SET last_failure_at = now() - interval '25 hours' WHERE source = '192.0.2.88'");
    const counts = await t.db.withTenant(TOWN_A.id, (tx) =>
      recordFailure(tx, { realm: TOWN_A.id, account: accountKey(TOWN_A.id, "clerk3"), source: "192.0.2.88" }),
    );
    expect(counts.pair).toBe(1);
  });
});

describe("administrators see and clear throttles, audited", () => {
  it("a town's administrator sees its throttles, the ID only of existing accounts, and clears one", async () => {
    for (let i = 0; i < 5; i++) {
      await attempt("clerk6", "wrong password", "192.0.2.99");
      await attempt("intruder-guess", "wrong password", "192.0.2.99");
    }
    const app = await t.app();
    const admin = await login(app, "admin", PASSWORD, TOWN_A.id);
    const list = await admin.request({ method: "GET", url: "/api/login-throttles" });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain("intruder-guess");
    const mine = list.json().filter((r: { source: string | null }) => r.source === "192.0.2.99");
    expect(mine).toHaveLength(2);
    const clerk = mine.find((r: { loginId: string | null }) => r.loginId === "clerk6");
    expect(clerk).toMatchObject({ kind: "pair", failures: 5, accountKey: accountKey(TOWN_A.id, "clerk6").toString("hex").slice(0, 12) });
    expect(clerk.blockedUntil).not.toBeNull();
    expect(mine.find((r: { loginId: string | null }) => r.loginId === null)).toMatchObject({ failures: 5 });

    expect((await attempt("clerk6", PASSWORD, "192.0.2.99")).statusCode).toBe(429);
    const cleared = await admin.request({ method: "DELETE", url: `/api/login-throttles/${clerk.id}` });
    expect(cleared.statusCode).toBe(204);
    expect((await attempt("clerk6", PASSWORD, "192.0.2.99")).statusCode).toBe(200);
    const audit = await t.db.withTenant(TOWN_A.id, (tx) =>
      tx.query("SELECT actor, subject FROM audit_log WHERE action = 'identity.login-throttle-cleared'"),
    );
    expect(audit.rows).toEqual([{ actor: expect.stringMatching(/^staff:/), subject: `login-throttle:${clerk.id}` }]);
  });

  it("another town's administrator neither sees nor clears them, and a clerk may not", async () => {
    const app = await t.app();
    const townA = await login(app, "admin", PASSWORD, TOWN_A.id);
    const any = (await townA.request({ method: "GET", url: "/api/login-throttles" })).json()[0];
    const townB = await login(app, "admin", PASSWORD, TOWN_B.id);
    const seen = (await townB.request({ method: "GET", url: "/api/login-throttles" })).json();
    expect(seen.map((r: { id: string }) => r.id)).not.toContain(any.id);
    expect((await townB.request({ method: "DELETE", url: `/api/login-throttles/${any.id}` })).statusCode).toBe(404);
    const clerk = await login(app, "clerk", PASSWORD, TOWN_A.id);
    expect((await clerk.request({ method: "GET", url: "/api/login-throttles" })).statusCode).toBe(403);
  });

  it("an operator sees operators' throttles and the sources, and clears a source", async () => {
    for (let i = 0; i < 5; i++) await attempt("ops", "wrong password", "192.0.2.150", null);
    const app = await t.app();
    const ops = await login(app, "ops", PASSWORD);
    const list = await ops.request({ method: "GET", url: "/api/operator/login-throttles" });
    expect(list.statusCode).toBe(200);
    const { accounts, sources } = list.json();
    expect(accounts.find((r: { loginId: string; kind: string }) => r.loginId === "ops" && r.kind === "pair")).toMatchObject({
      source: "192.0.2.150",
      failures: 5,
    });
    const sprayed = sources.find((r: { source: string }) => r.source === "192.0.2.30");
    expect(sprayed.blockedUntil).not.toBeNull();
    expect((await ops.request({ method: "DELETE", url: `/api/operator/login-source-throttles/${sprayed.id}` })).statusCode).toBe(204);
    expect((await attempt("clerk6", PASSWORD, "192.0.2.30")).statusCode).toBe(200);
    const audit = await t.db.owner.query(
      "SELECT action FROM audit_log WHERE tenant_id = 'platform' AND action IN ('identity.login-throttles-listed', 'identity.login-throttle-cleared') ORDER BY seq",
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["identity.login-throttles-listed", "identity.login-throttle-cleared"]);
    const staffAdmin = await login(app, "admin", PASSWORD, TOWN_A.id);
    expect((await staffAdmin.request({ method: "GET", url: "/api/operator/login-throttles" })).statusCode).toBe(403);
  });
});
