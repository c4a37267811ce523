// Browser tests of the 異動 forms beyond the counter's main flow, each driven as a clerk would:
// 世帯主変更 (first refused at the 続柄 by the rule household-has-head as the clerk chooses),
// 氏名変更, 世帯分離, 世帯合併 into a relative's household, 職権修正 of a 生年月日 (its reason
// required), 死亡 of a 世帯主 (the one member staying becomes head), 職権消除, 職権記載, and a 転入
// into an existing household that confirms a known 住登外者 so they keep their 宛名番号. The
// households are recorded through the service beforehand; every change here goes through the UI.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/platform/demo/seed.ts";
import { formatWareki } from "../../src/lib/wareki.ts";
import { todayInJapan } from "../../src/platform/addressee/calendar-date.ts";
import { residentModule } from "../../src/modules/resident/index.ts";
import { recordChange } from "../../src/modules/resident/service.ts";
import type { ChangeRequest, PersonInputType } from "../../src/modules/resident/api-schemas.ts";
import { launchChromium, logIn, municipalityOption, newStaffContext, screenshot, startDemoServer, type DemoServer } from "./support/browser.ts";
import { confirmRecording } from "./support/confirm.ts";

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const HAYAMA = { id: "143014", option: municipalityOption("葉山町") };
const ADDRESS = { postalCode: "2400113", address: "神奈川県三浦郡葉山町長柄100番地", addressLine2: null };
const ids: Record<string, string> = {};

