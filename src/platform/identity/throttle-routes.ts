// Log-in throttles for administrators (ADR 0015): a municipality's 管理 role sees and clears its
// accounts' throttles; an operator sees and clears operators' and the per-source ones. Every
// listing and every clearing is audited.
import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Platform } from "../contract.ts";
import { operatorOf, staffOf } from "../http/access.ts";
import { problems } from "../http/problem.ts";
import { withOperator } from "../audit/operator.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { actorOf } from "./principal.ts";
import { PLATFORM_REALM } from "./throttle-policy.ts";
import { clearAccountThrottle, clearSourceThrottle, listAccountThrottles, listSourceThrottles } from "./throttle-admin.ts";

const Instant = Type.Union([Type.String({ format: "date-time" }), Type.Null()]);

const AccountThrottle = Type.Object({
  id: Type.String({ format: "uuid" }),
  kind: Type.Union([Type.Literal("account"), Type.Literal("pair")], {
    description: "account: every source against the log-in ID; pair: one source against it",
  }),
  loginId: Type.Union([Type.String(), Type.Null()], { description: "null when the ID names no account (kept only as a hash)" }),
  accountKey: Type.String({ description: "the first 12 hex digits of the SHA-256 of the log-in ID" }),
  source: Type.Union([Type.String(), Type.Null()]),
  failures: Type.Integer(),
  lastFailureAt: Instant,
  blockedUntil: Instant,
});

const SourceThrottle = Type.Object({
  id: Type.String({ format: "uuid" }),
  source: Type.String(),
  failures: Type.Integer(),
  lastFailureAt: Type.String({ format: "date-time" }),
  blockedUntil: Instant,
});

const ById = Type.Object({ id: Type.String({ format: "uuid" }) });

export function throttleRoutes(fastify: FastifyInstance, platform: Platform): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    "/api/login-throttles",
    {
      config: { access: { module: "platform", role: "admin" } },
      schema: {
        tags: ["identity"],
        summary: "Log-in throttles of the municipality's accounts (audited)",
        response: { 200: Type.Array(AccountThrottle) },
      },
    },
    async (req) => {
      const me = staffOf(req);
      return platform.db.withTenant(
        me.tenantId,
        async (tx) => {
          const list = await listAccountThrottles(tx, me.tenantId);
          await appendAudit(tx, { actor: actorOf(me), action: "identity.login-throttles-listed", detail: { count: list.length } });
          return list;
        },
        actorOf(me),
      );
    },
  );

  app.delete(
    "/api/login-throttles/:id",
    {
      config: { access: { module: "platform", role: "admin" } },
      schema: { tags: ["identity"], summary: "Clear a log-in throttle (audited)", params: ById, response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      const me = staffOf(req);
      const cleared = await platform.db.withTenant(
        me.tenantId,
        async (tx) => {
          const row = await clearAccountThrottle(tx, me.tenantId, req.params.id);
          if (row) {
            await appendAudit(tx, {
              actor: actorOf(me),
              action: "identity.login-throttle-cleared",
              subject: `login-throttle:${req.params.id}`,
              detail: row,
            });
          }
          return row;
        },
        actorOf(me),
      );
      if (!cleared) throw problems.notFound("log-in throttle");
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/operator/login-throttles",
    {
      config: { access: { operator: true } },
      schema: {
        tags: ["identity"],
        summary: "Operators' log-in throttles and the platform-wide throttles per source (operator; audited)",
        response: { 200: Type.Object({ accounts: Type.Array(AccountThrottle), sources: Type.Array(SourceThrottle) }) },
      },
    },
    async (req) => {
      const actor = actorOf(operatorOf(req));
      return withOperator(platform.db, { actor, action: "identity.login-throttles-listed", detail: { realm: PLATFORM_REALM } }, async (tx) => ({
        accounts: await listAccountThrottles(tx, PLATFORM_REALM),
        sources: await listSourceThrottles(tx),
      }));
    },
  );

  app.delete(
    "/api/operator/login-throttles/:id",
    {
      config: { access: { operator: true } },
      schema: { tags: ["identity"], summary: "Clear an operator log-in throttle (operator; audited)", params: ById, response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      const actor = actorOf(operatorOf(req));
      const cleared = await platform.db.withOperatorRole(async (tx) => {
        const row = await clearAccountThrottle(tx, PLATFORM_REALM, req.params.id);
        if (row) {
          await appendAudit(tx, { actor, action: "identity.login-throttle-cleared", subject: `login-throttle:${req.params.id}`, detail: row });
        }
        return row;
      });
      if (!cleared) throw problems.notFound("log-in throttle");
      return reply.status(204).send(null);
    },
  );

  app.delete(
    "/api/operator/login-source-throttles/:id",
    {
      config: { access: { operator: true } },
      schema: { tags: ["identity"], summary: "Clear a throttle per source address (operator; audited)", params: ById, response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      const actor = actorOf(operatorOf(req));
      const cleared = await platform.db.withOperatorRole(async (tx) => {
        const row = await clearSourceThrottle(tx, req.params.id);
        if (row) {
          await appendAudit(tx, { actor, action: "identity.login-throttle-cleared", subject: `login-source-throttle:${req.params.id}`, detail: row });
        }
        return row;
      });
      if (!cleared) throw problems.notFound("log-in throttle");
      return reply.status(204).send(null);
    },
  );
}
