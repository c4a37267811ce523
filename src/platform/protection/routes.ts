// The 支援措置 API: measures (閲覧 to list and read, 更新 to create, renew, change and end —
// the dedicated role), expiry notices, releases (any clerk asks for one for a certificate they
// may issue; a supervisor with 管理 decides), and the operators' report, which counts measures
// per municipality and never names anyone. Every read and change is audited.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { PROTECTION_ROLE_MODULE, type Platform } from "../contract.ts";
import type { Tx } from "../db/database.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { withOperator } from "../audit/operator.ts";
import { staffOf, operatorOf } from "../http/access.ts";
import { actorOf, hasRole } from "../identity/principal.ts";
import { formatAddresseeNumber, parseAddresseeNumber } from "../addressee/addressee-number.ts";
import { canIssue, requireKind } from "../documents/certificate.ts";
import { todayInJapan } from "../addressee/calendar-date.ts";
import { REQUESTER_KINDS } from "../documents/requester.ts";
import { problems } from "../http/problem.ts";
import { changeMeasure, createMeasure, endMeasure, getMeasure, listMeasures, renewMeasure } from "./measures.ts";
import { decideRelease, getRelease, listReleases, requestRelease } from "./releases.ts";
import { listNotices } from "./expiry-job.ts";
import { operatorReport } from "./report.ts";

const TAGS = ["protection"];
const access = (role: "read" | "write" | "admin") => ({ module: PROTECTION_ROLE_MODULE, role });
const DATE = Type.String({ pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description: "YYYY-MM-DD" });
const NUMBER = Type.String({ pattern: "^[0-9]{1,15}$", description: "宛名番号" });
const REASON = Type.String({ minLength: 1, maxLength: 500 });
const nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) });
const Kind = Type.Union([Type.Literal("dv"), Type.Literal("stalking"), Type.Literal("child-abuse"), Type.Literal("other")], {
  description: "DV, ストーカー行為等, 児童虐待, or その他準ずる",
});

const AdversaryInput = Type.Object(
  {
    addresseeNumber: Type.Optional(nullable(NUMBER)),
    nameKana: Type.Optional(nullable(Type.String({ maxLength: 100 }))),
    birthDate: Type.Optional(nullable(DATE)),
    relation: Type.Optional(nullable(Type.String({ maxLength: 50 }))),
  },
  { additionalProperties: false, description: "相手方: by 宛名番号, or by カナ and birth date" },
);

const MeasureSchema = Type.Object({
  measureId: Type.String(),
  version: Type.Integer(),
  change: Type.String(),
  kind: Kind,
  applicantNumber: Type.String(),
  protectedNumbers: Type.Array(Type.String()),
  adversaries: Type.Array(
    Type.Object({
      addresseeNumber: nullable(Type.String()),
      nameKana: nullable(Type.String()),
      birthDate: nullable(Type.String()),
      relation: nullable(Type.String()),
    }),
  ),
  businesses: Type.Union([Type.Array(Type.String()), Type.Null()]),
  acceptedOn: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  endedOn: nullable(Type.String()),
  status: Type.String(),
  renewalOpensOn: Type.String(),
  reason: Type.String(),
  recordedBy: Type.String(),
  recordedAt: Type.String(),
});

const NewMeasureBody = Type.Object(
  {
    kind: Kind,
    applicantNumber: NUMBER,
    withNumbers: Type.Optional(Type.Array(NUMBER, { maxItems: 20, description: "household members protected with the applicant" })),
    adversaries: Type.Optional(Type.Array(AdversaryInput, { maxItems: 10 })),
    businesses: Type.Optional(Type.Union([Type.Array(Type.String({ maxLength: 50 }), { maxItems: 50 }), Type.Null()])),
    acceptedOn: DATE,
    startsOn: Type.Optional(DATE),
    endsOn: Type.Optional(DATE),
    reason: REASON,
  },
  { additionalProperties: false },
);

const nullableText = Type.Union([Type.String(), Type.Null()]);
const ReleaseSchema = Type.Object({
  releaseId: Type.String(),
  subjectNumber: Type.String(),
  subjectName: nullableText,
  requestedByName: nullableText,
  decidedByName: nullableText,
  certificateKind: Type.String(),
  requesterKind: Type.String(),
  requesterNote: Type.String(),
  reason: Type.String(),
  requestedBy: Type.String(),
  requestedAt: Type.String(),
  expiresAt: Type.String(),
  state: Type.String(),
  decision: Type.Union([
    Type.Object({ approved: Type.Boolean(), decidedBy: Type.String(), decidedAt: Type.String(), note: Type.String() }),
    Type.Null(),
  ]),
  use: Type.Union([Type.Object({ usedBy: Type.String(), usedAt: Type.String(), serial: Type.String() }), Type.Null()]),
});