function day(offset: number): string {
  const d = new Date(`${todayInJapan()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}
const short = (iso: string) => formatWareki(iso, "short");

const person = (given: string, givenKana: string, sex: "male" | "female", birthDate: string, relationship: PersonInputType["relationship"]): PersonInputType => ({
  familyName: "海野",
  givenName: given,
  familyNameKana: "ウミノ",
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

async function query<T>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await server.platform.db.withTenant(HAYAMA.id, (tx) => tx.query(text, values))).rows as T[];
}

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  // Grandfather 茂 in his own household; 誠's family of four at the same address, a year later.
  const grandfather = await record({
    kind: "moved-in",
    effectiveDate: "2019-04-01",
    notifiedDate: "2019-04-01",
    address: ADDRESS,
    previousAddress: { address: "静岡県熱海市中央町1番1号" },
    persons: [person("茂", "シゲル", "male", "1940-02-11", "head")],
  });
  ids.shigeru = grandfather.entries[0]!.personId;
  const family = await record({
    kind: "moved-in",
    effectiveDate: "2020-04-01",
    notifiedDate: "2020-04-01",
    address: ADDRESS,
    previousAddress: { address: "東京都港区芝公園四丁目2番8号" },
    persons: [
      person("誠", "マコト", "male", "1970-06-01", "head"),
      person("由美", "ユミ", "female", "1972-08-15", "wife"),
      person("拓也", "タクヤ", "male", "1998-03-03", "child"),
      person("彩", "アヤ", "female", "2001-12-24", "child"),
    ],
  });
  [ids.makoto, ids.yumi, ids.takuya, ids.aya] = family.entries.map((e) => e.personId) as [string, string, string, string];
  page = await (context = await newStaffContext(browser, server.baseUrl)).newPage();
  await logIn(page, HAYAMA.option, "clerk", DEMO_PASSWORD);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** States the purpose when the screen asks for it (each person and kind of 届出 is a journey of its own) before `then` shows. */
async function purposeIfAsked(then: ReturnType<Page["getByTestId"]>): Promise<void> {
  const purpose = page.getByTestId("purpose-form");
  await purpose.or(then).first().waitFor();
  if (await purpose.isVisible()) {
    await purpose.getByLabel("利用目的").selectOption("窓口での本人確認");
    await purpose.getByLabel("具体的な内容").fill("異動届の受付");
    await purpose.getByRole("button", { name: "この目的で照会する" }).click();
  }
  await then.waitFor();
}

/** Opens a person's 異動 form of `kind`, stating the purpose when asked. */
async function openForm(personId: string, kind: string): Promise<void> {
  await page.goto(`/residents/${personId}/changes/${kind}`);
  await purposeIfAsked(page.getByTestId("change-form"));
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).not.toBe(undefined);
}

/** 登録, then 記録する in the confirmation that summarises the change; back on the record. */
async function submitAndWait(button: string): Promise<void> {
  await page.getByRole("button", { name: button }).click();
  await confirmRecording(page);
  await page.getByTestId("recorded-change").waitFor();
}

async function historyKinds(): Promise<string[]> {
  const rows = page.getByTestId("resident-history").locator("tbody tr");
  await rows.first().waitFor();
  return rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-kind") ?? ""));
}

const relationshipOf = async (personId: string) =>
  (await query<{ r: string }>("SELECT record->>'relationship' AS r FROM resident_current WHERE person_id = $1", [personId]))[0]!.r;

describe("異動 forms", () => {
  it("世帯主変更: two heads are refused at the 続柄 as the clerk chooses; then 由美 becomes head and 誠 her 夫", async () => {
    await page.goto("/residents");
    await page.getByTestId("purpose-form").waitFor();
    await page.getByTestId("purpose-form").getByLabel("利用目的").selectOption("窓口での本人確認");
    await page.getByTestId("purpose-form").getByLabel("具体的な内容").fill("異動届の受付");
    await page.getByTestId("purpose-form").getByLabel("具体的な内容").press("Enter");
    await openForm(ids.makoto!, "head-changed");
    await page.locator("#rc-effectiveDate").fill(short(day(-12)));
    await page.locator(`#rc-relationships-${ids.yumi}`).selectOption({ label: "世帯主" });
    const refusal = page.locator("#rc-relationships");
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain("世帯主は世帯に一人です");
    await page.locator(`#rc-relationships-${ids.makoto}`).selectOption({ label: "夫" });
    await expect.poll(() => refusal.count()).toBe(0);
    await page.getByTestId("rule-verdict").getByText("記録の規則に合っています").waitFor();
    await screenshot(page, "60-resident-head-change");
    await submitAndWait("世帯主変更を記録する");
    expect(await relationshipOf(ids.yumi!)).toBe("head");
    expect(await relationshipOf(ids.makoto!)).toBe("husband");
    expect(await historyKinds()).toEqual(["head-changed", "moved-in"]);
  });

  it("氏名変更: 彩 takes the 氏 山辺, typed in hiragana for the カナ", async () => {
    await openForm(ids.aya!, "name-changed");
    await page.locator("#rc-effectiveDate").fill(short(day(-11)));
    await page.locator("#rc-familyName").fill("山辺");
    await page.locator("#rc-familyNameKana").fill("やまべ");
    expect(await page.locator("#rc-familyNameKana-status").textContent()).toBe("記録される表記：ヤマベ");
    await submitAndWait("氏名変更を記録する");
    expect(await page.locator("#record-name").textContent()).toBe("山辺\u3000彩");
    const row = page.getByTestId("resident-history").locator('tbody tr[data-kind="name-changed"]');
    expect(await row.textContent()).toContain("氏：海野 → 山辺");
  });

  it("世帯分離: 拓也 forms his own household as its head, the others keep theirs", async () => {
    await openForm(ids.takuya!, "household-split");
    await page.locator("#rc-effectiveDate").fill(short(day(-10)));
    await page.getByLabel(/^海野\u3000拓也/).check();
    expect(await page.locator(`#rc-relationships-${ids.takuya}`).inputValue()).toBe("head");
    await submitAndWait("世帯分離を記録する");
    expect(await page.getByTestId("household-members").locator("tbody tr").count()).toBe(1);
    expect(await relationshipOf(ids.takuya!)).toBe("head");
    expect(await relationshipOf(ids.yumi!)).toBe("head");
  });

  it("世帯合併: 拓也's household joins his grandfather's, found by its 世帯番号, with 拓也 as 孫", async () => {
    const [grandfather] = await query<{ n: string }>(
      "SELECT h.household_number::text AS n FROM resident_current c JOIN resident_household h USING (tenant_id, household_id) WHERE c.person_id = $1",
      [ids.shigeru],
    );
    await openForm(ids.takuya!, "household-merged");
    await page.locator("#rc-effectiveDate").fill(short(day(-9)));
    await page.getByLabel("合併先の世帯番号").fill(grandfather!.n);
    await page.getByLabel("合併先の世帯番号").press("Enter");
    await page.getByTestId("joining-relationships").waitFor();
    await page.locator(`#rc-relationships-${ids.takuya}`).selectOption({ label: "孫" });
    await screenshot(page, "61-resident-household-merge");
    await submitAndWait("世帯合併を記録する");
    expect(await page.getByTestId("household-members").locator("tbody tr").count()).toBe(2);
    expect(await relationshipOf(ids.takuya!)).toBe("grandchild");
  });

  it("職権修正: a 生年月日 recorded wrong is corrected from the start, the reason being required", async () => {
    await openForm(ids.shigeru!, "ex-officio-correction");
    await page.locator("#rc-effectiveDate").fill("H31.4.1");
    await page.locator("#rc-corrections-0-fields-birthDate").fill("昭和15年2月12日");
    expect(await page.locator("#rc-corrections-0-fields-birthDate-status").textContent()).toBe("昭和15年2月12日（1940年2月12日）");
    await page.getByRole("button", { name: "職権修正を記録する" }).click();
    await page.locator("#rc-reason-error").waitFor();
    expect(await page.locator("#rc-reason-error").textContent()).toContain("職権で修正する理由");
    await page.locator("#rc-reason").fill("戸籍謄本との照合により誤記を確認したため");
    await submitAndWait("職権修正を記録する");
    expect(await page.getByTestId("resident-basic").textContent()).toContain("昭和15年2月12日");
    const row = page.getByTestId("resident-history").locator('tbody tr[data-kind="ex-officio-correction"]');
    expect(await row.textContent()).toContain("生年月日：昭和15年2月11日 → 昭和15年2月12日");
    expect(await row.textContent()).toContain("戸籍謄本との照合により誤記を確認したため");
  });

  it("死亡 of the 世帯主 with one member staying: that member becomes head without a 世帯主変更届; his record is a 除票", async () => {
    await openForm(ids.shigeru!, "died");
    await page.locator("#rc-effectiveDate").fill(short(day(-7)));
    // The chosen head (two or more staying) is test/e2e/notification-deadlines.test.ts.
    expect(await page.getByTestId("automatic-head").textContent()).toContain("世帯主変更届は要しません");
    await screenshot(page, "62-resident-death-needs-head");
    await submitAndWait("死亡を記録する");
    expect(await page.getByTestId("removed-banner").textContent()).toContain("死亡により");
    expect(await relationshipOf(ids.takuya!)).toBe("head");
  });

  it("職権消除 takes 彩 off the registry with its reason", async () => {
    await openForm(ids.aya!, "ex-officio-erasure");
    await page.locator("#rc-effectiveDate").fill(short(day(-3)));
    await page.locator("#rc-reason").fill("実態調査により居住の事実がないことを確認したため");
    await submitAndWait("職権消除を記録する");
    expect(await page.getByTestId("removed-banner").textContent()).toContain("職権消除により");
    expect(await historyKinds()).toEqual(["ex-officio-erasure", "name-changed", "moved-in"]);
  });

  it("職権記載 registers a person found living here, with the reason and no 届出日", async () => {
    await page.goto("/residents/ex-officio-entry");
    const form = page.getByTestId("change-form");
    await purposeIfAsked(form);
    await form.locator("#rc-effectiveDate").fill(short(day(-2)));
    await form.locator("#rc-reason").fill("実態調査により居住を確認したため");
    await form.locator("#rc-address-address").fill("神奈川県三浦郡葉山町上山口300番地");
    await form.locator("#rc-persons-0-familyName").fill("浜田");
    await form.locator("#rc-persons-0-givenName").fill("進");
    await form.locator("#rc-persons-0-familyNameKana").fill("ハマダ");
    await form.locator("#rc-persons-0-givenNameKana").fill("ススム");
    await form.locator("#rc-persons-0-birthDate").fill("S50.1.1");
    await form.locator("#rc-persons-0-sex").selectOption({ label: "男" });
    await submitAndWait("職権記載を記録する");
    expect(await page.locator("#record-name").textContent()).toBe("浜田\u3000進");
    const row = page.getByTestId("resident-history").locator('tbody tr[data-kind="ex-officio-entry"]');
    expect(await row.textContent()).toContain("届出なし（職権）");
  });

  it("転入 into an existing household offers a known 住登外者 with the same カナ and 生年月日, who keeps their 宛名番号", async () => {
    const [known] = await query<{ number: string; name: string; name_kana: string; birth_date: string; sex: string | null }>(
      `SELECT number::text AS number, name, name_kana, birth_date::text AS birth_date, sex FROM addressee
        WHERE kind = 'person' AND merged_into IS NULL AND birth_date IS NOT NULL AND position(chr(12288) in name_kana) > 0
          AND NOT EXISTS (SELECT 1 FROM resident_person r WHERE r.addressee_number = addressee.number)
        ORDER BY number LIMIT 1`,
    );
    expect(known).toBeDefined();
    const [family, given] = known!.name.split(/[\s\u3000]+/);
    const [familyKana, givenKana] = known!.name_kana.split("\u3000");
    await page.goto(`/residents/${ids.yumi}`);
    await purposeIfAsked(page.getByTestId("change-actions"));
    await page.getByTestId("change-actions").getByRole("link", { name: "この世帯に転入" }).click();
    const form = page.getByTestId("change-form");
    await purposeIfAsked(form);
    await page.getByTestId("found-household").waitFor();
    expect(await form.locator("#rc-address-address").inputValue()).toBe(ADDRESS.address);
    await form.locator("#rc-effectiveDate").fill(short(day(-1)));
    await form.locator("#rc-previousAddress-address").fill("北海道札幌市中央区北1条西2丁目");
    await form.locator("#rc-persons-0-familyName").fill(family!);
    await form.locator("#rc-persons-0-givenName").fill(given ?? "");
    await form.locator("#rc-persons-0-familyNameKana").fill(familyKana!);
    await form.locator("#rc-persons-0-givenNameKana").fill(givenKana ?? "");
    await form.locator("#rc-persons-0-birthDate").fill(formatWareki(known!.birth_date));
    await form.locator("#rc-persons-0-sex").selectOption({ label: known!.sex === "female" ? "女" : "男" });
    await form.locator("#rc-persons-0-relationship").selectOption({ label: "同居人" });
    const candidates = page.getByTestId("move-in-candidates");
    await candidates.waitFor();
    const number = known!.number.padStart(15, "0");
    await candidates.getByLabel(new RegExp(number)).check();
    await screenshot(page, "63-resident-move-in-candidate");
    await submitAndWait("転入を記録する");
    expect(await page.getByTestId("addressee-number").textContent()).toBe(number);
    expect(await page.getByTestId("household-members").locator("tbody tr").count()).toBe(3);
  });
});
