// Hostile input over every route, walked from the OpenAPI document — not from a list kept by
// hand — so a route added later is walked too. For each operation, fast-check generates path
// parameters, query strings, the purpose header and JSON bodies that are mostly valid with hostile
// values at any leaf (NUL, unpaired surrogates, numbers past every column, formulas, deep
// nesting), sent by staff holding every role of every module (and by an operator for the
// operator's routes). No answer may be a 5xx, and the audit chains must verify afterwards.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import { addOperator, addStaff, PASSWORD, TOWN_A, TOWN_B } from "../support/fixtures.ts";
import { login, type Session } from "../support/http.ts";
import {
  deeplyNestedJson,
  HOSTILE_STRINGS,
  leafPaths,
  schemaArbitrary,
  validArbitrary,
  withValueAt,
  type JsonSchema,
} from "../support/schema-arbitrary.ts";
import { createProtectionTown, type ProtectionTown } from "../protection/protection-fixture.ts";
import { roleModules, ROLES } from "../../src/platform/contract.ts";
import { verifyAuditLog } from "../../src/platform/audit/audit-log.ts";
import { catalogOf } from "../../src/platform/layouts/catalog.ts";
import { certificateKinds } from "../../src/platform/documents/certificate.ts";

const RUNS_PER_OPERATION = Number(process.env.KYODO_WALK_RUNS ?? 8);

interface Parameter {
  in: "path" | "query" | "header" | "cookie";
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

let town: ProtectionTown;
let staff: Session;
let operator: Session;

async function staffSession() {
  return login(town.app, "walker", PASSWORD, TOWN_A.id);
}

beforeAll(async () => {
  town = await createProtectionTown();
  const modules = roleModules(town.t.platform);
  await addStaff(town.t.db, TOWN_A.id, "walker", Object.fromEntries(modules.map((m) => [m, [...ROLES]])));
  await addOperator(town.t.db);
  staff = await staffSession();
  operator = await login(town.app, "ops", PASSWORD);
}, 120_000);
afterAll(() => town.t.close());

/** Real values for path parameters, by name, so that walks reach past the lookup; hostile ones are added. */
function realPathValues(): Record<string, string[]> {
  return {
    id: [town.victimPersonId, town.victimHouseholdId, town.measureId],
    number: [town.victim, town.tanaka],
    kind: [...certificateKinds(town.t.platform.areas).keys()],
    tenantId: [TOWN_A.id, TOWN_B.id],
    key: ["platform.mayorName"],
    layoutId: catalogOf(town.t.platform).layouts.map((l) => l.definition.id),
  };
}

const PURPOSES = [encodeURIComponent("窓口での確認"), "%00", "%ED%A0%80", "%E0%A4%A", "x".repeat(3000), encodeURIComponent("目的\u0007")];

/** Percent-encoding, or the bytes of a lone surrogate when the value holds one (encodeURIComponent refuses). */
function encode(value: unknown): string {
  const text = typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
  try {
    return encodeURIComponent(text);
  } catch {
    return "%ED%A0%80";
  }
}

function queryString(values: Record<string, unknown>): string {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) pairs.push(`${encode(name)}=${encode(item)}`);
  }
  return pairs.length ? `?${pairs.join("&")}` : "";
}

