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
import { createSession, endSession, loadSession, SESSION_COOKIE, type SessionPolicy } from "./session.ts";
import { createStaff, getStaff, listStaff } from "./staff.ts";
import { appendAudit } from "../audit/audit-log.ts";

const RoleSchema = Type.Union([Type.Literal("read"), Type.Literal("write"), Type.Literal("issue"), Type.Literal("admin")]);
const RolesByModule = Type.Record(Type.String(), Type.Array(RoleSchema));

const SessionView = Type.Object({
  kind: Type.Union([Type.Literal("staff"), Type.Literal("operator")]),
  displayName: Type.String(),
  tenant: Type.Union([Type.Object({ id: Type.String(), name: Type.String(), prefectureName: Type.String() }), Type.Null()]),
  roles: RolesByModule,
  csrfToken: Type.String(),
});

const StaffView = Type.Object({
  id: Type.String({ format: "uuid" }),
  loginId: Type.String(),
  displayName: Type.String(),
  roles: RolesByModule,
  locked: Type.Boolean({ description: "log-ins are held back from sources this account has not logged in from" }),
});

export function identityRoutes(fastify: FastifyInstance, platform: Platform, policy: SessionPolicy): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  throttleRoutes(fastify, platform);

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
        summary: "Log in. Staff give their municipality's code; operators leave it out.",
        body: Type.Object(
          {
            tenantId: Type.Optional(Type.String({ maxLength: 12, description: "全国地方公共団体コード; omit for a platform operator" })),
            loginId: Type.String({ minLength: 1, maxLength: 64 }),
            password: Type.String({ minLength: 1, maxLength: 256 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: SessionView },
      },
    },
    async (req, reply) => {
      const { tenantId, loginId, password } = req.body;
      let owner: { tenantId: string; staffId: string } | { operatorId: string };
      try {
        if (tenantId !== undefined) {
          const bad = invalidCode("tenantId", tenantId);
          if (bad) throw bad;
          const tenant = await platform.db.withoutTenant((tx) => getTenant(tx, tenantId));
          if (!tenant || tenant.status !== "active") throw unknownTenant();
          owner = { tenantId, staffId: (await loginStaff(platform.db, tenantId, loginId, password, req.ip)).id };
        } else {
          owner = { operatorId: (await loginOperator(platform.db, loginId, password, req.ip)).id };
        }
      } catch (error) {
        if (error instanceof LoginThrottled) reply.header("retry-after", String(error.retryAfterSeconds));
        throw error;
      }
      const { token } = await createSession(platform.db, owner, policy);
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: "strict",
        secure: req.protocol === "https",
        path: "/",
        maxAge: policy.maxMinutes * 60,
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

  app.get(
    "/api/staff",
    {
      config: { access: { module: "platform", role: "admin" } },
      schema: { tags: ["identity"], summary: "Staff accounts of the municipality", response: { 200: Type.Array(StaffView) } },
    },
    async (req) => {
      const me = staffOf(req);
      return platform.db.withTenant(me.tenantId, (tx) => listStaff(tx), actorOf(me));
    },
  );

  app.get(
    "/api/staff/:id",
    {
      config: { access: { module: "platform", role: "admin" } },
      schema: {
        tags: ["identity"],
        summary: "One staff account",
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        response: { 200: StaffView },
      },
    },
    async (req) => {
      const me = staffOf(req);
      const staff = await platform.db.withTenant(me.tenantId, (tx) => getStaff(tx, req.params.id), actorOf(me));
      if (!staff) throw problems.notFound("staff account");
      return staff;
    },
  );

  app.post(
    "/api/staff",
    {
      config: { access: { module: "platform", role: "admin" } },
      schema: {
        tags: ["identity"],
        summary: "Create a staff account with roles",
        body: Type.Object(
          {
            loginId: Type.String({ pattern: "^[a-z0-9._-]{3,64}$" }),
            displayName: Type.String({ minLength: 1, maxLength: 64 }),
            password: Type.String({ minLength: 12, maxLength: 256 }),
            roles: RolesByModule,
          },
          { additionalProperties: false },
        ),
        response: { 201: StaffView },
      },
    },
    async (req, reply) => {
      const me = staffOf(req);
      const known = new Set(roleModules(platform));
      const unknown = Object.keys(req.body.roles).filter((m) => !known.has(m));
      if (unknown.length) {
        throw problems.invalid(unknown.map((m) => ({ field: `body/roles/${m}`, message: "unknown module" })));
      }
      const created = await platform.db.withTenant(
        me.tenantId,
        async (tx) => {
          const staff = await createStaff(tx, req.body);
          await appendAudit(tx, { actor: actorOf(me), action: "identity.staff-created", subject: `staff:${staff.id}` });
          return staff;
        },
        actorOf(me),
      );
      return reply.status(201).send(created);
    },
  );
}

