// 業務間データ連携 (events): every SQL statement of the area, each a small named function
// returning { text, values } for the caller to run. Values are always bound. Statements that
// run in a tenant transaction rely on row-level security for the tenant; operator statements
// say so in their name.
import type { QueryConfig } from "pg";

/** The NOTIFY channel; the payload is the tenant code whose deliveries became due. */
export const EVENTS_CHANNEL = "kyodo_events";

export type DeliveryStatus = "pending" | "done" | "failed";

export const currentTenant = (): QueryConfig => ({
  text: "SELECT nullif(current_setting('kyodo.tenant_id', true), '') AS tenant_id",
  values: [],
});

/**
 * Serialises publishers of one subject in one tenant until they commit, so that sequence
 * order and commit order agree for that subject: the dispatcher can then never see a later
 * event of a subject committed while an earlier one is still in flight.
 */
export const lockSubject = (tenantId: string, subject: string): QueryConfig => ({
  text: "SELECT pg_advisory_xact_lock(hashtextextended('event-subject:' || $1 || ':' || $2, 0))",
  values: [tenantId, subject],
});

export const insertEvent = (tenantId: string, type: string, subject: string, payload: Record<string, unknown>): QueryConfig => ({
  text: `INSERT INTO event_outbox (tenant_id, type, subject, payload) VALUES ($1, $2, $3, $4) RETURNING id, seq`,
  values: [tenantId, type, subject, payload],
});

export const insertDeliveries = (
  tenantId: string,
  seq: string,
  eventId: string,
  type: string,
  subject: string,
  subscribers: readonly string[],
): QueryConfig => ({
  text: `INSERT INTO event_delivery (tenant_id, subscriber, event_seq, event_id, type, subject)
         SELECT $1, s, $2, $3, $4, $5 FROM unnest($6::text[]) AS s`,
  values: [tenantId, seq, eventId, type, subject, subscribers],
});

/** Delivered when the transaction commits, and not at all when it rolls back. */
export const notifyDue = (tenantId: string): QueryConfig => ({
  text: "SELECT pg_notify($1, $2)",
  values: [EVENTS_CHANNEL, tenantId],
});

/** Active tenants with a delivery due now; only among `tenantIds` when given. */
export const dueTenants = (tenantIds: readonly string[] | null): QueryConfig => ({
  text: "SELECT t AS tenant_id FROM kyodo_event_due_tenants($1::text[]) AS t",
  values: [tenantIds],
});

export interface ClaimedDelivery {
  subscriber: string;
  event_seq: string;
  attempts: number;
  id: string;
  tenant_id: string;
  type: string;
  subject: string;
  payload: Record<string, unknown>;
  occurred_at: Date;
}

/**
 * The oldest due delivery of the tenant whose subscriber has nothing earlier open for the same
 * subject, locked for this transaction. SKIP LOCKED lets another dispatcher take other rows;
 * a row it holds keeps later rows of its subject blocked, because that row is not 'done'.
 */
export const claimNextDelivery = (): QueryConfig => ({
  text: `SELECT d.subscriber, d.event_seq::text, d.attempts, e.id, e.tenant_id, e.type, e.subject, e.payload, e.occurred_at
         FROM event_delivery d
         JOIN event_outbox e ON e.tenant_id = d.tenant_id AND e.seq = d.event_seq
         WHERE d.status = 'pending' AND d.next_attempt_at <= clock_timestamp()
           AND NOT EXISTS (
             SELECT 1 FROM event_delivery p
             WHERE p.tenant_id = d.tenant_id AND p.subscriber = d.subscriber AND p.subject = d.subject
               AND p.event_seq < d.event_seq AND p.status <> 'done')
         ORDER BY d.event_seq, d.subscriber
         LIMIT 1
         FOR UPDATE OF d SKIP LOCKED`,
  values: [],
});

/** Inserts the idempotency record; no row back means this subscriber already processed the event. */
export const recordProcessed = (tenantId: string, subscriber: string, eventId: string): QueryConfig => ({
  text: `INSERT INTO event_processed (tenant_id, subscriber, event_id) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING event_id`,
  values: [tenantId, subscriber, eventId],
});

