import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import type { AreaDefinition } from "../contract.ts";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addTenants, TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { createStaff } from "../identity/staff.ts";
import { PublishOutsideTenantError } from "./publisher.ts";
import { EVENTS_CHANNEL } from "./queries.ts";

const noop = async () => {};
const subscribers: AreaDefinition[] = [
  { id: "nhi-test", name: "国保(試験)", subscriptions: { "resident.moved-in": noop } },
  { id: "tax-test", name: "税(試験)", subscriptions: { "resident.moved-in": noop, "resident.died": noop } },
];

let t: TestPlatform;

beforeAll(async () => {
  t = await createTestPlatform(subscribers);
  await addTenants(t.db);
});
afterAll(() => t.close());

const count = async (sql: string, values: unknown[] = []) => (await t.db.owner.query(sql, values)).rows[0].n as number;

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("transactional outbox (業務間データ連携)", () => {
  it("publishing writes the event and one pending delivery per subscriber of its type", async () => {
    const id = await t.db.withTenant(TOWN_A.id, (tx) =>
      t.platform.events.publish(tx, { type: "resident.moved-in", subject: "addressee:1001", payload: { effectiveDate: "2026-04-01" } }),
    );
    const event = await t.db.owner.query("SELECT tenant_id, type, subject, payload FROM event_outbox WHERE id = $1", [id]);
    expect(event.rows).toEqual([
      { tenant_id: TOWN_A.id, type: "resident.moved-in", subject: "addressee:1001", payload: { effectiveDate: "2026-04-01" } },
    ]);
    const deliveries = await t.db.owner.query(
      "SELECT tenant_id, subscriber, status, attempts, subject FROM event_delivery WHERE event_id = $1 ORDER BY subscriber",
      [id],
    );
    expect(deliveries.rows).toEqual([
      { tenant_id: TOWN_A.id, subscriber: "nhi-test", status: "pending", attempts: 0, subject: "addressee:1001" },
      { tenant_id: TOWN_A.id, subscriber: "tax-test", status: "pending", attempts: 0, subject: "addressee:1001" },
    ]);
  });

  it("an event that no area subscribes to is kept in the outbox with no delivery", async () => {
    const id = await t.db.withTenant(TOWN_A.id, (tx) =>
      t.platform.events.publish(tx, { type: "seal.registered", subject: "addressee:1002", payload: {} }),
    );
    expect(await count("SELECT count(*)::int AS n FROM event_outbox WHERE id = $1", [id])).toBe(1);
    expect(await count("SELECT count(*)::int AS n FROM event_delivery WHERE event_id = $1", [id])).toBe(0);
  });

  it("the event and its deliveries roll back with the business transaction", async () => {
    const failure = new Error("business rule refused the change");
    await expect(
      t.db.withTenant(TOWN_B.id, async (tx) => {
        await createStaff(tx, { loginId: "rolled-back", displayName: "職員", password: "a long enough password", roles: {} });
        await t.platform.events.publish(tx, { type: "resident.died", subject: "addressee:2001", payload: {} });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await count("SELECT count(*)::int AS n FROM staff_account WHERE login_id = 'rolled-back'")).toBe(0);
    expect(await count("SELECT count(*)::int AS n FROM event_outbox WHERE subject = 'addressee:2001'")).toBe(0);
    expect(await count("SELECT count(*)::int AS n FROM event_delivery WHERE subject = 'addressee:2001'")).toBe(0);
  });

  it("an event published outside a tenant transaction fails and writes nothing", async () => {
    const before = await count("SELECT count(*)::int AS n FROM event_outbox");
    // Twice: on a fresh connection, and after a pooled connection has carried a tenant before
    // (where the setting reads as an empty string rather than NULL).
    for (let i = 0; i < 2; i++) {
      await expect(
        t.db.withoutTenant((tx) => t.platform.events.publish(tx, { type: "resident.died", subject: "addressee:3001", payload: {} })),
      ).rejects.toBeInstanceOf(PublishOutsideTenantError);
      await t.db.withTenant(TOWN_A.id, async () => {});
    }
    expect(await count("SELECT count(*)::int AS n FROM event_outbox")).toBe(before);
  });

  it("a commit notifies the dispatchers with the tenant code only, and a rollback notifies no one", async () => {
    const listener = new pg.Client({ connectionString: t.db.urls.app });
    await listener.connect();
    const received: { channel: string; payload: string | undefined }[] = [];
    listener.on("notification", (m) => received.push({ channel: m.channel, payload: m.payload }));
    await listener.query(`LISTEN ${EVENTS_CHANNEL}`);
    try {
      await t.db
        .withTenant(TOWN_B.id, async (tx) => {
          await t.platform.events.publish(tx, { type: "resident.died", subject: "addressee:4001", payload: {} });
          throw new Error("roll back");
        })
        .catch(() => {});
      await t.db.withTenant(TOWN_A.id, (tx) =>
        t.platform.events.publish(tx, { type: "resident.died", subject: "addressee:4002", payload: { note: "氏名" } }),
      );
      // Notifications arrive in commit order: had the rolled-back one been sent, it would be first.
      await waitFor(() => (received.length > 0 ? true : undefined), "a notification");
      expect(received).toEqual([{ channel: EVENTS_CHANNEL, payload: TOWN_A.id }]);
    } finally {
      await listener.end();
    }
  });

  it("two publishers of one subject are serialised, so sequence order is commit order", async () => {
    const first = await t.db.app.connect();
    try {
      await first.query("BEGIN");
      await first.query("SELECT set_config('kyodo.tenant_id', $1, true)", [TOWN_A.id]);
      await t.platform.events.publish(first, { type: "resident.moved-in", subject: "addressee:5001", payload: { n: 1 } });
      const second = t.db.withTenant(TOWN_A.id, (tx) =>
        t.platform.events.publish(tx, { type: "resident.moved-in", subject: "addressee:5001", payload: { n: 2 } }),
      );
      await waitFor(
        async () =>
          (await count(
            `SELECT count(*)::int AS n FROM pg_stat_activity
             WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'`,
          )) === 1
            ? true
            : undefined,
        "the second publisher to wait",
      );
      expect(await count("SELECT count(*)::int AS n FROM event_outbox WHERE subject = 'addressee:5001'")).toBe(0);
      await first.query("COMMIT");
      await second;
    } finally {
      first.release();
    }
    const rows = await t.db.owner.query("SELECT payload->>'n' AS n FROM event_outbox WHERE subject = 'addressee:5001' ORDER BY seq");
    expect(rows.rows.map((r) => r.n)).toEqual(["1", "2"]);
  });
});
