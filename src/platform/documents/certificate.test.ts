import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addStaff, addTenants, TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { migrate } from "../db/migrate.ts";
import { allAreas } from "../start.ts";
import { loadConfig } from "../config.ts";
import { modules } from "../../main.ts";
import { createSettingsService } from "../settings/service.ts";
import { setMunicipalityOverride } from "../settings/overrides.ts";
import { formatWareki } from "../../lib/wareki.ts";
import { documentsArea } from "./index.ts";
import { todayInJapan } from "../addressee/calendar-date.ts";
import { issueCertificate, previewCertificate, type CertificateRequest, type IssuingStaff } from "./certificate.ts";
import { sampleCertificateArea, type SampleSubject } from "./sample-certificate.ts";
import { fiscalYearOf, formatSerial } from "./serial.ts";
import { certifierTitle } from "./certifier.ts";

const OUT = path.resolve("test-results/documents");
const subjects = new Map<string, SampleSubject>([
  ["addressee:000000000000101", { name: "髙橋 𠮷田 渡邉 葛\u{E0100}", address: "神奈川県三浦郡葉山町堀内2135番地", birthDate: "1989-01-08" }],
  ["addressee:000000000000102", { name: "山本 花子", address: "神奈川県三浦郡葉山町一色1番地", birthDate: "2019-05-01" }],
  // U+20000: an ideograph Noto Serif JP lacks; IPAmj明朝 has it, so it is drawn here.
  ["addressee:000000000000103", { name: "\u{20000}田 一郎", address: "葉山町", birthDate: "1950-02-28" }],
  // U+E000: a private-use character no font here draws.
  ["addressee:000000000000104", { name: "\u{E000}田 次郎", address: "葉山町", birthDate: "1950-02-28" }],
]);

let t: TestPlatform;
let clerkA: IssuingStaff;
let clerkB: IssuingStaff;
let readerA: IssuingStaff;

/** The documents area and the sample kinds; documents only until the lead lists it in areas.ts. */
function testAreas() {
  const wired = allAreas(loadConfig(), modules).some((a) => a.id === documentsArea.id);
  return [...(wired ? [] : [documentsArea]), sampleCertificateArea(subjects)];
}

beforeAll(async () => {
  t = await createTestPlatform(testAreas());
  await migrate(t.db.owner, [{ area: documentsArea.id, dir: documentsArea.migrations! }]);
  await addTenants(t.db);
  const a = await addStaff(t.db, TOWN_A.id, "clerk-a", { sample: ["issue"] });
  const b = await addStaff(t.db, TOWN_B.id, "clerk-b", { sample: ["issue"] });
  const r = await addStaff(t.db, TOWN_A.id, "reader-a", { sample: ["read"] });
  clerkA = { staffId: a.id, tenantId: TOWN_A.id, roles: { sample: ["issue"] } };
  clerkB = { staffId: b.id, tenantId: TOWN_B.id, roles: { sample: ["issue"] } };
  readerA = { staffId: r.id, tenantId: TOWN_A.id, roles: { sample: ["read"] } };
  const registry = createSettingsService(t.platform.areas).registry;
  await t.db.withTenant(TOWN_A.id, async (tx) => {
    const actor = `staff:${a.id}`;
    await setMunicipalityOverride(tx, registry, TOWN_A.id, { key: "platform.mayorTitle", value: "町長", reason: "町である", actor });
    await setMunicipalityOverride(tx, registry, TOWN_A.id, { key: "platform.mayorName", value: "山田 太郎", reason: "町長就任", actor });
  });
  fs.mkdirSync(OUT, { recursive: true });
});
afterAll(() => t.close());

const request = (subjectId = "addressee:000000000000101", extra: Partial<CertificateRequest> = {}): CertificateRequest => ({
  subjectId,
  purpose: "年金の手続",
  requesterKind: "self",
  ...extra,
});

function pdftotext(pdf: Buffer, name: string): string {
  const file = path.join(OUT, name);
  fs.writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"]).toString("utf8");
}

async function issuesOf(tenantId: string) {
  return t.db.withTenant(tenantId, async (tx) => (await tx.query("SELECT * FROM certificate_issue ORDER BY fiscal_year, number")).rows);
}

async function auditOf(tenantId: string, action: string) {
  return t.db.withTenant(tenantId, async (tx) => (await tx.query("SELECT * FROM audit_log WHERE action = $1 ORDER BY seq", [action])).rows);
}

