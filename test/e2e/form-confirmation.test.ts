// Browser tests of how a 異動 form guards the record: 登録 with errors shows the error summary,
// which takes the focus and links to each field; Enter in any field of a complete form opens one
// confirmation (a modal <dialog>) that says who, what and when, with 記録する focused — nothing is
// recorded until it is confirmed, Esc cancels and returns to the field, the focus never leaves the
// dialog for the page behind, and confirming with the keyboard records the change. 設定の変更 shows
// the same error summary.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/platform/demo/seed.ts";
import { formatWareki } from "../../src/lib/wareki.ts";
import { todayInJapan } from "../../src/platform/addressee/calendar-date.ts";
import { residentModule } from "../../src/modules/resident/index.ts";
import { recordChange } from "../../src/modules/resident/service.ts";
import type { ChangeRequest, PersonInputType } from "../../src/modules/resident/api-schemas.ts";
import { launchChromium, logIn, municipalityOption, newStaffContext, screenshot, startDemoServer, type DemoServer } from "./support/browser.ts";
import { confirmDialog, confirmRecording, openStatingPurpose } from "./support/confirm.ts";

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const HAYAMA = { id: "143014", option: municipalityOption("葉山町") };
let headId = "";

function day(offset: number): string {
  const d = new Date(`${todayInJapan()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

const person = (given: string, givenKana: string, sex: "male" | "female", birthDate: string, relationship: PersonInputType["relationship"]): PersonInputType => ({
  familyName: "磯部",
  givenName: given,
  familyNameKana: "イソベ",
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

/** The 異動 recorded for the household's head, as the database holds them. */
async function changesOfHead(): Promise<number> {
  const rows = await server.platform.db.withTenant(HAYAMA.id, (tx) =>
    tx.query("SELECT count(*) AS n FROM resident_change_entry WHERE person_id = $1", [headId]),
  );
  return Number((rows.rows[0] as { n: string }).n);
}

const focusedId = () => page.evaluate(() => document.activeElement?.id ?? "");

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  const family = await record({
    kind: "moved-in",
    effectiveDate: "2022-04-01",
    notifiedDate: "2022-04-01",
    address: { postalCode: "2400111", address: "神奈川県三浦郡葉山町一色700番地", addressLine2: null },
    previousAddress: { address: "東京都大田区蒲田五丁目13番14号" },
    persons: [person("隆", "タカシ", "male", "1968-03-03", "head"), person("恵子", "ケイコ", "female", "1970-09-09", "wife")],
  });
  headId = family.entries[0]!.personId;
  context = await newStaffContext(browser, server.baseUrl);
  page = await context.newPage();
  await logIn(page, HAYAMA.option, "clerk", DEMO_PASSWORD);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe("a 転居 form", () => {
  it("submitted with errors shows the error summary, focused, whose links focus each field", async () => {
    await openStatingPurpose(page, `/residents/${headId}/changes/address-changed`, "change-form", "転居届の受付");
    const form = page.getByTestId("change-form");
    const before = await changesOfHead();
    await form.getByRole("button", { name: "転居を記録する" }).click();
    const summary = page.getByTestId("error-summary");
    await summary.waitFor();
    await expect.poll(focusedId).toBe("rc-error-summary");
    expect(await summary.getByRole("heading").textContent()).toContain("記録できません");
    const links = summary.getByRole("link");
    const texts = await links.allTextContents();
    expect(texts).toHaveLength(2);
    // Each line names its field and links to it by id.
    expect(texts[0]).toMatch(/^転居日（異動日）：/);
    expect(await links.first().getAttribute("href")).toBe("#rc-effectiveDate");
    expect(texts[1]).toMatch(/^住所（町字まで）：/);
    await screenshot(page, "94-change-error-summary");

    await links.first().click();
    expect(await focusedId()).toBe("rc-effectiveDate");
    // By keyboard: Tab from the summary to a link, Enter moves to its field.
    await links.nth(1).focus();
    await page.keyboard.press("Enter");
    expect(await focusedId()).toBe("rc-address-address");
    expect(await page.getByTestId("confirm-dialog").isVisible()).toBe(false);
    expect(await changesOfHead()).toBe(before);
  });

  it("Enter in a field opens the confirmation — who, what, when — and nothing is recorded until it is confirmed; Esc cancels", async () => {
    await openStatingPurpose(page, `/residents/${headId}/changes/address-changed`, "change-form", "転居届の受付");
    const form = page.getByTestId("change-form");
    const before = await changesOfHead();
    await form.locator("#rc-effectiveDate").fill(formatWareki(day(-3)));
    await form.locator("#rc-notifiedDate").fill(formatWareki(day(-1)));
    // 240-0112 is 堀内 alone in the town's address master: the 町字 follows, then the 番地.
    await form.locator("#rc-address-postalCode").fill("240-0112");
    await expect.poll(() => form.locator("#rc-address-address").inputValue()).toBe("神奈川県三浦郡葉山町堀内");
    const address = form.locator("#rc-address-address-block");
    await address.fill("800番地");
    await page.getByTestId("rule-verdict").getByText("記録の規則に合っています").waitFor();
    await address.press("Enter");

    const dialog = confirmDialog(page);
    await dialog.waitFor({ state: "visible" });
    expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open && d.matches(":modal"))).toBe(true);
    expect(await dialog.getByRole("heading").textContent()).toBe("転居を記録しますか");
    const text = (await dialog.getByTestId("change-confirmation").textContent()) ?? "";
    expect(text).toContain("磯部\u3000隆");
    expect(text).toContain("磯部\u3000恵子");
    expect(text).toContain("転居");
    expect(text).toContain("神奈川県三浦郡葉山町堀内800番地");
    expect(text).toContain(`異動日${formatWareki(day(-3))}`);
    expect(text).toContain(`届出日${formatWareki(day(-1))}`);
    // 記録する has the focus; Tab moves within the dialog, never to the page behind it.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("記録する");
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      const behind = await page.evaluate(() => {
        const active = document.activeElement;
        return !!active && active !== document.body && !document.querySelector("dialog[open]")!.contains(active);
      });
      expect(behind).toBe(false);
    }
    await screenshot(page, "95-change-confirmation");
    expect(await changesOfHead()).toBe(before);

    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await focusedId()).toBe("rc-address-address-block");
    expect(await changesOfHead()).toBe(before);
    expect(page.url()).toContain("/changes/address-changed");

    // Enter again, then Enter on the focused 記録する: recorded once, shown in the history.
    await address.press("Enter");
    await dialog.waitFor({ state: "visible" });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("記録する");
    await page.keyboard.press("Enter");
    await page.getByTestId("recorded-change").waitFor();
    expect(await changesOfHead()).toBe(before + 1);
    const moved = page.getByTestId("resident-history").locator('tbody tr[data-kind="address-changed"]');
    expect(await moved.count()).toBe(1);
    expect(await moved.textContent()).toContain("神奈川県三浦郡葉山町堀内800番地");
  });

  it("the 戻って修正する button cancels as Esc does, and 記録する then records from the registration screen too (転入)", async () => {
    await openStatingPurpose(page, "/residents/move-in", "change-form", "転入届の受付");
    const form = page.getByTestId("change-form");
    await form.locator("#rc-effectiveDate").fill(formatWareki(day(-4)));
    await form.locator("#rc-notifiedDate").fill(formatWareki(day(-2)));
    await form.locator("#rc-address-postalCode").fill("240-0112");
    await expect.poll(() => form.locator("#rc-address-address").inputValue()).toBe("神奈川県三浦郡葉山町堀内");
    await form.locator("#rc-address-address-block").fill("50番地");
    await form.locator("#rc-previousAddress-address").fill("東京都港区芝公園四丁目2番8号");
    await form.locator("#rc-persons-0-familyName").fill("汐入");
    await form.locator("#rc-persons-0-givenName").fill("直人");
    await form.locator("#rc-persons-0-familyNameKana").fill("シオイリ");
    await form.locator("#rc-persons-0-givenNameKana").fill("ナオト");
    await form.locator("#rc-persons-0-birthDate").fill("S55.2.2");
    await form.locator("#rc-persons-0-sex").selectOption({ label: "男" });
    const count = async () =>
      Number(
        ((await server.platform.db.withTenant(HAYAMA.id, (tx) => tx.query("SELECT count(*) AS n FROM resident_change"))).rows[0] as { n: string }).n,
      );
    const before = await count();
    await form.getByRole("button", { name: "転入を記録する" }).click();
    const dialog = confirmDialog(page);
    await dialog.waitFor({ state: "visible" });
    const text = (await dialog.textContent()) ?? "";
    expect(text).toContain("転入を記録しますか");
    expect(text).toContain("汐入\u3000直人");
    expect(text).toContain("新しい世帯をつくる");
    await dialog.getByRole("button", { name: "戻って修正する" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await count()).toBe(before);
    await form.getByRole("button", { name: "転入を記録する" }).click();
    await confirmRecording(page);
    await page.getByTestId("recorded-change").waitFor();
    expect(await count()).toBe(before + 1);
    expect(await page.locator("#record-name").textContent()).toBe("汐入\u3000直人");
  });
});

describe("the other staff forms", () => {
  it("設定の変更 lists its errors in the same summary, focused, whose link focuses the reason", async () => {
    const admin = await context.newPage();
    await admin.goto("/");
    await admin.getByRole("button", { name: "ログアウト" }).click();
    await logIn(admin, HAYAMA.option, "admin", DEMO_PASSWORD);
    await admin.goto("/settings");
    await admin.getByTestId("settings-table").locator("tbody tr").first().waitFor();
    await admin.getByRole("button", { name: "変更（住民票の写しの交付手数料（円））" }).click();
    const form = admin.getByTestId("setting-edit-form");
    await form.getByLabel("新しい値").fill("20000");
    await form.getByRole("button", { name: "変更する" }).click();
    const summary = admin.getByTestId("error-summary");
    await summary.waitFor();
    await expect.poll(() => admin.evaluate(() => document.activeElement?.id)).toBe("setting-error-summary");
    const link = summary.getByRole("link");
    expect(await link.allTextContents()).toEqual(["理由を500文字以内で入力してください"]);
    await link.click();
    expect(await admin.evaluate(() => document.activeElement?.id)).toBe("setting-reason");
    await admin.close();
  });
});
