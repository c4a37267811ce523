// 職員アカウントの管理 over HTTP (ADR 0020): the municipality's administrator lists, creates,
// changes the roles of, disables, enables and resets the password of its accounts; staff change
// their own password; the operator names a municipality's first (or last) administrator. The
// rules live in account-lifecycle.ts; this file validates the edge and picks the transaction.
import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { roleModules, type Platform, type Role } from "../contract.ts";
import { operatorOf, staffOf } from "../http/access.ts";
import { problems } from "../http/problem.ts";
import { withOperator } from "../audit/operator.ts";
import { getTenant, invalidCode, unknownTenant } from "../tenancy/tenants.ts";
import { actorOf, type Principal } from "./principal.ts";
import { RolesByModule, StaffView } from "./account-schemas.ts";
import {
  changeOwnPassword,
  changeRoles,
  createAccount,
  disableAccount,
  enableAccount,
  issueAdministrator,
  resetPassword,
  type AccountActor,
  type AdministratorKind,
  type IssuedPassword,
} from "./account-lifecycle.ts";
import { getStaff, listStaff } from "./staff.ts";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-policy.ts";
import { TEMPORARY_PASSWORD_HOURS } from "./temporary-password.ts";
import type { SessionPolicy } from "./session.ts";
import { sessionLimitsOf } from "./session-limits.ts";

/** Printable text: no control characters (PostgreSQL refuses NUL; none belongs in a name or a reason). */
const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, pattern: "^[^\\u0000-\\u001f\\u007f]+$", ...(description ? { description } : {}) });

export const LOGIN_ID_PATTERN = "^[a-z0-9._-]{3,64}$";
const LoginId = Type.String({ pattern: LOGIN_ID_PATTERN, maxLength: 64 });
const Reason = Text(500, "why (recorded in the audit log)");
const ById = Type.Object({ id: Type.String({ format: "uuid" }) });

const Issued = Type.Object({
  account: StaffView,
  temporaryPassword: Type.String({ description: "shown once: hand it to the holder out of band; it is stored only as a hash" }),
  expiresAt: Type.String({ format: "date-time" }),
});

export const AdministratorRequest = Type.Object(
  {
    loginId: LoginId,
    displayName: Text(64),
    kind: Type.Optional(
      Type.Union([Type.Literal("platform"), Type.Literal("protection")], {
        description: "platform (default): 共通基盤 and every business 管理; protection: 支援措置 管理 only",
      }),
    ),
  },
  { additionalProperties: false },
);

function accountActor(p: Extract<Principal, { kind: "staff" }>): AccountActor {
  return { actor: actorOf(p), staffId: p.staffId, roles: p.roles };
}

/** Refuses roles of modules this platform does not have. */
function knownModules(platform: Platform, roles: Record<string, Role[]>): void {
  const known = new Set(roleModules(platform));
  const unknown = Object.keys(roles).filter((m) => !known.has(m));
  if (unknown.length) throw problems.invalid(unknown.map((m) => ({ field: `body/roles/${m}`, message: "unknown module" })));
}

/** Names a municipality's administrator (onboarding, or the operator's reset), in the town's chain and the platform's. */
export async function nameAdministrator(
  platform: Platform,
  operatorActor: string,
  tenantId: string,
  input: { loginId: string; displayName: string; kind?: AdministratorKind; reason: string },
): Promise<IssuedPassword> {
  const kind = input.kind ?? "platform";
  const issued = await platform.db.withTenant(
    tenantId,
    (tx) => issueAdministrator(tx, operatorActor, { ...input, kind }, roleModules(platform)),
    operatorActor,
  );
  await withOperator(
    platform.db,
    { actor: operatorActor, action: "identity.administrator-issued", subject: `tenant:${tenantId}`, detail: { staffId: issued.account.id, kind, reason: input.reason } },
    async () => {},
  );
  return issued;
}

