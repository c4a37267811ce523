// Browser tests of the screens' layout for the clerk's whole day: at 1366×768 the person view shows
// the summary, the 異動 buttons, 証明書の交付 and the history tab without scrolling (the details are
// tabs, operated with the arrow keys); at 1024×768 the search results keep every column — 状態
// included — with addresses wrapping between their parts, and neither the results nor the person
// view scroll sideways; printed, a person view is its content only (no menu, header, purpose bar or
// buttons), in one column, on at most two A4 pages.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/platform/demo/seed.ts";
import { residentModule } from "../../src/modules/resident/index.ts";
import { recordChange } from "../../src/modules/resident/service.ts";
import type { ChangeRequest, PersonInputType } from "../../src/modules/resident/api-schemas.ts";
import { launchChromium, logIn, municipalityOption, newStaffContext, SCREENSHOT_DIR, startDemoServer, type DemoServer } from "./support/browser.ts";
import { openStatingPurpose } from "./support/confirm.ts";

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const HAYAMA = { id: "143014", option: municipalityOption("葉山町") };
const ADDRESS = { postalCode: "2400112", address: "神奈川県三浦郡葉山町堀内1234番地", addressLine2: "グランドメゾン葉山シーサイド301号" };
let headId = "";

const person = (given: string, givenKana: string, sex: "male" | "female", birthDate: string, relationship: PersonInputType["relationship"]): PersonInputType => ({
  familyName: "波多野",
  givenName: given,
  familyNameKana: "ハタノ",
  givenNameKana: givenKana,
  sex,
  birthDate,
  relationship,
});

async function record(request: ChangeRequest) {
  return server.platform.db.withTenant(HAYAMA.id, (tx) =>
    recordChange(tx, { platform: server.platform.platform, vault: residentModule.vault }, request, { actor: "system:e2e-setup" }),
  );
}

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  const family = await record({
    kind: "moved-in",
    effectiveDate: "2021-04-01",
    notifiedDate: "2021-04-01",
    address: { postalCode: "2400111", address: "神奈川県三浦郡葉山町一色500番地", addressLine2: null },
    previousAddress: { address: "東京都世田谷区世田谷四丁目21番27号" },
    persons: [
      person("浩二", "コウジ", "male", "1975-07-07", "head"),
      person("真理", "マリ", "female", "1977-01-20", "wife"),
      person("翔", "ショウ", "male", "2005-05-05", "child"),
    ],
  });
  headId = family.entries[0]!.personId;
  await record({ kind: "address-changed", effectiveDate: "2023-10-01", notifiedDate: "2023-10-02", householdId: (await householdOf(headId)), address: ADDRESS });
  context = await newStaffContext(browser, server.baseUrl);
  page = await context.newPage();
  await logIn(page, HAYAMA.option, "clerk", DEMO_PASSWORD);
});

const open = (url: string, ready: string) => openStatingPurpose(page, url, ready, "画面の確認");

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

async function householdOf(personId: string): Promise<string> {
  const rows = await server.platform.db.withTenant(HAYAMA.id, (tx) => tx.query("SELECT record->>'householdId' AS h FROM resident_current WHERE person_id = $1", [personId]));
  return (rows.rows[0] as { h: string }).h;
}

/** The element's box is wholly inside the viewport as it is, without scrolling (else its box, to say where it is). */
async function inFirstScreen(locator: ReturnType<Page["locator"]>): Promise<true | string> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const inside = r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
    return inside || `${el.textContent}: ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)} in ${window.innerWidth}×${window.innerHeight}`;
  });
}

/** The element lies within the viewport's width (the results sit below the search form, so only across). */
async function withinWidth(locator: ReturnType<Page["locator"]>): Promise<true | string> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return (r.width > 0 && r.left >= 0 && r.right <= document.documentElement.clientWidth) || `${el.textContent}: ${Math.round(r.left)}–${Math.round(r.right)} in ${document.documentElement.clientWidth}`;
  });
}

const scrollsSideways = () => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe("the person view at 1366×768", () => {
  it("shows the summary, every 異動 button, 証明書の交付 and the history tab without scrolling", async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await open(`/residents/${headId}`, "resident-record");
    await page.getByTestId("resident-history").waitFor();
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "90-person-view-1366x768.png") });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const summary = (await page.getByTestId("person-summary").textContent()) ?? "";
    for (const item of ["生年月日", "昭和50年7月7日", "世帯主", "波多野\u3000浩二", "住所", "堀内", "宛名番号"]) expect(summary).toContain(item);
    expect(await page.locator("#record-name").textContent()).toBe("波多野\u3000浩二");
    expect(await page.getByTestId("resident-record").textContent()).toContain("ハタノ\u3000コウジ");
    expect(await inFirstScreen(page.getByTestId("resident-status").first())).toBe(true);

    const changes = page.getByTestId("change-actions").getByRole("link");
    expect(await changes.count()).toBeGreaterThanOrEqual(10);
    for (const link of await changes.all()) expect(await inFirstScreen(link), (await link.textContent()) ?? "").toBe(true);
    expect(await inFirstScreen(page.getByTestId("certificate-link"))).toBe(true);
    const historyTab = page.getByRole("tab", { name: /^異動の履歴/ });
    expect(await historyTab.getAttribute("aria-selected")).toBe("true");
    expect(await inFirstScreen(historyTab)).toBe(true);
    // The history's panel begins on the first screen too.
    const panel = page.getByRole("tabpanel", { name: /^異動の履歴/ });
    expect(await panel.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight - 24)).toBe(true);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(1400);
  });

  it("operates the details as tabs: arrows move between them and show their panel, one tab in the Tab order", async () => {
    const tabs = page.getByTestId("person-tabs").getByRole("tab");
    expect(await tabs.count()).toBe(3);
    expect(await tabs.evaluateAll((els) => els.map((e) => e.getAttribute("tabindex")))).toEqual(["0", "-1", "-1"]);
    await page.getByRole("tab", { name: /^異動の履歴/ }).focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("住民票の記載事項");
    const record = page.getByRole("tabpanel", { name: "住民票の記載事項" });
    await record.waitFor();
    expect(await record.getByTestId("resident-basic").textContent()).toContain("前住所〒240-0111神奈川県三浦郡葉山町一色500番地");
    expect(await page.getByTestId("resident-history").isVisible()).toBe(false);
    await page.keyboard.press("ArrowRight");
    await page.getByRole("tabpanel", { name: /^世帯/ }).getByTestId("household-members").waitFor();
    expect(await page.getByTestId("household-members").locator("tbody tr").count()).toBe(3);
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-history");
    await page.keyboard.press("End");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-household");
    await page.keyboard.press("Home");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-history");
    expect(await page.getByTestId("resident-history").isVisible()).toBe(true);
  });
});

