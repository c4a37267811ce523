import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Platform } from "../contract.ts";
import { operatorOf, staffOf } from "../http/access.ts";
import { actorOf } from "../identity/principal.ts";
import { verifyAuditLog } from "./audit-log.ts";
import { withOperator } from "./operator.ts";

const Entry = Type.Object({
  seq: Type.String(),
  at: Type.String({ format: "date-time" }),
  actor: Type.String(),
  action: Type.String(),
  subject: Type.Union([Type.String(), Type.Null()]),
  purpose: Type.Union([Type.String(), Type.Null()]),
  hash: Type.String(),
});

export function auditRoutes(fastify: FastifyInstance, platform: Platform): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    "/api/audit",
    {
      config: { access: { module: "platform", role: "admin" } },
      schema: {
        tags: ["audit"],
        summary: "The municipality's audit log, newest first",
        querystring: Type.Object({
          before: Type.Optional(Type.String({ pattern: "^[0-9]{1,18}$", description: "page: entries with seq below this" })),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
          action: Type.Optional(Type.String({ maxLength: 100 })),
        }),
        response: { 200: Type.Array(Entry) },
      },
    },
    async (req) => {
      const me = staffOf(req);
      const { before, limit, action } = req.query;
      const rows = await platform.db.withTenant(me.tenantId, async (tx) =>
        (
          await tx.query(
            `SELECT seq::text, at, actor, action, subject, purpose, hash FROM audit_log
             WHERE ($1::bigint IS NULL OR seq < $1) AND ($3::text IS NULL OR action = $3)
             ORDER BY audit_log.seq DESC LIMIT $2`,
            [before ?? null, limit, action ?? null],
          )
        ).rows,
      );
      return rows.map((r) => ({ ...r, at: (r.at as Date).toISOString() }));
    },
  );

  app.post(
    "/api/operator/audit/verify",
    {
      config: { access: { operator: true } },
      schema: {
        tags: ["audit"],
        summary: "Verify every hash chain of the audit log (operator; audited)",
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            chains: Type.Integer(),
            entries: Type.Integer(),
            problem: Type.Union([
              Type.Object({ chain: Type.String(), seq: Type.String(), reason: Type.String() }),
              Type.Null(),
            ]),
          }),
        },
      },
    },
    async (req) => {
      const actor = actorOf(operatorOf(req));
      // Verify first, then record the verification, so the result describes the log before it.
      const result = await platform.db.withOperatorRole((tx) => verifyAuditLog(tx));
      await withOperator(platform.db, { actor, action: "audit.verified", detail: { ok: result.problem === null } }, async () => {});
      return { ok: result.problem === null, ...result };
    },
  );
}
