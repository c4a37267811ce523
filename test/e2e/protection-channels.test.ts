// Browser tests of 支援措置 as towns apply it (住民基本台帳事務処理要領 第5-10; 総務省's DV等支援措置):
// a protected resident of 葉山町 asks for her own 住民票の写し. At the counter, with her photo ID
// seen and recorded, the clerk previews and issues it without any release; the ID's kind is stored
// with the issue. By 郵送 the request is refused with a message naming the rule, as is one from an
// 代理人・使者; a third party's needs the supervisor's release; the 相手方 is refused. Her address
// reads 「住所（支援措置により非表示）」 once wherever it is masked, and the red warning that stays
// above the screen never covers the field being edited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/platform/demo/seed.ts";
import { todayInJapan } from "../../src/platform/addressee/calendar-date.ts";
import { launchChromium, logIn, municipalityOption, newStaffContext, screenshot, startDemoServer, type DemoServer } from "./support/browser.ts";
import { statePurpose } from "./support/purpose.ts";

let server: DemoServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const HAYAMA = { id: "143014", option: municipalityOption("葉山町") };
const MASKED = "住所（支援措置により非表示）";
const MASK_WORDS = "支援措置により非表示";
const RULE = "住民基本台帳事務処理要領 第5-10";
const ADVERSARY = { kana: "サトウ ジロウ", birth: "1970-02-02", typed: "S45.2.2" };

interface Subject {
  personId: string;
  number: string;
  address: string;
}
let subject: Subject;
let clerk: Page;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  // A head of household whom none of the demo's measures protects, living with others so the
  // certificate screen offers the household and the form is long.
  const [row] = (
    await server.platform.db.withTenant(HAYAMA.id, (tx) =>
      tx.query<Subject>(
        `SELECT person_id AS "personId", lpad(addressee_number::text, 15, '0') AS number, record->>'address' AS address
           FROM resident_current r
          WHERE status = 'resident' AND record->>'relationship' = 'head'
            AND (SELECT count(*) FROM resident_current m WHERE m.household_id = r.household_id AND m.status = 'resident') >= 2
            AND NOT EXISTS (SELECT 1 FROM protection_measure_current m WHERE r.addressee_number = ANY (m.protected_numbers))
          ORDER BY addressee_number DESC LIMIT 1`,
      ),
    )
  ).rows;
  expect(row).toBeDefined();
  subject = row!;
  // The 支援措置担当 registers her measure (the screen for it is tested in protection.test.ts).
  const shien = await newPage();
  await logIn(shien, HAYAMA.option, "shien", DEMO_PASSWORD);
  const created = await shien.evaluate(
    async (body) => {
      const session = (await (await fetch("/api/session")).json()) as { csrfToken: string };
      const response = await fetch("/api/protection/measures", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken },
        body: JSON.stringify(body),
      });
      return response.status;
    },
    {
      kind: "dv",
      applicantNumber: subject.number,
      acceptedOn: todayInJapan(),
      adversaries: [{ nameKana: ADVERSARY.kana, birthDate: ADVERSARY.birth, relation: "元配偶者" }],
      reason: "警察署の意見により支援の必要性を確認",
    },
  );
  expect(created).toBe(201);
  clerk = await newPage();
  await logIn(clerk, HAYAMA.option, "clerk", DEMO_PASSWORD);
}, 120_000);

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

/** Previews the certificate and returns the status the server answered with. */
async function preview(page: Page): Promise<number> {
  const answered = page.waitForResponse((r) => r.url().endsWith("/api/certificates/resident.juminhyo/preview"));
  await page.getByTestId("certificate-form").getByRole("button", { name: "プレビュー（見本）" }).click();
  return (await answered).status();
}

async function openCertificateScreen(): Promise<void> {
  await clerk.goto(`/residents/${subject.personId}/certificate`);
  // The screen asks for the purpose unless this journey already stated it (ADR 0004): wait for
  // whichever comes, rather than looking before the screen has loaded.
  await clerk.getByTestId("purpose-form").or(clerk.getByTestId("certificate-form")).first().waitFor();
  if (await clerk.getByTestId("purpose-form").count()) await statePurpose(clerk, "住民票の写しの請求");
  await clerk.getByTestId("certificate-form").waitFor();
  await clerk.getByTestId("protection-warning").waitFor();
}

/** Lines of the screen's text holding the mask more than once, or 〒 before it. */
async function repeatedMasks(page: Page): Promise<string[]> {
  const text = await page.locator("main").innerText();
  return text.split("\n").filter((line) => line.split(MASK_WORDS).length > 2 || /〒\s*（?住所（支援措置/.test(line) || /〒\s*（支援措置/.test(line));
}

