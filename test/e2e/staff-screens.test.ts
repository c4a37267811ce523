// Browser tests of the staff screens (職員画面) of a municipality: what a clerk and an
// administrator of 葉山町 see and can do, log-out, and an expired session.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD, DEMO_STAFF } from "../../src/platform/demo/seed.ts";
import { auditVerifyJob } from "../../src/platform/audit/verify-job.ts";
import {
  chooseMunicipality,
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
    await chooseMunicipality(page, HAYAMA);
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

  it("the municipality is found as staff type its name, reading or code, and chosen with the keyboard", async () => {
    page = await freshPage();
    await page.goto("/");
    const field = page.getByRole("combobox", { name: "団体" });
    const options = page.getByRole("listbox").getByRole("option");
    await field.fill("はやま");
    await expect.poll(() => options.allTextContents()).toEqual(["神奈川県 葉山町ハヤママチ\u3000143014"]);
    await field.fill("14301");
    await expect.poll(() => options.allTextContents()).toEqual(["神奈川県 葉山町ハヤママチ\u3000143014"]);
    await field.fill("大阪");
    await page.getByText("該当する団体がありません").waitFor();
    // Text that names no choice is not a choice: the form says so at the field.
    await page.getByLabel("ログインID").fill("clerk");
    await page.getByLabel("パスワード").fill(DEMO_PASSWORD);
    await page.getByLabel("パスワード").press("Enter");
    await page.locator("#tenant-error").waitFor();
    expect(await page.locator("#tenant-error").textContent()).toContain("候補の一覧から団体を選んでください");
    await field.fill("うんよう");
    await expect.poll(() => options.allTextContents()).toEqual(["運用事業者（プラットフォーム）"]);
    await field.fill("葉山");
    await expect.poll(() => options.allTextContents()).toEqual(["神奈川県 葉山町ハヤママチ\u3000143014"]);
    await field.press("ArrowDown");
    await expect.poll(() => options.first().getAttribute("aria-selected")).toBe("true");
    await field.press("Enter");
    expect(await field.inputValue()).toBe("神奈川県 葉山町");
    expect(await page.locator("#tenant-error").count()).toBe(0);
    await screenshot(page, "01b-login-municipality-chosen");
    await page.getByLabel("パスワード").fill(DEMO_PASSWORD);
    await page.getByLabel("パスワード").press("Enter");
    await page.getByRole("button", { name: "ログアウト" }).waitFor();
    expect(await page.getByTestId("organisation").textContent()).toBe("神奈川県 葉山町");
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
    await page.getByRole("button", { name: "作成する" }).click();
    await page.locator("#staff-loginId-error").waitFor();
    expect(await page.locator("#staff-loginId-error").textContent()).toContain("ログインIDは半角英小文字");
    expect(await page.locator("#staff-displayName-error").count()).toBe(0);
    expect(await rows.count()).toBe(DEMO_STAFF.length);
    await screenshot(page, "05-admin-staff-errors");

    await page.getByLabel("ログインID").fill("koseki");
    await page.getByLabel("共通基盤の閲覧").check();
    await page.getByRole("button", { name: "作成する" }).click();
    await page.getByText("職員アカウント「koseki」を作成しました。").waitFor();
    await expect.poll(() => rows.count()).toBe(DEMO_STAFF.length + 1);
    const created = rows.filter({ hasText: "koseki" });
    expect(await created.textContent()).toContain("戸籍 三郎");
    expect(await created.textContent()).toContain("共通基盤：閲覧");
    expect(await created.textContent()).toContain("初回ログイン待ち");
    // The one-time password is shown once, to be handed over; the holder replaces it at the first log-in.
    const oneTime = (await page.getByTestId("temporary-password").textContent())!.trim();
    expect(oneTime).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
    await screenshot(page, "06-admin-staff-created");

    // The server refuses a log-in ID that is taken, and the form says so at the field.
    await page.getByLabel("ログインID").fill("koseki");
    await page.getByLabel("氏名").fill("戸籍 四郎");
    await page.getByRole("button", { name: "作成する" }).click();
    await page.locator("#staff-loginId-error").waitFor();
    expect(await page.locator("#staff-loginId-error").textContent()).toContain("このログインIDは既に使われています");
    expect(await rows.count()).toBe(DEMO_STAFF.length + 1);

    await page.getByRole("button", { name: "ログアウト" }).click();
    await chooseMunicipality(page, HAYAMA);
    await page.getByLabel("ログインID").fill("koseki");
    await page.locator("#password").fill(oneTime);
    await page.locator("#password").press("Enter");
    await page.locator("#newPassword").waitFor();
    await page.locator("#newPassword").fill("koseki-saburo-2026");
    await page.locator("#newPasswordAgain").fill("koseki-saburo-2026");
    await page.getByRole("button", { name: "パスワードを設定してログイン" }).click();
    await page.locator("#newPassword-error").waitFor();
    expect(await page.locator("#newPassword-error").textContent()).toContain("ログインID・氏名・団体名・サービス名を含むパスワードは使えません");
    await page.locator("#newPassword").fill("窓口は毎週月曜の朝から始まります");
    await page.locator("#newPasswordAgain").fill("窓口は毎週月曜の朝から始まります");
    await page.getByRole("button", { name: "パスワードを設定してログイン" }).click();
    await page.getByRole("button", { name: "ログアウト" }).waitFor();
    expect(await page.getByTestId("user-name").textContent()).toBe("戸籍 三郎");
    expect(await page.getByTestId("organisation").textContent()).toBe("神奈川県 葉山町");
  });

  it("an administrator changes an account's roles, disables and enables it with a reason, resets its password, and reads its history", async () => {
    page = await freshPage();
    await logIn(page, HAYAMA, "admin", DEMO_PASSWORD);
    await openScreen(page, "職員管理");
    const rows = page.getByTestId("staff-table").locator("tbody tr");
    await rows.first().waitFor();
    await page.getByRole("button", { name: "閲覧 次郎の操作" }).click();
    const panel = page.getByTestId("account-panel");
    await panel.waitFor();
    // A reason is required before anything changes.
    await panel.getByRole("button", { name: "無効にする" }).click();
    await panel.locator("#account-reason-error").waitFor();
    await panel.getByLabel("理由").fill("異動（教育委員会へ）");
    await panel.getByRole("button", { name: "無効にする" }).click();
    await page.getByText("「閲覧 次郎」を無効にしました。").waitFor();
    const viewer = rows.filter({ hasText: "viewer" });
    await expect.poll(() => viewer.textContent()).toContain("無効");
    expect(await rows.count()).toBe(DEMO_STAFF.length + 1);
    await expect.poll(() => panel.getByTestId("account-history").textContent()).toContain("異動（教育委員会へ）");
    expect(await panel.getByTestId("account-history").textContent()).toContain("職員アカウントの無効化");
    expect(await panel.getByTestId("account-history").textContent()).toContain("管理 太郎");
    await screenshot(page, "06b-admin-staff-disabled");

    await panel.getByLabel("理由").fill("復帰");
    await panel.getByRole("button", { name: "有効にする" }).click();
    await page.getByText("「閲覧 次郎」を有効にしました。").waitFor();
    await panel.getByLabel("宛名の更新").check();
    await panel.getByLabel("理由").fill("窓口応援");
    await panel.getByRole("button", { name: "権限を変更する" }).click();
    await page.getByText("「閲覧 次郎」の権限を変更しました。").waitFor();
    await expect.poll(() => viewer.textContent()).toContain("宛名：閲覧・更新");
    await expect.poll(() => panel.getByTestId("account-history").textContent()).toContain("付与：宛名：更新");

    // A password reset (of another account: viewer logs in later in this file).
    await page.getByRole("button", { name: "支援 三郎の操作" }).click();
    await expect.poll(() => panel.getByRole("heading").first().textContent()).toContain("shien");
    await panel.getByLabel("理由").fill("本人の申出");
    await panel.getByRole("button", { name: "仮パスワードを発行する" }).click();
    await panel.getByTestId("temporary-password").waitFor();
    expect(await panel.getByTestId("temporary-password").textContent()).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
    await screenshot(page, "06c-admin-staff-password-reset");
    expect(await page.getByTestId("account-policy").textContent()).toContain("15文字以上");
  });

  it("staff change their own password from the link above every screen", async () => {
    page = await freshPage();
    await logIn(page, HAYAMA, "koseki", "窓口は毎週月曜の朝から始まります");
    await page.getByRole("link", { name: "パスワード変更" }).click();
    await page.getByLabel("現在のパスワード").fill("窓口は毎週月曜の朝から始まります");
    await page.locator("#newPassword").fill("aaaaaaaaaaaaaaaaaaaa");
    await page.locator("#newPasswordAgain").fill("aaaaaaaaaaaaaaaaaaaa");
    await page.getByRole("button", { name: "変更する" }).click();
    await page.locator("#newPassword-error").waitFor();
    expect(await page.locator("#newPassword-error").textContent()).toContain("同じ文字や短い並びの繰り返し");
    await page.locator("#newPassword").fill("春の海 ひねもすのたり のたりかな");
    await page.locator("#newPasswordAgain").fill("春の海 ひねもすのたり のたりかな");
    await page.getByRole("button", { name: "変更する" }).click();
    await page.getByText("パスワードを変更しました。").waitFor();
    await screenshot(page, "06d-own-password-changed");
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
    // The newest entry is this log-in, named by the server (ADR 0004).
    await expect.poll(() => rows.first().textContent(), { timeout: 20_000 }).toContain("管理 太郎");
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

  it("an entry edited in the database raises an alert on the audit log, for the town's administrator, until acknowledged", async () => {
    await server.platform.db.owner.query("UPDATE audit_log SET purpose = '改ざん' WHERE tenant_id = '143014' AND seq = 1");
    const log = { error: () => {}, info: () => {}, warn: () => {} } as never;
    await expect(auditVerifyJob.run({ tenantId: "platform", platform: server.platform.platform, log })).rejects.toThrow(/chain 143014, entry 1/);
    page = await freshPage();
    await logIn(page, HAYAMA, "admin", DEMO_PASSWORD);
    await openScreen(page, "監査ログ");
    const alerts = page.getByTestId("audit-alerts");
    await alerts.waitFor();
    expect(await alerts.textContent()).toContain("第1件の記録の内容が書き換えられています");
    await screenshot(page, "09-audit-alert");
    await alerts.getByRole("button", { name: "確認した" }).click();
    await expect.poll(() => alerts.count()).toBe(0);
  });
});
