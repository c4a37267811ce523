// The certificates API (証明書): the kinds a municipality can issue, issuing and previewing one
// (the PDF is the response body), and the issue register (交付簿) with voiding. The role each
// kind needs is its own (CertificateDefinition.requiredRole on its module), so these routes
// declare "any logged-in user" and the service checks the kind's role; the register shows only
// the kinds whose module the reader may read.
import type { FastifyInstance, FastifyReply } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { PLATFORM_ROLE_MODULE, type Platform } from "../contract.ts";
import { staffOf } from "../http/access.ts";
import { actorOf, hasRole } from "../identity/principal.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { problems } from "../http/problem.ts";
import {
  canIssue,
  certificateKinds,
  issueCertificate,
  previewCertificate,
  SUBJECT_PATTERN,
  type CertificateDefinition,
} from "./certificate.ts";
import { chooseDocumentFont, FONT_NOTES } from "./fonts.ts";
import { CERTIFICATE_ISSUES_LISTED, findIssue, listIssues, recordVoid, type IssueView } from "./issue-register.ts";
import { parseSerial } from "./serial.ts";
import { IdentityCheckSchema, RequestChannelSchema, RequesterKindSchema } from "./requester.ts";
import { documentProblems } from "./problems.ts";
import { isIsoDate } from "../../lib/wareki.ts";

const TAGS = ["certificates"];
const IsoDate = Type.String({ pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description: "YYYY-MM-DD" });
const KindParams = Type.Object({ kind: Type.String({ pattern: "^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+$", maxLength: 100 }) });
const SerialParams = Type.Object({ serial: Type.String({ pattern: "^[0-9]{4}-[0-9]{6,12}$", description: "証明書番号, e.g. 2026-000123" }) });

const CertificateBody = Type.Object(
  {
    subjectId: Type.String({ pattern: SUBJECT_PATTERN, description: "the subject by id, e.g. addressee:000000000000123 — never a name" }),
    options: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: "the kind's options (see GET /api/certificates/kinds)" })),
    purpose: Type.String({ minLength: 1, maxLength: 200, pattern: "\\S", description: "利用目的 as stated by the requester" }),
    requesterKind: RequesterKindSchema,
    channel: Type.Optional({ ...RequestChannelSchema, description: `${RequestChannelSchema.description} (default: counter)` }),
    identityCheck: Type.Optional(IdentityCheckSchema),
    requester: Type.Optional(
      Type.Object(
        {
          addresseeNumber: Type.Optional(Type.String({ pattern: "^[0-9]{1,15}$", description: "the requester's 宛名番号, when known" })),
          nameKana: Type.Optional(Type.String({ maxLength: 100, description: "the requester's name in カナ, from the ID shown" })),
          birthDate: Type.Optional(IsoDate),
        },
        { additionalProperties: false, description: "who asks (本人確認): checked against the 相手方 of 支援措置" },
      ),
    ),
    releaseId: Type.Optional(Type.String({ format: "uuid", description: "an approved 支援措置 release for this subject and kind" })),
    asOf: Type.Optional({ ...IsoDate, description: "the date the certified facts are stated as of (default: today)" }),
  },
  { additionalProperties: false },
);

const PdfResponse = {
  description: "The certificate as a PDF (A4)",
  content: { "application/pdf": { schema: { type: "string", format: "binary" } } },
};

const IssueViewSchema = Type.Object({
  serial: Type.String(),
  kind: Type.String(),
  subject: Type.String(),
  options: Type.Record(Type.String(), Type.Unknown()),
  purpose: Type.String(),
  requesterKind: RequesterKindSchema,
  asOf: Type.String(),
  issuedBy: Type.Object({ staffId: Type.String(), displayName: Type.Union([Type.String(), Type.Null()]) }),
  issuedAt: Type.String({ format: "date-time" }),
  pageCount: Type.Integer(),
  byteCount: Type.Integer(),
  sha256: Type.String(),
  font: Type.String(),
  voided: Type.Union([
    Type.Object({ at: Type.String({ format: "date-time" }), staffId: Type.String(), reason: Type.String() }),
    Type.Null(),
  ]),
});

const KindsView = Type.Object({
  font: Type.Object({
    id: Type.String(),
    name: Type.String(),
    cannotRender: Type.Array(Type.String(), { description: "what this font cannot draw (FONT_NOTES)" }),
  }),
  kinds: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      module: Type.String(),
      requiredRole: Type.String(),
      canIssue: Type.Boolean({ description: "whether the caller's roles allow issuing it" }),
      optionsSchema: Type.Unknown({ description: "JSON schema of the kind's options" }),
    }),
  ),
});

function sendPdf(reply: FastifyReply, pdf: Buffer, headers: Record<string, string>, filename: string) {
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  return reply
    .header("content-type", "application/pdf")
    .header("content-disposition", `inline; filename="${filename}"`)
    .header("cache-control", "no-store")
    .send(pdf);
}

