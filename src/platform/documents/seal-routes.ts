// 職印の管理 (managing the official seal): the versions an administrator uploaded, each image, and
// uploading a new version. 管理 on the platform (platform:admin) uploads; 閲覧 (platform:read)
// sees the versions. Every upload is audited; nothing is ever replaced (seal.ts).
import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { PLATFORM_ROLE_MODULE, type Platform } from "../contract.ts";
import { staffOf } from "../http/access.ts";
import { actorOf } from "../identity/principal.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { Problem } from "../http/problem.ts";
import { isIsoDate } from "../../lib/wareki.ts";
import { addSealVersion, listSealVersions, SEAL_MAX_BYTES, sealImageOf, sealProblems } from "./seal.ts";
import { documentProblems } from "./problems.ts";

export const SEAL_ADDED = "certificate.seal-added";
const TAGS = ["certificates"];
const IsoDate = Type.String({ pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description: "YYYY-MM-DD" });

const SealVersionSchema = Type.Object({
  version: Type.Integer(),
  mediaType: Type.String(),
  sha256: Type.String(),
  byteCount: Type.Integer(),
  validFrom: Type.String(),
  validTo: Type.Union([Type.String(), Type.Null()]),
  reason: Type.String(),
  uploadedBy: Type.String(),
  uploadedAt: Type.String({ format: "date-time" }),
});

export function sealRoutes(fastify: FastifyInstance, platform: Platform): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    "/api/certificates/seals",
    {
      config: { access: { module: PLATFORM_ROLE_MODULE, role: "read" } },
      schema: { tags: TAGS, summary: "The versions of the 職印 (official seal), newest first", response: { 200: Type.Array(SealVersionSchema) } },
    },
    async (req) => {
      const me = staffOf(req);
      return platform.db.withTenant(me.tenantId, (tx) => listSealVersions(tx), actorOf(me));
    },
  );

  app.get(
    "/api/certificates/seals/:number/image",
    {
      config: { access: { module: PLATFORM_ROLE_MODULE, role: "read" } },
      schema: {
        tags: TAGS,
        summary: "The image of one seal version (PNG or SVG)",
        params: Type.Object({ number: Type.Integer({ minimum: 1, maximum: 1_000_000, description: "the version number" }) }),
      },
    },
    async (req, reply) => {
      const me = staffOf(req);
      const image = await platform.db.withTenant(me.tenantId, (tx) => sealImageOf(tx, req.params.number), actorOf(me));
      if (!image) throw new Problem(404, "not-found", "No such seal version", "この版の職印はありません");
      return reply
        .header("content-type", image.mediaType)
        .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, max-age=3600, immutable")
        .send(image.bytes);
    },
  );

  app.post(
    "/api/certificates/seals",
    {
      config: { access: { module: PLATFORM_ROLE_MODULE, role: "admin" } },
      schema: {
        tags: TAGS,
        summary: "Upload a new version of the 職印, valid from a date (to a date); audited, never replacing a version",
        body: Type.Object(
          {
            mediaType: Type.Union([Type.Literal("image/png"), Type.Literal("image/svg+xml")]),
            image: Type.String({ maxLength: Math.ceil((SEAL_MAX_BYTES * 4) / 3) + 4, pattern: "^[A-Za-z0-9+/]*={0,2}$", description: "the file, base64" }),
            validFrom: IsoDate,
            validTo: Type.Optional(IsoDate),
            reason: Type.String({ minLength: 1, maxLength: 200, pattern: "\\S" }),
          },
          { additionalProperties: false },
        ),
        response: { 201: SealVersionSchema },
      },
    },
    async (req, reply) => {
      const me = staffOf(req);
      const actor = actorOf(me);
      const { mediaType, image, validFrom, validTo, reason } = req.body;
      const bad = (["validFrom", "validTo"] as const).filter((k) => req.body[k] !== undefined && !isIsoDate(req.body[k]!));
      if (bad.length) throw documentProblems.invalid(bad.map((k) => ({ field: `body/${k}`, message: "must be an existing date YYYY-MM-DD" })));
      if (validTo !== undefined && validTo < validFrom) throw documentProblems.invalid([{ field: "body/validTo", message: "must not be before validFrom" }]);
      const bytes = Buffer.from(image, "base64");
      if (bytes.length === 0) throw sealProblems.invalidImage("empty");
      const added = await platform.db.withTenant(
        me.tenantId,
        async (tx) => {
          const version = await addSealVersion(tx, { mediaType, bytes, validFrom, validTo: validTo ?? null, reason: reason.trim(), actor });
          await appendAudit(tx, {
            actor,
            action: SEAL_ADDED,
            subject: null,
            purpose: reason.trim(),
            detail: { version: version.version, mediaType, sha256: version.sha256, validFrom, validTo: validTo ?? null },
          });
          return version;
        },
        actor,
      );
      return reply.status(201).send(added);
    },
  );
}
