// 配信 (delivery): handing one event to one subscriber. The handler runs in the event's tenant
// transaction (application role, row-level security applies), and the delivery is marked done
// and recorded as processed in that same transaction: either the handler's writes and the
// acknowledgement both commit, or neither does. A failure is rolled back to a savepoint taken
// before the handler, and the failed attempt is recorded in the transaction that still holds
// the row lock, so no other dispatcher can slip in between.
import type { Logger } from "pino";
import type { DomainEvent, Platform } from "../contract.ts";
import type { Tx } from "../db/database.ts";
import type { Subscriptions } from "./subscriptions.ts";
import { claimNextDelivery, markDelivered, recordFailure, recordProcessed, type ClaimedDelivery } from "./queries.ts";
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs, type BackoffOptions } from "./retry-policy.ts";

export type DeliveryOutcome = "done" | "failed";

const ERROR_MESSAGE_LIMIT = 200;

class UnknownSubscriberError extends Error {
  constructor() {
    super("no handler is registered for this subscriber and event type");
    this.name = "UnknownSubscriberError";
  }
}

/**
 * What is stored as last_error: the error's class and code and the start of its message. The
 * event's payload is never included; PostgreSQL keeps offending values in `detail`, which is
 * left out.
 */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return `${typeof error}: thrown value is not an Error`;
  const code = (error as { code?: unknown }).code;
  const kind = typeof code === "string" || typeof code === "number" ? `${error.name} [${code}]` : error.name;
  const message = error.message.length > ERROR_MESSAGE_LIMIT ? `${error.message.slice(0, ERROR_MESSAGE_LIMIT)}…` : error.message;
  return `${kind}: ${message}`;
}

function toEvent(row: ClaimedDelivery): DomainEvent {
  return {
    id: row.id,
    seq: row.event_seq,
    tenantId: row.tenant_id,
    type: row.type,
    subject: row.subject,
    payload: row.payload,
    occurredAt: row.occurred_at,
  };
}

export interface DeliveryContext {
  platform: Platform;
  log: Logger;
  subscriptions: Subscriptions;
  backoff: BackoffOptions;
}

async function failAttempt(ctx: DeliveryContext, tx: Tx, claimed: ClaimedDelivery, error: unknown): Promise<DeliveryOutcome> {
  const maxAttempts = await ctx.platform.settings.resolve<number>(tx, claimed.tenant_id, MAX_DELIVERY_ATTEMPTS);
  const failedAttempts = claimed.attempts + 1;
  const recorded = await tx.query(
    recordFailure(claimed.subscriber, claimed.event_seq, claimed.attempts, describeFailure(error),
      retryDelayMs(failedAttempts, ctx.backoff), maxAttempts),
  );
  const dead = recorded.rows[0]?.status === "failed";
  // Error kind only: a message may quote data from the handler's SQL.
  ctx.log[dead ? "error" : "warn"](
    {
      tenantId: claimed.tenant_id,
      subscriber: claimed.subscriber,
      eventId: claimed.id,
      type: claimed.type,
      attempts: failedAttempts,
      dead,
      error: error instanceof Error ? error.name : typeof error,
    },
    "event delivery failed",
  );
  return "failed";
}

/**
 * Claims and delivers the next due delivery of one tenant. Returns null when nothing of the
 * tenant is due (or everything due is held by another dispatcher).
 */
export async function deliverNext(ctx: DeliveryContext, tenantId: string): Promise<DeliveryOutcome | null> {
  const { platform, subscriptions } = ctx;
  // Filled in by the transaction, read by the recovery path below.
  const attempt: { claimed?: ClaimedDelivery; handlerError?: unknown } = {};
  try {
    return await platform.db.withTenant(
      tenantId,
      async (tx) => {
        const claimed = (await tx.query<ClaimedDelivery>(claimNextDelivery())).rows[0];
        if (!claimed) return null;
        attempt.claimed = claimed;
        const handler = subscriptions.handlerOf(claimed.type, claimed.subscriber);
        await tx.query("SAVEPOINT event_handler");
        try {
          if (!handler) throw new UnknownSubscriberError();
          const first = await tx.query(recordProcessed(tenantId, claimed.subscriber, claimed.id));
          // A redelivery of an event this subscriber already processed is acknowledged only.
          if (first.rowCount) await handler(toEvent(claimed), tx, platform);
          await tx.query("RELEASE SAVEPOINT event_handler");
        } catch (error) {
          attempt.handlerError = error;
          await tx.query("ROLLBACK TO SAVEPOINT event_handler");
          return failAttempt(ctx, tx, claimed, error);
        }
        await tx.query(markDelivered(claimed.subscriber, claimed.event_seq));
        return "done";
      },
      "system:events",
    );
  } catch (error) {
    const claimed = attempt.claimed;
    if (!claimed) throw error;
    // The claiming transaction itself was lost (the handler broke the connection, or COMMIT
    // failed). Its lock is gone; record the attempt on its own, guarded by the attempt count.
    await platform.db.withTenant(tenantId, (tx) => failAttempt(ctx, tx, claimed, attempt.handlerError ?? error), "system:events");
    return "failed";
  }
}
