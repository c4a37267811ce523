// Browser tests of 連携状況 (event deliveries) and ジョブ (jobs), with the job workers and the
// event dispatcher running as under `kyodo serve`: an administrator of 葉山町 runs jobs now and
// watches each run end, sees a delivery that failed and retries it until it completes; the
// operator sees failed deliveries of every municipality and runs 監査ログ検証 for the platform.
// A drill area stands in for a business module (support/drill-area.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { DEMO_OPERATOR, DEMO_PASSWORD, DEMO_STAFF } from "../../src/platform/demo/seed.ts";
import { createSettingRegistry } from "../../src/platform/settings/registry.ts";
import { setMunicipalityOverride } from "../../src/platform/settings/overrides.ts";
import { MAX_DELIVERY_ATTEMPTS } from "../../src/platform/events/retry-policy.ts";
import {
  launchChromium,
  logIn,
  municipalityOption,
  navigationLabels,
  newStaffContext,
  openScreen,
  OPERATOR_OPTION,
  screenshot,
  startDemoServer,
  type DemoServer,
} from "./support/browser.ts";
import { countStaffJob, DRILL_EVENT, drillArea, reconcileJob, refusedSubjects } from "./support/drill-area.ts";

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const HAYAMA = { id: "143014", option: municipalityOption("葉山町") };
const SAMUKAWA = { id: "143219", name: "寒川町" };
/** Workers poll every 0.5 s; a run or a delivery ends well within this. */
const SETTLE_MS = 45_000;