export function certificateRoutes(fastify: FastifyInstance, platform: Platform): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const kinds = () => certificateKinds(platform.areas);

  /** Kinds whose issues the reader may see: read on the kind's module; a platform admin sees all. */
  function visibleKinds(roles: Parameters<typeof canIssue>[0]["roles"]): string[] | null {
    if (hasRole(roles[PLATFORM_ROLE_MODULE], "admin")) return null;
    return [...kinds().values()].filter((k) => hasRole(roles[k.module], "read")).map((k) => k.id);
  }

  function visible(roles: Parameters<typeof canIssue>[0]["roles"], issue: IssueView): boolean {
    const allowed = visibleKinds(roles);
    return allowed === null || allowed.includes(issue.kind);
  }

  app.get(
    "/api/certificates/kinds",
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: TAGS,
        summary: "Certificate kinds of the platform's modules, whether the caller may issue each, and the PDF font",
        response: { 200: KindsView },
      },
    },
    async (req) => {
      const me = staffOf(req);
      const font = chooseDocumentFont();
      return {
        font: { id: font.id, name: FONT_NOTES[font.id].name, cannotRender: FONT_NOTES[font.id].cannotRender },
        kinds: [...kinds().values()].map((k: CertificateDefinition) => ({
          id: k.id,
          name: k.name,
          module: k.module,
          requiredRole: k.requiredRole,
          canIssue: canIssue(me, k),
          optionsSchema: k.optionsSchema,
        })),
      };
    },
  );

  app.post(
    "/api/certificates/:kind/issue",
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: TAGS,
        summary: "Issue a certificate: allocates the serial, records the issue with the PDF's SHA-256, audits it",
        params: KindParams,
        body: CertificateBody,
        response: { 200: PdfResponse },
      },
    },
    async (req, reply) => {
      const me = staffOf(req);
      const issued = await issueCertificate(platform, me, req.params.kind, req.body);
      return sendPdf(
        reply,
        issued.pdf,
        {
          "x-kyodo-certificate-serial": issued.serial,
          "x-kyodo-pdf-font": issued.font.id,
          "x-kyodo-pdf-sha256": issued.sha256,
          "x-kyodo-pdf-fallback-variants": String(issued.fallbackVariants),
        },
        `${issued.serial}.pdf`,
      );
    },
  );

  app.post(
    "/api/certificates/:kind/preview",
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: TAGS,
        summary: "Preview a certificate: 見本 watermark, no serial, not registered (audited)",
        params: KindParams,
        body: CertificateBody,
        response: { 200: PdfResponse },
      },
    },
    async (req, reply) => {
      const me = staffOf(req);
      const preview = await previewCertificate(platform, me, req.params.kind, req.body);
      return sendPdf(
        reply,
        preview.pdf,
        {
          "x-kyodo-pdf-font": preview.font.id,
          "x-kyodo-pdf-missing-glyphs": String(preview.missingGlyphs),
          "x-kyodo-pdf-fallback-variants": String(preview.fallbackVariants),
        },
        "preview.pdf",
      );
    },
  );

  app.get(
    "/api/certificates/issues",
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: TAGS,
        summary: "The issue register (交付簿), newest first, of the kinds the caller may read (audited)",
        querystring: Type.Object({
          subject: Type.Optional(Type.String({ pattern: SUBJECT_PATTERN })),
          from: Type.Optional({ ...IsoDate, description: "first issue date (in Japan), inclusive" }),
          to: Type.Optional({ ...IsoDate, description: "last issue date (in Japan), inclusive" }),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
        }),
        response: { 200: Type.Array(IssueViewSchema) },
      },
    },
    async (req) => {
      const me = staffOf(req);
      const actor = actorOf(me);
      const { subject, from, to, limit } = req.query;
      const badDates = (["from", "to"] as const).filter((k) => req.query[k] !== undefined && !isIsoDate(req.query[k]!));
      if (badDates.length) {
        throw documentProblems.invalid(badDates.map((k) => ({ field: `querystring/${k}`, message: "must be an existing date YYYY-MM-DD" })));
      }
      return platform.db.withTenant(
        me.tenantId,
        async (tx) => {
          const issues = await listIssues(tx, {
            subject: subject ?? null,
            from: from ?? null,
            to: to ?? null,
            kinds: visibleKinds(me.roles),
            limit,
          });
          await appendAudit(tx, {
            actor,
            action: CERTIFICATE_ISSUES_LISTED,
            subject: subject ?? null,
            detail: { from: from ?? null, to: to ?? null, count: issues.length },
          });
          return issues;
        },
        actor,
      );
    },
  );

  app.get(
    "/api/certificates/issues/:serial",
    {
      config: { access: { authenticated: true } },
      schema: { tags: TAGS, summary: "One entry of the issue register", params: SerialParams, response: { 200: IssueViewSchema } },
    },
    async (req) => {
      const me = staffOf(req);
      const serial = parseSerial(req.params.serial);
      if (!serial) throw documentProblems.issueNotFound();
      return platform.db.withTenant(
        me.tenantId,
        async (tx) => {
          const issue = await findIssue(tx, serial);
          if (!issue || !visible(me.roles, issue)) throw documentProblems.issueNotFound();
          return issue;
        },
        actorOf(me),
      );
    },
  );

  app.post(
    "/api/certificates/issues/:serial/void",
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: TAGS,
        summary: "Void an issued certificate (appended; the issue stays recorded); needs the kind's issuing role",
        params: SerialParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 500, pattern: "\\S", description: "why it is voided (recorded)" }) },
          { additionalProperties: false },
        ),
        response: { 200: IssueViewSchema },
      },
    },
    async (req) => {
      const me = staffOf(req);
      const actor = actorOf(me);
      const serial = parseSerial(req.params.serial);
      if (!serial) throw documentProblems.issueNotFound();
      return platform.db.withTenant(
        me.tenantId,
        async (tx) => {
          const issue = await findIssue(tx, serial);
          if (!issue || !visible(me.roles, issue)) throw documentProblems.issueNotFound();
          const kind = kinds().get(issue.kind);
          const allowed = kind ? canIssue(me, kind) : hasRole(me.roles[PLATFORM_ROLE_MODULE], "admin");
          if (!allowed) throw problems.forbidden(kind ? `${kind.module}:${kind.requiredRole}` : "platform:admin");
          await recordVoid(tx, { issue, serial, staffId: me.staffId, actor, reason: req.body.reason.trim() });
          return (await findIssue(tx, serial))!;
        },
        actor,
      );
    },
  );
}