export function accountRoutes(fastify: FastifyInstance, platform: Platform, policy: SessionPolicy): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const admin = { access: { module: "platform", role: "admin" as const } };

  app.get(
    "/api/staff",
    { config: admin, schema: { tags: ["identity"], summary: "Staff accounts of the municipality, disabled ones too (marked)", response: { 200: Type.Array(StaffView) } } },
    async (req) => {
      const me = staffOf(req);
      return platform.db.withTenant(me.tenantId, (tx) => listStaff(tx), actorOf(me));
    },
  );

  app.get(
    "/api/staff/:id",
    { config: admin, schema: { tags: ["identity"], summary: "One staff account", params: ById, response: { 200: StaffView } } },
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
      config: admin,
      schema: {
        tags: ["identity"],
        summary: "Create a staff account with roles and a one-time password, answered once (audited)",
        description:
          "Granting a module's roles needs that module's 管理; 支援措置 roles need 支援措置 管理 (403 grant-refused). " +
          "The holder sets a password of their own at the first log-in.",
        body: Type.Object(
          {
            loginId: LoginId,
            displayName: Text(64),
            // Kept for older clients: a password chosen by the administrator is not used; the holder sets one at first log-in.
            password: Type.Optional(Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH, deprecated: true })),
            roles: RolesByModule,
          },
          { additionalProperties: false },
        ),
        response: { 201: Issued },
      },
    },
    async (req, reply) => {
      const me = staffOf(req);
      knownModules(platform, req.body.roles);
      const { loginId, displayName, roles } = req.body;
      const issued = await platform.db.withTenant(me.tenantId, (tx) => createAccount(tx, accountActor(me), { loginId, displayName, roles }), actorOf(me));
      return reply.status(201).send(issued);
    },
  );

  app.put(
    "/api/staff/:id/roles",
    {
      config: admin,
      schema: {
        tags: ["identity"],
        summary: "Set an account's roles, with a reason (audited: roles granted and revoked)",
        params: ById,
        body: Type.Object({ roles: RolesByModule, reason: Reason }, { additionalProperties: false }),
        response: { 200: StaffView },
      },
    },
    async (req) => {
      const me = staffOf(req);
      knownModules(platform, req.body.roles);
      return platform.db.withTenant(me.tenantId, (tx) => changeRoles(tx, accountActor(me), req.params.id, req.body.roles, req.body.reason), actorOf(me));
    },
  );

  for (const [verb, change] of [
    ["disable", disableAccount],
    ["enable", enableAccount],
  ] as const) {
    app.post(
      `/api/staff/:id/${verb}`,
      {
        config: admin,
        schema: {
          tags: ["identity"],
          summary:
            verb === "disable"
              ? "Disable an account, with a reason: it can no longer log in, its sessions end, it stays listed (audited)"
              : "Enable a disabled account again, with a reason; needs the right to grant each of its roles (audited)",
          params: ById,
          body: Type.Object({ reason: Reason }, { additionalProperties: false }),
          response: { 200: StaffView },
        },
      },
      async (req) => {
        const me = staffOf(req);
        return platform.db.withTenant(me.tenantId, (tx) => change(tx, accountActor(me), req.params.id, req.body.reason), actorOf(me));
      },
    );
  }

  app.post(
    "/api/staff/:id/password-reset",
    {
      config: admin,
      schema: {
        tags: ["identity"],
        summary: `A one-time password for the account, answered once, valid ${TEMPORARY_PASSWORD_HOURS["one-time"]} hours and replaced at the next log-in; its sessions end (audited)`,
        params: ById,
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: { 201: Issued },
      },
    },
    async (req, reply) => {
      const me = staffOf(req);
      const issued = await platform.db.withTenant(me.tenantId, (tx) => resetPassword(tx, accountActor(me), req.params.id, req.body.reason), actorOf(me));
      return reply.status(201).send(issued);
    },
  );

  app.put(
    "/api/session/password",
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ["identity"],
        summary: "Change one's own password (staff; audited). The new one must pass the password rules.",
        body: Type.Object(
          {
            currentPassword: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
            newPassword: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      const me = staffOf(req);
      await platform.db.withTenant(me.tenantId, (tx) => changeOwnPassword(tx, me.staffId, req.body.currentPassword, req.body.newPassword), actorOf(me));
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/account-policy",
    {
      config: admin,
      schema: {
        tags: ["identity"],
        summary: "The rules accounts live by in this municipality: password rules, temporary passwords, session limits",
        response: {
          200: Type.Object({
            password: Type.Object({ minLength: Type.Integer(), maxLength: Type.Integer(), rules: Type.Array(Type.String()) }),
            temporaryPasswordHours: Type.Object({ activation: Type.Integer(), oneTime: Type.Integer() }),
            session: Type.Object({
              idleMinutes: Type.Integer(),
              maxMinutes: Type.Integer(),
              platformIdleMinutes: Type.Integer({ description: "KYODO_SESSION_IDLE_MINUTES: no municipality's setting goes past it" }),
              platformMaxMinutes: Type.Integer({ description: "KYODO_SESSION_MAX_MINUTES" }),
            }),
          }),
        },
      },
    },
    async (req) => {
      const me = staffOf(req);
      const limits = await sessionLimitsOf(platform, me.tenantId, policy);
      return {
        password: {
          minLength: MIN_PASSWORD_LENGTH,
          maxLength: MAX_PASSWORD_LENGTH,
          rules: ["length", "not-repetitive", "not-sequential", "not-common-or-breached", "no-context-words"],
        },
        temporaryPasswordHours: { activation: TEMPORARY_PASSWORD_HOURS.activation, oneTime: TEMPORARY_PASSWORD_HOURS["one-time"] },
        session: { ...limits, platformIdleMinutes: policy.idleMinutes, platformMaxMinutes: policy.maxMinutes },
      };
    },
  );

  app.post(
    "/api/operator/tenants/:id/administrators",
    {
      config: { access: { operator: true } },
      schema: {
        tags: ["identity"],
        summary: "Name a municipality's administrator with an activation code, answered once (operator; audited in both chains)",
        description:
          "For a municipality that has no active administrator of that kind: a new account, or the last administrator's " +
          "account enabled again with a new activation code (409 administrator-exists otherwise). The operator never sees a password.",
        params: Type.Object({ id: Type.String({ maxLength: 6, description: "全国地方公共団体コード" }) }),
        body: Type.Object({ ...AdministratorRequest.properties, reason: Reason }, { additionalProperties: false }),
        response: { 201: Issued },
      },
    },
    async (req, reply) => {
      const actor = actorOf(operatorOf(req));
      const bad = invalidCode("id", req.params.id);
      if (bad) throw bad;
      const tenant = await platform.db.withoutTenant((tx) => getTenant(tx, req.params.id));
      if (!tenant) throw unknownTenant();
      return reply.status(201).send(await nameAdministrator(platform, actor, req.params.id, req.body));
    },
  );
}
