// Browser tests of the 宛名 screens (団体内統合宛名): a clerk of 葉山町 states a 利用目的, finds a
// demo landowner living elsewhere by half-width カナ and opens the details; registers a company
// as a 住登外者 — told at each field what is wrong (法人番号 check digit, missing カナ, a 外字
// only the server spots) while nothing is written — then gets its 宛名番号, finds it again and
// adds a 送付先 for 税 with a period; an administrator merges the demo's duplicate landowner,
// sees both numbers lead to the one kept, and undoes the merge.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/platform/demo/seed.ts";
import { corporateNumberCheckDigit } from "../../src/lib/corporate-number.ts";
import { formatWareki } from "../../src/lib/wareki.ts";
import { launchChromium, logIn, municipalityOption, navigationLabels, newStaffContext, openScreen, screenshot, startDemoServer, type DemoServer } from "./support/browser.ts";
import { confirmPurpose, statePurpose } from "./support/purpose.ts";

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const HAYAMA = { id: "143014", option: municipalityOption("葉山町") };
const TAX_PURPOSE = "税務（賦課・収納）";
const COMPANY = { name: "合同会社しおさい物産", kana: "ｺﾞｳﾄﾞｳｶﾞｲｼｬ ｼｵｻｲﾌﾞｯｻﾝ", storedKana: "ゴウドウガイシャ\u3000シオサイブッサン" };

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

// Half-width katakana as legacy terminals type it: each full-width kana's NFKC source, voiced
// and semi-voiced marks as the separate ﾞ and ﾟ.
const HALF_WIDTH = new Map(
  Array.from({ length: 0xff9d - 0xff66 + 1 }, (_, i) => String.fromCharCode(0xff66 + i)).map((h) => [h.normalize("NFKC"), h]),
);
function toHalfWidthKana(text: string): string {
  return [...text.normalize("NFD")]
    .map((c) => (c === "\u3099" ? "ﾞ" : c === "\u309a" ? "ﾟ" : c === "\u3000" ? " " : (HALF_WIDTH.get(c) ?? c)))
    .join("");
}

async function query<T>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await server.platform.db.withTenant(HAYAMA.id, (tx) => tx.query(text, values))).rows as T[];
}

const pad = (n: string | number) => String(n).padStart(15, "0");
const addresseeCount = async () => Number((await query<{ n: string }>("SELECT count(*) AS n FROM addressee"))[0]!.n);

