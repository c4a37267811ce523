import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addOperator, addStaff, addTenants, PASSWORD, TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { login, type Session } from "../../../test/support/http.ts";
import { appendAuditEntries } from "./audit-log.ts";
import { auditVerifyJob } from "./verify-job.ts";
import { auditQuery } from "./audit-query.ts";

let t: TestPlatform;
let app: FastifyInstance;
let admin: Session;
const CLERK = "staff:11111111-2222-4333-8444-555555555555";
const OTHER = "staff:99999999-2222-4333-8444-555555555555";

beforeAll(async () => {
  t = await createTestPlatform();
  app = await t.app();
  await addTenants(t.db);
  await addStaff(t.db, TOWN_A.id, "admin", { platform: ["admin"] });
  await addStaff(t.db, TOWN_B.id, "admin", { platform: ["admin"] });
  await addStaff(t.db, TOWN_A.id, "clerk", { platform: ["read"] });
  await addOperator(t.db);
  await t.db.withTenant(TOWN_A.id, (tx) =>
    appendAuditEntries(tx, [
      { actor: CLERK, action: "resident.viewed", subject: "addressee:000000000000042", purpose: "窓口交付" },
      { actor: CLERK, action: "resident.viewed", subject: "addressee:000000000000043", purpose: "税務調査" },
      { actor: OTHER, action: "resident.searched", subject: "addressee:000000000000042", purpose: "窓口交付" },
      { actor: CLERK, action: "certificate.previewed", subject: "addressee:000000000000044", purpose: "証明書の交付：=HYPERLINK(\"http://x\")" },
    ]),
  );
  admin = await login(app, "admin", PASSWORD, TOWN_A.id);
});
afterAll(() => t.close());

const search = async (query: string) => {
  const r = await admin.request({ method: "GET", url: `/api/audit?${query}` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { seq: string; actor: string; action: string; subject: string | null; purpose: string | null; detail: Record<string, unknown> }[];
};

describe("GET /api/audit answers questions on the server", () => {
  it("filters by a person's 宛名番号 (as digits or as recorded), by staff, by action and by purpose, and combines them", async () => {
    expect((await search("subject=42")).map((e) => e.action)).toEqual(["resident.searched", "resident.viewed"]);
    expect(await search("subject=addressee:000000000000042")).toEqual(await search("subject=42"));
    expect((await search(`actor=${CLERK.slice(6)}`)).map((e) => e.subject)).toEqual(["addressee:000000000000044", "addressee:000000000000043", "addressee:000000000000042"]);
    expect((await search("action=resident.searched")).map((e) => e.actor)).toEqual([OTHER]);
    expect((await search(`purpose=${encodeURIComponent("税務調査")}`)).map((e) => e.subject)).toEqual(["addressee:000000000000043"]);
    expect(await search(`subject=42&actor=${encodeURIComponent(CLERK)}&purpose=${encodeURIComponent("窓口交付")}`)).toHaveLength(1);
  });

  it("filters by days in Japan time, both ends included", async () => {
    const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());
    expect((await search(`subject=42&from=${today}&to=${today}`)).length).toBe(2);
    expect(await search(`subject=42&to=2000-01-01`)).toEqual([]);
    const bad = await admin.request({ method: "GET", url: "/api/audit?from=2026-02-30" });
    expect(bad.statusCode).toBe(400);
    const reversed = await admin.request({ method: "GET", url: "/api/audit?from=2026-03-02&to=2026-03-01" });
    expect(reversed.statusCode).toBe(400);
  });

  it("a purpose from the list finds it as stated and with its details, nothing that only begins alike", async () => {
    expect((await search(`purpose=${encodeURIComponent("証明書の交付")}`)).map((e) => e.subject)).toEqual(["addressee:000000000000044"]);
    expect(await search(`purpose=${encodeURIComponent("証明書")}`)).toEqual([]);
    expect(await search(`purpose=${encodeURIComponent("窓口%")}`)).toEqual([]);
  });

  it("staff are named from the town's register, as actor and as subject; unknown ids get no name", async () => {
    await search("subject=42");
    const [searched] = await search("action=audit.searched&limit=1");
    expect(searched).toMatchObject({ actorName: "職員 admin", subjectName: null });
    const [viewed] = await search(`actor=${CLERK.slice(6)}&limit=1`);
    expect(viewed).toMatchObject({ actor: CLERK, actorName: null });
  });

  it("every search is itself audited, with its filter; entries carry their detail", async () => {
    await search("subject=43");
    const [latest] = await search("action=audit.searched&limit=1");
    expect(latest!.detail).toMatchObject({ filter: { subject: "43" }, count: 1 });
    expect(latest!.actor).toMatch(/^staff:/);
  });

  it("hostile values are 400s, never 500s: a cursor past bigint, NUL characters, a reversed or impossible day", async () => {
    for (const query of ["before=999999999999999999999999", "subject=%00", "actor=a%00b", "purpose=" + "x".repeat(101), "limit=99999999999999999999", "from=99999-01-01"]) {
      const r = await admin.request({ method: "GET", url: `/api/audit?${query}` });
      expect(r.statusCode, query).toBe(400);
    }
    expect((await admin.request({ method: "GET", url: "/api/audit?before=999999999999999999" })).statusCode).toBe(200);
  });

  it("uses the subject's index: a page of one person's entries is an index range", async () => {
    const query = auditQuery({ subject: "42" }, null, 100);
    if ("errors" in query) throw new Error("unexpected");
    const plan = await t.db.owner.query("SET LOCAL enable_seqscan = off; EXPLAIN " + query.text.replace(/\$(\d+)/g, (_, n) => `'${String(query.values[Number(n) - 1])}'`));
    expect(JSON.stringify(plan)).toContain("audit_log_by_subject");
  });
});

describe("GET /api/audit/export: what a search found, as CSV for 監査", () => {
  const exportCsv = async (query: string) => {
    const r = await admin.request({ method: "GET", url: `/api/audit/export?${query}` });
    expect(r.statusCode, r.body).toBe(200);
    return r;
  };

  it("holds the filtered entries only, newest first, actions in Japanese beside their code, free text neutralised", async () => {
    const r = await exportCsv(`actor=${CLERK.slice(6)}`);
    expect(r.headers["content-type"]).toMatch(/^text\/csv; charset=utf-8/);
    expect(r.headers["content-disposition"]).toBe('attachment; filename="audit-log.csv"');
    expect(r.body.startsWith("\uFEFF連番,日時,操作者,操作者の氏名,操作,操作の内容,対象,対象の氏名,利用目的,詳細,ハッシュ\r\n")).toBe(true);
    const lines = r.body.slice(1).trimEnd().split("\r\n").slice(1);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(",certificate.previewed,証明書の確認表示（交付前）,addressee:000000000000044,,");
    // A purpose that would start a formula in a spreadsheet cannot: it begins with text.
    expect(lines[0]).toContain(`"証明書の交付：=HYPERLINK(""http://x"")"`);
    expect(lines[2]).toContain(",resident.viewed,住民票の照会,addressee:000000000000042,,窓口交付,");
    expect(lines[2]).toMatch(/^\d+,\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},staff:11111111-2222-4333-8444-555555555555,,/);
  });

  it("a formula as the whole cell gets a quote in front (ADR 0018)", async () => {
    await t.db.withTenant(TOWN_A.id, (tx) => appendAuditEntries(tx, [{ actor: CLERK, action: "resident.viewed", subject: "addressee:000000000000045", purpose: "=1+1" }]));
    const r = await exportCsv("subject=45");
    expect(r.body).toContain(",'=1+1,");
  });

  it("the export is itself audited with its filter and count; a bad filter is a 400", async () => {
    const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());
    const r = await exportCsv(`subject=42&from=${today}&to=${today}`);
    expect(r.headers["content-disposition"]).toBe(`attachment; filename="audit-log-${today}-${today}.csv"`);
    const [exported] = await search("action=audit.exported&limit=1");
    expect(exported!.detail).toEqual({ filter: { subject: "42", from: today, to: today }, count: 2 });
    expect((await admin.request({ method: "GET", url: "/api/audit/export?from=2026-02-30" })).statusCode).toBe(400);
    expect((await admin.request({ method: "GET", url: "/api/audit/export?purpose=%00" })).statusCode).toBe(400);
  });

  it("only the town's administrator exports", async () => {
    const clerk = await login(app, "clerk", PASSWORD, TOWN_A.id);
    expect((await clerk.request({ method: "GET", url: "/api/audit/export" })).statusCode).toBe(403);
  });
});

