// 配信処理 (dispatcher): delivers the outbox to subscribers, at least once and in order per
// (subscriber, subject). It listens on the events channel on a dedicated connection, so a
// publish wakes it at once, and also polls, so a lost notification or a dropped connection
// only delays delivery. Any number of dispatchers may run against one database: they share
// the work through row locks (FOR UPDATE SKIP LOCKED), never through memory.
import pg from "pg";
import type { Platform } from "../contract.ts";
import { collectSubscriptions } from "./subscriptions.ts";
import { deliverNext, type DeliveryContext } from "./delivery.ts";
import { DEFAULT_BACKOFF } from "./retry-policy.ts";
import { dueTenants, EVENTS_CHANNEL } from "./queries.ts";

/** How soon a lost listening connection is re-opened; polling covers the gap. */
const RECONNECT_DELAY_MS = 1_000;

export interface DispatcherOptions {
  /**
   * false: no LISTEN, no polling, nothing at start; deliveries happen only in drain(). For
   * one-shot runs (a CLI command) and for tests that step delivery themselves.
   */
  background?: boolean;
  /** Polling fallback interval (default 2 s). */
  pollIntervalMs?: number;
  /** Delay after the first failed attempt, doubled after each further one (default 1 s). */
  backoffBaseMs?: number;
  /** Longest delay between attempts (default 1 h). */
  backoffMaxMs?: number;
}

export interface Dispatcher {
  /** Stops listening and polling and waits for the delivery in progress to finish. */
  stop(): Promise<void>;
  /** Delivers everything due now (including events the handlers publish meanwhile); returns how many deliveries completed. */
  drain(): Promise<number>;
}

export async function startDispatcher(platform: Platform, options: DispatcherOptions = {}): Promise<Dispatcher> {
  const background = options.background ?? true;
  const pollIntervalMs = options.pollIntervalMs ?? 2_000;
  const backoff = { baseMs: options.backoffBaseMs ?? DEFAULT_BACKOFF.baseMs, maxMs: options.backoffMaxMs ?? DEFAULT_BACKOFF.maxMs };
  for (const [name, value] of Object.entries({ pollIntervalMs, backoffBaseMs: backoff.baseMs, backoffMaxMs: backoff.maxMs })) {
    if (!Number.isFinite(value) || value <= 0) throw new Error(`dispatcher option ${name} must be a positive number of milliseconds`);
  }
  const log = platform.log.child({ area: "events" });
  const ctx: DeliveryContext = { platform, log, subscriptions: collectSubscriptions(platform.areas), backoff };
  let stopped = false;

  /** One pass over the given tenants (all active ones when null); returns deliveries completed. */
  async function pass(tenantIds: readonly string[] | null): Promise<number> {
    const due = await platform.db.withoutTenant(async (tx) =>
      (await tx.query(dueTenants(tenantIds))).rows.map((r) => r.tenant_id as string),
    );
    let completed = 0;
    for (const tenantId of due) {
      try {
        for (let outcome = await deliverNext(ctx, tenantId); outcome && !stopped; outcome = await deliverNext(ctx, tenantId)) {
          if (outcome === "done") completed++;
        }
      } catch (error) {
        // The database is unreachable or refused the claim: leave this tenant for the next pass.
        log.error({ tenantId, error: error instanceof Error ? error.name : typeof error }, "event dispatch pass failed");
      }
      if (stopped) break;
    }
    return completed;
  }

  /** Passes until one completes nothing, so events published by handlers are delivered too. */
  async function untilIdle(tenantIds: readonly string[] | null): Promise<number> {
    let total = 0;
    for (let completed = await pass(tenantIds); completed > 0 && !stopped; completed = await pass(null)) total += completed;
    return total;
  }

  // Passes of this dispatcher run one after the other; other dispatchers are kept apart by locks.
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = queue.then(fn);
    queue = run.catch(() => {});
    return run;
  }

  // Wake-ups that arrive while a pass is queued are merged into it.
  let wakeQueued = false;
  let wakeAll = false;
  const wakeTenants = new Set<string>();
  function wake(tenantId: string | null): void {
    if (stopped) return;
    if (tenantId) wakeTenants.add(tenantId);
    else wakeAll = true;
    if (wakeQueued) return;
    wakeQueued = true;
    serial(async () => {
      wakeQueued = false;
      const tenants = wakeAll ? null : [...wakeTenants];
      wakeAll = false;
      wakeTenants.clear();
      await untilIdle(tenants);
    }).catch((error: unknown) => {
      log.error({ error: error instanceof Error ? error.name : typeof error }, "event dispatch failed");
    });
  }

  let listener: pg.Client | null = null;
  let reconnectTimer: NodeJS.Timeout | null = null;
  function reconnectLater(): void {
    if (stopped || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      listen().catch(reconnectLater);
    }, RECONNECT_DELAY_MS);
  }
  async function listen(): Promise<void> {
    const client = new pg.Client({ connectionString: platform.db.urls.app, application_name: "kyodo-events" });
    client.on("notification", (message) => {
      if (message.channel === EVENTS_CHANNEL && message.payload) wake(message.payload);
    });
    client.on("error", (error) => {
      log.warn({ error: error.name }, "event listener connection lost; polling until it is back");
    });
    client.on("end", () => {
      if (listener !== client) return;
      listener = null;
      reconnectLater();
    });
    try {
      await client.connect();
      // A constant identifier: LISTEN takes no bound parameter.
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    if (stopped) {
      await client.end();
      return;
    }
    listener = client;
    // Whatever was published while no one listened.
    wake(null);
  }

  let pollTimer: NodeJS.Timeout | null = null;
  if (background) {
    await listen();
    pollTimer = setInterval(() => wake(null), pollIntervalMs);
  }

  return {
    drain: () => serial(() => untilIdle(null)),
    async stop() {
      stopped = true;
      if (pollTimer) clearInterval(pollTimer);
      if (reconnectTimer) clearTimeout(reconnectTimer);
      await queue;
      const client = listener;
      listener = null;
      await client?.end().catch(() => {});
    },
  };
}
