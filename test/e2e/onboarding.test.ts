// Browser test of handing a new municipality over (ADR 0020, docs/operations.md): the operator
// onboards 逗子市 naming its first administrator, reads the activation code once, and the
// administrator logs in with it, sets a password of their own and manages the town's staff;
// when the administrator is locked out, the operator issues a new code the same way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEMO_OPERATOR, DEMO_PASSWORD } from "../../src/platform/demo/seed.ts";
import { chooseMunicipality, launchChromium, logIn, navigationLabels, newStaffContext, openScreen, OPERATOR_OPTION, screenshot, startDemoServer, type DemoServer } from "./support/browser.ts";

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const ZUSHI = { id: "142085", option: "神奈川県 逗子市" };

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  context = await newStaffContext(browser, server.baseUrl);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Logs in with a temporary password and sets the holder's own on the same form. */
async function activate(loginId: string, code: string, password: string) {
  await page.getByRole("heading", { name: "職員ログイン" }).waitFor();
  await chooseMunicipality(page, ZUSHI.option);
  await page.getByLabel("ログインID").fill(loginId);
  await page.locator("#password").fill(code);
  await page.locator("#password").press("Enter");
  await page.locator("#newPassword").waitFor();
  await page.locator("#newPassword").fill(password);
  await page.locator("#newPasswordAgain").fill(password);
  await page.getByRole("button", { name: "パスワードを設定してログイン" }).click();
  await page.getByRole("button", { name: "ログアウト" }).waitFor();
}

describe("onboarding a municipality and handing it over", () => {
  let code = "";

  it("the operator adds 逗子市 with its first administrator and is shown the activation code once", async () => {
    await logIn(page, OPERATOR_OPTION, DEMO_OPERATOR.loginId, DEMO_PASSWORD);
    await page.getByLabel("団体コード").fill(ZUSHI.id);
    await expect.poll(() => page.locator("#tenant-id-status").textContent()).toBe("神奈川県 逗子市（ズシシ）");
    await page.getByRole("button", { name: "追加する" }).click();
    await page.locator("#tenant-loginId-error").waitFor();
    await page.getByLabel("管理者のログインID").fill("zushi.admin");
    await page.getByLabel("管理者の氏名").fill("情報 政策");
    await page.getByRole("button", { name: "追加する" }).click();
    await page.getByText("逗子市（142085）を追加しました。").waitFor();
    code = (await page.getByTestId("temporary-password").textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
    const row = page.getByTestId("tenant-table").locator("tbody tr").filter({ hasText: ZUSHI.id });
    await expect.poll(() => row.locator("td").nth(5).textContent()).toBe("1");
    await screenshot(page, "30-onboarding-activation-code");
    // Nothing keeps the code but its hash: a reload shows it no more.
    await page.reload();
    await page.getByTestId("tenant-table").waitFor();
    expect(await page.getByTestId("temporary-password").count()).toBe(0);
    await page.getByRole("button", { name: "ログアウト" }).click();
  });

  it("the administrator logs in with the code, sets a password of their own, and manages the town's staff", async () => {
    await page.getByRole("heading", { name: "職員ログイン" }).waitFor();
    await activate("zushi.admin", code, "山と海のあいだにある小さな町の役場");
    expect(await page.getByTestId("organisation").textContent()).toBe(ZUSHI.option);
    expect(await navigationLabels(page)).toEqual(expect.arrayContaining(["職員管理", "監査ログ"]));
    expect(await navigationLabels(page)).not.toContain("支援措置");
    await openScreen(page, "職員管理");
    const rows = page.getByTestId("staff-table").locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain("情報 政策");
    expect(await rows.first().textContent()).toContain("有効");
    await screenshot(page, "31-onboarding-administrator-staff");
    await page.getByRole("button", { name: "ログアウト" }).click();
    // The code worked once.
    await chooseMunicipality(page, ZUSHI.option);
    await page.getByLabel("ログインID").fill("zushi.admin");
    await page.locator("#password").fill(code);
    await page.locator("#password").press("Enter");
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).toContain("ログインIDまたはパスワードが違います");
  });

  it("the operator resets the town's last administrator with a new activation code, never seeing a password", async () => {
    await logIn(page, OPERATOR_OPTION, DEMO_OPERATOR.loginId, DEMO_PASSWORD);
    const row = page.getByTestId("tenant-table").locator("tbody tr").filter({ hasText: ZUSHI.id });
    await row.getByRole("button", { name: "管理者の再設定" }).click();
    await page.locator(`#admin-${ZUSHI.id}-loginId`).fill("zushi.admin");
    await page.locator(`#admin-${ZUSHI.id}-displayName`).fill("情報 政策");
    await page.getByLabel("理由").fill("パスワード失念（逗子市総務課 文書 第12号）");
    await page.getByRole("button", { name: "有効化コードを発行する" }).click();
    const fresh = page.getByTestId("temporary-password");
    await fresh.waitFor();
    const again = (await fresh.textContent())!.trim();
    expect(again).not.toBe(code);
    await screenshot(page, "32-onboarding-administrator-reset");
    await page.getByRole("button", { name: "ログアウト" }).click();
    await activate("zushi.admin", again, "潮風の届く庁舎で迎える新しい年度");
    expect(await page.getByTestId("user-name").textContent()).toBe("情報 政策");
  });
});
