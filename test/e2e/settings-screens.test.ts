// Browser tests of 設定 (settings) and フィット&ギャップ: a clerk reads the settings of 葉山町
// with where each value comes from; an administrator changes settings with a reason, sees the
// fit-gap count move and the history record who, when and why, and is told at the field when a
// value does not fit; the inputs follow each setting's schema (a list for 首長の職名, labelled time
// fields for 窓口受付時間); the operator sets a value for the consortium, which each member town's
// administrator then sees as 一部事務組合.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { DEMO_CONSORTIUM, DEMO_OPERATOR, DEMO_PASSWORD, DEMO_TENANTS } from "../../src/platform/demo/seed.ts";
import { createSettingRegistry } from "../../src/platform/settings/registry.ts";
import { MAYOR_TITLES } from "../../src/platform/settings/platform-settings.ts";
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

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const HAYAMA = municipalityOption("葉山町");
const CONSORTIUM_LEVEL = `一部事務組合（${DEMO_CONSORTIUM.name}）`;
const STAFF_SCREENS_OF_CLERK = ["ホーム", "住民検索", "転入届", "期間経過の届出", "宛名検索", "住登外者の登録", "設定"];
const STAFF_SCREENS_OF_ADMIN = [
  "ホーム", "住民検索", "転入届", "期間経過の届出", "宛名検索", "住登外者の登録", "名寄せ候補", "支援措置", "支援措置 解除承認", "設定", "職員管理", "連携状況", "ジョブ", "監査ログ", "職印",
];
// Each demo town has its own 首長の氏名 and verification address (the documents area's demo).
const DEMO_OWN_SETTINGS = 2;

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

/** The row of the settings table of one setting, by its key. */
function settingRow(key: string): Locator {
  return page.getByTestId("settings-table").locator(`tbody tr[data-key="${key}"]`);
}

async function deviatingCount(): Promise<number> {
  return Number(await page.getByTestId("fit-gap-summary").getByTestId("fit-gap-deviating").textContent());
}

async function openSettings(option: string, loginId: string): Promise<void> {
  page = await freshPage();
  await logIn(page, option, loginId, DEMO_PASSWORD);
  await openScreen(page, "設定");
  await page.getByTestId("settings-table").locator("tbody tr").first().waitFor();
  await page.getByTestId("fit-gap-summary").waitFor();
}

