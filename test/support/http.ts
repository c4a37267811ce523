// Logging in through the real HTTP API with app.inject, for route tests.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { expect } from "vitest";

export interface Session {
  cookie: string;
  csrfToken: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function login(app: FastifyInstance, loginId: string, password: string, tenantId?: string): Promise<Session> {
  const response = await app.inject({
    method: "POST",
    url: "/api/session",
    payload: tenantId ? { tenantId, loginId, password } : { loginId, password },
  });
  expect(response.statusCode, response.body).toBe(200);
  const setCookie = response.headers["set-cookie"];
  const cookie = String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(";")[0]!;
  const csrfToken = response.json().csrfToken as string;
  return {
    cookie,
    csrfToken,
    request: (options) =>
      app.inject({ ...options, headers: { cookie, "x-csrf-token": csrfToken, ...(options.headers ?? {}) } } as InjectOptions),
  };
}
