// 監査ログ over HTTP: a municipality's administrator searches its chain — by subject (a person's
// 宛名番号, an account), by staff member, by date range, action and purpose — and exports what a
// search found as CSV for 監査, every search and export itself audited; staff are named from the
// town's own register; the verifier's alerts for the municipality and for the operators.
import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Platform } from "../contract.ts";
import { operatorOf, staffOf } from "../http/access.ts";
import { problems } from "../http/problem.ts";
import { actorOf } from "../identity/principal.ts";
import { appendAudit, verifyAuditLog } from "./audit-log.ts";
import { withOperator } from "./operator.ts";
import { acknowledgeAuditAlert, listAuditAlerts, raiseAuditAlerts } from "./alerts.ts";
import { auditQuery, type AuditFilter } from "./audit-query.ts";
import { staffNames } from "./actor-names.ts";
import { AUDIT_EXPORT_MAX_ROWS, auditCsv, type AuditCsvRow } from "./audit-csv.ts";
import { Problem } from "../http/problem.ts";
import type { Tx } from "../db/database.ts";

const Entry = Type.Object({
  seq: Type.String(),
  at: Type.String({ format: "date-time" }),
  actor: Type.String(),
  actorName: Type.Union([Type.String(), Type.Null()], { description: "the staff member's name (the town's own staff only)" }),
  action: Type.String(),
  subject: Type.Union([Type.String(), Type.Null()]),
  subjectName: Type.Union([Type.String(), Type.Null()], { description: "the name of a staff account or a setting the entry is about; never a person's" }),
  purpose: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Record(Type.String(), Type.Unknown(), { description: "what changed: roles granted, a setting's key, a reason …" }),
  hash: Type.String(),
});

const Printable = (maxLength: number, description: string) =>
  Type.Optional(Type.String({ minLength: 1, maxLength, pattern: "^[^\\u0000-\\u001f\\u007f]+$", description }));
const Day = (description: string) => Type.Optional(Type.String({ format: "date", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description }));

const Alert = Type.Object({
  id: Type.String({ format: "uuid" }),
  chain: Type.String({ description: "the municipality's code, or 'platform'" }),
  seq: Type.String(),
  reason: Type.String(),
  raisedAt: Type.String({ format: "date-time" }),
  raisedBy: Type.String(),
  acknowledgedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  acknowledgedBy: Type.Union([Type.String(), Type.Null()]),
});

const Filters = {
  action: Printable(100, "exact action, e.g. resident.viewed"),
  subject: Printable(100, "a 宛名番号 (digits), or a subject as recorded: addressee:…, staff:<uuid> …"),
  actor: Printable(100, "a staff account's id (uuid), or an actor as recorded: staff:<uuid>, operator:<uuid>, system:…"),
  purpose: Printable(100, "利用目的, as stated or with its details after 「：」"),
  from: Day("first day (Japan time), inclusive"),
  to: Day("last day (Japan time), inclusive"),
};

/** The filters given, without the ones left out. */
function filterOf(query: Partial<Record<keyof typeof Filters, string>>): AuditFilter {
  return Object.fromEntries(Object.entries(query).filter(([k, v]) => k in Filters && v !== undefined)) as AuditFilter;
}

/** Subjects named by what the areas register: 「設定：団体の表示名」 for `setting:platform.municipalityDisplayName`. */
function registeredSubjectNames(platform: Platform): Map<string, string> {
  return new Map(platform.areas.flatMap((a) => a.settings ?? []).map((s) => [`setting:${s.key}`, `設定：${s.label}`]));
}

/** The entries a search finds, each staff member (as actor or as subject) named from the town's register. */
async function searchEntries(
  tx: Tx,
  filter: AuditFilter,
  before: string | null,
  limit: number,
  registered: ReadonlyMap<string, string> = new Map(),
): Promise<AuditCsvRow[]> {
  const query = auditQuery(filter, before, limit);
  if ("errors" in query) throw problems.invalid(query.errors);
  const rows = (await tx.query(query.text, query.values)).rows as Omit<AuditCsvRow, "actorName" | "subjectName">[];
  const names = await staffNames(
    tx,
    rows.flatMap((r) => [r.actor, r.subject]),
  );
  return rows.map((r) => ({ ...r, actorName: names.get(r.actor) ?? null, subjectName: r.subject ? (names.get(r.subject) ?? registered.get(r.subject) ?? null) : null }));
}

const exportTooLarge = () =>
  new Problem(
    422,
    "audit-export-too-large",
    `More than ${AUDIT_EXPORT_MAX_ROWS} entries: narrow the search`,
    `${AUDIT_EXPORT_MAX_ROWS.toLocaleString("ja-JP")}件を超えるため書き出せません。期間や条件を絞ってください`,
  );

