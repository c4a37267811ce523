import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { AreaDefinition } from "../contract.ts";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addOperator, addStaff, addTenants, PASSWORD, TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { login, type Session } from "../../../test/support/http.ts";
import { startDispatcher, type Dispatcher } from "./dispatcher.ts";

/** Subjects whose events the test subscriber refuses, until a test lets them through. */
const refused = new Set<string>();

const refusing: AreaDefinition = {
  id: "ledger",
  name: "台帳(試験)",
  events: [{ type: "test.recorded", label: "記録（試験）" }],
  subscriptions: {
    "test.recorded": async (event) => {
      if (refused.has(event.subject)) throw new Error("the ledger is closed");
    },
  },
};

// A payload value that must never appear in any listing.
const PERSONAL = "山田太郎";

let t: TestPlatform;
let app: FastifyInstance;
let dispatcher: Dispatcher;
let adminA: Session;
let adminB: Session;
let clerkA: Session;
let operator: Session;

beforeAll(async () => {
  t = await createTestPlatform([refusing]);
  await addTenants(t.db);
  await addStaff(t.db, TOWN_A.id, "admin-a", { platform: ["admin"] });
  await addStaff(t.db, TOWN_B.id, "admin-b", { platform: ["admin"] });
  await addStaff(t.db, TOWN_A.id, "clerk-a", { platform: ["read", "write"] });
  await addOperator(t.db, "ops-events");
  app = await t.app();
  adminA = await login(app, "admin-a", PASSWORD, TOWN_A.id);
  adminB = await login(app, "admin-b", PASSWORD, TOWN_B.id);
  clerkA = await login(app, "clerk-a", PASSWORD, TOWN_A.id);
  operator = await login(app, "ops-events", PASSWORD);
  dispatcher = await startDispatcher(t.platform, { background: false });
});
afterAll(async () => {
  await dispatcher.stop();
  await t.close();
});

async function publish(tenantId: string, subject: string): Promise<string> {
  return t.db.withTenant(tenantId, (tx) =>
    t.platform.events.publish(tx, { type: "test.recorded", subject, payload: { note: PERSONAL } }),
  );
}

/** Fails the delivery until it is dead: the default of 8 attempts, each made due at once. */
async function killDelivery(): Promise<void> {
  for (let attempt = 0; attempt < 8; attempt++) {
    await t.db.owner.query("UPDATE event_delivery SET next_attempt_at = now() WHERE status = 'pending'");
    await dispatcher.drain();
  }
}

