// Browser tests of the platform operator's screens (運用事業者): the tenant list, onboarding a
// municipality by its 全国地方公共団体コード, and verifying the audit log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEMO_CONSORTIUM, DEMO_OPERATOR, DEMO_PASSWORD, DEMO_STAFF, DEMO_TENANTS } from "../../src/platform/demo/seed.ts";
import {
  launchChromium,
  logIn,
  navigationLabels,
  newStaffContext,
  openScreen,
  OPERATOR_OPTION,
  screenshot,
  startDemoServer,
  type DemoServer,
} from "./support/browser.ts";

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

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

async function tenantCount(): Promise<number> {
  const r = await server.platform.db.withoutTenant((tx) => tx.query("SELECT count(*)::int AS n FROM tenant"));
  return r.rows[0].n as number;
}

describe("operator web UI", () => {
  it("the operator sees every demo municipality, no municipality in the header, and only operator screens", async () => {
    await logIn(page, OPERATOR_OPTION, DEMO_OPERATOR.loginId, DEMO_PASSWORD);
    const organisation = await page.getByTestId("organisation").textContent();
    expect(organisation).toBe("運用事業者（プラットフォーム）");
    const header = (await page.getByRole("banner").textContent()) ?? "";
    for (const t of DEMO_TENANTS) expect(header).not.toContain(t.name);
    expect(header).not.toContain("神奈川県");
    expect(await page.getByTestId("user-name").textContent()).toBe(DEMO_OPERATOR.displayName);
    expect(await navigationLabels(page)).toEqual(["団体一覧", "フィット&ギャップ", "連携状況", "ジョブ", "支援措置の状況", "監査ログ検証", "ログイン試行の制限"]);

    const rows = page.getByTestId("tenant-table").locator("tbody tr");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(DEMO_TENANTS.length);
    for (const t of DEMO_TENANTS) {
      const row = rows.filter({ hasText: t.id });
      expect(await row.textContent()).toContain(t.name);
      expect(await row.textContent()).toContain("神奈川県");
      expect(await row.textContent()).toContain(DEMO_CONSORTIUM.name);
      expect(await row.locator("td").nth(5).textContent()).toBe(String(DEMO_STAFF.length));
    }
    await screenshot(page, "11-operator-tenants");
  });

  it("a code with a wrong check digit is flagged as it is typed and adds nothing; the right code names the town from the master and adds it", async () => {
    const rows = page.getByTestId("tenant-table").locator("tbody tr");
    const master = page.getByTestId("municipality-master");
    await master.waitFor();
    expect(await master.textContent()).toContain("総務省 全国地方公共団体コードの一覧（2022年10月21日作成、版 1.8.0）");
    expect(await page.getByLabel("団体名", { exact: false }).count()).toBe(0);
    const code = page.getByLabel("団体コード");
    await code.fill("143820");
    const codeError = page.locator("#tenant-id-error");
    await codeError.waitFor();
    expect(await codeError.textContent()).toContain("検査数字（6桁目）が正しくありません。14382 の検査数字は 1 です");
    await page.getByRole("button", { name: "追加する" }).click();
    expect(await codeError.textContent()).toContain("検査数字");
    expect(await tenantCount()).toBe(DEMO_TENANTS.length);
    expect(await rows.count()).toBe(DEMO_TENANTS.length);
    await screenshot(page, "12-operator-tenant-check-digit");

    await code.fill("143821");
    const status = page.locator("#tenant-id-status");
    await expect.poll(() => status.textContent()).toBe("神奈川県 箱根町（ハコネマチ）");
    await page.getByLabel("人口").fill("11000");
    await page.getByLabel("管理者のログインID").fill("hakone.admin");
    await page.getByLabel("管理者の氏名").fill("箱根 管理者");
    await page.getByRole("button", { name: "追加する" }).click();
    await page.getByText("箱根町（143821）を追加しました。").waitFor();
    await expect.poll(() => rows.count()).toBe(DEMO_TENANTS.length + 1);
    const added = rows.filter({ hasText: "143821" });
    expect(await added.textContent()).toContain("箱根町");
    expect(await added.textContent()).toContain("ハコネマチ");
    expect(await tenantCount()).toBe(DEMO_TENANTS.length + 1);
    await screenshot(page, "13-operator-tenant-added");
  });

  it("a code no local government holds, a 政令指定都市の区 and a town already on the platform are refused as they are typed", async () => {
    const code = page.getByLabel("団体コード");
    const codeError = page.locator("#tenant-id-error");
    await code.fill("139998");
    await expect.poll(() => codeError.textContent()).toContain("全国地方公共団体コードにない番号です");
    await page.getByRole("button", { name: "追加する" }).click();
    expect(await codeError.textContent()).toContain("全国地方公共団体コードにない番号です");
    await screenshot(page, "13b-operator-tenant-unknown-code");

    await code.fill("141011");
    await expect.poll(() => codeError.textContent()).toContain("横浜市鶴見区は政令指定都市の区（行政区）です。横浜市（141003）として登録してください");

    await code.fill("143014");
    await expect.poll(() => codeError.textContent()).toContain("この団体は既に登録されています");
    await page.getByRole("button", { name: "追加する" }).click();
    expect(await codeError.textContent()).toContain("この団体は既に登録されています");
    expect(await tenantCount()).toBe(DEMO_TENANTS.length + 1);
  });

  it("the operator sees operators' and sources' log-in throttles on a screen of its own", async () => {
    await openScreen(page, "ログイン試行の制限");
    await page.getByRole("heading", { name: "ログイン試行の制限" }).first().waitFor();
    await screenshot(page, "13c-operator-login-throttles");
  });

  it("the operator verifies the audit log and sees an intact chain", async () => {
    await openScreen(page, "監査ログ検証");
    const log = await server.platform.db.withOperatorRole((tx) =>
      tx.query("SELECT count(DISTINCT tenant_id)::int AS chains, count(*)::int AS entries FROM audit_log"),
    );
    const { chains, entries } = log.rows[0] as { chains: number; entries: number };
    await page.getByRole("button", { name: "検証を実行する" }).click();
    const result = page.getByTestId("verify-result");
    await result.waitFor();
    const text = (await result.textContent()) ?? "";
    expect(text).toContain("改ざん・削除は見つかりませんでした");
    expect(text).toContain(`${chains}系列`);
    expect(text).toContain(`${entries}件`);
    await screenshot(page, "14-operator-audit-verify");
  });
});
