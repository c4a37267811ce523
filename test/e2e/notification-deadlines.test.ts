// Browser test of the 届出期間 at the counter (issue 16, ADR 0023): a 転居 notified 30 days after
// the move is refused until the clerk types the 遅延の理由, is recorded as 期間経過 (the history
// says so) and appears in the 期間経過の届出 report of the resident menu, with its counts and its
// CSV file; a future 異動日 is refused in words that say so; and a 世帯主 moving out alone is
// answered by the server's rule (the remaining household needs a new 世帯主) at the choice of the
// new head in the same form, which then records the 転出 and the 世帯主変更 together.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/platform/demo/seed.ts";
import { formatWareki } from "../../src/lib/wareki.ts";
import { todayInJapan } from "../../src/platform/addressee/calendar-date.ts";
import { residentModule } from "../../src/modules/resident/index.ts";
import { recordChange } from "../../src/modules/resident/service.ts";
import type { ChangeRequest, PersonInputType } from "../../src/modules/resident/api-schemas.ts";
import { launchChromium, logIn, municipalityOption, newStaffContext, openScreen, screenshot, startDemoServer, type DemoServer } from "./support/browser.ts";
import { confirmRecording, openPersonTab } from "./support/confirm.ts";

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const HAYAMA = { id: "143014", option: municipalityOption("葉山町") };
const ids: Record<string, string> = {};