export function auditRoutes(fastify: FastifyInstance, platform: Platform): void {
  const registered = registeredSubjectNames(platform);
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    "/api/audit",
    {
      config: { access: { module: "platform", role: "admin" } },
      schema: {
        tags: ["audit"],
        summary: "The municipality's audit log, newest first, filtered on the server (each search is itself audited)",
        querystring: Type.Object({
          before: Type.Optional(Type.String({ pattern: "^[0-9]{1,18}$", description: "page: entries with seq below this" })),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
          ...Filters,
        }),
        response: { 200: Type.Array(Entry) },
      },
    },
    async (req) => {
      const me = staffOf(req);
      const { before, limit } = req.query;
      const filter = filterOf(req.query);
      return platform.db.withTenant(
        me.tenantId,
        async (tx) => {
          const rows = await searchEntries(tx, filter, before ?? null, limit, registered);
          await appendAudit(tx, { actor: actorOf(me), action: "audit.searched", detail: { filter, before: before ?? null, count: rows.length } });
          return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
        },
        actorOf(me),
      );
    },
  );

  app.get(
    "/api/audit/export",
    {
      config: { access: { module: "platform", role: "admin" } },
      schema: {
        tags: ["audit"],
        summary: `What a search of the audit log finds, as CSV for 監査 (newest first, at most ${AUDIT_EXPORT_MAX_ROWS} entries; audited)`,
        querystring: Type.Object(Filters),
        response: {
          200: { description: "CSV (UTF-8 with BOM, CRLF), free text neutralised against spreadsheet formulas (ADR 0018)", content: { "text/csv": { schema: Type.String() } } },
        },
      },
    },
    async (req, reply) => {
      const me = staffOf(req);
      const filter = filterOf(req.query);
      const csv = await platform.db.withTenant(
        me.tenantId,
        async (tx) => {
          const rows = await searchEntries(tx, filter, null, AUDIT_EXPORT_MAX_ROWS + 1, registered);
          if (rows.length > AUDIT_EXPORT_MAX_ROWS) throw exportTooLarge();
          await appendAudit(tx, { actor: actorOf(me), action: "audit.exported", detail: { filter, count: rows.length } });
          return auditCsv(rows);
        },
        actorOf(me),
      );
      const days = [filter.from, filter.to].filter(Boolean).join("-");
      return reply
        .header("content-type", "text/csv; charset=utf-8; header=present")
        .header("content-disposition", `attachment; filename="audit-log${days ? `-${days}` : ""}.csv"`)
        .send(csv);
    },
  );

  app.get(
    "/api/audit/alerts",
    {
      config: { access: { module: "platform", role: "admin" } },
      schema: {
        tags: ["audit"],
        summary: "Alerts raised because the municipality's audit chain was found broken",
        querystring: Type.Object({ open: Type.Boolean({ default: true, description: "only those not yet acknowledged" }) }),
        response: { 200: Type.Array(Alert) },
      },
    },
    async (req) => {
      const me = staffOf(req);
      return platform.db.withTenant(me.tenantId, (tx) => listAuditAlerts(tx, req.query.open), actorOf(me));
    },
  );

  app.post(
    "/api/audit/alerts/:id/acknowledge",
    {
      config: { access: { module: "platform", role: "admin" } },
      schema: {
        tags: ["audit"],
        summary: "Acknowledge an alert of the municipality's chain (audited)",
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      const me = staffOf(req);
      const done = await platform.db.withTenant(me.tenantId, async (tx) => {
        const ok = await acknowledgeAuditAlert(tx, req.params.id, actorOf(me));
        if (ok) await appendAudit(tx, { actor: actorOf(me), action: "audit.alert-acknowledged", subject: `audit-alert:${req.params.id}` });
        return ok;
      });
      if (!done) throw problems.notFound("open audit alert");
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/operator/audit/alerts",
    {
      config: { access: { operator: true } },
      schema: {
        tags: ["audit"],
        summary: "Alerts of every broken audit chain, of every municipality and the platform's (operator; audited)",
        querystring: Type.Object({ open: Type.Boolean({ default: true }) }),
        response: { 200: Type.Array(Alert) },
      },
    },
    async (req) => {
      const actor = actorOf(operatorOf(req));
      return withOperator(platform.db, { actor, action: "audit.alerts-listed" }, (tx) => listAuditAlerts(tx, req.query.open));
    },
  );

  app.post(
    "/api/operator/audit/verify",
    {
      config: { access: { operator: true } },
      schema: {
        tags: ["audit"],
        summary: "Verify every hash chain of the audit log; a broken chain raises an alert (operator; audited)",
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            chains: Type.Integer(),
            entries: Type.Integer(),
            problem: Type.Union([
              Type.Object({ chain: Type.String(), seq: Type.String(), reason: Type.String() }),
              Type.Null(),
            ]),
            problems: Type.Array(Type.Object({ chain: Type.String(), seq: Type.String(), reason: Type.String() })),
          }),
        },
      },
    },
    async (req) => {
      const actor = actorOf(operatorOf(req));
      // Verify first, then record the verification, so the result describes the log before it.
      const result = await platform.db.withOperatorRole((tx) => verifyAuditLog(tx));
      await raiseAuditAlerts(platform.db, actor, result.problems);
      await withOperator(platform.db, { actor, action: "audit.verified", detail: { ok: result.problem === null, problems: result.problems } }, async () => {});
      return { ok: result.problem === null, ...result };
    },
  );
}
