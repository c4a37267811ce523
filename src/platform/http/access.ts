// Access control, deny by default: every route declares `config.access`, and a route without
// one refuses to register. Checked before the handler runs, on every request.
import type { FastifyReply, FastifyRequest, RouteOptions } from "fastify";
import type { Role } from "../contract.ts";
import { hasRole, type Principal } from "../identity/principal.ts";
import { problems } from "./problem.ts";
import { checkInputText } from "./input-text.ts";
import { enforceRequestBounds } from "./schema-bounds.ts";

export type Access =
  | { public: true }
  | { authenticated: true }
  | { operator: true }
  | { module: string; role: Role };

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
    sessionExpired: boolean;
  }
}

export function describeAccess(access: Access): string {
  if ("public" in access) return "public";
  if ("authenticated" in access) return "any logged-in user";
  if ("operator" in access) return "platform operator";
  return `${access.module}:${access.role}`;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function checkAccess(req: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const access = req.routeOptions.config.access;
  if (!access) throw problems.forbidden("a declared access rule");
  if ("public" in access) return;
  const principal = req.principal;
  if (!principal) throw req.sessionExpired ? problems.sessionExpired() : problems.unauthenticated();
  if (!SAFE_METHODS.has(req.method) && req.headers["x-csrf-token"] !== principal.csrfToken) throw problems.csrf();
  if ("authenticated" in access) return;
  if ("operator" in access) {
    if (principal.kind !== "operator") throw problems.forbidden(describeAccess(access));
    return;
  }
  if (principal.kind !== "staff" || !hasRole(principal.roles[access.module], access.role)) {
    throw problems.forbidden(describeAccess(access));
  }
}

/** The staff principal of a request whose route requires a module role. */
export function staffOf(req: FastifyRequest): Extract<Principal, { kind: "staff" }> {
  const p = req.principal;
  if (!p || p.kind !== "staff") throw problems.forbidden("a staff account");
  return p;
}

export function operatorOf(req: FastifyRequest): Extract<Principal, { kind: "operator" }> {
  const p = req.principal;
  if (!p || p.kind !== "operator") throw problems.forbidden("a platform operator");
  return p;
}

/**
 * The onRoute hook of the application: a route without `config.access` does not register,
 * and every route checks access first — before validation, so an anonymous caller learns
 * nothing of the schema — then the text of every parameter and body field (input-text.ts). The API docs (/docs) and the static web files are public.
 */
export function enforceAccessRule(route: RouteOptions): void {
  const url = route.url;
  if (url.startsWith("/docs") || url === "/*") return;
  if (!route.config?.access) throw new Error(`route ${String(route.method)} ${url} declares no access rule`);
  enforceRequestBounds(route);
  const own = route.preValidation;
  route.preValidation = [checkAccess, checkInputText, ...(Array.isArray(own) ? own : own ? [own] : [])];
}