describe("支援措置: the protected person's own request and the others", () => {
  it("her address reads 「住所（支援措置により非表示）」 once on the person view and the certificate screen", async () => {
    await clerk.goto(`/residents/${subject.personId}`);
    await statePurpose(clerk, "住民票の写しの請求");
    await clerk.getByTestId("resident-record").waitFor();
    await clerk.getByTestId("protection-record").waitFor();
    expect((await clerk.getByTestId("resident-address").textContent())?.trim()).toBe(MASKED);
    expect(await repeatedMasks(clerk)).toEqual([]);
    expect(await clerk.locator("main").innerText()).not.toContain(subject.address);
    await screenshot(clerk, "91-protection-masked-once");

    await openCertificateScreen();
    const summary = (await clerk.getByTestId("certificate-subject").innerText()) ?? "";
    expect(summary.split(MASK_WORDS)).toHaveLength(2);
    expect(summary).toContain(MASKED);
    expect(await repeatedMasks(clerk)).toEqual([]);
  });

  it("the screen states the rules the server applies: 本人 at the counter with an ID, no mail, agent, コンビニ or 広域交付, third parties on release, never the 相手方", async () => {
    const rules = clerk.getByTestId("protection-rules");
    await rules.waitFor();
    const text = await rules.innerText();
    for (const part of ["窓口でだけ", "顔写真付きの本人確認書類", "上長の解除承認は要りません", "郵送", "代理人・使者", "コンビニ交付", "広域交付", "第三者", "相手方"]) {
      expect(text).toContain(part);
    }
    expect(await clerk.getByTestId("protection-record").innerText()).toContain(RULE);
  });

  it("her own request at the counter, with her photo ID recorded as checked, is previewed and issued as a PDF without any release", async () => {
    const form = clerk.getByTestId("certificate-form");
    await form.getByLabel("利用目的").fill("勤務先への提出のため");
    expect(await form.getByLabel("本人", { exact: true }).isChecked()).toBe(true);
    expect(await form.getByLabel("窓口", { exact: true }).isChecked()).toBe(true);
    // Without the ID recorded the server refuses, and says what to do: no release is offered.
    expect(await preview(clerk)).toBe(403);
    const refusal = clerk.getByTestId("protection-refusal");
    await expect.poll(() => refusal.getAttribute("data-code")).toBe("protection.identity-check-required");
    expect(await refusal.getByTestId("release-request-form").count()).toBe(0);
    expect(await refusal.getByTestId("protection-refusal-advice").innerText()).toContain("本人確認");

    await form.getByLabel("本人確認書類").selectOption({ label: "運転免許証" });
    await form.getByLabel("書類の写真と請求者を照合し、本人であることを確認した").check();
    expect(await preview(clerk)).toBe(200);
    await clerk.getByTestId("certificate-pdf").waitFor();
    expect(await clerk.getByTestId("protection-refusal").count()).toBe(0);
    const downloaded = clerk.waitForEvent("download");
    await clerk.getByRole("button", { name: "交付する" }).click();
    const download = await downloaded;
    await clerk.getByTestId("issued").waitFor();
    const serial = (await clerk.getByTestId("certificate-serial").textContent()) ?? "";
    expect(serial).toMatch(/^\d{4}-\d{6,}$/);
    expect(download.suggestedFilename()).toBe(`${serial}.pdf`);
    await screenshot(clerk, "92-protection-own-request-issued");

    const stored = await server.platform.db.withTenant(HAYAMA.id, (tx) =>
      tx.query<{ channel: string; identity_document: string; checked: boolean; releases: string }>(
        `SELECT r.channel, r.identity_document, r.identity_checked_by = i.issued_by AND r.identity_checked_at = i.issued_at AS checked,
                (SELECT count(*) FROM protection_release)::text AS releases
           FROM certificate_issue_request r JOIN certificate_issue i USING (tenant_id, fiscal_year, number) WHERE i.serial = $1`,
        [serial],
      ),
    );
    expect(stored.rows[0]).toEqual({ channel: "counter", identity_document: "driver-license", checked: true, releases: "0" });
  });

  it("by 郵送 her request is refused with a message naming the rule", async () => {
    const form = clerk.getByTestId("certificate-form");
    await form.getByLabel("郵送", { exact: true }).check();
    expect(await clerk.getByTestId("identity-check").count()).toBe(0);
    expect(await preview(clerk)).toBe(403);
    const refusal = clerk.getByTestId("protection-refusal");
    await expect.poll(() => refusal.getAttribute("data-code")).toBe("protection.channel-refused");
    const text = await refusal.innerText();
    expect(text).toContain("郵送では受け付けられません");
    expect(text).toContain(RULE);
    expect(await refusal.getByTestId("release-request-form").count()).toBe(0);
    expect(await clerk.getByTestId("certificate-pdf").count()).toBe(0);
    await screenshot(clerk, "93-protection-mail-refused");
  });

  it("from an 代理人・使者 at the counter, ID or not, the request is refused", async () => {
    const form = clerk.getByTestId("certificate-form");
    await form.getByLabel("窓口", { exact: true }).check();
    await form.getByLabel("代理人・使者", { exact: true }).check();
    expect(await preview(clerk)).toBe(403);
    const refusal = clerk.getByTestId("protection-refusal");
    await expect.poll(() => refusal.getAttribute("data-code")).toBe("protection.agent-refused");
    expect(await refusal.innerText()).toContain("代理人・使者");
    expect(await refusal.getByTestId("release-request-form").count()).toBe(0);
  });

  it("a third party's request needs the supervisor's release: the form to ask for one is offered", async () => {
    await clerk.getByTestId("certificate-form").getByLabel("第三者（本人等以外の者の申出）").check();
    expect(await preview(clerk)).toBe(403);
    const refusal = clerk.getByTestId("protection-refusal");
    await expect.poll(() => refusal.getAttribute("data-code")).toBe("protection.release-required");
    await refusal.getByTestId("release-request-form").waitFor();
    expect(await refusal.innerText()).toContain("上長の解除承認");
  });

  it("the 相手方 is refused, even claiming to be her with an ID", async () => {
    const form = clerk.getByTestId("certificate-form");
    await form.getByLabel("本人", { exact: true }).check();
    await form.getByLabel("請求者のカナ氏名").fill(ADVERSARY.kana);
    await form.getByLabel("請求者の生年月日").fill(ADVERSARY.typed);
    expect(await preview(clerk)).toBe(403);
    const refusal = clerk.getByTestId("protection-refusal");
    await expect.poll(() => refusal.getAttribute("data-code")).toBe("protection.requester-is-adversary");
    expect(await refusal.getByTestId("release-request-form").count()).toBe(0);
    const reasons = await server.platform.db.withTenant(HAYAMA.id, (tx) =>
      tx.query<{ reason: string }>("SELECT detail->>'reason' AS reason FROM audit_log WHERE action = 'protection.blocked' ORDER BY seq"),
    );
    expect(new Set(reasons.rows.map((r) => r.reason))).toEqual(
      new Set(["identity-check-required", "channel-refused", "agent-refused", "release-required", "requester-is-adversary"]),
    );
  });

  it("a field reached with Tab is never under the sticky warning, at 1366×768 and at 1024×700", async () => {
    // Her own request again, previewed: the PDF below the form leaves room to scroll any field to the top.
    const form = clerk.getByTestId("certificate-form");
    await form.getByLabel("請求者のカナ氏名").fill("");
    await form.getByLabel("請求者の生年月日").fill("");
    expect(await preview(clerk)).toBe(200);
    await clerk.getByTestId("certificate-pdf").waitFor();
    const warning = clerk.getByTestId("protection-warning");
    // A field low on the page (基準日, below the first screen), and the one before it in the tab order.
    const target = clerk.locator("#rc-asOf");
    const before = clerk.locator("#rc-purpose");
    /**
     * Scrolls (as with the mouse wheel) until the field sits at the top of the window, where the
     * warning stays, then tabs into it; says whether the warning covers it.
     */
    const underWarning = async () => {
      const field = (await target.boundingBox())!;
      const banner = (await warning.boundingBox())!;
      return { covered: field.y < banner.y + banner.height && banner.y < field.y + field.height, field };
    };
    async function tabIntoFieldAbove(): Promise<{ covered: boolean; field: { y: number; height: number } }> {
      await before.evaluate((el: HTMLElement) => el.focus({ preventScroll: true }));
      await target.evaluate((el) => window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top - 8));
      expect((await underWarning()).covered, "before Tab the field sits under the warning").toBe(true);
      await clerk.keyboard.press("Tab");
      expect(await target.evaluate((el) => el === document.activeElement)).toBe(true);
      return underWarning();
    }
    for (const viewport of [{ width: 1366, height: 768 }, { width: 1024, height: 700 }]) {
      await clerk.setViewportSize(viewport);
      const { covered, field } = await tabIntoFieldAbove();
      expect(covered, `${viewport.width}×${viewport.height}: the field is under the warning`).toBe(false);
      expect(field.y + field.height).toBeLessThanOrEqual(viewport.height);
    }
    // The control: without the page's scroll padding the same Tab leaves the field under the warning.
    await clerk.evaluate(() => document.documentElement.style.setProperty("scroll-padding-top", "0px", "important"));
    expect((await tabIntoFieldAbove()).covered).toBe(true);
    await clerk.evaluate(() => document.documentElement.style.removeProperty("scroll-padding-top"));
    await clerk.setViewportSize({ width: 1366, height: 768 });
    await tabIntoFieldAbove();
    await screenshot(clerk, "94-protection-focus-clear-of-warning");
  });
});