describe("settings screens", () => {
  it("a clerk reads every setting with its value, level, national default and source, and has no edit controls", async () => {
    page = await freshPage();
    await logIn(page, HAYAMA, "clerk", DEMO_PASSWORD);
    expect(await navigationLabels(page)).toEqual(STAFF_SCREENS_OF_CLERK);
    await openScreen(page, "設定");
    const rows = page.getByTestId("settings-table").locator("tbody tr");
    await rows.first().waitFor();
    const registry = createSettingRegistry(server.platform.platform.areas);
    expect(await rows.count()).toBe(registry.definitions.length);

    const fee = settingRow("platform.certificateFeeYen");
    expect(await fee.getByTestId("setting-value").textContent()).toBe("300");
    expect(await fee.getByTestId("setting-level").textContent()).toBe("全国標準");
    expect(await fee.textContent()).toContain("根拠：全国統一の標準額なし");
    const hours = settingRow("platform.counterHours");
    // The schema's descriptions name the parts of the value.
    expect(await hours.getByTestId("setting-value").textContent()).toBe("受付開始 08:30／受付終了 17:15");
    expect(await page.getByTestId("fit-gap-summary").textContent()).toContain(`全国標準と異なる設定: ${DEMO_OWN_SETTINGS}件`);

    expect(await page.getByRole("button", { name: /^変更/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "団体独自の設定を解除" }).count()).toBe(0);
    expect(await page.getByRole("textbox").count()).toBe(0);
    await screenshot(page, "21-clerk-settings");

    // Reading the history is open to every member of staff.
    await page.getByRole("button", { name: "履歴（団体の表示名）" }).click();
    await page.getByText("変更の記録はありません。").waitFor();
  });

  it("an administrator is told at the field when the reason is missing or the value does not fit, and nothing changes", async () => {
    await openSettings(HAYAMA, "admin");
    expect(await navigationLabels(page)).toEqual(STAFF_SCREENS_OF_ADMIN);
    await page.getByRole("button", { name: "変更（住民票の写しの交付手数料（円））" }).click();
    const form = page.getByTestId("setting-edit-form");
    expect(await page.locator("#setting-value-hint").textContent()).toBe("0〜10000の整数");
    await form.getByLabel("新しい値").fill("20000");
    await form.getByRole("button", { name: "変更する" }).click();
    await page.locator("#setting-reason-error").waitFor();
    expect(await page.locator("#setting-reason-error").textContent()).toContain("理由を500文字以内で入力してください");
    expect(await page.locator("#setting-value-error").count()).toBe(0);

    await form.getByLabel("理由").fill("手数料条例の改正");
    await form.getByRole("button", { name: "変更する" }).click();
    // Refused by the server against the setting's schema, and said at the field in the schema's terms.
    await page.locator("#setting-value-error").waitFor();
    expect(await page.locator("#setting-value-error").textContent()).toContain("0以上10000以下の整数で入力してください");
    expect(await page.locator("#setting-reason-error").count()).toBe(0);
    expect(await form.getByLabel("新しい値").getAttribute("aria-invalid")).toBe("true");
    await screenshot(page, "22-admin-setting-invalid");

    await form.getByRole("button", { name: "閉じる" }).click();
    expect(await settingRow("platform.certificateFeeYen").getByTestId("setting-value").textContent()).toBe("300");
    expect(await deviatingCount()).toBe(DEMO_OWN_SETTINGS);
  });

  it("an administrator changes 団体の表示名 with a reason: 団体独自 in the table, one more gap, and the change in the history", async () => {
    await openSettings(HAYAMA, "admin");
    const before = await deviatingCount();
    await page.getByRole("button", { name: "変更（団体の表示名）" }).click();
    const form = page.getByTestId("setting-edit-form");
    await form.getByLabel("新しい値").fill("葉山町役場");
    await form.getByLabel("理由").fill("庁舎の表示に合わせる");
    await form.getByRole("button", { name: "変更する" }).click();
    await page.getByText("「団体の表示名」を団体独自の値に変更しました。").waitFor();

    const row = settingRow("platform.municipalityDisplayName");
    await expect.poll(() => row.getByTestId("setting-value").textContent()).toBe("葉山町役場");
    expect(await row.getByTestId("setting-level").textContent()).toBe("団体独自");
    await expect.poll(deviatingCount).toBe(before + 1);
    expect(await page.getByTestId("fit-gap-summary").getByTestId("fit-gap-municipality").textContent()).toBe(`団体独自 ${DEMO_OWN_SETTINGS + 1}件`);

    await page.getByRole("button", { name: "履歴（団体の表示名）" }).click();
    const history = page.getByTestId("setting-history").locator("tbody tr");
    await history.first().waitFor();
    expect(await history.count()).toBe(1);
    const entry = (await history.first().textContent()) ?? "";
    expect(entry).toContain("団体独自");
    expect(entry).toContain("葉山町役場");
    expect(entry).toContain("庁舎の表示に合わせる");
    expect(entry).toContain("管理 太郎");
    expect(entry).toMatch(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}/);
    await screenshot(page, "23-admin-setting-changed");
  });

  it("an administrator chooses 首長の職名 from its list, whose options are exactly the schema's", async () => {
    await openSettings(HAYAMA, "admin");
    await page.getByRole("button", { name: "変更（首長の職名）" }).click();
    const form = page.getByTestId("setting-edit-form");
    const select = form.getByRole("combobox", { name: "新しい値" });
    expect(await select.locator("option").allTextContents()).toEqual([...MAYOR_TITLES]);
    expect(await select.inputValue()).toBe("市町村長");
    await form.getByRole("button", { name: "閉じる" }).click();
  });

  it("an administrator shortens 窓口受付時間 with the labelled time fields, then clears the town's own value back to the national standard", async () => {
    await openSettings(HAYAMA, "admin");
    const before = await deviatingCount();
    await page.getByRole("button", { name: "変更（窓口受付時間）" }).click();
    const form = page.getByTestId("setting-edit-form");
    expect(await form.getByLabel("受付開始").getAttribute("type")).toBe("time");
    expect(await form.getByLabel("受付開始").inputValue()).toBe("08:30");
    await form.getByLabel("受付終了").fill("16:00");
    await form.getByLabel("理由").fill("窓口の職員配置の見直し");
    await form.getByRole("button", { name: "変更する" }).click();
    const row = settingRow("platform.counterHours");
    await expect.poll(() => row.getByTestId("setting-value").textContent()).toBe("受付開始 08:30／受付終了 16:00");
    expect(await row.getByTestId("setting-level").textContent()).toBe("団体独自");
    await expect.poll(deviatingCount).toBe(before + 1);

    await page.getByRole("button", { name: "変更（窓口受付時間）" }).click();
    await form.getByLabel("理由").fill("見直しの試行を終了");
    await form.getByRole("button", { name: "団体独自の設定を解除" }).click();
    await page.getByText("「窓口受付時間」の団体独自の設定を解除しました。").waitFor();
    await expect.poll(() => row.getByTestId("setting-level").textContent()).toBe("全国標準");
    expect(await row.getByTestId("setting-value").textContent()).toBe("受付開始 08:30／受付終了 17:15");
    await expect.poll(deviatingCount).toBe(before);

    await page.getByRole("button", { name: "履歴（窓口受付時間）" }).click();
    const history = page.getByTestId("setting-history").locator("tbody tr");
    await expect.poll(() => history.count()).toBe(2);
    expect(await history.nth(0).textContent()).toContain("解除");
    expect(await history.nth(0).textContent()).toContain("見直しの試行を終了");
    expect(await history.nth(1).textContent()).toContain("受付終了 16:00");
  });

  it("the operator sets 首長の職名 for the consortium, and every member town's administrator sees it as 一部事務組合", async () => {
    page = await freshPage();
    await logIn(page, OPERATOR_OPTION, DEMO_OPERATOR.loginId, DEMO_PASSWORD);
    expect(await navigationLabels(page)).toEqual(["団体一覧", "フィット&ギャップ", "連携状況", "ジョブ", "支援措置の状況", "監査ログ検証", "ログイン試行の制限"]);
    await openScreen(page, "フィット&ギャップ");
    const tenantRows = page.getByTestId("fit-gap-table").locator("tbody tr[data-tenant]");
    await tenantRows.first().waitFor();
    expect(await tenantRows.count()).toBe(DEMO_TENANTS.length);
    const hayamaRow = page.getByTestId("fit-gap-table").locator('tr[data-tenant="143014"]');
    expect(await hayamaRow.getByTestId("fit-gap-municipality").textContent()).toBe(String(DEMO_OWN_SETTINGS + 1));
    expect(await hayamaRow.getByTestId("fit-gap-consortium").textContent()).toBe("0");

    const form = page.getByTestId("group-override-form");
    await form.getByLabel("設定する団体の組合・県").selectOption({ label: `${DEMO_CONSORTIUM.name}（一部事務組合・${DEMO_TENANTS.length}団体）` });
    // A fee beyond the schema's maximum: refused by the server, at the value, in the schema's terms.
    await form.getByLabel("設定項目").selectOption({ label: "住民票の写しの交付手数料（円）" });
    await form.getByLabel("値").fill("20000");
    await form.getByLabel("理由").fill("構成団体はすべて町であるため");
    await form.getByRole("button", { name: "設定する" }).click();
    await page.locator("#group-value-error").waitFor();
    expect(await page.locator("#group-value-error").textContent()).toContain("0以上10000以下の整数で入力してください");

    // 首長の職名 is a list: the value is chosen among the schema's titles, not typed.
    await form.getByLabel("設定項目").selectOption({ label: "首長の職名" });
    const titles = form.getByRole("combobox", { name: "値" });
    expect(await titles.locator("option").allTextContents()).toEqual(["選んでください", ...MAYOR_TITLES]);
    await titles.selectOption("町長");
    await form.getByRole("button", { name: "設定する" }).click();
    await page.getByText(`${DEMO_CONSORTIUM.name}の「首長の職名」を設定しました。`).waitFor();
    for (const t of DEMO_TENANTS) {
      const row = page.getByTestId("fit-gap-table").locator(`tr[data-tenant="${t.id}"]`);
      await expect.poll(() => row.getByTestId("fit-gap-consortium").textContent()).toBe("1");
    }
    await page.getByRole("button", { name: "内訳（葉山町）" }).click();
    const detail = page.getByTestId("fit-gap-table").locator(".detail-row");
    expect(await detail.textContent()).toContain(CONSORTIUM_LEVEL);
    expect(await detail.textContent()).toContain("町長");
    expect(await detail.textContent()).toContain("葉山町役場");
    await screenshot(page, "24-operator-fit-gap");

    for (const t of DEMO_TENANTS) {
      await openSettings(municipalityOption(t.name), "admin");
      const row = settingRow("platform.mayorTitle");
      expect(await row.getByTestId("setting-value").textContent()).toBe("町長");
      expect(await row.getByTestId("setting-level").textContent()).toBe(CONSORTIUM_LEVEL);
      expect(await page.getByTestId("fit-gap-summary").getByTestId("fit-gap-consortium").textContent()).toBe("一部事務組合 1件");
    }
    await page.getByRole("button", { name: "履歴（首長の職名）" }).click();
    const entry = page.getByTestId("setting-history").locator("tbody tr").first();
    await entry.waitFor();
    expect(await entry.textContent()).toContain("構成団体はすべて町であるため");
    expect(await entry.textContent()).toContain("運用事業者");
    await screenshot(page, "25-member-town-consortium-setting");
  });
});
