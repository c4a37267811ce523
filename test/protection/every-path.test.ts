// 支援措置 over every path that can reveal a person, walked from what the platform has registered —
// not from a list kept by hand — so a module added later is walked too, and one that forgets the
// check fails here:
//   - every GET route in the OpenAPI document, called by staff with every role but 支援措置's;
//   - every certificate kind, with its default options and each option varied in turn;
//   - every standard layout, exported for a third party and for a migration;
//   - every event the town's history wrote to the outbox.
// The protected household lives at SECRET and is moving to SECRET_NEXT; neither may appear, and
// where an address is masked it reads 「住所（支援措置により非表示）」 once — its 郵便番号 and 方書
// come as null — so no screen that joins 〒, 住所 and 方書 can repeat the mask (maskedTwice).
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TSchema } from "@sinclair/typebox";
import { TOWN_A, addOperator, PASSWORD } from "../support/fixtures.ts";
import { login, type Session } from "../support/http.ts";
import { certificateKinds } from "../../src/platform/documents/certificate.ts";
import { catalogOf } from "../../src/platform/layouts/catalog.ts";
import { exportLayoutTo, type ExportAudience } from "../../src/platform/layouts/export.ts";
import { personalKeyIn } from "../../src/platform/protection/personal-keys.ts";
import { maskedTwice } from "./masked-outputs.ts";
import { MASKED } from "../../src/platform/protection/response-guard.ts";
import { createProtectionTown, PURPOSE, SECRET, SECRET_NEXT, type ProtectionTown } from "./protection-fixture.ts";

let town: ProtectionTown;
let operator: Session;
beforeAll(async () => {
  town = await createProtectionTown();
  await addOperator(town.t.db);
  operator = await login(town.app, "ops", PASSWORD);
}, 120_000);
afterAll(() => town.t.close());

const SECRETS = [SECRET.address, SECRET.addressLine2, SECRET_NEXT.address];

function revealsSecret(text: string): string | undefined {
  return SECRETS.find((s) => text.includes(s));
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; required?: boolean }[];
}

/** Values to try for a path parameter, by name; a route with a name not here fails the walk. */
function pathCandidates(t: ProtectionTown, layoutIds: string[], serials: string[]): Record<string, string[]> {
  return {
    id: [t.victimPersonId, t.childPersonId, t.victimHouseholdId, t.measureId, ...layoutIds],
    number: [t.victim, t.child],
    serial: serials,
    kind: [...certificateKinds(t.t.platform.areas).keys()],
    name: [],
    mailingId: [],
    mergeId: [],
    runId: [],
    deliveryId: [],
    key: [],
    tenantId: [TOWN_A.id],
    jobName: [],
    // A postal code (/api/address/postal/{code}) and a verification code (/verify/{code}): neither names a person.
    code: ["2400112"],
  };
}

/** Query values to try, by parameter name: names and numbers that find the protected household. */
function queryFor(t: ProtectionTown, parameters: { in: string; name: string }[]): string {
  const table: Record<string, string> = {
    q: "スズキ",
    name: "鈴木",
    kana: "スズキ",
    number: t.victim,
    addresseeNumber: t.victim,
    householdId: t.victimHouseholdId,
    includeRemoved: "true",
    status: "all",
  };
  const pairs = parameters.filter((p) => p.in === "query" && p.name in table).map((p) => `${p.name}=${encodeURIComponent(table[p.name]!)}`);
  return pairs.length ? `?${pairs.join("&")}` : "";
}

function expand(path: string, candidates: Record<string, string[]>): string[] {
  const names = [...path.matchAll(/\{(\w+)\}|:(\w+)/g)].map((m) => m[1] ?? m[2]!);
  let urls = [path];
  for (const name of names) {
    const values = candidates[name];
    if (!values) throw new Error(`the walk has no values for path parameter ${name} (${path}): add them to pathCandidates`);
    urls = urls.flatMap((u) => values.map((v) => u.replace(new RegExp(`\\{${name}\\}|:${name}`), encodeURIComponent(v))));
  }
  return urls;
}

/** Every object naming a protected person carries the warning. */
function unmarkedProtected(body: unknown, protectedNumbers: Set<string>): string | null {
  if (Array.isArray(body)) {
    for (const item of body) {
      const found = unmarkedProtected(item, protectedNumbers);
      if (found) return found;
    }
  } else if (body !== null && typeof body === "object") {
    const node = body as Record<string, unknown>;
    for (const key of ["addresseeNumber", "number"]) {
      const value = node[key];
      if (typeof value === "string" && /^\d{1,15}$/.test(value) && protectedNumbers.has(value.padStart(15, "0")) && !node.protection) return value;
    }
    for (const value of Object.values(node)) {
      const found = unmarkedProtected(value, protectedNumbers);
      if (found) return found;
    }
  }
  return null;
}

