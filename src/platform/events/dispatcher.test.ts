import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AreaDefinition, EventHandler } from "../contract.ts";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addTenants, TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { startDispatcher, type Dispatcher } from "./dispatcher.ts";

class PlannedFailure extends Error {
  override name = "PlannedFailure";
  readonly code = "TEST1";
  constructor() {
    super("planned failure");
  }
}

/**
 * How many more times a subscriber fails an event, by `${subscriber}:${eventId}` or, to plan a
 * failure before the event exists, `${subscriber}:subject:${subject}`.
 */
const failures = new Map<string, number>();

/** A subscriber whose side effect is a row in test_effect, written before it may fail. */
function recorder(subscriber: string): EventHandler {
  return async (event, tx) => {
    await tx.query(
      `INSERT INTO test_effect (tenant_id, subscriber, event_id, event_seq, subject, seen_role)
       VALUES ($1, $2, $3, $4, $5, current_user)`,
      [event.tenantId, subscriber, event.id, event.seq, event.subject],
    );
    const key = [`${subscriber}:${event.id}`, `${subscriber}:subject:${event.subject}`].find((k) => failures.has(k));
    const left = key ? failures.get(key)! : 0;
    if (left > 0) {
      failures.set(key!, left - 1);
      throw new PlannedFailure();
    }
  };
}

const testAreas: AreaDefinition[] = [
  { id: "ledger", name: "台帳(試験)", subscriptions: { "test.recorded": recorder("ledger") } },
  { id: "mirror", name: "写し(試験)", subscriptions: { "test.recorded": recorder("mirror") } },
];

let t: TestPlatform;
let dispatcher: Dispatcher;

beforeAll(async () => {
  t = await createTestPlatform(testAreas);
  await addTenants(t.db);
  // The subscribers' own table, tenant-owned like any module's.
  await t.db.owner.query(`
    CREATE TABLE test_effect (
      tenant_id text NOT NULL, n bigint GENERATED ALWAYS AS IDENTITY, subscriber text NOT NULL,
      event_id uuid NOT NULL, event_seq bigint NOT NULL, subject text NOT NULL, seen_role text NOT NULL,
      PRIMARY KEY (tenant_id, n));
    SELECT kyodo_tenant_rls('test_effect');
    GRANT SELECT, INSERT ON test_effect TO kyodo_app;`);
  dispatcher = await startDispatcher(t.platform, { background: false });
});
afterEach(async () => {
  // Leave nothing due for the next test: stop planned failures and deliver what is left.
  failures.clear();
  await makeDue();
  await dispatcher.drain();
});
afterAll(async () => {
  await dispatcher.stop();
  await t.close();
});

async function publish(tenantId: string, subject: string, payload: Record<string, unknown> = {}): Promise<string> {
  return t.db.withTenant(tenantId, (tx) => t.platform.events.publish(tx, { type: "test.recorded", subject, payload }));
}

/** Moves the clock for pending deliveries: their back-off is over now. */
async function makeDue(): Promise<void> {
  await t.db.owner.query("UPDATE event_delivery SET next_attempt_at = now() WHERE status = 'pending'");
}

async function effects(where: string, values: unknown[]) {
  return (
    await t.db.owner.query(`SELECT tenant_id, subscriber, event_id, event_seq::text, subject, seen_role FROM test_effect WHERE ${where} ORDER BY n`, values)
  ).rows;
}