beforeAll(async () => {
  server = await startDemoServer({ areas: [drillArea], workers: true });
  browser = await launchChromium();
  // One attempt per delivery, so a refused event is 失敗 at once instead of after eight back-offs.
  const registry = createSettingRegistry(server.platform.platform.areas);
  for (const tenantId of [HAYAMA.id, SAMUKAWA.id]) {
    await server.platform.db.withTenant(tenantId, (tx) =>
      setMunicipalityOverride(tx, registry, tenantId, {
        key: MAX_DELIVERY_ATTEMPTS,
        value: 1,
        reason: "ブラウザテスト：失敗を直ちに表示する",
        actor: "system:test",
      }),
    );
  }
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

async function publish(tenantId: string, subject: string, type = DRILL_EVENT): Promise<void> {
  await server.platform.db.withTenant(tenantId, (tx) =>
    server.platform.platform.events.publish(tx, { type, subject, payload: { note: "drill" } }),
  );
}

/** Waits until the dispatcher has settled the subject's delivery (done or failed). */
async function deliveryStatus(tenantId: string, subject: string): Promise<string | undefined> {
  const r = await server.platform.db.withTenant(tenantId, (tx) =>
    tx.query("SELECT status FROM event_delivery WHERE subject = $1", [subject]),
  );
  return r.rows[0]?.status as string | undefined;
}

/** The run of the job whose state reads `state` (待機中・実行中・成功・失敗). */
function runIn(table: Locator, job: string, state: string): Locator {
  return table.locator("tbody tr", { hasText: job }).filter({ has: page.getByTestId("run-state").getByText(state, { exact: true }) });
}

describe("連携状況 and ジョブ screens", () => {
  it("an administrator runs a job now and watches it end in 成功, and a failing job ends in 失敗 with its error", async () => {
    page = await freshPage();
    await logIn(page, HAYAMA.option, "admin", DEMO_PASSWORD);
    expect(await navigationLabels(page)).toEqual(expect.arrayContaining(["設定", "職員管理", "連携状況", "ジョブ", "監査ログ"]));
    await openScreen(page, "ジョブ");
    const jobs = page.getByTestId("job-table");
    const countStaff = jobs.locator('tr[data-job="drill.count-staff"]');
    await countStaff.waitFor();
    expect(await countStaff.textContent()).toContain("毎日 2:15");
    expect(await countStaff.getByTestId("job-last-run").textContent()).toBe("未実行");
    expect(await jobs.locator('tr[data-job="drill.reconcile"]').textContent()).toContain("手動のみ");
    // A platform job is not the municipality's to see.
    expect(await jobs.locator('tr[data-job="audit.verify"]').count()).toBe(0);

    const runs = page.getByTestId("job-runs-table");
    await page.getByRole("button", { name: `今すぐ実行（${countStaffJob.label}）` }).click();
    await page.getByText("の実行を受け付けました").waitFor();
    const counted = runIn(runs, countStaffJob.label, "成功");
    await counted.waitFor({ timeout: SETTLE_MS });
    // The requester is named once the staff list has loaded.
    await expect.poll(() => counted.textContent()).toContain("管理 太郎（admin）");
    const text = (await counted.textContent()) ?? "";
    expect(text).toContain("手動");
    expect(text).toContain(`職員数 ${DEMO_STAFF.length}`);
    await expect.poll(() => countStaff.getByTestId("job-last-run").textContent()).toContain("成功");

    await page.getByRole("button", { name: `今すぐ実行（${reconcileJob.label}）` }).click();
    const failed = runIn(runs, reconcileJob.label, "失敗");
    await failed.waitFor({ timeout: SETTLE_MS });
    expect(await failed.textContent()).toContain("drill: the external system answered 0 records");
    expect(await runs.locator("tbody tr").count()).toBe(2);
    await screenshot(page, "31-admin-jobs");
  });

  it("an administrator sees a delivery that failed, retries it once the subscriber is back, and it completes", async () => {
    // Enough events before the two watched ones that their numbers pass 9 (no one subscribes).
    for (let n = 1; n <= 10; n++) await publish(HAYAMA.id, `note:${n}`, "drill.noted");
    refusedSubjects.add("drill:1");
    await publish(HAYAMA.id, "drill:1");
    await publish(HAYAMA.id, "drill:2");
    await expect.poll(() => deliveryStatus(HAYAMA.id, "drill:1"), { timeout: SETTLE_MS }).toBe("failed");
    await expect.poll(() => deliveryStatus(HAYAMA.id, "drill:2"), { timeout: SETTLE_MS }).toBe("done");

    page = await freshPage();
    await logIn(page, HAYAMA.option, "admin", DEMO_PASSWORD);
    await openScreen(page, "連携状況");
    const deliveries = page.getByTestId("delivery-table");
    const refused = deliveries.locator("tbody tr", { hasText: "drill:1" });
    await refused.waitFor();
    const refusedText = (await refused.textContent()) ?? "";
    expect(refusedText).toContain("失敗");
    expect(refusedText).toContain("Error: the drill ledger is closed");
    expect(refusedText).toContain("訓練業務");
    expect(await deliveries.locator("tbody tr", { hasText: "drill:2" }).textContent()).toContain("完了");

    await page.getByLabel("状態").selectOption({ label: "失敗" });
    await expect.poll(() => deliveries.locator("tbody tr").count()).toBe(1);
    expect(await deliveries.locator("tbody tr").textContent()).toContain("drill:1");
    await screenshot(page, "32-admin-deliveries-failed");

    refusedSubjects.delete("drill:1");
    await page.getByRole("button", { name: "再送（訓練の記録・drill:1）" }).click();
    await page.getByText("への再送を受け付けました").waitFor();
    await expect.poll(() => deliveryStatus(HAYAMA.id, "drill:1"), { timeout: SETTLE_MS }).toBe("done");
    await page.getByLabel("状態").selectOption({ label: "完了" });
    const delivered = deliveries.locator("tbody tr", { hasText: "drill:1" });
    await delivered.filter({ hasText: "完了" }).waitFor();
    expect(await delivered.textContent()).toContain("配信 ");
    expect(await page.getByRole("button", { name: /^再送/ }).count()).toBe(0);
    await screenshot(page, "33-admin-delivery-retried");

    // Recent events, newest first, by number: past ten events an order by text would put 9 above 12.
    const events = page.getByTestId("event-table").locator("tbody tr");
    expect(await events.nth(0).textContent()).toContain("drill:2");
    expect(await events.nth(1).textContent()).toContain("drill:1");
    expect(await events.nth(2).textContent()).toContain("note:10");
    expect(await events.nth(3).textContent()).toContain("note:9");
  });

  it("the operator sees the failed deliveries of every municipality, named by municipality", async () => {
    refusedSubjects.add("drill:9");
    await publish(SAMUKAWA.id, "drill:9");
    await expect.poll(() => deliveryStatus(SAMUKAWA.id, "drill:9"), { timeout: SETTLE_MS }).toBe("failed");

    page = await freshPage();
    await logIn(page, OPERATOR_OPTION, DEMO_OPERATOR.loginId, DEMO_PASSWORD);
    await openScreen(page, "連携状況");
    const rows = page.getByTestId("delivery-table").locator("tbody tr");
    await rows.filter({ hasText: "drill:9" }).waitFor();
    // Filtered to 失敗 by default, each row named by its municipality.
    expect(await page.getByLabel("状態").inputValue()).toBe("failed");
    const statuses = await rows.locator(".status").allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === "失敗")).toBe(true);
    await expect.poll(() => rows.filter({ hasText: "drill:9" }).textContent()).toContain(`${SAMUKAWA.name}（${SAMUKAWA.id}）`);
    expect(await page.getByRole("button", { name: /^再送/ }).count()).toBe(0);
    await screenshot(page, "34-operator-failed-deliveries");
    refusedSubjects.delete("drill:9");
  });

  it("the operator runs 監査ログ検証 for the platform, sees it end in 成功, and is told a platform job takes no municipality", async () => {
    page = await freshPage();
    await logIn(page, OPERATOR_OPTION, DEMO_OPERATOR.loginId, DEMO_PASSWORD);
    await openScreen(page, "ジョブ");
    const runs = page.getByTestId("job-runs-table");
    await runs.waitFor();
    // 葉山町's runs from the administrator's test are listed with the town's name.
    await expect.poll(() => runs.locator("tbody tr", { hasText: countStaffJob.label }).textContent()).toContain("葉山町");

    await page.locator("#run-job").selectOption({ label: "監査ログの検証" });
    await page.locator("#run-target").selectOption({ label: "葉山町（143014）" });
    await page.getByRole("button", { name: "今すぐ実行" }).click();
    await page.locator("#run-target-error").waitFor();
    expect(await page.locator("#run-target-error").textContent()).toContain("このジョブは基盤全体で1回実行します");

    await page.locator("#run-target").selectOption({ label: "基盤全体" });
    await page.getByRole("button", { name: "今すぐ実行" }).click();
    await page.getByText("「監査ログの検証」（基盤全体）の実行を受け付けました。").waitFor();
    const verified = runIn(runs, "監査ログの検証", "成功");
    await verified.waitFor({ timeout: SETTLE_MS });
    const text = (await verified.textContent()) ?? "";
    expect(text).toContain("基盤全体");
    expect(text).toContain("運用事業者");
    expect(text).toContain("改ざん・欠落なし はい");
    await screenshot(page, "35-operator-jobs");
  });
});