describe("every GET route", () => {
  it("never shows where the protected household lives, and marks every protected person it shows", async () => {
    const openapi = town.app.swagger() as { paths: Record<string, Record<string, OpenApiOperation>> };
    const serials = (await town.t.db.owner.query("SELECT serial FROM certificate_issue WHERE tenant_id = $1", [TOWN_A.id])).rows.map(
      (r) => r.serial as string,
    );
    const candidates = pathCandidates(town, catalogOf(town.t.platform).layouts.map((l) => l.definition.id), serials);
    const protectedNumbers = new Set([town.victim, town.child, town.tanakaWife]);
    const walked: string[] = [];
    const answered = new Set<string>();
    const masked = new Set<string>();
    for (const [path, operations] of Object.entries(openapi.paths)) {
      const get = operations.get;
      if (!get || !path.startsWith("/api/")) continue;
      const session = path.startsWith("/api/operator") ? operator : town.sessions.all;
      for (const url of expand(path, candidates)) {
        const response = await session.request({ method: "GET", url: `${url}${queryFor(town, get.parameters ?? [])}`, headers: PURPOSE });
        walked.push(url);
        if (response.statusCode !== 200) continue;
        answered.add(path);
        expect(revealsSecret(response.body), `${url} shows the protected address`).toBeUndefined();
        if (response.body.includes(MASKED)) masked.add(path);
        if (String(response.headers["content-type"]).startsWith("application/json")) {
          expect(unmarkedProtected(response.json(), protectedNumbers), `${url} shows a protected person unmarked`).toBeNull();
          expect(maskedTwice(response.json()), `${url} repeats the mask within one address`).toBeNull();
        }
      }
    }
    // The walk reached the paths that show persons: search, person, household, addressee views.
    for (const path of ["/api/resident/persons", "/api/resident/persons/{id}", "/api/addressees/{number}", "/api/addressees"]) {
      expect([...answered], `${path} was never answered`).toContain(path);
    }
    expect(walked.length).toBeGreaterThan(30);
    expect(masked.size, "the walk met masked addresses").toBeGreaterThan(0);
  }, 120_000);
});

/** The default options, then each option of the schema varied alone: booleans on, each enum value, arrays of one. */
function optionVariants(schema: TSchema, protectedNumber: string): Record<string, unknown>[] {
  const variants: Record<string, unknown>[] = [{}];
  const properties = (schema as { properties?: Record<string, TSchema> }).properties ?? {};
  for (const [name, property] of Object.entries(properties)) {
    const p = property as TSchema & { type?: string; anyOf?: { const?: unknown }[]; enum?: unknown[]; items?: TSchema };
    if (p.type === "boolean") variants.push({ [name]: true });
    for (const value of [...(p.anyOf ?? []).map((a) => a.const), ...(p.enum ?? [])]) if (value !== undefined) variants.push({ [name]: value });
    if (p.type === "array") {
      const items = p.items as TSchema & { anyOf?: { const?: unknown }[]; enum?: unknown[]; type?: string };
      const values = [...(items?.anyOf ?? []).map((a) => a.const), ...(items?.enum ?? [])].filter((v) => v !== undefined);
      variants.push({ [name]: values.length ? values : [protectedNumber] });
      if (!values.length) variants.push({ [name]: [protectedNumber], scope: "chosen" });
    }
  }
  return variants;
}