async function delivery(eventId: string, subscriber: string) {
  const rows = await t.db.owner.query(
    `SELECT status, attempts, last_error, next_attempt_at, last_attempt_at, delivered_at,
            (extract(epoch FROM next_attempt_at - last_attempt_at) * 1000)::int AS delay_ms
     FROM event_delivery WHERE event_id = $1 AND subscriber = $2`,
    [eventId, subscriber],
  );
  return rows.rows[0];
}

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("delivery (at least once, idempotent by event id)", () => {
  it("delivers every event of every tenant once to each subscriber, and drain counts the deliveries", async () => {
    const a1 = await publish(TOWN_A.id, "d1:x");
    const a2 = await publish(TOWN_A.id, "d1:y");
    const b1 = await publish(TOWN_B.id, "d1:x");
    expect(await dispatcher.drain()).toBe(6);
    const rows = await effects("subject LIKE 'd1:%'", []);
    expect(rows.map((r) => `${r.tenant_id}/${r.subscriber}/${r.event_id}`).sort()).toEqual(
      [a1, a2].flatMap((id) => [`${TOWN_A.id}/ledger/${id}`, `${TOWN_A.id}/mirror/${id}`])
        .concat([`${TOWN_B.id}/ledger/${b1}`, `${TOWN_B.id}/mirror/${b1}`])
        .sort(),
    );
    expect(await delivery(a1, "ledger")).toMatchObject({ status: "done", attempts: 1, last_error: null });
    expect(await dispatcher.drain()).toBe(0);
  });

  it("a handler runs as the application role inside the event's tenant", async () => {
    const id = await publish(TOWN_B.id, "d2:x");
    await dispatcher.drain();
    expect(await effects("event_id = $1", [id])).toEqual([
      expect.objectContaining({ tenant_id: TOWN_B.id, subscriber: "ledger", seen_role: "kyodo_app" }),
      expect.objectContaining({ tenant_id: TOWN_B.id, subscriber: "mirror", seen_role: "kyodo_app" }),
    ]);
  });

  it("a redelivered event is acknowledged without running the handler again", async () => {
    const id = await publish(TOWN_A.id, "d3:x");
    expect(await dispatcher.drain()).toBe(2);
    // As if the acknowledgement had been lost after the handler committed: force a redelivery.
    await t.db.owner.query(
      "UPDATE event_delivery SET status = 'pending', attempts = 0, delivered_at = NULL, next_attempt_at = now() WHERE event_id = $1",
      [id],
    );
    expect(await dispatcher.drain()).toBe(2);
    expect(await effects("event_id = $1", [id])).toHaveLength(2);
    expect(await delivery(id, "ledger")).toMatchObject({ status: "done", attempts: 1 });
  });

  it("an event whose subscriber no longer exists is recorded as a failed attempt", async () => {
    const id = await publish(TOWN_A.id, "d4:x");
    await t.db.owner.query(
      `INSERT INTO event_delivery (tenant_id, subscriber, event_seq, event_id, type, subject)
       SELECT tenant_id, 'retired', seq, id, type, subject FROM event_outbox WHERE id = $1`,
      [id],
    );
    expect(await dispatcher.drain()).toBe(2);
    expect(await delivery(id, "retired")).toMatchObject({ status: "pending", attempts: 1 });
    expect((await delivery(id, "retired")).last_error).toMatch(/^UnknownSubscriberError: /);
    await t.db.owner.query("UPDATE event_delivery SET status = 'failed' WHERE subscriber = 'retired'");
  });
});

describe("order per (subscriber, subject)", () => {
  it("later events of a subject wait while the first fails several times, then arrive in order", async () => {
    const first = await publish(TOWN_A.id, "o1:x", { n: 1 });
    const second = await publish(TOWN_A.id, "o1:x", { n: 2 });
    const third = await publish(TOWN_A.id, "o1:x", { n: 3 });
    failures.set(`ledger:${first}`, 3);
    // mirror has no failures: it gets all three at once.
    expect(await dispatcher.drain()).toBe(3);
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await delivery(first, "ledger")).toMatchObject({ status: "pending", attempts: attempt });
      // The failed attempts' writes were rolled back with them, and nothing later went through.
      expect(await effects("subscriber = 'ledger' AND subject = 'o1:x'", [])).toEqual([]);
      expect(await delivery(second, "ledger")).toMatchObject({ status: "pending", attempts: 0 });
      await makeDue();
      expect(await dispatcher.drain()).toBe(attempt === 3 ? 3 : 0);
    }
    expect((await effects("subscriber = 'ledger' AND subject = 'o1:x'", [])).map((r) => r.event_id)).toEqual([first, second, third]);
    expect(await delivery(first, "ledger")).toMatchObject({
      status: "done",
      attempts: 4,
      last_error: "PlannedFailure [TEST1]: planned failure",
    });
  });

  it("a failing subject does not hold back the events of other subjects", async () => {
    const stuck = await publish(TOWN_A.id, "o2:stuck");
    const after = await publish(TOWN_A.id, "o2:stuck");
    const other = await publish(TOWN_A.id, "o2:free");
    failures.set(`ledger:${stuck}`, Number.POSITIVE_INFINITY);
    expect(await dispatcher.drain()).toBe(4);
    expect(await delivery(other, "ledger")).toMatchObject({ status: "done" });
    expect(await delivery(stuck, "ledger")).toMatchObject({ status: "pending", attempts: 1 });
    expect(await delivery(after, "ledger")).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("two dispatchers never deliver the same delivery twice and keep each subject's order", async () => {
    const second = await startDispatcher(t.platform, { background: false });
    try {
      const subjects = ["o3:a", "o3:b", "o3:c"];
      const published: string[] = [];
      for (let i = 0; i < 30; i++) published.push(await publish(i % 2 ? TOWN_A.id : TOWN_B.id, subjects[i % 3]!));
      const [one, two] = await Promise.all([dispatcher.drain(), second.drain()]);
      expect(one + two).toBe(60);
      const rows = await effects("subject LIKE 'o3:%'", []);
      expect(rows).toHaveLength(60);
      expect(new Set(rows.map((r) => `${r.subscriber}/${r.event_id}`)).size).toBe(60);
      const lastSeq = new Map<string, bigint>();
      for (const r of rows) {
        const key = `${r.tenant_id}/${r.subscriber}/${r.subject}`;
        const seq = BigInt(r.event_seq);
        expect(seq > (lastSeq.get(key) ?? 0n), `${key} out of order`).toBe(true);
        lastSeq.set(key, seq);
      }
    } finally {
      await second.stop();
    }
  });
});