describe("issuing a certificate (証明書の交付)", () => {
  it("renders a one-page A4 PDF with the municipality, the mayor from the settings, the 和暦 date and the serial", async () => {
    const issued = await issueCertificate(t.platform, clerkA, "sample.record", request());
    expect(issued.pageCount).toBe(1);
    const year = fiscalYearOf(todayInJapan(issued.issuedAt));
    expect(issued.serial).toBe(formatSerial(year, 1));
    const text = pdftotext(issued.pdf, "issued.pdf");
    expect(text).toContain("神奈川県葉山町");
    expect(text.replace(/\s+/g, " ")).toContain("神奈川県三浦郡葉山町長 山田 太郎");
    expect(text).toContain(formatWareki(todayInJapan(issued.issuedAt)));
    expect(text).toContain(`証明書番号 ${issued.serial}`);
    expect(text).toContain("平成元年1月8日");
    for (const name of ["髙橋", "𠮷田", "渡邉", "葛\u{E0100}"]) expect(text).toContain(name);
    expect(issued.font.id).toBe("ipamj-mincho");
  });

  it("records the issue with the SHA-256 of the exact bytes, and audits it with subject and purpose", async () => {
    const issued = await issueCertificate(t.platform, clerkA, "sample.record", request("addressee:000000000000102", {
      options: { showBirthDate: false },
      requesterKind: "agent",
      asOf: "2026-01-15",
    }));
    const row = (await issuesOf(TOWN_A.id)).find((r) => r.serial === issued.serial);
    expect(row).toMatchObject({
      kind: "sample.record",
      subject: "addressee:000000000000102",
      options: { showBirthDate: false },
      purpose: "年金の手続",
      requester_kind: "agent",
      issued_by: clerkA.staffId,
      page_count: 1,
      byte_count: issued.pdf.length,
      font: "ipamj-mincho",
      sha256: crypto.createHash("sha256").update(issued.pdf).digest("hex"),
    });
    expect(row!.issued_at.getTime()).toBe(issued.issuedAt.getTime());
    const text = pdftotext(issued.pdf, "agent.pdf");
    expect(text).not.toContain("生年月日");
    expect(text).toContain("令和8年1月15日");
    const audit = (await auditOf(TOWN_A.id, "certificate.issued")).find((e) => e.detail.serial === issued.serial);
    expect(audit).toMatchObject({
      actor: `staff:${clerkA.staffId}`,
      subject: "addressee:000000000000102",
      purpose: "年金の手続",
      detail: { kind: "sample.record", requesterKind: "agent", asOf: "2026-01-15", sha256: row!.sha256 },
    });
    expect(JSON.stringify(audit)).not.toContain("山本");
  });

  it("allocates serials without gaps when clerks issue at the same time", async () => {
    const before = (await issuesOf(TOWN_A.id)).length;
    const issued = await Promise.all(
      Array.from({ length: 8 }, () => issueCertificate(t.platform, clerkA, "sample.record", request("addressee:000000000000102"))),
    );
    const numbers = issued.map((i) => Number(i.serial.split("-")[1])).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => before + 1 + i));
    const rows = await issuesOf(TOWN_A.id);
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
  });

  it("a failing render records nothing, audits nothing and leaves no gap", async () => {
    const rowsBefore = (await issuesOf(TOWN_A.id)).length;
    const auditBefore = (await auditOf(TOWN_A.id, "certificate.issued")).length;
    await expect(issueCertificate(t.platform, clerkA, "sample.failing", request())).rejects.toThrow("the sample render failed");
    expect((await issuesOf(TOWN_A.id)).length).toBe(rowsBefore);
    expect((await auditOf(TOWN_A.id, "certificate.issued")).length).toBe(auditBefore);
    const next = await issueCertificate(t.platform, clerkA, "sample.record", request());
    expect(Number(next.serial.split("-")[1])).toBe(rowsBefore + 1);
  });

  it("refuses a character the font cannot draw (422) and records nothing; the preview shows it", async () => {
    const rowsBefore = (await issuesOf(TOWN_A.id)).length;
    await expect(issueCertificate(t.platform, clerkA, "sample.record", request("addressee:000000000000104"))).rejects.toMatchObject({
      status: 422,
      code: "font-cannot-render",
    });
    expect((await issuesOf(TOWN_A.id)).length).toBe(rowsBefore);
    const preview = await previewCertificate(t.platform, clerkA, "sample.record", request("addressee:000000000000104"));
    expect(preview.missingGlyphs).toBe(1);
    // IPAmj明朝 draws the Extension B ideograph Noto Serif JP lacks.
    const issued = await issueCertificate(t.platform, clerkA, "sample.record", request("addressee:000000000000103"));
    expect(pdftotext(issued.pdf, "ext-b.pdf")).toContain("\u{20000}田");
  });

  it("each municipality numbers its own certificates from 1", async () => {
    const issued = await issueCertificate(t.platform, clerkB, "sample.record", request());
    expect(issued.serial.endsWith("-000001")).toBe(true);
    expect(pdftotext(issued.pdf, "town-b.pdf")).toContain("神奈川県高座郡寒川町長");
  });
});

