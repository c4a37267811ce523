// The HTTP edge: one Fastify instance with TypeBox schemas that validate requests, serialise
// responses and produce the OpenAPI 3 document (/openapi.json, browsable at /docs).
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import cookie from "@fastify/cookie";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import fastifyStatic from "@fastify/static";
import helmet from "@fastify/helmet";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import type { Platform } from "../contract.ts";
import { enforceAccessRule } from "./access.ts";
import { Problem, ProblemSchema, problems } from "./problem.ts";
import { loadSession, SESSION_COOKIE, type SessionPolicy } from "../identity/session.ts";
import { protectResponses } from "../protection/response-guard.ts";
import { registerJsonBodyParser } from "./json-body.ts";
import { textNormalisation } from "./text-schemas.ts";

export const BODY_LIMIT_BYTES = 1024 * 1024;
const WEB_DIST = fileURLToPath(new URL("../../../web/dist/", import.meta.url));

export interface HttpOptions {
  sessionPolicy: SessionPolicy;
  logLevel: string;
  version: string;
  /** Where log lines go (default stdout); tests read them to prove no personal data is logged. */
  logStream?: NodeJS.WritableStream;
  /**
   * Behind a TLS-terminating proxy (KYODO_TRUST_PROXY): the client address and protocol come
   * from X-Forwarded-For/-Proto, so the session cookie is marked Secure.
   */
  trustProxy?: boolean;
}

/** Log lines carry the path only: query strings may hold search terms such as names. */
function pathOnly(url: string): string {
  const q = url.indexOf("?");
  return q === -1 ? url : url.slice(0, q);
}

export async function buildApp(platform: Platform, options: HttpOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    logger: {
      level: options.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      serializers: {
        req: (req) => ({ id: req.id, method: req.method, path: pathOnly(req.url) }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    },
    trustProxy: options.trustProxy ?? false,
    ajv: { customOptions: { allErrors: true, coerceTypes: "array", removeAdditional: false }, plugins: [textNormalisation] },
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerJsonBodyParser(app, BODY_LIMIT_BYTES);
  // Security headers on every response. The staff UI is built by Vite into files: no inline
  // script is needed, so the policy allows scripts from this origin only.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'", "blob:"],
        // The certificate screen shows the PDF it fetched in a frame, from a blob: URL (and reads it back to save it).
        frameSrc: ["'self'", "blob:"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: "no-referrer" },
    // HSTS only where TLS is known to be in front (a proxy that terminates it).
    strictTransportSecurity: options.trustProxy ? { maxAge: 31536000 } : false,
  });

  app.addSchema(ProblemSchema);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "kyodo API",
        version: options.version,
        description: "kyodo (共同) municipal cloud: platform and business-module API. Errors are application/problem+json.",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE } } },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (json.$id as string) ?? `def-${i}` },
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });

  app.addHook("onRoute", enforceAccessRule);

  app.decorateRequest("principal", null);
  app.decorateRequest("sessionExpired", false);
  app.addHook("onRequest", async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await loadSession(platform.db, token, options.sessionPolicy);
    if (found && "principal" in found) req.principal = found.principal;
    else if (found) req.sessionExpired = true;
  });
  // 支援措置: every JSON response that shows a protected person is marked and masked here.
  app.addHook("onSend", protectResponses(platform));

  app.setErrorHandler((error: FastifyError | Problem, req, reply) => {
    let problem: Problem;
    if (error instanceof Problem) problem = error;
    else if (error.validation) {
      problem = problems.invalid(
        error.validation.map((v) => ({
          field: `${error.validationContext ?? "body"}${v.instancePath || ""}${
            v.keyword === "required" ? `/${(v.params as { missingProperty: string }).missingProperty}` : ""
          }`,
          message: v.message ?? "invalid",
        })),
      );
    } else if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      problem = new Problem(413, "payload-too-large", "The request body is too large", "送信データが大きすぎます",
        `limit ${BODY_LIMIT_BYTES} bytes`);
    } else if (error.code === "FST_ERR_CTP_INVALID_JSON_BODY" || (error instanceof SyntaxError && error.statusCode === 400)) {
      problem = new Problem(400, "malformed-json", "The request body is not valid JSON", "JSONの形式が正しくありません");
    } else if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      problem = new Problem(415, "unsupported-media-type", "Unsupported content type", "対応していない形式です");
    } else if (error.statusCode && error.statusCode < 500) {
      problem = new Problem(error.statusCode, "bad-request", "Bad request", "不正なリクエストです");
    } else {
      // The message may hold values from SQL; log the error kind and stack only.
      req.log.error({ err: { type: error.name, code: error.code, stack: error.stack } }, "unhandled error");
      problem = new Problem(500, "internal-error", "Internal error", "システムエラーが発生しました");
    }
    reply.status(problem.status).type("application/problem+json").send(problem.toBody());
  });

  app.setNotFoundHandler((req, reply) => {
    if (req.method === "GET" && !req.url.startsWith("/api/") && fs.existsSync(WEB_DIST + "index.html")) {
      return reply.type("text/html").send(fs.createReadStream(WEB_DIST + "index.html"));
    }
    const p = problems.notFound("route");
    return reply.status(404).type("application/problem+json").send(p.toBody());
  });

  app.get("/openapi.json", { config: { access: { public: true } }, schema: { hide: true } }, () => app.swagger());

  for (const area of platform.areas) {
    if (area.routes) await app.register(async (scope) => area.routes!(scope, platform));
  }

  if (fs.existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: "/", wildcard: true, index: ["index.html"] });
  }
  return app;
}
