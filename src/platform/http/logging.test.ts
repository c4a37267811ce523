// No personal data in logs: requests that carry names and addresses — in the query string, in a
// body that is refused, in a body that succeeds — leave log lines with ids, paths and statuses only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PassThrough } from "node:stream";
import type { FastifyInstance } from "fastify";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addStaff, addTenants, PASSWORD, TOWN_A } from "../../../test/support/fixtures.ts";
import { login } from "../../../test/support/http.ts";
import { buildApp } from "./app.ts";

const NAME = "髙橋 花子";
const KANA = "タカハシ ハナコ";
const ADDRESS = "神奈川県三浦郡葉山町一色1234番地";
const PURPOSE = { "x-kyodo-purpose": encodeURIComponent("窓口での本人確認") };

let t: TestPlatform;
let app: FastifyInstance;
let logged = "";

beforeAll(async () => {
  t = await createTestPlatform();
  await addTenants(t.db);
  await addStaff(t.db, TOWN_A.id, "clerk", { platform: ["read"], addressee: ["write"] });
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => (logged += chunk.toString("utf8")));
  app = await buildApp(t.platform, {
    sessionPolicy: { idleMinutes: 30, maxMinutes: 600 },
    logLevel: "info",
    version: "test",
    logStream: stream,
  });
});
afterAll(async () => {
  await app.close();
  await t.close();
});

describe("structured logs carry no personal data", () => {
  it("logs request ids, methods, paths and statuses — never names, addresses or query strings", async () => {
    const clerk = await login(app, "clerk", PASSWORD, TOWN_A.id);
    const person = { kind: "person", name: NAME, nameKana: KANA, birthDate: "1980-02-29", address: ADDRESS, knownAs: "landowner" };
    const refused = await clerk.request({ method: "POST", url: "/api/addressees", payload: { ...person, birthDate: "2999-01-01" } });
    expect(refused.statusCode).toBe(400);
    const created = await clerk.request({ method: "POST", url: "/api/addressees", payload: person });
    expect(created.statusCode, created.body).toBe(201);
    const found = await clerk.request({ method: "GET", url: `/api/addressees?name=${encodeURIComponent(NAME)}`, headers: PURPOSE });
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain("髙橋");

    const lines = logged.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = lines.filter((l) => l.req);
    expect(requests.length).toBeGreaterThanOrEqual(4);
    expect(requests.every((l) => typeof l.reqId === "string")).toBe(true);
    expect(requests.map((l) => (l.req as { path: string }).path)).toContain("/api/addressees");
    for (const secret of [NAME, "髙橋", KANA, ADDRESS, "1234番地", encodeURIComponent(NAME), "name=", PASSWORD]) {
      expect(logged, secret).not.toContain(secret);
    }
  });
});