describe("back-off and dead letters", () => {
  it("retries back off exponentially, and after 8 attempts (the national default) the delivery is failed", async () => {
    const id = await publish(TOWN_B.id, "b1:x");
    const later = await publish(TOWN_B.id, "b1:x");
    failures.set(`ledger:${id}`, Number.POSITIVE_INFINITY);
    await dispatcher.drain();
    for (let attempt = 1; attempt <= 8; attempt++) {
      const row = await delivery(id, "ledger");
      expect(row.attempts).toBe(attempt);
      if (attempt < 8) {
        expect(row.status).toBe("pending");
        expect(Math.abs(row.delay_ms - 1_000 * 2 ** (attempt - 1))).toBeLessThan(50);
        await makeDue();
        await dispatcher.drain();
      }
    }
    expect(await delivery(id, "ledger")).toMatchObject({ status: "failed", attempts: 8, delivered_at: null });
    await makeDue();
    expect(await dispatcher.drain()).toBe(0);
    // Dead, not forgotten: no further attempt, and later events of the subject still wait.
    expect(await delivery(id, "ledger")).toMatchObject({ status: "failed", attempts: 8 });
    expect(await delivery(later, "ledger")).toMatchObject({ status: "pending", attempts: 0 });
    expect(await delivery(later, "mirror")).toMatchObject({ status: "done" });
  });

  it("the delay is capped", async () => {
    const capped = await startDispatcher(t.platform, { background: false, backoffBaseMs: 1_000, backoffMaxMs: 3_000 });
    try {
      const id = await publish(TOWN_A.id, "b2:x");
      failures.set(`mirror:${id}`, Number.POSITIVE_INFINITY);
      const delays: number[] = [];
      for (let attempt = 1; attempt <= 4; attempt++) {
        await makeDue();
        await capped.drain();
        delays.push((await delivery(id, "mirror")).delay_ms);
      }
      expect(delays.map((d) => Math.round(d / 1_000))).toEqual([1, 2, 3, 3]);
    } finally {
      await capped.stop();
    }
  });
});

describe("waking the running dispatcher", () => {
  it("a NOTIFY on commit wakes it without waiting for the poll", async () => {
    const running = await startDispatcher(t.platform, { pollIntervalMs: 10 * 60 * 1_000 });
    try {
      const id = await publish(TOWN_A.id, "w1:x");
      const rows = await waitFor(async () => {
        const found = await effects("event_id = $1", [id]);
        return found.length === 2 ? found : undefined;
      }, "the delivery after NOTIFY");
      expect(rows.map((r) => r.subscriber)).toEqual(expect.arrayContaining(["ledger", "mirror"]));
    } finally {
      await running.stop();
    }
  });

  it("polling delivers a retry that no notification announces", async () => {
    const running = await startDispatcher(t.platform, { pollIntervalMs: 50, backoffBaseMs: 100 });
    try {
      // Planned before publishing: the NOTIFY makes the first attempt at once.
      failures.set("ledger:subject:w2:x", 1);
      const id = await publish(TOWN_B.id, "w2:x");
      const row = await waitFor(async () => {
        const found = await delivery(id, "ledger");
        return found.status === "done" ? found : undefined;
      }, "the retried delivery");
      expect(row.attempts).toBe(2);
      expect(await effects("event_id = $1 AND subscriber = 'ledger'", [id])).toHaveLength(1);
    } finally {
      await running.stop();
    }
  });

  it("after its listening connection is cut, it listens again and is woken by the next publish", async () => {
    const running = await startDispatcher(t.platform, { pollIntervalMs: 10 * 60 * 1_000 });
    const listeners = async () =>
      (
        await t.db.owner.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'kyodo-events'
             AND query ILIKE 'LISTEN%'`,
        )
      ).rows.map((r) => r.pid as number);
    try {
      const [cut] = await listeners();
      expect(cut).toBeDefined();
      await t.db.owner.query("SELECT pg_terminate_backend($1)", [cut]);
      // The poll is 10 minutes away: only a new listening connection can deliver the next event.
      await waitFor(async () => ((await listeners()).some((pid) => pid !== cut) ? true : undefined), "a new listener", 15_000);
      const id = await publish(TOWN_A.id, "w3:x");
      await waitFor(async () => ((await effects("event_id = $1", [id])).length === 2 ? true : undefined), "the delivery after reconnecting");
    } finally {
      await running.stop();
    }
  });
});