function day(offset: number): string {
  const d = new Date(`${todayInJapan()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

const person = (family: string, familyKana: string, given: string, givenKana: string, birthDate: string, relationship: PersonInputType["relationship"]): PersonInputType => ({
  familyName: family,
  givenName: given,
  familyNameKana: familyKana,
  givenNameKana: givenKana,
  sex: relationship === "wife" ? "female" : "male",
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
  const late = await record({
    kind: "moved-in",
    effectiveDate: "2021-04-01",
    notifiedDate: "2021-04-02",
    address: { postalCode: "2400113", address: "神奈川県三浦郡葉山町長柄200番地", addressLine2: null },
    previousAddress: { address: "東京都港区芝公園四丁目2番8号" },
    persons: [person("遅野", "オソノ", "正", "タダシ", "1975-05-05", "head"), person("遅野", "オソノ", "恵", "メグミ", "1977-07-07", "wife")],
  });
  [ids.lateHead, ids.lateWife] = late.entries.map((e) => e.personId) as [string, string];
  const family = await record({
    kind: "moved-in",
    effectiveDate: "2021-04-01",
    notifiedDate: "2021-04-02",
    address: { postalCode: "2400113", address: "神奈川県三浦郡葉山町長柄210番地", addressLine2: null },
    previousAddress: { address: "東京都港区芝公園四丁目2番8号" },
    persons: [
      person("主変", "シュヘン", "勝", "マサル", "1965-01-01", "head"),
      person("主変", "シュヘン", "和子", "カズコ", "1967-02-02", "wife"),
      person("主変", "シュヘン", "翔", "ショウ", "1995-03-03", "child"),
    ],
  });
  [ids.head, ids.wife, ids.child] = family.entries.map((e) => e.personId) as [string, string, string];
  page = await (context = await newStaffContext(browser, server.baseUrl)).newPage();
  await logIn(page, HAYAMA.option, "clerk", DEMO_PASSWORD);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** States a purpose when the screen asks for one before showing `then`. */
async function purposeIfAsked(then: Locator, detail: string): Promise<void> {
  const form = page.getByTestId("purpose-form");
  await form.or(then).first().waitFor();
  if (!(await form.isVisible())) return;
  await form.getByLabel("利用目的").selectOption({ index: 1 });
  await form.getByLabel("具体的な内容").fill(detail);
  await form.getByLabel("具体的な内容").press("Enter");
  await then.waitFor();
}

async function openForm(personId: string, kind: string): Promise<Locator> {
  await page.goto(`/residents/${personId}/changes/${kind}`);
  const form = page.getByTestId("change-form");
  await purposeIfAsked(form, "異動届の受付");
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("rc-effectiveDate");
  return form;
}

async function submitAndWait(form: Locator, button: string): Promise<void> {
  await form.getByRole("button", { name: button }).click();
  await confirmRecording(page);
  await page.getByTestId("recorded-change").waitFor();
}

describe("届出期間 at the counter", () => {
  it("a 転居 notified 30 days after the move needs the 遅延の理由 and is recorded as 期間経過", async () => {
    const form = await openForm(ids.lateHead!, "address-changed");
    await form.locator("#rc-effectiveDate").fill(formatWareki(day(-30)));
    await form.locator("#rc-address-postalCode").fill("2400112");
    await expect.poll(() => form.getByRole("combobox", { name: /住所（町字まで）/ }).inputValue()).toBe("神奈川県三浦郡葉山町堀内");
    await form.locator("#rc-address-address-block").fill("300番地");
    // The rules answer while typing: the 届出 is late, and the 遅延の理由 field appears with the reason.
    const lateError = form.locator("#rc-lateReason-error");
    await lateError.waitFor();
    expect(await lateError.textContent()).toContain("届出期間（異動日の翌日から14日）を過ぎた届出です。遅延の理由を入力してください");
    expect(await form.getByTestId("late-reason").textContent()).toContain("期間経過");
    await screenshot(page, "95-late-notification-reason");
    const before = (await query<{ n: number }>("SELECT count(*)::int AS n FROM resident_change"))[0]!.n;
    await form.locator("#rc-lateReason").fill("入院していたため");
    await page.getByTestId("rule-verdict").getByText("記録の規則に合っています").waitFor();
    await submitAndWait(form, "転居を記録する");
    const [stored] = await query<{ overdue: boolean; late_reason: string; deadline: string }>(
      "SELECT overdue, late_reason, deadline_date::text AS deadline FROM resident_change WHERE kind = 'address-changed' ORDER BY seq DESC LIMIT 1",
    );
    expect(stored).toMatchObject({ overdue: true, late_reason: "入院していたため" });
    expect(stored!.deadline >= day(-16)).toBe(true);
    expect((await query<{ n: number }>("SELECT count(*)::int AS n FROM resident_change"))[0]!.n).toBe(before + 1);
    await openPersonTab(page, "異動の履歴");
    const row = page.getByTestId("resident-history").locator('tbody tr[data-kind="address-changed"]');
    expect(await row.textContent()).toContain("期間経過");
    expect(await row.textContent()).toContain("遅延の理由：入院していたため");
  });

  it("the late 転居 appears in the 期間経過の届出 report of the resident menu, with counts and a CSV file", async () => {
    await openScreen(page, "期間経過の届出");
    const counts = page.getByTestId("late-counts");
    await purposeIfAsked(counts, "簡易裁判所への通知");
    await expect.poll(() => counts.textContent()).toContain("1件（対象者 2人）");
    expect(await counts.textContent()).toContain("転居 1件（2人）");
    const table = page.getByTestId("late-notifications");
    expect(await table.textContent()).toContain("遅野 正");
    expect(await table.textContent()).toContain("入院していたため");
    await screenshot(page, "96-late-notifications-report");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "CSVファイルに出力" }).click()]);
    const csv = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "").split("\r\n");
    expect(csv[0]).toBe("届出日,異動日,届出期限,期限後の日数,異動の種類,宛名番号,氏名,氏名（カナ）,生年月日,住所,遅延の理由");
    expect(csv.filter((line) => line.includes("入院していたため"))).toHaveLength(2);
    // A period without late 届出 lists none.
    await page.locator("#late-from").fill("R3.1.1");
    await page.locator("#late-to").fill("R3.1.31");
    await page.getByTestId("late-period").getByRole("button", { name: "表示する" }).click();
    await expect.poll(() => counts.textContent()).toContain("0件");
  });

  it("a future 異動日 is refused in words that say so", async () => {
    const form = await openForm(ids.lateWife!, "name-changed");
    await form.locator("#rc-effectiveDate").fill(formatWareki(day(3)));
    await form.locator("#rc-familyName").fill("未来");
    await form.locator("#rc-familyNameKana").fill("ミライ");
    const error = form.locator("#rc-effectiveDate-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("異動日が未来の日付です。届出の日までに起きた異動だけを記録できます");
    expect(await error.textContent()).not.toContain("記録日より後");
  });

  it("the 世帯主 moving out alone: the new 世帯主 is chosen in the same step; the 転出 and the 世帯主変更 are recorded together", async () => {
    const form = await openForm(ids.head!, "moved-out");
    await form.locator("#rc-effectiveDate").fill(formatWareki(day(-2)));
    await form.locator("#rc-destination-address").fill("東京都千代田区千代田1番1号");
    // The server's rule answers at the choice: the remaining household needs a new 世帯主.
    const refusal = form.locator("#rc-relationships");
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain("残る世帯員に新しい世帯主が必要です");
    expect(await refusal.textContent()).not.toContain("世帯主は世帯に一人です");
    const choice = form.getByTestId("new-head");
    await choice.getByLabel(/^主変\u3000和子/).check();
    await expect.poll(() => refusal.count()).toBe(0);
    expect(await form.locator(`#rc-relationships-${ids.wife}`).inputValue()).toBe("head");
    await screenshot(page, "97-head-moves-out-new-head");
    await submitAndWait(form, "転出を記録する");
    const kinds = await query<{ kind: string; person_id: string }>(
      `SELECT c.kind, e.person_id::text AS person_id FROM resident_change c JOIN resident_change_entry e USING (tenant_id, change_id)
        WHERE e.person_id = ANY($1::uuid[]) AND c.effective_date = $2 ORDER BY c.seq, e.person_id`,
      [[ids.head, ids.wife, ids.child], day(-2)],
    );
    expect(kinds).toEqual([
      { kind: "moved-out", person_id: ids.head },
      { kind: "head-changed", person_id: ids.wife },
    ]);
    const [wife] = await query<{ r: string }>("SELECT record->>'relationship' AS r FROM resident_current WHERE person_id = $1", [ids.wife]);
    expect(wife!.r).toBe("head");
  });
});
