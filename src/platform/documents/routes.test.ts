import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addStaff, addTenants, PASSWORD, TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { login, type Session } from "../../../test/support/http.ts";
import { migrate } from "../db/migrate.ts";
import { allAreas } from "../start.ts";
import { loadConfig } from "../config.ts";
import { modules } from "../../main.ts";
import { documentsArea } from "./index.ts";
import { sampleCertificateArea, type SampleSubject } from "./sample-certificate.ts";

const SUBJECT = "addressee:000000000000201";
const NAME = "渡邉 葛\u{E0102}子";
const subjects = new Map<string, SampleSubject>([[SUBJECT, { name: NAME, address: "神奈川県三浦郡葉山町長柄1番地", birthDate: "2004-02-29" }]]);

let t: TestPlatform;
let app: FastifyInstance;
let clerkA: Session;
let readerA: Session;
let clerkB: Session;

function testAreas() {
  const wired = allAreas(loadConfig(), modules).some((a) => a.id === documentsArea.id);
  return [...(wired ? [] : [documentsArea]), sampleCertificateArea(subjects)];
}

beforeAll(async () => {
  t = await createTestPlatform(testAreas());
  await migrate(t.db.owner, [{ area: documentsArea.id, dir: documentsArea.migrations! }]);
  await addTenants(t.db);
  await addStaff(t.db, TOWN_A.id, "clerk-a", { sample: ["issue"] });
  await addStaff(t.db, TOWN_A.id, "reader-a", { sample: ["read"] });
  await addStaff(t.db, TOWN_B.id, "clerk-b", { sample: ["issue"] });
  app = await t.app();
  clerkA = await login(app, "clerk-a", PASSWORD, TOWN_A.id);
  readerA = await login(app, "reader-a", PASSWORD, TOWN_A.id);
  clerkB = await login(app, "clerk-b", PASSWORD, TOWN_B.id);
});
afterAll(() => t.close());

const body = (extra: Record<string, unknown> = {}) => ({ subjectId: SUBJECT, purpose: "児童手当の申請", requesterKind: "self", ...extra });

async function issue(session: Session) {
  return session.request({ method: "POST", url: "/api/certificates/sample.record/issue", payload: body() });
}

describe("GET /api/certificates/kinds", () => {
  it("lists the kinds with whether the caller may issue each, and the font with what it cannot render", async () => {
    const clerk = (await clerkA.request({ method: "GET", url: "/api/certificates/kinds" })).json();
    expect(clerk.font).toMatchObject({ id: "ipamj-mincho", name: "IPAmj明朝" });
    expect(clerk.font.cannotRender.length).toBeGreaterThan(0);
    expect(clerk.kinds.map((k: { id: string }) => k.id).filter((id: string) => id.startsWith("sample."))).toEqual(["sample.record", "sample.failing"]);
    type Kind = { id: string; canIssue: boolean; optionsSchema: { properties: { showBirthDate: { type: string } } } };
    const sample = (kinds: Kind[]) => kinds.find((k) => k.id === "sample.record")!;
    expect(sample(clerk.kinds)).toMatchObject({ name: "記録事項証明書", module: "sample", requiredRole: "issue", canIssue: true });
    expect(sample(clerk.kinds).optionsSchema.properties.showBirthDate.type).toBe("boolean");
    const reader = (await readerA.request({ method: "GET", url: "/api/certificates/kinds" })).json();
    expect(sample(reader.kinds).canIssue).toBe(false);
  });

  it("refuses an anonymous caller", async () => {
    const response = await app.inject({ method: "GET", url: "/api/certificates/kinds" });
    expect(response.statusCode).toBe(401);
  });
});

describe("POST /api/certificates/:kind/issue and /preview", () => {
  it("answers the PDF itself, with its serial, font and SHA-256 in headers", async () => {
    const response = await issue(clerkA);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["cache-control"]).toBe("no-store");
    const serial = response.headers["x-kyodo-certificate-serial"] as string;
    expect(serial).toMatch(/^\d{4}-000001$/);
    expect(response.headers["content-disposition"]).toBe(`inline; filename="${serial}.pdf"`);
    expect(response.headers["x-kyodo-pdf-font"]).toBe("ipamj-mincho");
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(response.headers["x-kyodo-pdf-sha256"]).toBe(crypto.createHash("sha256").update(pdf).digest("hex"));
  });

  it("a preview is a PDF without a serial and leaves the register as it was", async () => {
    const before = (await clerkA.request({ method: "GET", url: "/api/certificates/issues" })).json().length;
    const response = await clerkA.request({ method: "POST", url: "/api/certificates/sample.record/preview", payload: body() });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["x-kyodo-certificate-serial"]).toBeUndefined();
    expect(response.headers["x-kyodo-pdf-missing-glyphs"]).toBe("0");
    const after = (await clerkA.request({ method: "GET", url: "/api/certificates/issues" })).json().length;
    expect(after).toBe(before);
  });

  it("a clerk without the kind's issue role gets 403 and nothing is recorded", async () => {
    const response = await issue(readerA);
    expect(response.statusCode).toBe(403);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().code).toBe("forbidden");
  });

  it("a request without a purpose, or with a name as subject, is a 400 naming the field", async () => {
    const noPurpose = await clerkA.request({
      method: "POST",
      url: "/api/certificates/sample.record/issue",
      payload: { subjectId: SUBJECT, requesterKind: "self" },
    });
    expect(noPurpose.statusCode).toBe(400);
    expect(noPurpose.json().errors).toContainEqual(expect.objectContaining({ field: "body/purpose" }));
    const name = await clerkA.request({ method: "POST", url: "/api/certificates/sample.record/issue", payload: body({ subjectId: "渡邉" }) });
    expect(name.statusCode).toBe(400);
    expect(name.body).not.toContain("渡邉");
  });

  it("an unknown kind is 404", async () => {
    const response = await clerkA.request({ method: "POST", url: "/api/certificates/sample.none/issue", payload: body() });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe("unknown-certificate-kind");
  });

  it("the OpenAPI document describes the PDF response", async () => {
    const doc = (await app.inject({ method: "GET", url: "/openapi.json" })).json();
    const op = doc.paths["/api/certificates/{kind}/issue"].post;
    expect(Object.keys(op.responses["200"].content)).toEqual(["application/pdf"]);
  });
});