function requestArbitrary(path: string, operation: Operation) {
  const parameters = operation.parameters ?? [];
  const real = realPathValues();
  const pathParams = Object.fromEntries(
    [...path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, fc.constantFrom(...(real[m[1]!] ?? []), ...HOSTILE_STRINGS)]),
  );
  const queryModel = Object.fromEntries(parameters.filter((p) => p.in === "query").map((p) => [p.name, schemaArbitrary(p.schema ?? {})]));
  const hasPurpose = parameters.some((p) => p.in === "header" && p.name === "x-kyodo-purpose");
  const content = operation.requestBody?.content ?? {};
  const jsonSchema = content["application/json"]?.schema;
  const otherType = Object.keys(content).find((t) => t !== "application/json");
  const body: fc.Arbitrary<{ type: string; payload: string } | undefined> = jsonSchema
    ? fc.oneof(
        { weight: 12, arbitrary: schemaArbitrary(jsonSchema).map((v) => ({ type: "application/json", payload: JSON.stringify(v) ?? "null" })) },
        { weight: 1, arbitrary: fc.constant({ type: "application/json", payload: `{"options":${deeplyNestedJson(50_000)}}` }) },
      )
    : otherType
      ? fc.constantFrom(...HOSTILE_STRINGS.map((s) => ({ type: otherType, payload: s })))
      : fc.constant(undefined);
  return fc.record({
    path: fc.record(pathParams),
    query: fc.record(queryModel, { requiredKeys: [] }),
    purpose: hasPurpose ? fc.constantFrom(...PURPOSES) : fc.constant(undefined),
    body,
  });
}

async function send(method: string, url: string, headers: Record<string, string>, body?: { type: string; payload: string }) {
  const asOperator = url.startsWith("/api/operator");
  const session = asOperator ? operator : staff;
  const options = {
    method: method.toUpperCase() as "GET",
    url,
    headers: { ...headers, ...(body ? { "content-type": body.type } : {}) },
    ...(body ? { payload: body.payload } : {}),
  };
  let response: LightMyRequestResponse = await session.request(options);
  if (response.statusCode === 401) {
    // A walked route may have ended the session (log-out): log in again and retry once.
    if (asOperator) operator = await login(town.app, "ops", PASSWORD);
    else staff = await staffSession();
    response = await (asOperator ? operator : staff).request(options);
  }
  return response;
}

/** Sent at each parameter and body field in turn, the rest of the request valid. */
const TARGETED: unknown[] = ["a\u0000b", "検査\ud800太郎", "ベル\u0007", "999999999999999999999999", 1e24, -1, {}, "=cmd|' /C calc'!A0"];
const DEEP = "\u0000deep";

interface Slot {
  in: "path" | "query" | "header" | "body";
  path: (string | number)[];
}

function slotsOf(path: string, operation: Operation): Slot[] {
  const slots: Slot[] = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ in: "path", path: [m[1]!] }));
  for (const p of operation.parameters ?? []) if (p.in === "query" || p.in === "header") slots.push({ in: p.in, path: [p.name] });
  const body = operation.requestBody?.content?.["application/json"]?.schema;
  if (body) {
    // Each field name once (a union of 12 kinds repeats familyName in every kind and person).
    const names = new Set<string>();
    const fields = leafPaths(body).filter((p) => {
      const name = String(p.filter((k) => typeof k === "string").at(-1));
      return !names.has(name) && names.add(name);
    });
    slots.push({ in: "body", path: [] }, ...fields.map((p) => ({ in: "body" as const, path: p })));
  }
  return slots;
}

type WalkInput = { path: Record<string, unknown>; query: Record<string, unknown>; purpose: string | undefined; body: { type: string; payload: string } | undefined };

/** A few mostly-valid requests for the operation, generated once (sampling a large union is slow). */
function baselines(path: string, operation: Operation, seed: number): WalkInput[] {
  const real = realPathValues();
  const parameters = operation.parameters ?? [];
  const jsonSchema = operation.requestBody?.content?.["application/json"]?.schema;
  const arbitrary = fc.record({
    path: fc.record(Object.fromEntries([...path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, fc.constantFrom(...(real[m[1]!] ?? ["1"]))]))),
    query: fc.record(
      Object.fromEntries(parameters.filter((p) => p.in === "query").map((p) => [p.name, validArbitrary(p.schema ?? {})])),
      { requiredKeys: parameters.filter((p) => p.in === "query" && p.required).map((p) => p.name) },
    ),
    purpose: fc.constant(parameters.some((p) => p.in === "header" && p.name === "x-kyodo-purpose") ? PURPOSES[0] : undefined),
    body: jsonSchema ? validArbitrary(jsonSchema).map((v) => ({ type: "application/json", payload: JSON.stringify(v) ?? "null" })) : fc.constant(undefined),
  });
  return fc.sample(arbitrary, { numRuns: 3, seed });
}

