import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Platform } from "../contract.ts";
import { roleModules } from "../contract.ts";
import { staffOf } from "../http/access.ts";
import { problems } from "../http/problem.ts";
import { invalidCode, unknownTenant, getTenant } from "../tenancy/tenants.ts";
import { actorOf } from "./principal.ts";
import { LoginThrottled, loginOperator, loginStaff } from "./login.ts";
import { throttleRoutes } from "./throttle-routes.ts";
import { sessionLimitsOf } from "./session-limits.ts";
import { createSession, endSession, loadSession, SESSION_COOKIE, type SessionPolicy } from "./session.ts";
import { RolesByModule } from "./account-schemas.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { accountRoutes } from "./account-routes.ts";
import { MAX_PASSWORD_LENGTH } from "./password-policy.ts";

const SessionView = Type.Object({
  kind: Type.Union([Type.Literal("staff"), Type.Literal("operator")]),
  displayName: Type.String(),
  tenant: Type.Union([Type.Object({ id: Type.String(), name: Type.String(), prefectureName: Type.String() }), Type.Null()]),
  roles: RolesByModule,
  csrfToken: Type.String(),
});

export function identityRoutes(fastify: FastifyInstance, platform: Platform, policy: SessionPolicy): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  throttleRoutes(fastify, platform);
  accountRoutes(fastify, platform, policy);

  async function sessionView(req: Parameters<typeof staffOf>[0]) {
    const p = req.principal!;
    if (p.kind === "operator") {
      return { kind: "operator" as const, displayName: p.displayName, tenant: null, roles: {}, csrfToken: p.csrfToken };
    }
    const tenant = await platform.db.withoutTenant((tx) => getTenant(tx, p.tenantId));
    return {
      kind: "staff" as const,
      displayName: p.displayName,
      tenant: { id: p.tenantId, name: tenant?.name ?? "", prefectureName: tenant?.prefecture_name ?? "" },
      roles: p.roles,
      csrfToken: p.csrfToken,
    };
  }

  app.post(
    "/api/session",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["identity"],
        summary:
          "Log in. Staff give their municipality's code; operators leave it out. With a temporary password (activation code, " +
          "one-time password) the answer is 403 password-change-required until newPassword is sent too, which replaces it.",
        body: Type.Object(
          {
            tenantId: Type.Optional(Type.String({ maxLength: 6, description: "全国地方公共団体コード; omit for a platform operator" })),
            loginId: Type.String({ minLength: 1, maxLength: 64 }),
            password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
            newPassword: Type.Optional(
              Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH, description: "the holder's own password, in place of a temporary one" }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: SessionView },
      },
    },
    async (req, reply) => {
      const { tenantId, loginId, password, newPassword } = req.body;
      let owner: { tenantId: string; staffId: string } | { operatorId: string };
      let limits = policy;
      try {
        if (tenantId !== undefined) {
          const bad = invalidCode("tenantId", tenantId);
          if (bad) throw bad;
          const tenant = await platform.db.withoutTenant((tx) => getTenant(tx, tenantId));
          if (!tenant || tenant.status !== "active") throw unknownTenant();
          owner = { tenantId, staffId: (await loginStaff(platform.db, tenantId, loginId, password, req.ip, newPassword)).id };
          limits = await sessionLimitsOf(platform, tenantId, policy);
        } else {
          owner = { operatorId: (await loginOperator(platform.db, loginId, password, req.ip)).id };
        }
      } catch (error) {
        if (error instanceof LoginThrottled) reply.header("retry-after", String(error.retryAfterSeconds));
        throw error;
      }
      const { token } = await createSession(platform.db, owner, limits);
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: "strict",
        secure: req.protocol === "https",
        path: "/",
        maxAge: limits.maxMinutes * 60,
      });
      const loaded = await loadSession(platform.db, token, policy);
      if (!loaded || !("principal" in loaded)) throw problems.unauthenticated();
      req.principal = loaded.principal;
      return sessionView(req);
    },
  );

  app.get(
    "/api/session",
    {
      config: { access: { authenticated: true } },
      schema: { tags: ["identity"], summary: "The current session: who, which municipality, which roles", response: { 200: SessionView } },
    },
    async (req) => sessionView(req),
  );

  app.delete(
    "/api/session",
    {
      config: { access: { authenticated: true } },
      schema: { tags: ["identity"], summary: "Log out", response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      const p = req.principal!;
      await endSession(platform.db, p.sessionHash);
      const record = (tx: Parameters<typeof appendAudit>[0]) => appendAudit(tx, { actor: actorOf(p), action: "identity.logout" });
      if (p.kind === "staff") await platform.db.withTenant(p.tenantId, record);
      else await platform.db.withOperatorRole(record);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/modules",
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ["identity"],
        summary: "Modules that roles are granted for (共通基盤 and each business module)",
        response: { 200: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) },
      },
    },
    async () => {
      const names = new Map(platform.areas.map((a) => [a.id, a.name]));
      return roleModules(platform).map((id) => ({ id, name: id === "platform" ? "共通基盤" : (names.get(id) ?? id) }));
    },
  );
}