describe("at 1024×768", () => {
  it("the search results keep every column, 状態 included, with addresses wrapping between their parts, and do not scroll sideways", async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await open("/residents", "resident-search-form");
    await page.getByLabel("氏名（漢字またはカナ）").fill("波多野");
    await page.getByLabel("氏名（漢字またはカナ）").press("Enter");
    const results = page.getByTestId("resident-results");
    await results.locator("tbody tr").first().waitFor();
    expect(await results.locator("tbody tr").count()).toBe(3);
    expect(await scrollsSideways()).toBe(false);
    expect(await results.evaluate((table) => table.parentElement!.scrollWidth <= table.parentElement!.clientWidth)).toBe(true);
    expect(await withinWidth(results.getByRole("columnheader", { name: "状態" }))).toBe(true);
    expect(await withinWidth(results.getByTestId("resident-status").first())).toBe(true);
    expect(await results.getByTestId("resident-status").first().isVisible()).toBe(true);
    // Each part of an address (県, 郡, 町, 町字, 番地, 方書) stays on one line.
    const parts = results.locator("tbody tr").first().locator(".address-text__part");
    expect(await parts.allTextContents()).toEqual(["神奈川県", "三浦郡", "葉山町", "堀内", "1234番地", "\u3000グランドメゾン葉山シーサイド301号"]);
    const oneLine = await parts.evaluateAll((els) =>
      els.map((el) => el.getBoundingClientRect().height <= parseFloat(getComputedStyle(el).lineHeight) * 1.2),
    );
    expect(oneLine).toEqual(oneLine.map(() => true));
    await results.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "91-resident-search-1024.png") });
  });

  it("the person view does not scroll sideways and still shows the 異動 buttons on the first screen", async () => {
    await open(`/residents/${headId}`, "resident-record");
    expect(await scrollsSideways()).toBe(false);
    expect(await inFirstScreen(page.getByTestId("change-actions").getByRole("link", { name: "転居", exact: true }))).toBe(true);
    expect(await inFirstScreen(page.getByTestId("certificate-link"))).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "92-person-view-1024x768.png") });
  });
});

describe("printing a person view", () => {
  it("prints the content only — no menu, header, purpose bar or buttons — every tab in one column, on at most 2 pages", async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await open(`/residents/${headId}`, "resident-record");
    await page.emulateMedia({ media: "print" });
    const display = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).display);
    expect(await display("nav[aria-label='画面メニュー']")).toBe("none");
    expect(await display(".app-header")).toBe("none");
    expect(await display("[data-testid='purpose-bar']")).toBe("none");
    expect(await display("[data-testid='change-actions']")).toBe("none");
    expect(await display("[data-testid='certificate-link']")).toBe("none");
    expect(await display("[role='tablist']")).toBe("none");
    const buttons = await page.locator("main button, main .button").evaluateAll((els) => els.map((el) => getComputedStyle(el).display));
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.every((d) => d === "none")).toBe(true);
    // Every tab's content is printed, the history and the household too.
    expect(await page.getByTestId("resident-basic").isVisible()).toBe(true);
    expect(await page.getByTestId("household-members").isVisible()).toBe(true);
    expect(await page.getByTestId("resident-history").isVisible()).toBe(true);
    // One column: the main content starts at the page's left edge and nothing is clipped.
    expect(await page.locator("main").evaluate((el) => Math.round(el.getBoundingClientRect().left))).toBe(0);
    const clipped = await page.locator("main .table-wrap").evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).length);
    expect(clipped).toBe(0);

    const file = path.join(SCREENSHOT_DIR, "93-person-view-print.pdf");
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.pdf({ path: file, format: "A4", printBackground: true });
    const info = spawnSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info.status, info.stderr).toBe(0);
    const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    const text = spawnSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).stdout;
    expect(text).toContain("波多野");
    expect(text).not.toContain("画面メニュー");
    expect(text).not.toContain("ログアウト");
    expect(text).not.toContain("証明書の交付");
    await page.emulateMedia({ media: "screen" });
  });
});
