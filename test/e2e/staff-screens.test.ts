// Browser tests of the staff screens (職員画面) of a municipality: what a clerk and an
// administrator of 葉山町 see and can do, log-out, and an expired session.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD, DEMO_STAFF } from "../../src/platform/demo/seed.ts";
import {
  launchChromium,
  logIn,
  municipalityOption,
  navigationLabels,
  newStaffContext,
  openScreen,
  screenshot,
  startDemoServer,
  type DemoServer,
} from "./support/browser.ts";

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const HAYAMA = municipalityOption("葉山町");

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function freshPage(): Promise<Page> {
  await context?.close();
  context = await newStaffContext(browser, server.baseUrl);
  return context.newPage();
}

describe("staff web UI of a municipality", () => {
  it("a wrong password is refused with the server's Japanese message and the form stays", async () => {
    page = await freshPage();
    await page.goto("/");
    await page.getByLabel("ログインID").waitFor();
    await screenshot(page, "01-login");
    await page.getByLabel("団体").selectOption({ label: HAYAMA });
    await page.getByLabel("ログインID").fill("clerk");
    await page.getByLabel("パスワード").fill("not-the-password");
    await page.getByLabel("パスワード").press("Enter");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("ログインIDまたはパスワードが違います");
    expect(await page.getByRole("button", { name: "ログアウト" }).count()).toBe(0);
    expect(await page.getByLabel("パスワード").inputValue()).toBe("");
    await screenshot(page, "02-login-wrong-password");
  });

  it("a clerk sees 葉山町 and their roles in the header, and only the screens their roles open", async () => {
    page = await freshPage();
    await logIn(page, HAYAMA, "clerk", DEMO_PASSWORD);
    expect(await page.getByTestId("organisation").textContent()).toBe("神奈川県 葉山町");
    expect(await page.getByTestId("user-name").textContent()).toBe("窓口 花子");
    expect(await page.getByTestId("user-roles").textContent()).toContain("共通基盤：閲覧宛名：更新・証明");
    const clerkMenu = await navigationLabels(page);
    expect(clerkMenu).toEqual(expect.arrayContaining(["ホーム", "宛名検索", "住登外者の登録", "設定"]));
    for (const adminOnly of ["名寄せ候補", "職員管理", "連携状況", "ジョブ", "監査ログ", "団体一覧"]) expect(clerkMenu).not.toContain(adminOnly);
    await page.getByRole("heading", { name: "ホーム" }).waitFor();
    expect(await page.getByRole("main").textContent()).toContain("143014");
    await screenshot(page, "03-clerk-home");

    // Typing an admin screen's address does not open it either.
    await page.goto("/staff");
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).toContain("この画面を開く権限がありません");
    expect(await page.getByTestId("staff-table").count()).toBe(0);
  });

  it("logging out returns to the log-in screen, and a reload stays logged out", async () => {
    page = await freshPage();
    await logIn(page, HAYAMA, "clerk", DEMO_PASSWORD);
    await page.getByRole("button", { name: "ログアウト" }).click();
    await page.getByRole("heading", { name: "職員ログイン" }).waitFor();
    expect(await page.getByRole("status").textContent()).toContain("ログアウトしました");
    await page.reload();
    await page.getByRole("heading", { name: "職員ログイン" }).waitFor();
    expect(await page.getByRole("button", { name: "ログアウト" }).count()).toBe(0);
  });

  it("an administrator is told per field what is wrong, then creates a staff account that appears in the list and can log in", async () => {
    page = await freshPage();
    await logIn(page, HAYAMA, "admin", DEMO_PASSWORD);
    expect(await navigationLabels(page)).toEqual(expect.arrayContaining(["ホーム", "名寄せ候補", "設定", "職員管理", "連携状況", "ジョブ", "監査ログ"]));
    await openScreen(page, "職員管理");
    const rows = page.getByTestId("staff-table").locator("tbody tr");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(DEMO_STAFF.length);
    await screenshot(page, "04-admin-staff-list");

    await page.getByLabel("ログインID").fill("Koseki Saburo");
    await page.getByLabel("氏名").fill("戸籍 三郎");
    await page.getByLabel("初期パスワード").fill("short");
    await page.getByRole("button", { name: "作成する" }).click();
    await page.locator("#staff-loginId-error").waitFor();
    expect(await page.locator("#staff-loginId-error").textContent()).toContain("ログインIDは半角英小文字");
    expect(await page.locator("#staff-password-error").textContent()).toContain("初期パスワードは12文字以上");
    expect(await page.locator("#staff-displayName-error").count()).toBe(0);
    expect(await rows.count()).toBe(DEMO_STAFF.length);
    await screenshot(page, "05-admin-staff-errors");

    await page.getByLabel("ログインID").fill("koseki");
    await page.getByLabel("初期パスワード").fill("koseki-initial-2026");
    await page.getByLabel("共通基盤の閲覧").check();
    await page.getByRole("button", { name: "作成する" }).click();
    await page.getByText("職員アカウント「koseki」を作成しました。").waitFor();
    await expect.poll(() => rows.count()).toBe(DEMO_STAFF.length + 1);
    const created = rows.filter({ hasText: "koseki" });
    expect(await created.textContent()).toContain("戸籍 三郎");
    expect(await created.textContent()).toContain("共通基盤：閲覧");
    await screenshot(page, "06-admin-staff-created");

    // The server refuses a log-in ID that is taken, and the form says so at the field.
    await page.getByLabel("ログインID").fill("koseki");
    await page.getByLabel("氏名").fill("戸籍 四郎");
    await page.getByLabel("初期パスワード").fill("koseki-initial-2026");
    await page.getByRole("button", { name: "作成する" }).click();
    await page.locator("#staff-loginId-error").waitFor();
    expect(await page.locator("#staff-loginId-error").textContent()).toContain("このログインIDは既に使われています");
    expect(await rows.count()).toBe(DEMO_STAFF.length + 1);

    await page.getByRole("button", { name: "ログアウト" }).click();
    await logIn(page, HAYAMA, "koseki", "koseki-initial-2026");
    expect(await page.getByTestId("user-name").textContent()).toBe("戸籍 三郎");
    expect(await page.getByTestId("organisation").textContent()).toBe("神奈川県 葉山町");
  });

  it("an administrator sees an account's log-in failures from a source, held back, and clears them", async () => {
    const attempt = (password: string) =>
      fetch(`${server.baseUrl}/api/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ tenantId: "143014", loginId: "viewer", password }),
      });
    for (let i = 0; i < 5; i++) expect((await attempt("not-the-password")).status).toBe(401);
    const held = await attempt(DEMO_PASSWORD);
    expect(held.status).toBe(429);
    expect(held.headers.get("retry-after")).toBe("60");

    page = await freshPage();
    await logIn(page, HAYAMA, "admin", DEMO_PASSWORD);
    await openScreen(page, "職員管理");
    const rows = page.getByTestId("login-throttle-table").locator("tbody tr");
    // Two rows for viewer: its failures from every source, and from this one (held back).
    const viewer = rows.filter({ hasText: "viewer" }).filter({ hasText: "アカウント × 接続元 127.0.0.1" });
    await viewer.waitFor();
    expect(await viewer.textContent()).toContain("制限中");
    expect(await rows.filter({ hasText: "viewer" }).filter({ hasText: "アカウント（全接続元）" }).textContent()).toContain("失敗を記録中");
    await screenshot(page, "07a-admin-login-throttles");
    await viewer.getByRole("button", { name: /の制限を解除/ }).click();
    await page.getByText("「viewer」の制限を解除しました。").waitFor();
    await expect.poll(() => viewer.count()).toBe(0);
    expect((await attempt(DEMO_PASSWORD)).status).toBe(200);
  });

  it("an administrator reads the municipality's audit log with names and Japanese action labels", async () => {
    page = await freshPage();
    await logIn(page, HAYAMA, "admin", DEMO_PASSWORD);
    await openScreen(page, "監査ログ");
    const rows = page.getByTestId("audit-table").locator("tbody tr");
    await rows.first().waitFor();
    // The newest entry is this log-in; the actor's name appears once the staff list has loaded.
    await expect.poll(() => rows.first().textContent(), { timeout: 20_000 }).toContain("管理 太郎（admin）");
    expect(await rows.first().textContent()).toContain("ログイン");
    expect(await rows.filter({ hasText: "職員アカウント作成" }).count()).toBeGreaterThan(0);
    await screenshot(page, "07-admin-audit-log");
  });

  it("an expired session returns to the log-in screen with 「セッションの有効期限が切れました」", async () => {
    page = await freshPage();
    await logIn(page, HAYAMA, "admin", DEMO_PASSWORD);
    // The application role cannot touch sessions (ADR 0016); the owner can.
    await server.platform.db.owner.query("UPDATE staff_session SET expires_at = now() - interval '1 minute' WHERE ended_at IS NULL");
    await openScreen(page, "監査ログ");
    await page.getByLabel("ログインID").waitFor();
    expect(await page.getByRole("status").textContent()).toContain("セッションの有効期限が切れました");
    await screenshot(page, "08-session-expired");

    // Logging in again resumes on the screen that was being opened.
    await page.getByLabel("ログインID").fill("admin");
    await page.getByLabel("パスワード").fill(DEMO_PASSWORD);
    await page.getByLabel("パスワード").press("Enter");
    await page.getByRole("heading", { name: "監査ログ" }).waitFor();
  });
});
