// Browser tests of the 住民記録 counter screens: a clerk of 葉山町 registers the 転入 of a new
// household of two with every date typed in 和暦, finds them by hiragana, records a 出生 into the
// household — first refused at the birth date by the server's rule (a birth in the future) with
// nothing written — then a 転居 of the whole household, sees the three 異動 in the histories, and
// issues a 住民票の写し of the household: preview with 見本, issue, the downloaded PDF's text
// (pdftotext) holding the names, the new address, 和暦 dates and the 証明書番号. A viewer (閲覧)
// reads the same record and is offered no 異動 and no certificate.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/platform/demo/seed.ts";
import { formatWareki } from "../../src/lib/wareki.ts";
import { todayInJapan } from "../../src/platform/addressee/calendar-date.ts";
import {
  launchChromium,
  logIn,
  municipalityOption,
  navigationLabels,
  newStaffContext,
  openScreen,
  screenshot,
  SCREENSHOT_DIR,
  startDemoServer,
  type DemoServer,
} from "./support/browser.ts";
import { confirmRecording, openPersonTab } from "./support/confirm.ts";
import { confirmPurpose, statePurpose } from "./support/purpose.ts";

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const HAYAMA = { id: "143014", option: municipalityOption("葉山町") };

/** A day relative to today in Japan, as ISO. */
function day(offset: number): string {
  const d = new Date(`${todayInJapan()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

/** 「R8.9.24」: a date as a clerk types it in short 和暦. */
const short = (iso: string) => formatWareki(iso, "short");

const MOVED_IN = day(-60);
const NOTIFIED = day(-55);
const BORN = day(-30);
const MOVED = day(-10);
const HEAD = { family: "潮見", given: "健一", kana: "ｼｵﾐ", givenKana: "ｹﾝｲﾁ", birth: "1985-05-12", typed: "S60.5.12" };
const WIFE = { given: "美咲", givenKana: "みさき", birth: "1990-11-03", typed: "平成2年11月3日" };
const CHILD = { given: "陽向", givenKana: "ヒナタ" };
const FIRST_ADDRESS = "神奈川県三浦郡葉山町一色1234番地";
const NEW_ADDRESS = "神奈川県三浦郡葉山町堀内2050番地";

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

async function freshPage(): Promise<Page> {
  await context?.close();
  context = await newStaffContext(browser, server.baseUrl);
  return context.newPage();
}

async function query<T>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await server.platform.db.withTenant(HAYAMA.id, (tx) => tx.query(text, values))).rows as T[];
}

const changeCount = async () => Number((await query<{ n: string }>("SELECT count(*) AS n FROM resident_change"))[0]!.n);

/** The kinds of a person's 異動 history, newest first, as the screen lists them. */
async function historyKinds(): Promise<string[]> {
  const rows = page.getByTestId("resident-history").locator("tbody tr");
  await rows.first().waitFor();
  return rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-kind") ?? ""));
}

function pdfText(file: string): string {
  const result = spawnSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

/**
 * Waits until Chrome's PDF viewer in the certificate frame has loaded the document (its page
 * selector knows the page count), so a screenshot shows the certificate rather than an empty viewer.
 */
async function pdfViewerLoaded(): Promise<void> {
  await expect
    .poll(async () => {
      const viewer = page.frames().find((f) => f.url().startsWith("chrome-extension://"));
      if (!viewer) return false;
      return viewer
        .evaluate(() => {
          const toolbar = document.querySelector("pdf-viewer")?.shadowRoot?.querySelector("viewer-toolbar");
          const selector = toolbar?.shadowRoot?.querySelector("viewer-page-selector");
          return (selector?.getAttribute("style") ?? "").includes("--page-length-digits");
        })
        .catch(() => false);
    })
    .toBe(true);
}

/** The PDF's first page as a PNG beside the screenshots, to look at the certificate itself. */
function renderPdf(file: string, name: string): void {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const result = spawnSync("pdftoppm", ["-png", "-r", "80", "-singlefile", file, path.join(SCREENSHOT_DIR, name)], { encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
}

/** Text without any kind of space, so a name printed 「潮見\u3000健一」 reads 潮見健一 whatever the layout. */
const squeeze = (text: string) => text.replace(/\s+/g, "");

let headId = "";
let childId = "";

describe("住民記録 counter screens", () => {
  it("a clerk registers the 転入 of a household of two with dates typed in 和暦, and opens the head's record", async () => {
    page = await freshPage();
    await logIn(page, HAYAMA.option, "clerk", DEMO_PASSWORD);
    const menu = await navigationLabels(page);
    expect(menu.slice(0, 3)).toEqual(["ホーム", "住民検索", "転入届"]);
    await openScreen(page, "転入届");
    await statePurpose(page, "転入届の受付");
    const form = page.getByTestId("change-form");
    await form.waitFor();
    // The first item has the cursor, so the clerk types straight away.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("rc-effectiveDate");
    await page.keyboard.type(short(MOVED_IN));
    expect(await page.locator("#rc-effectiveDate-status").textContent()).toBe(`${formatWareki(MOVED_IN)}（${MOVED_IN.slice(0, 4)}年${Number(MOVED_IN.slice(5, 7))}月${Number(MOVED_IN.slice(8))}日）`);
    await form.locator("#rc-notifiedDate").fill(formatWareki(NOTIFIED));

    await form.locator("#rc-address-postalCode").fill("240-0111");
    await form.locator("#rc-address-address").fill(FIRST_ADDRESS);
    await form.locator("#rc-address-addressLine2").fill("潮風ハイツ201号");
    await form.locator("#rc-previousAddress-postalCode").fill("154-0017");
    await form.locator("#rc-previousAddress-address").fill("東京都世田谷区世田谷四丁目21番27号");

    await form.locator("#rc-persons-0-familyName").fill(HEAD.family);
    await form.locator("#rc-persons-0-givenName").fill(HEAD.given);
    await form.locator("#rc-persons-0-familyNameKana").fill(HEAD.kana);
    expect(await page.locator("#rc-persons-0-familyNameKana-status").textContent()).toBe("記録される表記：シオミ");
    await form.locator("#rc-persons-0-givenNameKana").fill(HEAD.givenKana);
    await form.locator("#rc-persons-0-birthDate").fill("S60.13.12");
    await form.locator("#rc-persons-0-birthDate").press("Tab");
    // A month that does not exist is said at the field once it is left, and follows the typing.
    expect(await page.locator("#rc-persons-0-birthDate-error").textContent()).toContain("月は1から12までです");
    await form.locator("#rc-persons-0-birthDate").fill(HEAD.typed);
    expect(await page.locator("#rc-persons-0-birthDate-error").count()).toBe(0);
    expect(await page.locator("#rc-persons-0-birthDate-status").textContent()).toBe("昭和60年5月12日（1985年5月12日）");
    await form.locator("#rc-persons-0-sex").selectOption({ label: "男" });
    await form.locator("#rc-persons-0-registeredDomicile").fill("東京都世田谷区世田谷四丁目21番");
    await form.locator("#rc-persons-0-domicileHead").fill("潮見 健一");

    await page.getByRole("button", { name: "＋ もう1人追加" }).press("Enter");
    // The second person starts with the first one's 氏 and 本籍, the cursor at the 名.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("rc-persons-1-givenName");
    expect(await form.locator("#rc-persons-1-familyName").inputValue()).toBe(HEAD.family);
    await page.keyboard.type(WIFE.given);
    await form.locator("#rc-persons-1-givenNameKana").fill(WIFE.givenKana);
    await form.locator("#rc-persons-1-birthDate").fill(WIFE.typed);
    expect(await page.locator("#rc-persons-1-birthDate-status").textContent()).toBe("平成2年11月3日（1990年11月3日）");
    await form.locator("#rc-persons-1-sex").selectOption({ label: "女" });
    await form.locator("#rc-persons-1-relationship").selectOption({ label: "妻" });
    // The draft is complete: the server's rules accept it before anything is recorded.
    await page.getByTestId("rule-verdict").getByText("記録の規則に合っています").waitFor();
    await screenshot(page, "51-resident-move-in-form");

    const before = await changeCount();
    await form.locator("#rc-persons-1-domicileHead").press("Enter");
    await confirmRecording(page);
    await page.getByTestId("recorded-change").waitFor();
    expect(await changeCount()).toBe(before + 1);
    expect(await page.getByTestId("recorded-change").textContent()).toContain("転入を記録しました");
    expect(await page.locator("#record-name").textContent()).toBe("潮見\u3000健一");
    expect(await page.getByTestId("resident-status").first().textContent()).toBe("住民");
    expect(await page.getByTestId("resident-basic").textContent()).toContain("昭和60年5月12日");
    expect(await page.getByTestId("household-members").locator("tbody tr").count()).toBe(2);
    expect(await historyKinds()).toEqual(["moved-in"]);
    headId = page.url().split("/residents/")[1]!;
    const [stored] = await query<{ family_name_kana: string; given_name_kana: string }>(
      "SELECT record->>'familyNameKana' AS family_name_kana, record->>'givenNameKana' AS given_name_kana FROM resident_current WHERE person_id = $1",
      [headId],
    );
    expect(stored).toEqual({ family_name_kana: "シオミ", given_name_kana: "ケンイチ" });
    await screenshot(page, "52-resident-moved-in");
  });

  it("the household is found by its name typed in hiragana, with 生年月日 in 和暦, 世帯主 and 住民 in each row", async () => {
    await openScreen(page, "住民検索");
    await confirmPurpose(page);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("resident-search-name");
    await page.keyboard.type("しおみ");
    await page.keyboard.press("Enter");
    const rows = page.getByTestId("resident-results").locator("tbody tr");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    const head = page.getByTestId("resident-results").locator(`tbody tr[data-person="${headId}"]`);
    const text = (await head.textContent()) ?? "";
    expect(text).toContain("潮見\u3000健一");
    expect(text).toContain("シオミ\u3000ケンイチ");
    expect(text).toContain("昭和60年5月12日");
    expect(text).toContain(FIRST_ADDRESS);
    expect(text).toContain("世帯主");
    expect(await head.getByTestId("resident-status").textContent()).toBe("住民");
    await screenshot(page, "50-resident-search");
    await head.getByRole("link", { name: "潮見\u3000健一" }).click();
    await page.getByTestId("resident-record").waitFor();
  });

  it("a 出生 dated in the future is refused at the birth date by the server's rule and nothing is written; then the birth is recorded", async () => {
    await page.getByTestId("change-actions").getByRole("link", { name: "出生", exact: true }).click();
    await confirmPurpose(page);
    const form = page.getByTestId("change-form");
    await form.waitFor();
    expect(await form.locator("#rc-person-familyName").inputValue()).toBe(HEAD.family);
    expect(await form.locator("#rc-person-relationship").inputValue()).toBe("child");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("rc-person-givenName");
    await page.keyboard.type(CHILD.given);
    await form.locator("#rc-person-givenNameKana").fill(CHILD.givenKana);
    await form.locator("#rc-person-sex").selectOption({ label: "女" });
    await form.locator("#rc-person-birthDate").fill(short(day(20)));
    // Well-formed, so the rules are asked as the clerk types: 生年月日が未来の日付です, at the field.
    const error = page.locator("#rc-person-birthDate-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("生年月日が未来の日付です");
    expect(await error.textContent()).toContain(formatWareki(day(20)));
    expect(await form.locator("#rc-person-birthDate").getAttribute("aria-invalid")).toBe("true");
    const before = await changeCount();
    await form.getByRole("button", { name: "出生を記録する" }).click();
    // The error summary takes the focus and links to the birth date.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("rc-error-summary");
    await page.getByTestId("error-summary").getByRole("link", { name: /生年月日が未来の日付です/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("rc-person-birthDate");
    expect(await changeCount()).toBe(before);
    await screenshot(page, "53-resident-birth-refused");

    await form.locator("#rc-person-birthDate").fill(short(BORN));
    await expect.poll(() => error.count()).toBe(0);
    await form.locator("#rc-person-birthDate").press("Enter");
    await confirmRecording(page);
    await page.getByTestId("recorded-change").waitFor();
    expect(await changeCount()).toBe(before + 1);
    expect(await page.locator("#record-name").textContent()).toBe("潮見\u3000陽向");
    childId = page.url().split("/residents/")[1]!;
    expect(childId).not.toBe(headId);
    expect(await page.getByTestId("resident-basic").textContent()).toContain(formatWareki(BORN));
    expect(await page.getByTestId("household-members").locator("tbody tr").count()).toBe(3);
    await screenshot(page, "54-resident-born");
  });

  it("a 転居 moves the whole household, and the histories show the 転入, the 出生 and the 転居", async () => {
    await openPersonTab(page, "世帯");
    await page.getByTestId("household-members").getByRole("link", { name: "潮見\u3000健一" }).click();
    await page.waitForURL(`**/residents/${headId}`);
    await confirmPurpose(page);
    await page.getByTestId("change-actions").getByRole("link", { name: "転居", exact: true }).click();
    await confirmPurpose(page);
    const form = page.getByTestId("change-form");
    await form.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("rc-effectiveDate");
    await page.keyboard.type(formatWareki(MOVED));
    await form.locator("#rc-address-postalCode").fill("２４０－０１１２");
    await form.locator("#rc-address-address").fill(NEW_ADDRESS);
    await form.locator("#rc-address-address").press("Enter");
    await confirmRecording(page);
    await page.getByTestId("recorded-change").waitFor();
    expect(await page.getByTestId("recorded-change").textContent()).toContain("転居を記録しました");
    expect(await page.getByTestId("resident-address").textContent()).toBe(`〒240-0112${NEW_ADDRESS}`);
    expect(await page.getByTestId("resident-basic").textContent()).toContain(`${FIRST_ADDRESS}\u3000潮風ハイツ201号`);
    expect(await historyKinds()).toEqual(["address-changed", "moved-in"]);
    const moved = page.getByTestId("resident-history").locator('tbody tr[data-kind="address-changed"]');
    expect(await moved.textContent()).toContain(`住所：${FIRST_ADDRESS} → ${NEW_ADDRESS}`);
    expect(await moved.textContent()).toContain(formatWareki(MOVED));
    await screenshot(page, "55-resident-address-changed");

    await openPersonTab(page, "世帯");
    await page.getByTestId("household-members").getByRole("link", { name: "潮見\u3000陽向" }).click();
    await page.waitForURL(`**/residents/${childId}`);
    await confirmPurpose(page);
    expect(await historyKinds()).toEqual(["address-changed", "born"]);

    // As of the day before the move the record still shows the first address.
    await openPersonTab(page, "住民票の記載事項");
    await page.locator("#resident-as-of").fill(short(day(-11)));
    await page.locator("#resident-as-of").press("Enter");
    await page.getByTestId("as-of-tag").waitFor();
    expect(await page.getByTestId("resident-address").textContent()).toContain(FIRST_ADDRESS);
  });

  it("a clerk issues a 住民票の写し of the household: preview with 見本, then the issued PDF names everyone at the new address with its 証明書番号", async () => {
    await page.goto(`/residents/${headId}`);
    await confirmPurpose(page);
    await page.getByTestId("certificate-link").click();
    await confirmPurpose(page);
    const form = page.getByTestId("certificate-form");
    await form.waitFor();
    await form.getByLabel("住民票の写し").waitFor();
    expect(await form.getByLabel("住民票の写し").isChecked()).toBe(true);
    expect(await form.getByLabel("世帯全員（3人）").isChecked()).toBe(true);
    // The 個人番号 needs 管理: a clerk sees the option disabled, with why.
    const myNumber = form.locator("#rc-options-showMyNumber");
    expect(await myNumber.isDisabled()).toBe(true);
    expect(await page.locator("#rc-options-showMyNumber-why").textContent()).toContain("「管理」権限が必要です");
    expect(await page.getByRole("button", { name: "交付する" }).isDisabled()).toBe(true);

    await form.getByLabel("利用目的").fill("勤務先への提出のため");
    const previewed = page.waitForResponse((r) => r.url().endsWith("/api/certificates/resident.juminhyo/preview"));
    await form.getByLabel("利用目的").press("Enter");
    expect((await previewed).status()).toBe(200);
    await page.getByTestId("certificate-pdf").waitFor();
    // The PDF the frame shows, read back from its blob: address in the page.
    const previewBytes = await page.getByTestId("certificate-pdf").evaluate(async (frame) => {
      const bytes = new Uint8Array(await (await fetch((frame as HTMLIFrameElement).src)).arrayBuffer());
      return Array.from(bytes);
    });
    const previewFile = path.join(os.tmpdir(), `kyodo-preview-${process.pid}.pdf`);
    fs.writeFileSync(previewFile, Buffer.from(previewBytes));
    expect(squeeze(pdfText(previewFile))).toContain("見本");
    renderPdf(previewFile, "56-resident-certificate-preview-pdf");
    await pdfViewerLoaded();
    await screenshot(page, "56-resident-certificate-preview");

    const downloaded = page.waitForEvent("download");
    await page.getByRole("button", { name: "交付する" }).click();
    const download = await downloaded;
    await page.getByTestId("issued").waitFor();
    const serial = (await page.getByTestId("certificate-serial").textContent()) ?? "";
    expect(serial).toMatch(/^\d{4}-\d{6,}$/);
    expect(download.suggestedFilename()).toBe(`${serial}.pdf`);
    const file = path.join(os.tmpdir(), `kyodo-issued-${process.pid}.pdf`);
    await download.saveAs(file);
    const text = squeeze(pdfText(file));
    expect(text).toContain("住民票の写し");
    for (const name of ["潮見健一", "潮見美咲", "潮見陽向"]) expect(text).toContain(name);
    // Certificates print an address's digits in one width, full-width (ADR 0019).
    expect(text).toContain(squeeze(NEW_ADDRESS).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)));
    for (const date of ["昭和60年5月12日", "平成2年11月3日", formatWareki(BORN), formatWareki(MOVED)]) expect(text).toContain(date);
    expect(text).toContain(serial);
    expect(text).not.toContain("見本");
    expect(await page.getByRole("button", { name: "交付済み" }).isDisabled()).toBe(true);
    renderPdf(file, "57-resident-certificate-issued-pdf");
    const issues = await query<{ kind: string; subject: string; purpose: string; requester_kind: string }>(
      "SELECT kind, subject, purpose, requester_kind FROM certificate_issue WHERE serial = $1",
      [serial],
    );
    expect(issues).toEqual([{ kind: "resident.juminhyo", subject: expect.stringMatching(/^addressee:\d{15}$/), purpose: "勤務先への提出のため", requester_kind: "self" }]);
    await pdfViewerLoaded();
    await screenshot(page, "57-resident-certificate-issued");
    fs.rmSync(file, { force: true });
    fs.rmSync(previewFile, { force: true });
  });

  it("a 転出 makes the wife's record a 除票: searched only when 除票 are included, marked on the record, which offers only 職権修正", async () => {
    await page.goto(`/residents/${headId}`);
    await openPersonTab(page, "世帯");
    await page.getByTestId("household-members").getByRole("link", { name: "潮見\u3000美咲" }).click();
    await confirmPurpose(page);
    await page.getByTestId("change-actions").getByRole("link", { name: "転出", exact: true }).click();
    await confirmPurpose(page);
    const form = page.getByTestId("change-form");
    await form.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("rc-effectiveDate");
    await page.keyboard.type(short(day(-5)));
    await form.locator("#rc-destination-postalCode").fill("100-0001");
    await form.locator("#rc-destination-address").fill("東京都千代田区千代田1番1号");
    // Only the wife leaves: the head stays, so no new 世帯主 is needed and the rules accept it.
    await page.getByTestId("rule-verdict").getByText("記録の規則に合っています").waitFor();
    await form.locator("#rc-destination-address").press("Enter");
    await confirmRecording(page);
    await page.getByTestId("recorded-change").waitFor();
    await page.getByTestId("removed-banner").waitFor();
    expect(await page.getByTestId("removed-banner").textContent()).toContain(`転出により${formatWareki(day(-5))}に消除`);
    expect(await page.getByTestId("resident-status").first().textContent()).toBe("除票");
    expect(await page.getByTestId("change-actions").getByRole("link").allTextContents()).toEqual(["職権修正"]);
    await screenshot(page, "59-resident-removed-record");

    await openScreen(page, "住民検索");
    await confirmPurpose(page);
    await page.getByRole("button", { name: "条件をクリア" }).click();
    await page.getByLabel("氏名（漢字またはカナ）").fill("ｼｵﾐ");
    await page.getByLabel("氏名（漢字またはカナ）").press("Enter");
    const rows = page.getByTestId("resident-results").locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByTestId("resident-results").getByText("潮見\u3000美咲").count()).toBe(0);
    await page.getByLabel("除票（転出・死亡・職権消除された人）も含める").check();
    await page.getByRole("button", { name: "検索", exact: true }).click();
    await expect.poll(() => rows.count()).toBe(3);
    const wife = rows.filter({ hasText: "潮見\u3000美咲" });
    expect(await wife.getByTestId("resident-status").textContent()).toBe("除票");
    expect(await wife.textContent()).toContain("転出");
  });

  it("a viewer reads the record but is offered no 異動 and no certificate, and a typed form address is refused", async () => {
    page = await freshPage();
    await logIn(page, HAYAMA.option, "viewer", DEMO_PASSWORD);
    const menu = await navigationLabels(page);
    expect(menu).toContain("住民検索");
    expect(menu).not.toContain("転入届");
    await page.goto(`/residents/${headId}`);
    await statePurpose(page, "住民票の記載内容の確認");
    await page.getByTestId("resident-record").waitFor();
    await page.getByTestId("resident-history").waitFor();
    expect(await page.getByTestId("change-actions").count()).toBe(0);
    expect(await page.getByTestId("certificate-link").count()).toBe(0);
    expect(await historyKinds()).toEqual(["address-changed", "moved-in"]);
    await screenshot(page, "58-resident-viewer");

    await page.goto(`/residents/${headId}/changes/died`);
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).toContain("この画面を開く権限がありません");
    expect(await page.getByTestId("change-form").count()).toBe(0);
    await page.goto(`/residents/${headId}/certificate`);
    await page.getByRole("alert").waitFor();
    expect(await page.getByTestId("certificate-form").count()).toBe(0);
  });
});
