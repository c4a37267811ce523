// 連携状況 (event monitoring): what was published and how delivery stands, for a
// municipality's administrator and, across municipalities, for the platform operator. Payloads
// may hold personal data and are never listed here: events are shown by id, type and subject.
import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Platform } from "../contract.ts";
import { operatorOf, staffOf } from "../http/access.ts";
import { Problem, problems } from "../http/problem.ts";
import { actorOf } from "../identity/principal.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { withOperator } from "../audit/operator.ts";
import {
  findDelivery,
  listDeliveries,
  listDeliveriesOfAllTenants,
  listEvents,
  notifyDue,
  reopenFailedDelivery,
  type DeliveryRow,
} from "./queries.ts";

const Status = Type.Union([Type.Literal("pending"), Type.Literal("failed"), Type.Literal("done")]);
const Timestamp = Type.String({ format: "date-time" });
const Seq = Type.String({ pattern: "^[0-9]{1,18}$" });

const TypeLabel = Type.String({ description: "the event type's Japanese name, as its area declares it (the type itself when undeclared)" });

const EventView = Type.Object({
  id: Type.String({ format: "uuid" }),
  seq: Seq,
  type: Type.String(),
  typeLabel: TypeLabel,
  subject: Type.String(),
  occurredAt: Timestamp,
});

const DeliveryView = Type.Object({
  subscriber: Type.String({ description: "the id of the subscribing area or module" }),
  subscriberName: Type.String({ description: "the subscribing area's or module's Japanese name" }),
  eventId: Type.String({ format: "uuid" }),
  eventSeq: Seq,
  eventType: Type.String(),
  eventTypeLabel: TypeLabel,
  subject: Type.String(),
  status: Status,
  attempts: Type.Integer(),
  nextAttemptAt: Timestamp,
  lastAttemptAt: Type.Union([Timestamp, Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  deliveredAt: Type.Union([Timestamp, Type.Null()]),
});

const OperatorDeliveryView = Type.Object({ tenantId: Type.String(), ...DeliveryView.properties });

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Japanese names of event types and subscribers, from what the areas and modules declare. */
interface Names {
  type(type: string): string;
  area(id: string): string;
}

function namesOf(platform: Platform): Names {
  const types = new Map(platform.areas.flatMap((a) => a.events ?? []).map((e) => [e.type, e.label]));
  const areas = new Map(platform.areas.map((a) => [a.id, a.name]));
  return { type: (type) => types.get(type) ?? type, area: (id) => areas.get(id) ?? id };
}

function deliveryView(r: DeliveryRow, names: Names) {
  return {
    subscriber: r.subscriber,
    subscriberName: names.area(r.subscriber),
    eventId: r.event_id,
    eventSeq: r.event_seq,
    eventType: r.type,
    eventTypeLabel: names.type(r.type),
    subject: r.subject,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at.toISOString(),
    lastAttemptAt: iso(r.last_attempt_at),
    lastError: r.last_error,
    deliveredAt: iso(r.delivered_at),
  };
}

const deliveryNotFailed = () =>
  new Problem(409, "delivery-not-failed", "Only a failed delivery can be retried", "失敗した配信のみ再送できます");

export function eventRoutes(fastify: FastifyInstance, platform: Platform): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const names = namesOf(platform);

  app.get(
    "/api/events",
    {
      config: { access: { module: "platform", role: "admin" } },
      schema: {
        tags: ["events"],
        summary: "The municipality's published events, newest first (no payloads)",
        querystring: Type.Object({
          before: Type.Optional(Type.String({ pattern: "^[0-9]{1,18}$", description: "page: events with seq below this" })),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
          type: Type.Optional(Type.String({ maxLength: 100 })),
        }),
        response: { 200: Type.Array(EventView) },
      },
    },
    async (req) => {
      const me = staffOf(req);
      const { before, limit, type } = req.query;
      const rows = await platform.db.withTenant(
        me.tenantId,
        async (tx) => (await tx.query(listEvents(before ?? null, limit, type ?? null))).rows,
        actorOf(me),
      );
      return rows.map((r) => ({
        id: r.id,
        seq: r.seq,
        type: r.type,
        typeLabel: names.type(r.type),
        subject: r.subject,
        occurredAt: (r.occurred_at as Date).toISOString(),
      }));
    },
  );

  app.get(
    "/api/events/deliveries",
    {
      config: { access: { module: "platform", role: "admin" } },
      schema: {
        tags: ["events"],
        summary: "Deliveries of the municipality's events to subscribers, newest event first",
        querystring: Type.Object({
          status: Type.Optional(Status),
          before: Type.Optional(Type.String({ pattern: "^[0-9]{1,18}$", description: "page: deliveries of events with seq below this" })),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
        }),
        response: { 200: Type.Array(DeliveryView) },
      },
    },
    async (req) => {
      const me = staffOf(req);
      const { status, before, limit } = req.query;
      const rows = await platform.db.withTenant(
        me.tenantId,
        async (tx) => (await tx.query<DeliveryRow>(listDeliveries(status ?? null, before ?? null, limit))).rows,
        actorOf(me),
      );
      return rows.map((r) => deliveryView(r, names));
    },
  );

  app.post(
    "/api/events/deliveries/:eventId/:subscriber/retry",
    {
      config: { access: { module: "platform", role: "admin" } },
      schema: {
        tags: ["events"],
        summary: "Retry a failed delivery now, with a fresh round of attempts (audited)",
        params: Type.Object({
          eventId: Type.String({ format: "uuid" }),
          subscriber: Type.String({ pattern: "^[a-z][a-z0-9-]*$", maxLength: 64 }),
        }),
        response: { 200: DeliveryView },
      },
    },
    async (req) => {
      const me = staffOf(req);
      const actor = actorOf(me);
      const { eventId, subscriber } = req.params;
      const row = await platform.db.withTenant(
        me.tenantId,
        async (tx) => {
          const before = (await tx.query<DeliveryRow>(findDelivery(eventId, subscriber))).rows[0];
          if (!before) throw problems.notFound("delivery");
          const reopened = (await tx.query<DeliveryRow>(reopenFailedDelivery(eventId, subscriber))).rows[0];
          if (!reopened) throw deliveryNotFailed();
          await appendAudit(tx, {
            actor,
            action: "events.delivery-retried",
            subject: `event:${eventId}`,
            detail: { subscriber, type: before.type, previousAttempts: before.attempts },
          });
          await tx.query(notifyDue(me.tenantId));
          return reopened;
        },
        actor,
      );
      return deliveryView(row, names);
    },
  );

  app.get(
    "/api/operator/events/deliveries",
    {
      config: { access: { operator: true } },
      schema: {
        tags: ["events"],
        summary: "Deliveries of every municipality, by status (operator; audited)",
        querystring: Type.Object({
          status: Type.Optional(Status),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
        }),
        response: { 200: Type.Array(OperatorDeliveryView) },
      },
    },
    async (req) => {
      const actor = actorOf(operatorOf(req));
      const { status, limit } = req.query;
      const rows = await withOperator(
        platform.db,
        { actor, action: "events.deliveries-listed", detail: { status: status ?? null } },
        async (tx) => (await tx.query<DeliveryRow>(listDeliveriesOfAllTenants(status ?? null, limit))).rows,
      );
      return rows.map((r) => ({ tenantId: r.tenant_id!, ...deliveryView(r, names) }));
    },
  );
}
