// 監査ログ screen in the browser: the town's administrator searches the audit log by days, member of
// staff, person (宛名番号), action and purpose, sees every action and every member of staff named
// in Japanese (no action codes, no internal ids), and exports what the search found as CSV.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/platform/demo/seed.ts";
import { appendAuditEntries } from "../../src/platform/audit/audit-log.ts";
import { launchChromium, logIn, municipalityOption, newStaffContext, openScreen, screenshot, startDemoServer, type DemoServer } from "./support/browser.ts";

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const HAYAMA = "143014";
const PERSON = "000000000009901";
const OTHER_PERSON = "000000000009902";

const dayInJapan = (offsetDays: number) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date(Date.now() + offsetDays * 86_400_000));

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  const db = server.platform.db;
  const ids = Object.fromEntries(
    (await db.owner.query("SELECT login_id, id::text FROM staff_account WHERE tenant_id = $1", [HAYAMA])).rows.map((r) => [r.login_id, `staff:${r.id}`]),
  );
  // What a morning at the counter leaves in the log, as the routes write it.
  await db.withTenant(HAYAMA, (tx) =>
    appendAuditEntries(tx, [
      { actor: ids.clerk!, action: "resident.viewed", subject: `addressee:${PERSON}`, purpose: "証明書の交付：勤務先への提出" },
      { actor: ids.clerk!, action: "resident.viewed-as-household-member", subject: `addressee:${OTHER_PERSON}`, purpose: "証明書の交付：勤務先への提出" },
      { actor: ids.clerk!, action: "certificate.previewed", subject: `addressee:${PERSON}`, purpose: "証明書の交付：勤務先への提出", detail: { kind: "resident.juminhyo" } },
      { actor: ids.viewer!, action: "resident.viewed", subject: `addressee:${PERSON}`, purpose: "税務（賦課・収納）" },
    ]),
  );
  context = await newStaffContext(browser, server.baseUrl);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const filter = () => page.getByTestId("audit-filter");
const table = () => page.getByTestId("audit-table");

/** Each shown row's cells: 日時, 操作者, 操作, 対象, 目的, 内容. */
async function rows(): Promise<string[][]> {
  await page.getByText("読み込み中…").waitFor({ state: "hidden" });
  const texts = await table().locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
  return texts.filter((cells) => cells.length > 1);
}

async function search(): Promise<string[][]> {
  const answer = page.waitForResponse((r) => r.url().includes("/api/audit?") && r.request().method() === "GET");
  await filter().getByRole("button", { name: "検索" }).click();
  await answer;
  return rows();
}

describe("監査ログ screen", () => {
  it("every action and member of staff is shown in Japanese", async () => {
    await logIn(page, municipalityOption("葉山町"), "admin", DEMO_PASSWORD);
    await openScreen(page, "監査ログ");
    await table().waitFor();
    const shown = await rows();
    expect(shown.length).toBeGreaterThan(3);
    for (const [, actor, action] of shown) {
      expect(action, action).not.toMatch(/[a-z]+\.[a-z-]+/);
      expect(actor, actor).not.toMatch(/職員（[0-9a-f]{8}）|staff:/);
    }
    expect(shown.map((r) => r[2])).toEqual(expect.arrayContaining(["証明書の確認表示（交付前）", "住民票の照会（世帯員として表示）"]));
  });

  it("filters by staff and action, by the person's 宛名番号, by purpose and by days", async () => {
    await filter().getByLabel("職員").selectOption({ label: "窓口 花子（clerk）" });
    await filter().getByLabel("操作").selectOption({ label: "証明書の確認表示（交付前）" });
    expect((await search()).map((r) => [r[1], r[2], r[3], r[4]])).toEqual([["窓口 花子", "証明書の確認表示（交付前）", `宛名 ${PERSON}`, "証明書の交付：勤務先への提出"]]);

    await filter().getByRole("button", { name: "条件をクリア" }).click();
    await filter().getByLabel("対象の宛名番号").fill("９９０１");
    const ofPerson = await search();
    expect(ofPerson.map((r) => [r[1], r[2]])).toEqual([
      ["閲覧 次郎", "住民票の照会"],
      ["窓口 花子", "証明書の確認表示（交付前）"],
      ["窓口 花子", "住民票の照会"],
    ]);

    await filter().getByLabel("利用目的").fill("証明書の交付");
    expect((await search()).map((r) => r[4])).toEqual(["証明書の交付：勤務先への提出", "証明書の交付：勤務先への提出"]);

    await filter().getByLabel("期間（始め）").fill(dayInJapan(0));
    await filter().getByLabel("期間（終わり）").fill(dayInJapan(0));
    expect(await search()).toHaveLength(2);
    await filter().getByLabel("期間（始め）").fill(dayInJapan(-2));
    await filter().getByLabel("期間（終わり）").fill(dayInJapan(-1));
    await filter().getByRole("button", { name: "検索" }).click();
    await table().getByText("記録はありません。").waitFor();
    await screenshot(page, "91-audit-log-filtered");
  });

  it("exports the filtered entries as CSV, the export itself audited", async () => {
    await filter().getByLabel("期間（始め）").fill(dayInJapan(0));
    await filter().getByLabel("期間（終わり）").fill(dayInJapan(0));
    expect(await search()).toHaveLength(2);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "この条件の記録をCSVで書き出す（監査用）" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`audit-log-${dayInJapan(0)}-${dayInJapan(0)}.csv`);
    const csv = fs.readFileSync((await file.path())!, "utf8");
    expect(csv.startsWith("\uFEFF連番,日時,操作者,操作者の氏名,操作,操作の内容,対象,対象の氏名,利用目的,詳細,ハッシュ\r\n")).toBe(true);
    const lines = csv.trimEnd().split("\r\n").slice(1);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`,窓口 花子,certificate.previewed,証明書の確認表示（交付前）,addressee:${PERSON},,証明書の交付：勤務先への提出,`);
    expect(lines[1]).toContain(`,窓口 花子,resident.viewed,住民票の照会,addressee:${PERSON},,証明書の交付：勤務先への提出,`);
    const audited = await server.platform.db.owner.query("SELECT detail FROM audit_log WHERE tenant_id = $1 AND action = 'audit.exported'", [HAYAMA]);
    expect(audited.rows.map((r) => r.detail)).toEqual([
      { filter: { subject: "9901", purpose: "証明書の交付", from: dayInJapan(0), to: dayInJapan(0) }, count: 2 },
    ]);
    // The export appears in the log in Japanese too.
    await filter().getByRole("button", { name: "条件をクリア" }).click();
    await filter().getByLabel("操作").selectOption({ label: "監査ログの書き出し（CSV）" });
    expect((await search()).map((r) => [r[1], r[2]])).toEqual([["管理 太郎", "監査ログの書き出し（CSV）"]]);
  });
});
