// Browser tests of 支援措置 (support measures for victims of DV, stalking and abuse) at 葉山町: the
// 支援措置担当 (shien) registers a measure for a demo resident on the 支援措置 screen; a clerk who
// searches that resident sees the red warning that stays above the screen, the 「支援措置」 badge
// on the row and the address masked (「住所（支援措置により非表示）」 once); the clerk's 住民票の写し
// is refused — outright when the requester is the measure's 相手方, else, for a third party, until
// a supervisor releases it — and the clerk asks for a release; the supervisor (admin, in another
// browser) approves it; the clerk issues exactly one PDF with it and a second attempt with the same
// release is refused. Every step is in the audit log. The person's own requests (本人確認 at the
// counter, 郵送, 代理人) are in protection-channels.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/platform/demo/seed.ts";
import { formatWareki } from "../../src/lib/wareki.ts";
import { todayInJapan } from "../../src/platform/addressee/calendar-date.ts";
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
import { confirmPurpose, statePurpose } from "./support/purpose.ts";

let server: DemoServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const HAYAMA = { id: "143014", option: municipalityOption("葉山町") };
const MASKED = "住所（支援措置により非表示）";
const MASK_WORDS = "支援措置により非表示";
const WARNING = "支援措置対象者が表示されています — 住所等は非表示です。証明書は、本人等には窓口で本人確認のうえ交付し、第三者には上長の解除承認が必要です";
const THIRD_PARTY = "第三者（本人等以外の者の申出）";
const ADVERSARY = { kana: "ヤマダ タロウ", birth: "1960-01-01", typed: "S35.1.1" };

interface Subject {
  personId: string;
  number: string;
  familyName: string;
  fullName: string;
  address: string;
}
let subject: Subject;
let clerk: Page;
let serial = "";

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  // A resident whose 氏 finds only a few people, so the search lists them on one page, and whom
  // none of the demo's own measures protects.
  const [row] = (
    await server.platform.db.withTenant(HAYAMA.id, (tx) =>
      tx.query<Subject>(
        `SELECT person_id AS "personId", lpad(addressee_number::text, 15, '0') AS number, record->>'familyName' AS "familyName",
                (record->>'familyName') || '\u3000' || (record->>'givenName') AS "fullName", record->>'address' AS address
           FROM resident_current r
          WHERE status = 'resident' AND record->>'relationship' = 'head'
            AND (SELECT count(*) FROM resident_current b WHERE b.kana_key = r.kana_key) BETWEEN 1 AND 5
            AND NOT EXISTS (SELECT 1 FROM protection_measure_current m WHERE r.addressee_number = ANY (m.protected_numbers))
          ORDER BY addressee_number LIMIT 1`,
      ),
    )
  ).rows;
  expect(row).toBeDefined();
  subject = row!;
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

async function newPage(): Promise<Page> {
  const context = await newStaffContext(browser, server.baseUrl);
  contexts.push(context);
  return context.newPage();
}

/** A full-page screenshot from the top, where the sticky warning sits when the screen opens. */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

async function auditActions(): Promise<string[]> {
  const rows = await server.platform.db.withTenant(HAYAMA.id, (tx) =>
    tx.query<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'protection.%' ORDER BY seq"),
  );
  return rows.rows.map((r) => r.action);
}

/** Previews the certificate and returns the status the server answered with. */
async function preview(page: Page): Promise<number> {
  const answered = page.waitForResponse((r) => r.url().endsWith("/api/certificates/resident.juminhyo/preview"));
  await page.getByTestId("certificate-form").getByRole("button", { name: "プレビュー（見本）" }).click();
  return (await answered).status();
}