export function protectionRoutes(fastify: FastifyInstance, platform: Platform): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  function inTenant<T>(req: FastifyRequest, fn: (tx: Tx, actor: string) => Promise<T>): Promise<T> {
    const me = staffOf(req);
    const actor = actorOf(me);
    return platform.db.withTenant(me.tenantId, (tx) => fn(tx, actor), actor);
  }

  /** The names of the persons a list of measures protects, for the 支援措置担当's screen. */
  async function namesOf(tx: Tx, numbers: string[]): Promise<Record<string, string>> {
    const parsed = numbers.map(parseAddresseeNumber).filter((n): n is string => n !== null);
    const rows = await tx.query<{ number: string; name: string }>(
      "SELECT number::text, name FROM addressee WHERE number = ANY($1::bigint[])",
      [parsed],
    );
    return Object.fromEntries(rows.rows.map((r) => [formatAddresseeNumber(r.number), r.name]));
  }

  app.get(
    "/api/protection/measures",
    {
      config: { access: access("read") },
      schema: {
        tags: TAGS,
        summary: "支援措置の一覧: active measures (or all), optionally only those ending soon or protecting one person (audited)",
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Union([Type.Literal("active"), Type.Literal("all")])),
            expiringWithinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 366 })),
            addresseeNumber: Type.Optional(NUMBER),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(MeasureSchema), names: Type.Record(Type.String(), Type.String()) }) },
      },
    },
    (req) =>
      inTenant(req, async (tx, actor) => {
        const items = await listMeasures(tx, req.query, todayInJapan());
        await appendAudit(tx, { actor, action: "protection.measures-listed", detail: { ...req.query, count: items.length } });
        return { items, names: await namesOf(tx, [...new Set(items.flatMap((m) => m.protectedNumbers))]) };
      }),
  );

  app.post(
    "/api/protection/measures",
    {
      config: { access: access("write") },
      schema: { tags: TAGS, summary: "支援措置の登録 (the dedicated role; audited)", body: NewMeasureBody, response: { 201: MeasureSchema } },
    },
    async (req, reply) => {
      const created = await inTenant(req, (tx, actor) => createMeasure(tx, actor, req.body, todayInJapan()));
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/api/protection/measures/:id",
    {
      config: { access: access("read") },
      schema: {
        tags: TAGS,
        summary: "One measure with every version (audited)",
        params: IdParams,
        response: { 200: Type.Object({ current: MeasureSchema, versions: Type.Array(MeasureSchema), names: Type.Record(Type.String(), Type.String()) }) },
      },
    },
    (req) =>
      inTenant(req, async (tx, actor) => {
        const measure = await getMeasure(tx, req.params.id, todayInJapan());
        await appendAudit(tx, {
          actor,
          action: "protection.measure-viewed",
          subject: `addressee:${measure.current.applicantNumber}`,
          detail: { measureId: req.params.id },
        });
        return { ...measure, names: await namesOf(tx, measure.current.protectedNumbers) };
      }),
  );

  app.post(
    "/api/protection/measures/:id/renew",
    {
      config: { access: access("write") },
      schema: {
        tags: TAGS,
        summary: "延長: another year, applied for from one month before the end (audited)",
        params: IdParams,
        body: Type.Object({ acceptedOn: DATE, reason: REASON }, { additionalProperties: false }),
        response: { 200: MeasureSchema },
      },
    },
    (req) => inTenant(req, (tx, actor) => renewMeasure(tx, actor, req.params.id, req.body, todayInJapan())),
  );

  app.post(
    "/api/protection/measures/:id/change",
    {
      config: { access: access("write") },
      schema: {
        tags: TAGS,
        summary: "変更: who is protected with the applicant, the 相手方, the kind or the businesses (audited)",
        params: IdParams,
        body: Type.Object(
          {
            kind: Type.Optional(Kind),
            withNumbers: Type.Optional(Type.Array(NUMBER, { maxItems: 20 })),
            adversaries: Type.Optional(Type.Array(AdversaryInput, { maxItems: 10 })),
            businesses: Type.Optional(Type.Union([Type.Array(Type.String({ maxLength: 50 }), { maxItems: 50 }), Type.Null()])),
            reason: REASON,
          },
          { additionalProperties: false },
        ),
        response: { 200: MeasureSchema },
      },
    },
    (req) => inTenant(req, (tx, actor) => changeMeasure(tx, actor, req.params.id, req.body, todayInJapan())),
  );

  app.post(
    "/api/protection/measures/:id/end",
    {
      config: { access: access("write") },
      schema: {
        tags: TAGS,
        summary: "終了: end the measure from a date (the victim's request, or the need has gone; audited)",
        params: IdParams,
        body: Type.Object({ endedOn: DATE, reason: REASON }, { additionalProperties: false }),
        response: { 200: MeasureSchema },
      },
    },
    (req) => inTenant(req, (tx, actor) => endMeasure(tx, actor, req.params.id, req.body, todayInJapan())),
  );

  app.get(
    "/api/protection/notices",
    {
      config: { access: access("read") },
      schema: {
        tags: TAGS,
        summary: "期間満了の予告: the expiry job's notices of the last 60 days",
        response: {
          200: Type.Array(Type.Object({ measureId: Type.String(), kind: Type.String(), endsOn: Type.String(), noticedAt: Type.String() })),
        },
      },
    },
    (req) => inTenant(req, (tx) => listNotices(tx)),
  );

  app.post(
    "/api/protection/releases",
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: TAGS,
        summary: "一時解除の申請: a clerk records who asked for a protected person's certificate and why (audited)",
        body: Type.Object(
          {
            subjectNumber: NUMBER,
            certificateKind: Type.String({ maxLength: 100 }),
            requesterKind: Type.Union(REQUESTER_KINDS.map((k) => Type.Literal(k))),
            requesterNote: Type.String({ minLength: 1, maxLength: 200, description: "who asked (e.g. 本人, 弁護士 and the case)" }),
            reason: REASON,
          },
          { additionalProperties: false },
        ),
        response: { 201: ReleaseSchema },
      },
    },
    async (req, reply) => {
      const me = staffOf(req);
      const kind = requireKind(platform, req.body.certificateKind);
      if (!canIssue(me, kind)) throw problems.forbidden(`${kind.module}:${kind.requiredRole}`);
      const created = await inTenant(req, (tx, actor) => requestRelease(tx, actor, req.body));
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/api/protection/releases",
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: TAGS,
        summary: "Releases of the last 30 days: all for a supervisor (支援措置 管理), one's own for a clerk",
        querystring: Type.Object(
          { state: Type.Optional(Type.Union(["requested", "approved", "refused", "used", "expired"].map((s) => Type.Literal(s)))) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(ReleaseSchema) },
      },
    },
    (req) =>
      inTenant(req, async (tx, actor) => {
        const supervisor = hasRole(staffOf(req).roles[PROTECTION_ROLE_MODULE], "admin");
        const all = await listReleases(tx, req.query.state ? { state: req.query.state as never } : {});
        return supervisor ? all : all.filter((r) => r.requestedBy === actor);
      }),
  );

  app.get(
    "/api/protection/releases/:id",
    {
      config: { access: { authenticated: true } },
      schema: { tags: TAGS, summary: "One release", params: IdParams, response: { 200: ReleaseSchema } },
    },
    (req) =>
      inTenant(req, async (tx, actor) => {
        const release = await getRelease(tx, req.params.id);
        const supervisor = hasRole(staffOf(req).roles[PROTECTION_ROLE_MODULE], "admin");
        if (!supervisor && release.requestedBy !== actor) throw problems.forbidden(`${PROTECTION_ROLE_MODULE}:admin`);
        return release;
      }),
  );

  app.post(
    "/api/protection/releases/:id/decision",
    {
      config: { access: access("admin") },
      schema: {
        tags: TAGS,
        summary: "承認 or 却下 by a supervisor other than the clerk who asked (audited)",
        params: IdParams,
        body: Type.Object({ approved: Type.Boolean(), note: REASON }, { additionalProperties: false }),
        response: { 200: ReleaseSchema },
      },
    },
    (req) => inTenant(req, (tx, actor) => decideRelease(tx, actor, req.params.id, req.body)),
  );

  app.get(
    "/api/operator/protection",
    {
      config: { access: { operator: true } },
      schema: {
        tags: TAGS,
        summary: "Operators' report: active measures, those ending within 30 days, and releases used, per municipality (counts only; audited)",
        response: {
          200: Type.Array(
            Type.Object({
              tenantId: Type.String(),
              tenantName: Type.String(),
              active: Type.Integer(),
              expiringWithin30Days: Type.Integer(),
              releasesUsedLast30Days: Type.Integer(),
            }),
          ),
        },
      },
    },
    (req) => {
      const operator = operatorOf(req);
      return withOperator(
        platform.db,
        { actor: actorOf(operator), action: "protection.report-viewed", purpose: "支援措置の運用状況の確認" },
        (tx) => operatorReport(tx, todayInJapan()),
      );
    },
  );
}