describe("event monitoring API (連携状況)", () => {
  it("an administrator lists the municipality's events by their Japanese names, without their payloads", async () => {
    const id = await publish(TOWN_A.id, "addressee:101");
    const otherTown = await publish(TOWN_B.id, "addressee:901");
    const response = await adminA.request({ method: "GET", url: "/api/events?type=test.recorded" });
    expect(response.statusCode).toBe(200);
    const listed = response.json() as { id: string }[];
    expect(listed[0]).toEqual({
      id,
      seq: expect.any(String),
      type: "test.recorded",
      typeLabel: "記録（試験）",
      subject: "addressee:101",
      occurredAt: expect.any(String),
    });
    expect(listed.map((e) => e.id)).not.toContain(otherTown);
    expect(response.body).not.toContain(PERSONAL);
    await dispatcher.drain();
  });

  it("another municipality's administrator sees none of these events or deliveries", async () => {
    const id = await publish(TOWN_A.id, "addressee:102");
    const events = await adminB.request({ method: "GET", url: "/api/events" });
    expect(events.statusCode).toBe(200);
    expect(events.json().map((e: { id: string }) => e.id)).not.toContain(id);
    const deliveries = await adminB.request({ method: "GET", url: "/api/events/deliveries" });
    expect(deliveries.json().map((d: { eventId: string }) => d.eventId)).not.toContain(id);
    const own = await adminA.request({ method: "GET", url: "/api/events/deliveries?status=pending" });
    expect(own.json().map((d: { eventId: string }) => d.eventId)).toContain(id);
    await dispatcher.drain();
  });

  it("a dead delivery is listed as failed with its attempts and error, and never the payload", async () => {
    refused.add("addressee:103");
    const id = await publish(TOWN_A.id, "addressee:103");
    await killDelivery();
    const response = await adminA.request({ method: "GET", url: "/api/events/deliveries?status=failed" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toContainEqual({
      subscriber: "ledger",
      subscriberName: "台帳(試験)",
      eventId: id,
      eventSeq: expect.any(String),
      eventType: "test.recorded",
      eventTypeLabel: "記録（試験）",
      subject: "addressee:103",
      status: "failed",
      attempts: 8,
      nextAttemptAt: expect.any(String),
      lastAttemptAt: expect.any(String),
      lastError: "Error: the ledger is closed",
      deliveredAt: null,
    });
    expect(response.body).not.toContain(PERSONAL);
    const done = await adminA.request({ method: "GET", url: "/api/events/deliveries?status=done" });
    expect(done.json().map((d: { eventId: string }) => d.eventId)).not.toContain(id);
  });

  it("retrying a failed delivery makes it due now with fresh attempts, is audited, and it is delivered", async () => {
    refused.add("addressee:104");
    const id = await publish(TOWN_A.id, "addressee:104");
    await killDelivery();
    refused.delete("addressee:104");
    const response = await adminA.request({ method: "POST", url: `/api/events/deliveries/${id}/ledger/retry` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ eventId: id, subscriber: "ledger", status: "pending", attempts: 0 });
    const audit = await t.db.owner.query(
      "SELECT tenant_id, actor, subject, detail FROM audit_log WHERE action = 'events.delivery-retried' AND subject = $1",
      [`event:${id}`],
    );
    expect(audit.rows).toEqual([
      {
        tenant_id: TOWN_A.id,
        actor: expect.stringMatching(/^staff:/),
        subject: `event:${id}`,
        detail: { subscriber: "ledger", type: "test.recorded", previousAttempts: 8 },
      },
    ]);
    expect(await dispatcher.drain()).toBe(1);
    const done = await adminA.request({ method: "GET", url: "/api/events/deliveries?status=done" });
    expect(done.json()).toContainEqual(expect.objectContaining({ eventId: id, status: "done", attempts: 1 }));
  });

  it("only a failed delivery can be retried, only by its own municipality, and a bad id is rejected", async () => {
    const delivered = await publish(TOWN_A.id, "addressee:105");
    await dispatcher.drain();
    const notFailed = await adminA.request({ method: "POST", url: `/api/events/deliveries/${delivered}/ledger/retry` });
    expect(notFailed.statusCode).toBe(409);
    expect(notFailed.headers["content-type"]).toContain("application/problem+json");
    expect(notFailed.json().code).toBe("delivery-not-failed");

    refused.add("addressee:106");
    const dead = await publish(TOWN_A.id, "addressee:106");
    await killDelivery();
    const otherTown = await adminB.request({ method: "POST", url: `/api/events/deliveries/${dead}/ledger/retry` });
    expect(otherTown.statusCode).toBe(404);
    expect(otherTown.json().code).toBe("not-found");
    const status = await t.db.owner.query("SELECT status FROM event_delivery WHERE event_id = $1", [dead]);
    expect(status.rows).toEqual([{ status: "failed" }]);

    const malformed = await adminA.request({ method: "POST", url: "/api/events/deliveries/not-a-uuid/ledger/retry" });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe("invalid-request");
  });

  it("a municipality that lowers events.maxDeliveryAttempts gets dead letters sooner; others keep the default", async () => {
    const set = await adminB.request({
      method: "PUT",
      url: "/api/settings/events.maxDeliveryAttempts",
      payload: { value: 2, reason: "連携先の障害を早く検知するため" },
    });
    expect(set.statusCode, set.body).toBe(200);
    refused.add("addressee:108");
    const inB = await publish(TOWN_B.id, "addressee:108");
    const inA = await publish(TOWN_A.id, "addressee:108");
    for (let attempt = 0; attempt < 2; attempt++) {
      await t.db.owner.query("UPDATE event_delivery SET next_attempt_at = now() WHERE status = 'pending'");
      await dispatcher.drain();
    }
    const rows = await t.db.owner.query("SELECT event_id, status, attempts FROM event_delivery WHERE event_id = ANY($1)", [[inA, inB]]);
    expect(new Map(rows.rows.map((r) => [r.event_id, [r.status, r.attempts]]))).toEqual(
      new Map([
        [inB, ["failed", 2]],
        [inA, ["pending", 2]],
      ]),
    );
    await killDelivery();
  });

  it("staff without the platform admin role, and anonymous callers, are refused", async () => {
    const clerk = await clerkA.request({ method: "GET", url: "/api/events/deliveries" });
    expect(clerk.statusCode).toBe(403);
    expect(clerk.json().code).toBe("forbidden");
    const anonymous = await app.inject({ method: "GET", url: "/api/events" });
    expect(anonymous.statusCode).toBe(401);
    const staffOnOperatorRoute = await adminA.request({ method: "GET", url: "/api/operator/events/deliveries" });
    expect(staffOnOperatorRoute.statusCode).toBe(403);
  });

  it("an operator lists failed deliveries of every municipality, and the listing is audited", async () => {
    refused.add("addressee:107");
    const deadA = await publish(TOWN_A.id, "addressee:107");
    const deadB = await publish(TOWN_B.id, "addressee:107");
    await killDelivery();
    const response = await operator.request({ method: "GET", url: "/api/operator/events/deliveries?status=failed" });
    expect(response.statusCode, response.body).toBe(200);
    const listed = response.json() as { tenantId: string; eventId: string; status: string }[];
    expect(listed).toContainEqual(expect.objectContaining({ tenantId: TOWN_A.id, eventId: deadA, status: "failed" }));
    expect(listed).toContainEqual(expect.objectContaining({ tenantId: TOWN_B.id, eventId: deadB, status: "failed" }));
    expect(listed.every((d) => d.status === "failed")).toBe(true);
    expect(response.body).not.toContain(PERSONAL);
    const audit = await t.db.owner.query(
      "SELECT actor, detail FROM audit_log WHERE tenant_id = 'platform' AND action = 'events.deliveries-listed'",
    );
    expect(audit.rows).toEqual([{ actor: expect.stringMatching(/^operator:/), detail: { status: "failed" } }]);
  });
});