function withHostile(input: WalkInput, slot: Slot, value: unknown): WalkInput {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  switch (slot.in) {
    case "path":
      return { ...input, path: { ...input.path, [slot.path[0]!]: text } };
    case "query":
      return { ...input, query: { ...input.query, [slot.path[0]!]: text } };
    case "header":
      return { ...input, purpose: typeof value === "string" ? encode(value) : text };
    case "body": {
      const parsed: unknown = input.body ? JSON.parse(input.body.payload) : {};
      const payload = JSON.stringify(withValueAt(parsed, slot.path, value)).replace(JSON.stringify(DEEP), deeplyNestedJson(50_000));
      return { ...input, body: { type: "application/json", payload } };
    }
  }
}

async function walk(method: string, path: string, input: WalkInput) {
  const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => encode(input.path[name])) + queryString(input.query);
  const headers: Record<string, string> = input.purpose ? { "x-kyodo-purpose": input.purpose } : {};
  const response = await send(method, url, headers, input.body);
  statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
  if (response.statusCode >= 500) {
    throw new Error(`${method.toUpperCase()} ${url} → ${response.statusCode} ${response.body.slice(0, 200)} (body: ${input.body?.payload.slice(0, 200)})`);
  }
}

const statuses = new Map<number, number>();

function operationsOf(): [string, string, Operation][] {
  const openapi = town.app.swagger() as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(openapi.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod)
      .filter(([method]) => ["get", "post", "put", "patch", "delete"].includes(method))
      .map(([method, operation]) => [method, path, operation] as [string, string, Operation]),
  );
}

describe("every route, hostile input", () => {
  it("a hostile value at each parameter and body field in turn never gives a 5xx", async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const [i, [method, path, operation]] of operationsOf().entries()) {
      const began = Date.now();
      const valid = baselines(path, operation, 20261207 + i);
      for (const [j, slot] of slotsOf(path, operation).entries()) {
        const values = slot.in === "body" ? [...TARGETED, DEEP] : slot.in === "header" ? PURPOSES.slice(1) : TARGETED;
        for (const value of values) {
          sent++;
          try {
            await walk(method, path, withHostile(valid[j % valid.length]!, slot, value));
          } catch (error) {
            failures.push(`${(error as Error).message}`);
          }
        }
      }
      if (process.env.KYODO_WALK_REPORT) console.info(`${method} ${path} ${Date.now() - began} ms`);
    }
    if (process.env.KYODO_WALK_REPORT) console.info(`${sent} targeted requests`);
    expect(failures, failures.join("\n")).toEqual([]);
    expect(sent).toBeGreaterThan(500);
  }, 600_000);

  it("random mixes of hostile values never give a 5xx", async () => {
    const failures: string[] = [];
    for (const [i, [method, path, operation]] of operationsOf().entries()) {
      const property = fc.asyncProperty(requestArbitrary(path, operation), (input) => walk(method, path, input));
      const result = await fc.check(property, { numRuns: RUNS_PER_OPERATION, seed: 20261207 + i, endOnFailure: true });
      if (result.failed) failures.push(`${method.toUpperCase()} ${path}: ${String(result.errorInstance)}`);
    }
    expect(failures, failures.join("\n")).toEqual([]);
  }, 600_000);

  it("leaves the audit chains intact after the walk", async () => {
    if (process.env.KYODO_WALK_REPORT) console.info([...statuses].sort());
    expect([...statuses.keys()].some((s) => s >= 200 && s < 300), "some walked requests succeed").toBe(true);
    const audit = await town.t.db.withOperatorRole((tx) => verifyAuditLog(tx));
    expect(audit.problem).toBeNull();
  });
});