describe("who may issue, and what a request must hold", () => {
  it("a clerk without the issue role of the kind's module is refused (403)", async () => {
    await expect(issueCertificate(t.platform, readerA, "sample.record", request())).rejects.toMatchObject({ status: 403 });
    await expect(previewCertificate(t.platform, readerA, "sample.record", request())).rejects.toMatchObject({ status: 403 });
  });

  it("an unknown kind is 404", async () => {
    await expect(issueCertificate(t.platform, clerkA, "sample.nothing", request())).rejects.toMatchObject({
      status: 404,
      code: "unknown-certificate-kind",
    });
  });

  it("options are checked against the kind's schema, and asOf may not be after today", async () => {
    await expect(
      issueCertificate(t.platform, clerkA, "sample.record", request(undefined, { options: { showBirthDate: "yes" } })),
    ).rejects.toMatchObject({ status: 400, errors: [{ field: "body/options/showBirthDate" }] });
    await expect(
      issueCertificate(t.platform, clerkA, "sample.record", request(undefined, { options: { extra: 1 } })),
    ).rejects.toMatchObject({ status: 400 });
    await expect(issueCertificate(t.platform, clerkA, "sample.record", request(undefined, { asOf: "2999-01-01" }))).rejects.toMatchObject({
      status: 400,
      errors: [{ field: "body/asOf", message: "must not be after the issue date" }],
    });
    await expect(issueCertificate(t.platform, clerkA, "sample.record", request(undefined, { asOf: "2026-02-29" }))).rejects.toMatchObject({
      status: 400,
    });
  });

  it("a subject must be an id, never a name", async () => {
    await expect(issueCertificate(t.platform, clerkA, "sample.record", request("山本 花子"))).rejects.toMatchObject({
      status: 400,
      errors: [{ field: "body/subjectId" }],
    });
  });
});

describe("previewing a certificate (見本)", () => {
  it("renders with the watermark and no serial, is not registered, but is audited", async () => {
    const rowsBefore = (await issuesOf(TOWN_A.id)).length;
    const preview = await previewCertificate(t.platform, clerkA, "sample.record", request("addressee:000000000000102", { purpose: "内容確認" }));
    const text = pdftotext(preview.pdf, "preview-service.pdf");
    expect(text.replace(/\s/g, "")).toContain("見本");
    expect(text).toContain("見本（証明書番号なし）");
    expect(text).not.toMatch(/証明書番号 \d{4}-/);
    expect((await issuesOf(TOWN_A.id)).length).toBe(rowsBefore);
    const audit = (await auditOf(TOWN_A.id, "certificate.previewed")).at(-1);
    expect(audit).toMatchObject({ subject: "addressee:000000000000102", purpose: "内容確認", detail: { kind: "sample.record" } });
  });
});

describe("the issue register is append-only and per municipality", () => {
  it("the application role may not update or delete an issue", async () => {
    await expect(t.db.withTenant(TOWN_A.id, (tx) => tx.query("UPDATE certificate_issue SET purpose = 'x'"))).rejects.toThrow(/permission denied/);
    await expect(t.db.withTenant(TOWN_A.id, (tx) => tx.query("DELETE FROM certificate_issue"))).rejects.toThrow(/permission denied/);
  });

  it("a query with no WHERE clause sees only the current municipality's issues; none without a tenant", async () => {
    const a = await issuesOf(TOWN_A.id);
    const b = await issuesOf(TOWN_B.id);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect(new Set(a.map((r) => r.tenant_id))).toEqual(new Set([TOWN_A.id]));
    expect(new Set(b.map((r) => r.tenant_id))).toEqual(new Set([TOWN_B.id]));
    const none = await t.db.withoutTenant(async (tx) => (await tx.query("SELECT count(*)::int AS n FROM certificate_issue")).rows[0].n);
    expect(none).toBe(0);
  });

  it("a municipality cannot write an issue into another", async () => {
    await expect(
      t.db.withTenant(TOWN_A.id, (tx) =>
        tx.query(
          `INSERT INTO certificate_issue (tenant_id, fiscal_year, number, kind, subject, purpose, requester_kind, as_of,
             issued_by, issued_at, page_count, byte_count, sha256, font)
           VALUES ($1, 2026, 999, 'sample.record', 'x', 'p', 'self', '2026-04-01', $2, now(), 1, 1, $3, 'custom')`,
          [TOWN_B.id, clerkB.staffId, "0".repeat(64)],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});

describe("certifier title (証明者の職名)", () => {
  it.each([
    ["神奈川県", "葉山町", "町長", true, "神奈川県葉山町長"],
    ["神奈川県", "葉山町", "町長", false, "葉山町長"],
    ["神奈川県", "葉山町", "市町村長", true, "神奈川県葉山町長"],
    ["東京都", "千代田区", "区長", true, "東京都千代田区長"],
    ["神奈川県", "横浜市", "市長", false, "横浜市長"],
    ["北海道", "北海道札幌市", "市長", true, "北海道札幌市長"],
  ])("%s %s with %s (prefecture shown: %s) → %s", (prefecture, name, title, show, expected) => {
    expect(certifierTitle(prefecture, name, title, show)).toBe(expected);
  });

  it.each([
    ["神奈川県", "葉山町", "三浦郡", true, "神奈川県三浦郡葉山町長"],
    ["神奈川県", "葉山町", "三浦郡", false, "葉山町長"],
    ["広島県", "府中町", "安芸郡", true, "広島県安芸郡府中町長"],
  ])("the 郡 stands between prefecture and town: %s %s (%s, prefecture shown: %s) → %s", (prefecture, name, county, show, expected) => {
    expect(certifierTitle(prefecture, name, "町長", show, county)).toBe(expected);
  });
});