describe("GET /api/certificates/issues (交付簿)", () => {
  it("lists the municipality's issues by subject and date, without names, and audits the read", async () => {
    const issued = await issue(clerkA);
    const serial = issued.headers["x-kyodo-certificate-serial"] as string;
    const list = await clerkA.request({ method: "GET", url: `/api/certificates/issues?subject=${encodeURIComponent(SUBJECT)}` });
    expect(list.statusCode).toBe(200);
    const entry = list.json().find((e: { serial: string }) => e.serial === serial);
    expect(entry).toMatchObject({
      kind: "sample.record",
      subject: SUBJECT,
      purpose: "児童手当の申請",
      requesterKind: "self",
      options: { showBirthDate: true },
      issuedBy: { displayName: "職員 clerk-a" },
      pageCount: 1,
      font: "ipamj-mincho",
      voided: null,
    });
    expect(list.body).not.toContain("渡邉");
    const audited = await t.db.withTenant(TOWN_A.id, async (tx) =>
      (await tx.query("SELECT subject FROM audit_log WHERE action = 'certificate.issues-listed' ORDER BY seq DESC LIMIT 1")).rows[0],
    );
    expect(audited).toEqual({ subject: SUBJECT });
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const future = await clerkA.request({ method: "GET", url: `/api/certificates/issues?from=${tomorrow}` });
    expect(future.json()).toEqual([]);
  });

  it("another municipality's clerk sees none of them: empty list, 404 for a serial", async () => {
    const issued = await issue(clerkA);
    const serial = issued.headers["x-kyodo-certificate-serial"] as string;
    const listB = await clerkB.request({ method: "GET", url: "/api/certificates/issues" });
    expect(listB.statusCode).toBe(200);
    expect(listB.json()).toEqual([]);
    const one = await clerkB.request({ method: "GET", url: `/api/certificates/issues/${serial}` });
    expect(one.statusCode).toBe(404);
    expect(one.json().code).toBe("not-found");
    const voided = await clerkB.request({ method: "POST", url: `/api/certificates/issues/${serial}/void`, payload: { reason: "誤交付" } });
    expect(voided.statusCode).toBe(404);
    const own = await clerkA.request({ method: "GET", url: `/api/certificates/issues/${serial}` });
    expect(own.statusCode).toBe(200);
    expect(own.json().serial).toBe(serial);
  });

  it("an impossible date in the register query is a 400 naming the field", async () => {
    const response = await clerkA.request({ method: "GET", url: "/api/certificates/issues?to=2026-02-29" });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: "querystring/to", message: "must be an existing date YYYY-MM-DD" }]);
  });
});

describe("POST /api/certificates/issues/:serial/void", () => {
  it("voiding appends: the issue stays, marked voided, and a second void is 409", async () => {
    const serial = (await issue(clerkA)).headers["x-kyodo-certificate-serial"] as string;
    const byReader = await readerA.request({ method: "POST", url: `/api/certificates/issues/${serial}/void`, payload: { reason: "誤交付" } });
    expect(byReader.statusCode).toBe(403);
    const voided = await clerkA.request({ method: "POST", url: `/api/certificates/issues/${serial}/void`, payload: { reason: "記載誤り" } });
    expect(voided.statusCode).toBe(200);
    expect(voided.json().voided).toMatchObject({ reason: "記載誤り" });
    expect(voided.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await clerkA.request({ method: "POST", url: `/api/certificates/issues/${serial}/void`, payload: { reason: "再度" } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("certificate-already-voided");
    const audit = await t.db.withTenant(TOWN_A.id, async (tx) =>
      (await tx.query("SELECT detail FROM audit_log WHERE action = 'certificate.voided'")).rows,
    );
    expect(audit).toEqual([{ detail: { serial, kind: "sample.record" } }]);
  });

  it("a malformed serial is 400, an unknown one 404", async () => {
    expect((await clerkA.request({ method: "GET", url: "/api/certificates/issues/abc" })).statusCode).toBe(400);
    expect((await clerkA.request({ method: "GET", url: "/api/certificates/issues/2026-999999" })).statusCode).toBe(404);
  });
});