describe("支援措置", () => {
  it("the 支援措置担当 registers a measure for a resident, with a 相手方, and sees it listed with its history", async () => {
    const page = await newPage();
    await logIn(page, HAYAMA.option, "shien", DEMO_PASSWORD);
    const menu = await navigationLabels(page);
    expect(menu).toContain("支援措置");
    expect(menu).not.toContain("支援措置 解除承認");
    await openScreen(page, "支援措置");
    await page.getByRole("button", { name: "支援措置を登録する" }).click();
    const form = page.getByTestId("measure-create-form");
    await form.locator("#pm-kind").selectOption("dv");
    await form.locator("#pm-applicant").fill(subject.number);
    await form.locator("#pm-accepted").fill(formatWareki(todayInJapan(), "short"));
    await form.getByRole("button", { name: "＋ 相手方を追加" }).click();
    await form.locator("#pm-adv-0-kana").fill(ADVERSARY.kana);
    await form.locator("#pm-adv-0-birth").fill(ADVERSARY.typed);
    await form.locator("#pm-adv-0-relation").fill("元配偶者");
    await form.locator("#pm-reason").fill("警察署の意見により支援の必要性を確認");
    await shot(page, "81-protection-measure-form");
    await form.getByRole("button", { name: "登録する" }).click();
    await page.getByText("支援措置を登録しました").waitFor();
    const row = page.getByTestId("measures").locator("tbody tr", { hasText: subject.fullName });
    expect(await row.textContent()).toContain(subject.fullName);
    expect(await row.textContent()).toContain("実施中");
    const detail = page.getByTestId("measure-detail");
    await detail.waitFor();
    expect(await detail.getByTestId("measure-adversaries").textContent()).toContain(ADVERSARY.kana);
    expect(await detail.getByTestId("measure-versions").locator("tbody tr").count()).toBe(1);
    expect(await detail.getByTestId("measure-versions").locator("tbody tr").first().textContent()).toContain("登録");

    // A change (the 相手方's relation corrected) is a new version, with its reason, above the first.
    await detail.getByRole("button", { name: "変更" }).click();
    const change = page.getByTestId("measure-change-form");
    await change.locator("#pm-change-adv-0-relation").fill("元夫");
    await change.locator("#pm-change-reason").fill("相手方との関係の訂正");
    await change.getByRole("button", { name: "変更する" }).click();
    await page.getByText("支援措置を変更しました。").waitFor();
    const versions = detail.getByTestId("measure-versions").locator("tbody tr");
    await expect.poll(() => versions.count()).toBe(2);
    expect(await versions.first().textContent()).toContain("相手方との関係の訂正");
    expect(await versions.first().getAttribute("data-change")).toBe("changed");
    expect(await detail.getByTestId("measure-adversaries").textContent()).toContain("元夫");
    await shot(page, "82-protection-measures");

    // A measure of a year is not among those ending within 30 days.
    await page.getByLabel("期限間近（30日以内に期間満了）").check();
    await page.getByTestId("measures").locator("caption").waitFor();
    await expect.poll(async () => (await page.getByTestId("measures").textContent()) ?? "").not.toContain(subject.fullName);
  });

  it("a clerk who finds the resident sees the red warning, the badge and the address masked, in the search and the record", async () => {
    clerk = await newPage();
    await logIn(clerk, HAYAMA.option, "clerk", DEMO_PASSWORD);
    const menu = await navigationLabels(clerk);
    expect(menu).not.toContain("支援措置");
    expect(menu).not.toContain("支援措置 解除承認");
    await openScreen(clerk, "住民検索");
    await statePurpose(clerk, "住民票の写しの請求");
    expect(await clerk.getByTestId("protection-warning").count()).toBe(0);
    await clerk.locator("#resident-search-name").fill(subject.familyName);
    await clerk.locator("#resident-search-name").press("Enter");
    const row = clerk.getByTestId("resident-results").locator(`tbody tr[data-person="${subject.personId}"]`);
    await row.waitFor();
    const warning = clerk.getByTestId("protection-warning");
    await warning.waitFor();
    expect(await warning.getAttribute("role")).toBe("alert");
    expect(await warning.textContent()).toContain(WARNING);
    expect(await row.getByTestId("protection-tag").textContent()).toBe("支援措置");
    const text = (await row.textContent()) ?? "";
    expect(text).toContain(MASKED);
    expect(text.split(MASK_WORDS)).toHaveLength(2);
    expect(text).not.toContain(subject.address);
    await shot(clerk, "83-protection-search-warning");

    await row.getByRole("link", { name: subject.fullName }).click();
    await clerk.getByTestId("resident-record").waitFor();
    await clerk.getByTestId("protection-record").waitFor();
    await clerk.getByTestId("protection-warning").waitFor();
    expect((await clerk.getByTestId("resident-address").textContent())?.trim()).toBe(MASKED);
    expect(await clerk.getByTestId("resident-record").textContent()).not.toContain(subject.address);
    await shot(clerk, "84-protection-record-warning");

    // The 宛名 register shows the same person with the same warning.
    await clerk.goto(`/addressees/${subject.number}`);
    await confirmPurpose(clerk);
    await clerk.getByTestId("addressee-record").waitFor();
    await clerk.getByTestId("protection-record").waitFor();
    await clerk.getByTestId("protection-warning").waitFor();
    expect(await clerk.getByTestId("addressee-basic").textContent()).not.toContain(subject.address);
    await clerk.goBack();
    await confirmPurpose(clerk);
    await clerk.getByTestId("resident-record").waitFor();
  });

  it("the clerk's 住民票の写し is refused outright for the 相手方, and for a third party until a release: the clerk asks for one", async () => {
    await clerk.getByTestId("certificate-link").click();
    await confirmPurpose(clerk);
    const form = clerk.getByTestId("certificate-form");
    await form.waitFor();
    await clerk.getByTestId("protection-warning").waitFor();
    await form.getByLabel("利用目的").fill("勤務先への提出のため");
    await form.getByLabel("請求者のカナ氏名").fill("ヤマダタロウ");
    await form.getByLabel("請求者の生年月日").fill(ADVERSARY.typed);
    expect(await preview(clerk)).toBe(403);
    const refusal = clerk.getByTestId("protection-refusal");
    await refusal.waitFor();
    expect(await refusal.getAttribute("data-code")).toBe("protection.requester-is-adversary");
    expect(await refusal.textContent()).toContain("請求者は支援措置の相手方です");
    expect(await refusal.getByTestId("release-request-form").count()).toBe(0);
    expect(await clerk.getByTestId("certificate-pdf").count()).toBe(0);
    await shot(clerk, "85-protection-adversary-refused");

    await form.getByLabel("請求者のカナ氏名").fill("");
    await form.getByLabel("請求者の生年月日").fill("");
    await form.getByLabel(THIRD_PARTY).check();
    expect(await preview(clerk)).toBe(403);
    await expect.poll(() => refusal.getAttribute("data-code")).toBe("protection.release-required");
    expect(await clerk.getByTestId("certificate-pdf").count()).toBe(0);
    expect(await clerk.getByRole("button", { name: "交付する" }).isDisabled()).toBe(true);
    const ask = refusal.getByTestId("release-request-form");
    await ask.getByLabel("請求者（誰から請求されたか）").fill("横浜法律事務所 弁護士（事件番号を確認）");
    await ask.getByLabel("解除が必要な理由").fill("裁判所へ提出するため、相手方に伝わるおそれがない");
    await ask.getByRole("button", { name: "上長に解除承認を申請する" }).click();
    const state = clerk.getByTestId("release-state");
    await state.waitFor();
    expect(await state.getAttribute("data-state")).toBe("requested");
    await shot(clerk, "86-protection-release-requested");

    // Leaving the screen while the supervisor decides loses nothing: the request is found again.
    await clerk.getByRole("link", { name: "住民の詳細に戻る" }).click();
    await clerk.getByTestId("certificate-link").click();
    await confirmPurpose(clerk);
    await expect.poll(() => clerk.getByTestId("release-state").getAttribute("data-state")).toBe("requested");
    await clerk.getByTestId("certificate-form").getByLabel("利用目的").fill("勤務先への提出のため");
    await clerk.getByTestId("certificate-form").getByLabel(THIRD_PARTY).check();
  });

  it("the supervisor, in another browser, sees who asked and why and approves the release with a note", async () => {
    const admin = await newPage();
    await logIn(admin, HAYAMA.option, "admin", DEMO_PASSWORD);
    const menu = await navigationLabels(admin);
    expect(menu).toContain("支援措置");
    expect(menu).toContain("支援措置 解除承認");
    await openScreen(admin, "支援措置 解除承認");
    const card = admin.getByTestId("pending-releases").locator("li").first();
    await card.waitFor();
    // The certificate's name and the requesting clerk's come from lists loaded beside the releases.
    await expect.poll(async () => (await card.textContent()) ?? "").toContain("住民票の写し");
    await expect.poll(async () => (await card.textContent()) ?? "").toContain("窓口 花子");
    const text = (await card.textContent()) ?? "";
    expect(text).toContain(subject.number);
    expect(text).toContain("横浜法律事務所 弁護士（事件番号を確認）");
    expect(text).toContain("裁判所へ提出するため");
    await card.getByLabel("承認・却下の理由").fill("委任状と事件番号を確認した");
    await shot(admin, "87-protection-release-approval");
    await card.getByRole("button", { name: "承認する" }).click();
    await admin.getByText(`宛名番号 ${subject.number} の解除申請を承認しました。`).waitFor();
    await expect.poll(() => admin.getByTestId("pending-releases").locator("li").count()).toBe(0);
    await expect.poll(async () => (await admin.getByTestId("recent-releases").locator("tbody tr").first().textContent()) ?? "").toContain("承認済み");
  });

  it("the clerk issues exactly one certificate with the release; a second issue with it is refused", async () => {
    const state = clerk.getByTestId("release-state");
    await state.getByRole("button", { name: "状態を確認" }).click();
    await expect.poll(() => state.getAttribute("data-state")).toBe("approved");
    expect(await preview(clerk)).toBe(200);
    await clerk.getByTestId("certificate-pdf").waitFor();
    const downloaded = clerk.waitForEvent("download");
    await clerk.getByRole("button", { name: "交付する" }).click();
    const download = await downloaded;
    await clerk.getByTestId("issued").waitFor();
    serial = (await clerk.getByTestId("certificate-serial").textContent()) ?? "";
    expect(serial).toMatch(/^\d{4}-\d{6,}$/);
    expect(download.suggestedFilename()).toBe(`${serial}.pdf`);
    await expect.poll(() => clerk.getByTestId("release-state").getAttribute("data-state")).toBe("used");
    expect(await clerk.getByTestId("release-state").textContent()).toContain(serial);
    await shot(clerk, "88-protection-issued-once");

    // Another certificate with the same release: the server refuses it and no second issue is recorded.
    await clerk.getByTestId("certificate-form").getByLabel("利用目的").fill("別の提出先のため");
    expect(await preview(clerk)).toBe(409);
    await expect.poll(() => clerk.getByTestId("protection-refusal").getAttribute("data-code")).toMatch(/^protection\.release-(not-usable|used)$/);
    const issueAgain = await clerk.evaluate(async (body) => {
      const session = (await (await fetch("/api/session")).json()) as { csrfToken: string };
      const response = await fetch("/api/certificates/resident.juminhyo/issue", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken },
        body: JSON.stringify(body),
      });
      return { status: response.status, code: ((await response.json()) as { code: string }).code };
    }, {
      subjectId: `addressee:${subject.number}`,
      purpose: "勤務先への提出のため",
      requesterKind: "third-party",
      options: { scope: "household", members: [], showRelationship: true, showDomicile: false, showMyNumber: false, showPreviousAddress: true },
      releaseId: (await server.platform.db.withTenant(HAYAMA.id, (tx) => tx.query<{ id: string }>("SELECT release_id::text AS id FROM protection_release"))).rows[0]!.id,
    });
    expect(issueAgain.status).toBe(409);
    expect(issueAgain.code).toMatch(/^protection\.release-(not-usable|used)$/);
    const issues = await server.platform.db.withTenant(HAYAMA.id, (tx) =>
      tx.query<{ n: string }>("SELECT count(*) AS n FROM certificate_issue WHERE subject = $1", [`addressee:${subject.number}`]),
    );
    expect(Number(issues.rows[0]!.n)).toBe(1);
    await shot(clerk, "89-protection-second-issue-refused");
  });

  it("the audit log holds the measure, each refusal, the release's request, approval and use", async () => {
    const actions = await auditActions();
    for (const action of ["protection.measure-created", "protection.blocked", "protection.release-requested", "protection.release-approved", "protection.release-used"]) {
      expect(actions).toContain(action);
    }
    expect(actions.filter((a) => a === "protection.release-used")).toHaveLength(1);
    expect(actions.indexOf("protection.release-requested")).toBeLessThan(actions.indexOf("protection.release-approved"));
    expect(actions.indexOf("protection.release-approved")).toBeLessThan(actions.indexOf("protection.release-used"));
    // The refusals: the 相手方's request, the one before the release, and the second use.
    expect(actions.filter((a) => a === "protection.blocked").length).toBeGreaterThanOrEqual(3);
  });

  it("the operator sees 葉山町's measures and the release used as counts, with no one named", async () => {
    const operator = await newPage();
    await logIn(operator, OPERATOR_OPTION, "operator", DEMO_PASSWORD);
    await openScreen(operator, "支援措置の状況");
    const row = operator.getByTestId("operator-protection").locator(`tbody tr[data-tenant="${HAYAMA.id}"]`);
    await row.waitFor();
    const cells = (await row.locator("td").allTextContents()).map(Number);
    expect(cells[0]).toBeGreaterThanOrEqual(1);
    expect(cells[2]).toBe(1);
    expect(await operator.getByTestId("operator-protection").textContent()).not.toContain(subject.fullName);
    await shot(operator, "90-protection-operator-report");
  });
});
