// Browser tests of certificates a town would sign (ADR 0019): the 管理 of 葉山町 uploads a new
// version of the 職印 on the 職印 screen and sees it listed with its dates and image; a clerk
// issues a 住民票の写し of a demo resident; the public verification page (GET /verify/{code}, no
// log-in) confirms the serial, the issue date and the town, that it is not voided, and that the
// issued PDF matches — dropped as a file or its SHA-256 pasted — and that another does not, while
// showing no name, address or other personal data.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/platform/demo/seed.ts";
import { formatWareki } from "../../src/lib/wareki.ts";
import { todayInJapan } from "../../src/platform/addressee/calendar-date.ts";
import { launchChromium, logIn, municipalityOption, navigationLabels, newStaffContext, openScreen, screenshot, startDemoServer, type DemoServer } from "./support/browser.ts";
import { confirmPurpose } from "./support/purpose.ts";

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
const HAYAMA = { id: "143014", option: municipalityOption("葉山町") };
const SEAL_REASON = "町長の交代による改刻";
// A square seal in outlines (no text, no script): what an upload of a drawn 職印 looks like.
const SEAL_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100"><rect x="4" y="4" width="92" height="92" fill="none" stroke="#c0262d" stroke-width="6"/><path d="M25 25h50v50h-50z" fill="none" stroke="#c0262d" stroke-width="5"/></svg>`;

let issuedFile = "";
let verificationCode = "";
let issuedSerial = "";
let subject = { personId: "", family: "", given: "", address: "" };

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  if (issuedFile) fs.rmSync(issuedFile, { force: true });
});

async function freshPage(): Promise<Page> {
  await context?.close();
  context = await newStaffContext(browser, server.baseUrl);
  return context.newPage();
}

async function query<T>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await server.platform.db.withTenant(HAYAMA.id, (tx) => tx.query(text, values))).rows as T[];
}

describe("職印 (ADR 0019): the 管理 uploads a new version and sees it listed", () => {
  it("uploads an SVG valid from today and sees every version with its dates, the new one first, its image shown", async () => {
    const page = await freshPage();
    await logIn(page, HAYAMA.option, "admin", DEMO_PASSWORD);
    expect(await navigationLabels(page)).toContain("職印");
    await openScreen(page, "職印");
    const before = await query<{ n: number }>("SELECT count(*)::int AS n FROM certificate_seal");
    await page.getByTestId("seal-table").waitFor();

    await page.locator("#seal-image").setInputFiles({ name: "seal.svg", mimeType: "image/svg+xml", buffer: Buffer.from(SEAL_SVG) });
    // A date the wrong way round is refused at the form, and nothing is sent.
    await page.getByLabel("有効期間の始期").fill(todayInJapan());
    await page.getByLabel("有効期間の終期").fill("2000-01-01");
    await page.getByLabel("理由").fill(SEAL_REASON);
    await page.getByRole("button", { name: "登録する" }).click();
    expect(await page.locator("#seal-valid-to-error").textContent()).toContain("始期より前にはできません");
    expect(await query<{ n: number }>("SELECT count(*)::int AS n FROM certificate_seal")).toEqual(before);

    await page.getByLabel("有効期間の終期").fill("");
    expect(await page.locator("#seal-image-error").count(), (await page.locator(".form-error").allTextContents()).join(" / ")).toBe(0);
    const uploaded = page.waitForResponse((r) => r.url().endsWith("/api/certificates/seals") && r.request().method() === "POST");
    await page.getByRole("button", { name: "登録する" }).click();
    expect((await uploaded).status()).toBe(201);
    const version = before[0]!.n + 1;
    await page.getByText(`第${version}版の職印を登録しました。`).waitFor();

    const rows = page.getByTestId("seal-table").locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(version);
    const newest = rows.first();
    expect(await newest.textContent()).toContain(`第${version}版`);
    expect(await newest.textContent()).toContain(`${formatWareki(todayInJapan())}から（終期なし）`);
    expect(await newest.textContent()).toContain(SEAL_REASON);
    expect(await newest.textContent()).toContain("SVG");
    const image = newest.getByRole("img", { name: `第${version}版の職印` });
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    const stored = await query<{ media_type: string; reason: string; valid_to: string | null }>(
      "SELECT media_type, reason, valid_to::text FROM certificate_seal WHERE version = $1",
      [version],
    );
    expect(stored).toEqual([{ media_type: "image/svg+xml", reason: SEAL_REASON, valid_to: null }]);
    const audited = await query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'certificate.seal-added'");
    expect(audited[0]!.n).toBeGreaterThanOrEqual(1);
    await screenshot(page, "80-certificate-seals");
  });

  it("a clerk (共通基盤 閲覧) is not offered the screen", async () => {
    const page = await freshPage();
    await logIn(page, HAYAMA.option, "clerk", DEMO_PASSWORD);
    expect(await navigationLabels(page)).not.toContain("職印");
  });
});