export const markDelivered = (subscriber: string, seq: string): QueryConfig => ({
  text: `UPDATE event_delivery
         SET status = 'done', attempts = attempts + 1, last_attempt_at = clock_timestamp(), delivered_at = clock_timestamp()
         WHERE subscriber = $1 AND event_seq = $2`,
  values: [subscriber, seq],
});

/**
 * Records a failed attempt. Guarded by the attempt count the dispatcher saw, so a record made
 * from a separate transaction (after the claiming one was lost) cannot count twice or reopen
 * a delivery another dispatcher has finished meanwhile.
 */
export const recordFailure = (
  subscriber: string,
  seq: string,
  seenAttempts: number,
  error: string,
  retryInMs: number,
  maxAttempts: number,
): QueryConfig => ({
  text: `UPDATE event_delivery
         SET attempts = attempts + 1,
             last_attempt_at = clock_timestamp(),
             last_error = $4,
             status = CASE WHEN attempts + 1 >= $6 THEN 'failed' ELSE 'pending' END,
             next_attempt_at = clock_timestamp() + $5 * interval '1 millisecond'
         WHERE subscriber = $1 AND event_seq = $2 AND attempts = $3 AND status = 'pending'
         RETURNING status`,
  values: [subscriber, seq, seenAttempts, error, retryInMs, maxAttempts],
});

export const listEvents = (before: string | null, limit: number, type: string | null): QueryConfig => ({
  text: `SELECT id, seq::text, type, subject, occurred_at FROM event_outbox
         WHERE ($1::bigint IS NULL OR seq < $1) AND ($3::text IS NULL OR type = $3)
         ORDER BY event_outbox.seq DESC LIMIT $2`,
  values: [before, limit, type],
});

const DELIVERY_COLUMNS = `d.subscriber, d.event_id, d.event_seq::text, d.type, d.subject, d.status, d.attempts,
  d.next_attempt_at, d.last_attempt_at, d.last_error, d.delivered_at`;

export interface DeliveryRow {
  tenant_id?: string;
  subscriber: string;
  event_id: string;
  event_seq: string;
  type: string;
  subject: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_attempt_at: Date | null;
  last_error: string | null;
  delivered_at: Date | null;
}

export const listDeliveries = (status: DeliveryStatus | null, before: string | null, limit: number): QueryConfig => ({
  text: `SELECT ${DELIVERY_COLUMNS} FROM event_delivery d
         WHERE ($1::text IS NULL OR d.status = $1) AND ($2::bigint IS NULL OR d.event_seq < $2)
         ORDER BY d.event_seq DESC, d.subscriber LIMIT $3`,
  values: [status, before, limit],
});

/** Operator role (BYPASSRLS): every tenant's deliveries, each row naming its tenant. */
export const listDeliveriesOfAllTenants = (status: DeliveryStatus | null, limit: number): QueryConfig => ({
  text: `SELECT d.tenant_id, ${DELIVERY_COLUMNS} FROM event_delivery d
         WHERE ($1::text IS NULL OR d.status = $1)
         ORDER BY d.last_attempt_at DESC NULLS LAST, d.tenant_id, d.event_seq DESC LIMIT $2`,
  values: [status, limit],
});

export const findDelivery = (eventId: string, subscriber: string): QueryConfig => ({
  text: `SELECT ${DELIVERY_COLUMNS} FROM event_delivery d WHERE d.event_id = $1 AND d.subscriber = $2`,
  values: [eventId, subscriber],
});

/** failed → pending, due now, with a fresh round of attempts. */
export const reopenFailedDelivery = (eventId: string, subscriber: string): QueryConfig => ({
  text: `UPDATE event_delivery d SET status = 'pending', attempts = 0, next_attempt_at = clock_timestamp()
         WHERE d.event_id = $1 AND d.subscriber = $2 AND d.status = 'failed'
         RETURNING ${DELIVERY_COLUMNS}`,
  values: [eventId, subscriber],
});