/** Reads an addressee through the API as the logged-in browser, with a purpose. */
async function readAddressee(number: string): Promise<{ number: string; requestedNumber: string; mergedInto: string | null }> {
  const response = await page.request.get(`/api/addressees/${number}`, {
    headers: { "x-kyodo-purpose": encodeURIComponent("名寄せ・宛名の整備：ブラウザテストの確認") },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as { number: string; requestedNumber: string; mergedInto: string | null };
}

let registered = "";

describe("宛名 screens", () => {
  it("a clerk states a purpose, finds a demo landowner by half-width カナ, and opens the details", async () => {
    // A landowner whose カナ no other addressee of the town shares, so the search is exact.
    const [owner] = await query<{ number: string; name: string; name_kana: string; birth_date: string }>(
      `SELECT number, name, name_kana, birth_date::text AS birth_date FROM addressee a
        WHERE known_as = 'landowner' AND merged_into IS NULL
          AND (SELECT count(*) FROM addressee b WHERE position(a.kana_key in b.kana_key) > 0) = 1
        ORDER BY number LIMIT 1`,
    );
    expect(owner).toBeDefined();
    const number = pad(owner!.number);

    page = await freshPage();
    await logIn(page, HAYAMA.option, "clerk", DEMO_PASSWORD);
    expect(await navigationLabels(page)).toEqual(["ホーム", "住民検索", "転入届", "期間経過の届出", "宛名検索", "住登外者の登録", "設定"]);
    await openScreen(page, "宛名検索");
    // No read goes out before a purpose is stated: the search form is not there yet.
    await page.getByTestId("purpose-form").waitFor();
    expect(await page.getByTestId("addressee-search-form").count()).toBe(0);
    await screenshot(page, "41-addressee-purpose");

    await statePurpose(page, "固定資産税の納税通知書の宛先確認", TAX_PURPOSE);
    expect(await page.getByTestId("purpose").textContent()).toBe(`${TAX_PURPOSE}：固定資産税の納税通知書の宛先確認`);
    const halfWidth = toHalfWidthKana(owner!.name_kana);
    expect(halfWidth).not.toBe(owner!.name_kana);
    await page.getByLabel("氏名・名称").fill(halfWidth);
    await page.getByLabel("氏名・名称").press("Enter");
    const row = page.getByTestId("addressee-results").locator(`tbody tr[data-number="${number}"]`);
    await row.waitFor();
    expect(await page.getByTestId("addressee-results").locator("tbody tr").count()).toBe(1);
    const text = (await row.textContent()) ?? "";
    expect(text).toContain(owner!.name);
    expect(text).toContain(owner!.name_kana);
    expect(text).toContain(formatWareki(owner!.birth_date));
    expect(await row.getByTestId("standing").textContent()).toBe("住登外");
    await screenshot(page, "42-addressee-search");

    // The search went out with the purpose, which the audit log now holds for this addressee.
    const audited = await query<{ purpose: string }>("SELECT purpose FROM audit_log WHERE action = 'addressee.searched' AND subject = $1", [
      `addressee:${number}`,
    ]);
    expect(audited.map((a) => a.purpose)).toEqual([`${TAX_PURPOSE}：固定資産税の納税通知書の宛先確認`]);

    await row.getByRole("link", { name: owner!.name }).click();
    await page.getByTestId("addressee-record").waitFor();
    expect(await page.getByTestId("addressee-number").textContent()).toBe(number);
    expect(await page.locator("#record-name").textContent()).toBe(owner!.name);
    expect(await page.getByTestId("addressee-basic").textContent()).toContain("固定資産の所有者");
    expect(await page.getByTestId("addressee-history").locator("tbody tr").first().textContent()).toContain("登録");
    await screenshot(page, "43-addressee-detail");
  });

  it("a clerk is told at each field what is wrong and nothing is registered, then registers a company that search finds", async () => {
    const before = await addresseeCount();
    await openScreen(page, "住登外者の登録");
    const form = page.getByTestId("addressee-register-form");
    await form.getByLabel("法人・団体").check();
    await form.locator("#register-name").fill(COMPANY.name);
    await form.getByLabel("法人番号").fill("1234567890123");
    await form.getByLabel("法人番号").press("Tab");
    // Checked as the clerk leaves the field: the check digit (the first digit) does not match.
    await page.locator("#register-corporateNumber-error").waitFor();
    expect(await page.locator("#register-corporateNumber-error").textContent()).toContain("検査用数字");
    await form.locator("#register-knownAs").selectOption({ label: "課税対象（法人住民税・軽自動車税など）" });
    await form.getByRole("button", { name: "登録する" }).click();
    await page.locator("#register-nameKana-error").waitFor();
    expect(await page.locator("#register-nameKana-error").textContent()).toContain("カナを入力してください");
    expect(await form.getByLabel("カナ名称").getAttribute("aria-invalid")).toBe("true");
    await screenshot(page, "44-addressee-register-errors");
    expect(await addresseeCount()).toBe(before);

    // A legacy 外字 (private use) pasted into the name: only the server knows it, and says so at the name.
    const base = "021003654321";
    await form.getByLabel("法人番号").fill(`${corporateNumberCheckDigit(base)}${base}`);
    await form.getByLabel("カナ名称").fill(COMPANY.kana);
    expect(await page.locator("#register-nameKana-status").textContent()).toBe(`登録される表記：${COMPANY.storedKana}`);
    await form.locator("#register-name").fill(`合同会社しおさい\uE000物産`);
    await form.getByRole("button", { name: "登録する" }).click();
    await page.locator("#register-name-error").waitFor();
    expect(await page.locator("#register-name-error").textContent()).toContain("外字");
    expect(await page.locator("#register-corporateNumber-error").count()).toBe(0);
    expect(await addresseeCount()).toBe(before);

    await form.locator("#register-name").fill(COMPANY.name);
    await form.getByLabel("登録の理由").fill("法人設立届出書による");
    await form.getByRole("button", { name: "登録する" }).click();
    await page.getByTestId("registered").waitFor();
    registered = (await page.getByTestId("registered").locator("strong").textContent()) ?? "";
    expect(registered).toMatch(/^\d{15}$/);
    expect(await addresseeCount()).toBe(before + 1);
    const [row] = await query<{ name_kana: string; corporate_number: string }>("SELECT name_kana, corporate_number FROM addressee WHERE number = $1", [
      registered,
    ]);
    expect(row).toEqual({ name_kana: COMPANY.storedKana, corporate_number: `${corporateNumberCheckDigit(base)}${base}` });
    await screenshot(page, "45-addressee-registered");

    // A registration needs no purpose; a search still does, and a new search is a journey of its own:
    // the purpose stated earlier is preselected, one click confirms it.
    await openScreen(page, "宛名検索");
    await confirmPurpose(page);
    expect(await page.getByTestId("purpose").textContent()).toBe(`${TAX_PURPOSE}：固定資産税の納税通知書の宛先確認`);
    await page.getByRole("button", { name: "条件をクリア" }).click();
    await page.getByLabel("氏名・名称").fill("ｼｵｻｲﾌﾞｯｻﾝ");
    await page.getByLabel("種別").selectOption({ label: "法人・団体" });
    await page.getByRole("button", { name: "検索", exact: true }).click();
    await page.getByTestId("addressee-results").locator(`tbody tr[data-number="${registered}"]`).waitFor();
  });

  it("a clerk adds a 送付先 for 税 with a period typed in 和暦, listed and stored as given, then corrects the address with a reason", async () => {
    await page.getByTestId("addressee-results").getByRole("link", { name: COMPANY.name }).click();
    await page.getByTestId("addressee-record").waitFor();
    await page.getByRole("button", { name: "送付先を追加" }).click();
    const form = page.getByTestId("mailing-form");
    await form.getByLabel("業務").selectOption({ label: "税" });
    await form.getByLabel("開始日").fill("R8.4.1");
    expect(await page.locator("#mailing-validFrom-status").textContent()).toBe("令和8年4月1日（2026年4月1日）");
    await form.getByLabel("終了日").fill("R9.3.31");
    await form.getByLabel("宛先の氏名・名称").fill("葉山 一郎");
    await form.getByLabel("宛名との関係").fill("納税管理人");
    await form.getByLabel("郵便番号").fill("240-0112");
    await form.getByLabel("送付先住所").fill("神奈川県三浦郡葉山町堀内2050番地");
    await form.getByLabel("理由").fill("納税管理人申告書による");
    await form.getByRole("button", { name: "送付先を登録する" }).click();
    await page.getByText("送付先（税・令和8年4月1日〜令和9年3月31日）を登録しました。").waitFor();
    const listed = page.getByTestId("mailing-table").locator('tbody tr[data-business="tax"]');
    await listed.waitFor();
    expect(await listed.count()).toBe(1);
    expect(await listed.textContent()).toContain("令和8年4月1日〜令和9年3月31日");
    expect(await listed.textContent()).toContain("納税管理人");
    const stored = await query("SELECT business, valid_from::text AS from, valid_until::text AS until, recipient_role FROM addressee_mailing WHERE number = $1", [
      registered,
    ]);
    expect(stored).toEqual([{ business: "tax", from: "2026-04-01", until: "2027-03-31", recipient_role: "納税管理人" }]);
    await expect.poll(() => page.getByTestId("addressee-history").locator("tbody tr").first().textContent()).toContain("送付先の登録");
    await screenshot(page, "46-addressee-mailing-added");

    // 訂正: the address was left out at registration; the correction records the reason.
    await page.getByRole("button", { name: "訂正" }).click();
    const correction = page.getByTestId("correction-form");
    await correction.getByLabel("住所（連絡先）").fill("神奈川県三浦郡葉山町一色1番地");
    await correction.getByRole("button", { name: "訂正する" }).click();
    await page.locator("#correct-reason-error").waitFor();
    await correction.getByLabel("訂正の理由").fill("法人設立届出書の本店所在地との照合による");
    await correction.getByRole("button", { name: "訂正する" }).click();
    await page.getByText("宛名を訂正しました。").waitFor();
    await expect.poll(() => page.getByTestId("addressee-basic").textContent()).toContain("神奈川県三浦郡葉山町一色1番地");
    await expect.poll(() => page.getByTestId("addressee-history").locator("tbody tr").count()).toBe(3);
    const latest = (await page.getByTestId("addressee-history").locator("tbody tr").first().textContent()) ?? "";
    expect(latest).toContain("訂正・変更");
    expect(latest).toContain("住所：（なし） → 神奈川県三浦郡葉山町一色1番地");
    expect(latest).toContain("法人設立届出書の本店所在地との照合による");
    await screenshot(page, "47-addressee-corrected");
  });

  it("an administrator merges the demo duplicate, both numbers then lead to the one kept, and the merge is undone", async () => {
    const [pair] = await query<{ a: string; b: string }>(
      `SELECT a.number AS a, b.number AS b FROM addressee a JOIN addressee b
          ON b.kana_key = a.kana_key AND b.birth_date = a.birth_date AND b.number > a.number
        WHERE b.known_as = 'creditor' AND a.merged_into IS NULL AND b.merged_into IS NULL`,
    );
    expect(pair).toBeDefined();
    const [kept, merged] = [pad(pair!.a), pad(pair!.b)];

    page = await freshPage();
    await logIn(page, HAYAMA.option, "admin", DEMO_PASSWORD);
    expect(await navigationLabels(page)).toContain("名寄せ候補");
    await openScreen(page, "名寄せ候補");
    await statePurpose(page, "重複登録の確認", "名寄せ・宛名の整備");
    const card = page.getByTestId("duplicate-pairs").locator(`li[data-pair="${kept}-${merged}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain("カナ氏名と生年月日が一致");
    expect(await card.getByLabel(`宛名 A（${kept}）`).isChecked()).toBe(true);
    await screenshot(page, "48-addressee-duplicates");

    await card.getByLabel("名寄せの理由").fill("登記簿と支払先の届出で同一人物と確認");
    await card.getByRole("button", { name: "名寄せする" }).click();
    await page.getByText(`宛名番号 ${merged} を ${kept} に名寄せしました。`).waitFor();
    await expect.poll(() => card.count()).toBe(0);
    expect(await readAddressee(merged)).toMatchObject({ number: kept, requestedNumber: merged });
    expect(await readAddressee(kept)).toMatchObject({ number: kept, requestedNumber: kept, mergedInto: null });

    await page.getByTestId("recent-merges").getByRole("link", { name: merged }).click();
    await page.getByTestId("merged-notice").waitFor();
    expect(await page.getByTestId("addressee-number").textContent()).toBe(kept);
    const mergeRow = page.getByTestId("merge-table").locator("tbody tr").first();
    expect(await mergeRow.textContent()).toContain(`${merged} → ${kept}`);
    await screenshot(page, "49-addressee-merged-detail");

    await mergeRow.getByRole("button", { name: "取消" }).click();
    await page.getByTestId("merge-undo-form").getByLabel("取り消す理由").fill("別人と判明したため");
    await page.getByTestId("merge-undo-form").getByRole("button", { name: "名寄せを取り消す" }).click();
    await page.getByText("名寄せを取り消しました。").waitFor();
    // The page was opened by the merged number: it now shows that addressee itself again.
    await expect.poll(() => page.getByTestId("addressee-number").textContent()).toBe(merged);
    expect(await page.getByTestId("merged-notice").count()).toBe(0);
    expect(await page.getByTestId("merge-table").textContent()).toContain("取消済み");
    expect(await readAddressee(merged)).toMatchObject({ number: merged, mergedInto: null });

    // Back to the list of pairs is another journey: the purpose is asked again (ADR 0004).
    await openScreen(page, "名寄せ候補");
    await statePurpose(page, "重複登録の確認", "名寄せ・宛名の整備");
    await card.waitFor();
    await screenshot(page, "50-addressee-merge-undone");
  });
});