describe("検証コード (ADR 0019): the public page confirms an issued 住民票の写し without personal data", () => {
  it("a clerk issues a 住民票の写し of a demo resident who lives alone and is not protected", async () => {
    const [person] = await query<{ person_id: string; family: string; given: string; address: string }>(
      `SELECT c.person_id::text, c.record->>'familyName' AS family, c.record->>'givenName' AS given, c.record->>'address' AS address
         FROM resident_current c
        WHERE c.status = 'resident'
          AND (SELECT count(*) FROM resident_current m WHERE m.household_id = c.household_id AND m.status = 'resident') = 1
          AND NOT EXISTS (SELECT 1 FROM protection_measure_version v WHERE c.addressee_number = ANY (v.protected_numbers))
        ORDER BY c.addressee_number LIMIT 1`,
    );
    subject = { personId: person!.person_id, family: person!.family, given: person!.given, address: person!.address };

    const page = await freshPage();
    await logIn(page, HAYAMA.option, "clerk", DEMO_PASSWORD);
    await page.goto(`/residents/${subject.personId}`);
    const purpose = page.getByTestId("purpose-form");
    await purpose.getByLabel("利用目的").selectOption("窓口での本人確認");
    await purpose.getByLabel("具体的な内容").fill("住民票の写しの交付");
    await purpose.getByLabel("具体的な内容").press("Enter");
    await page.getByTestId("purpose-bar").waitFor();
    await page.getByTestId("certificate-link").click();
    // The 証明書 is a journey of its own: the purpose is asked again, 証明書の交付 preselected.
    await confirmPurpose(page);
    const form = page.getByTestId("certificate-form");
    await form.getByLabel("住民票の写し").waitFor();
    await form.getByLabel("利用目的").fill("勤務先への提出のため");
    const previewed = page.waitForResponse((r) => r.url().endsWith("/api/certificates/resident.juminhyo/preview"));
    await form.getByLabel("利用目的").press("Enter");
    expect((await previewed).status()).toBe(200);
    const downloaded = page.waitForEvent("download");
    await page.getByRole("button", { name: "交付する" }).click();
    const download = await downloaded;
    await page.getByTestId("issued").waitFor();
    issuedSerial = (await page.getByTestId("certificate-serial").textContent()) ?? "";
    issuedFile = path.join(os.tmpdir(), `kyodo-verify-${process.pid}.pdf`);
    await download.saveAs(issuedFile);
    const [issue] = await query<{ verification_code: string; sha256: string }>("SELECT verification_code, sha256 FROM certificate_issue WHERE serial = $1", [issuedSerial]);
    verificationCode = issue!.verification_code;
    expect(verificationCode).toMatch(/^143014-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(crypto.createHash("sha256").update(fs.readFileSync(issuedFile)).digest("hex")).toBe(issue!.sha256);
  });

  it("the page names the serial, the issue date and 葉山町, not voided; the dropped PDF and its pasted SHA-256 match, another does not; no personal data", async () => {
    context = await browser.newContext({ baseURL: server.baseUrl, locale: "ja-JP", timezoneId: "Asia/Tokyo", viewport: { width: 1000, height: 900 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const response = await page.goto(`/verify/${verificationCode}`);
    expect(response?.status()).toBe(200);
    expect(await page.locator("#status").textContent()).toBe("この証明書は発行されており、取り消されていません。");
    expect(await page.locator("#serial").textContent()).toBe(issuedSerial);
    expect(await page.locator("#issued").textContent()).toContain(formatWareki(todayInJapan()));
    expect(await page.locator("#issuer").textContent()).toContain("葉山町");

    // The PDF chosen (as a drop would give it): hashed in the browser, and it matches.
    await page.locator("#file").setInputFiles(issuedFile);
    await expect.poll(() => page.locator("#result").textContent()).toContain("一致します");
    await screenshot(page, "81-certificate-verify-match");
    // Its SHA-256 pasted: matches; one byte different: does not.
    const sha = crypto.createHash("sha256").update(fs.readFileSync(issuedFile)).digest("hex");
    await page.locator("#hash").fill(sha.toUpperCase());
    await page.getByRole("button", { name: "照合" }).click();
    await expect.poll(() => page.locator("#result").textContent()).toContain("一致します");
    const other = `${sha.slice(0, 63)}${sha.endsWith("0") ? "1" : "0"}`;
    await page.locator("#hash").fill(other);
    await page.getByRole("button", { name: "照合" }).click();
    await expect.poll(() => page.locator("#result").textContent()).toContain("一致しません");
    await screenshot(page, "82-certificate-verify-mismatch");

    const shown = (await page.locator("body").textContent()) ?? "";
    for (const personal of [subject.family, subject.given, subject.address, "住民票"]) expect(shown).not.toContain(personal);
  });

  it("an unknown code is 404 with the lookup form, and says nothing more", async () => {
    const page = await context.newPage();
    const response = await page.goto("/verify/143014-0000-0000-0000");
    expect(response?.status()).toBe(404);
    expect(await page.locator("#status").textContent()).toContain("この検証コードで発行された証明書はありません");
  });
});