describe("every certificate kind", () => {
  it("refuses a protected subject under every option, and never prints a protected member for an unprotected subject", async () => {
    const kinds = [...certificateKinds(town.t.platform.areas).values()];
    expect(kinds.length).toBeGreaterThanOrEqual(3);
    for (const kind of kinds) {
      for (const options of optionVariants(kind.optionsSchema, town.tanakaWife)) {
        for (const action of ["issue", "preview"]) {
          for (const subject of [town.victim, town.child, town.tanakaWife]) {
            const response = await town.sessions.all.request({
              method: "POST",
              url: `/api/certificates/${kind.id}/${action}`,
              payload: { subjectId: `addressee:${subject}`, options, purpose: "確認", requesterKind: "self" },
            });
            expect(response.statusCode, `${kind.id} ${action} ${JSON.stringify(options)}`).not.toBe(200);
            if (response.statusCode === 403) expect(response.json().code).toMatch(/^protection\./);
          }
          // 田中 誠 is not protected; his wife is. A document that prints her must be refused.
          const response = await town.sessions.all.request({
            method: "POST",
            url: `/api/certificates/${kind.id}/${action}`,
            payload: { subjectId: `addressee:${town.tanaka}`, options, purpose: "確認", requesterKind: "self" },
          });
          if (response.statusCode === 200) {
            const text = execFileSync("pdftotext", ["-", "-"], { input: response.rawPayload }).toString();
            expect(text, `${kind.id} ${action} ${JSON.stringify(options)} printed a protected person`).not.toContain("幸子");
          }
        }
      }
    }
  }, 180_000);
});

describe("every certificate kind, every requester kind and channel", () => {
  it("lets a protected person's certificate through only to 本人等 at the counter on a recorded 本人確認", async () => {
    const requesterKinds = ["self", "same-household", "agent", "third-party", "official"];
    const channels = ["counter", "mail", "convenience-store", "wide-area"];
    let issued = 0;
    for (const kind of certificateKinds(town.t.platform.areas).values()) {
      for (const requesterKind of requesterKinds) {
        for (const channel of channels) {
          for (const identityCheck of channel === "counter" ? [undefined, { document: "passport", checked: true }] : [undefined]) {
            const response = await town.sessions.all.request({
              method: "POST",
              url: `/api/certificates/${kind.id}/preview`,
              payload: { subjectId: `addressee:${town.victim}`, purpose: "確認", requesterKind, channel, ...(identityCheck ? { identityCheck } : {}) },
            });
            const label = `${kind.id} ${requesterKind} ${channel} ${identityCheck ? "ID" : "no ID"}`;
            const own = requesterKind === "self" || requesterKind === "same-household";
            if (own && channel === "counter" && identityCheck) {
              // Allowed by 支援措置; the kind may still refuse for its own reasons (e.g. no 転出 to certify).
              if (response.statusCode === 403) expect(response.json().code, label).not.toMatch(/^protection\./);
              if (response.statusCode === 200) issued++;
            } else {
              expect(response.statusCode, label).toBe(403);
              expect(response.json().code, label).toMatch(/^protection\./);
            }
          }
        }
      }
    }
    expect(issued, "a protected person's own certificate was never let through").toBeGreaterThan(0);
  }, 180_000);
});

describe("every standard layout", () => {
  async function exported(layoutId: string, audience: ExportAudience): Promise<string> {
    const chunks: Buffer[] = [];
    await exportLayoutTo(town.t.platform, TOWN_A.id, layoutId, async (chunk) => void chunks.push(chunk), { encoding: "utf-8", audience });
    return Buffer.concat(chunks).toString("utf-8");
  }

  it("withholds the protected persons' rows from a third party and keeps them for a migration", async () => {
    const layouts = catalogOf(town.t.platform).layouts;
    expect(layouts.length).toBeGreaterThanOrEqual(3);
    for (const { definition } of layouts) {
      const thirdParty = await exported(definition.id, "third-party");
      expect(revealsSecret(thirdParty), `${definition.id} for a third party`).toBeUndefined();
      expect(thirdParty).not.toContain(town.victim);
      const migration = await exported(definition.id, "migration");
      if (definition.personColumn !== null && migration.includes(town.adversary)) expect(migration).toContain(town.victim);
    }
  });
});

describe("every event in the outbox", () => {
  it("carries ids only: no key naming a person or an address, and no protected address in any value", async () => {
    const events = (await town.t.db.owner.query("SELECT type, payload FROM event_outbox WHERE tenant_id = $1", [TOWN_A.id])).rows;
    expect(new Set(events.map((e) => e.type as string)).size).toBeGreaterThanOrEqual(3);
    for (const event of events) {
      expect(personalKeyIn(event.payload), event.type as string).toBeNull();
      expect(revealsSecret(JSON.stringify(event.payload)), event.type as string).toBeUndefined();
    }
  });

  it("a module cannot publish a payload that says where someone lives", async () => {
    await expect(
      town.t.db.withTenant(TOWN_A.id, (tx) =>
        town.t.platform.events.publish(tx, { type: "test.leak", subject: `addressee:${town.victim}`, payload: { newAddress: SECRET.address } }),
      ),
    ).rejects.toThrow(/never names or addresses/);
  });
});