describe("a broken chain raises an alert for the town's administrator and the operator", () => {
  it("the daily verification records an alert per broken chain, once; the town sees its own, the operator all", async () => {
    await t.db.owner.query("UPDATE audit_log SET purpose = '改ざん' WHERE tenant_id = $1 AND seq = 2", [TOWN_A.id]);
    const log = { error: () => {}, info: () => {}, warn: () => {} } as never;
    const platform = t.platform;
    await expect(auditVerifyJob.run({ tenantId: "platform", platform, log })).rejects.toThrow(/chain 143014, entry 2: hash-mismatch/);
    await expect(auditVerifyJob.run({ tenantId: "platform", platform, log })).rejects.toThrow();
    const alerts = (await admin.request({ method: "GET", url: "/api/audit/alerts" })).json();
    expect(alerts).toEqual([expect.objectContaining({ chain: TOWN_A.id, seq: "2", reason: "hash-mismatch", acknowledgedAt: null })]);
    const townB = await login(app, "admin", PASSWORD, TOWN_B.id);
    expect((await townB.request({ method: "GET", url: "/api/audit/alerts" })).json()).toEqual([]);
    const ops = await login(app, "ops", PASSWORD);
    const seen = (await ops.request({ method: "GET", url: "/api/operator/audit/alerts" })).json();
    expect(seen.map((a: { chain: string }) => a.chain)).toEqual([TOWN_A.id]);
    expect((await admin.request({ method: "POST", url: `/api/audit/alerts/${alerts[0].id}/acknowledge` })).statusCode).toBe(204);
    expect((await admin.request({ method: "GET", url: "/api/audit/alerts" })).json()).toEqual([]);
    expect((await ops.request({ method: "GET", url: "/api/operator/audit/alerts?open=false" })).json()[0].acknowledgedBy).toMatch(/^staff:/);
  });
});
