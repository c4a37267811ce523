// 画面の文言は日本語 (every text a clerk or operator sees is Japanese): a member of staff of 葉山町
// holding every role of every module — 支援措置 included — and the platform operator open every
// screen of the staff UI in turn: each menu entry of web/src/navigation.ts they may open, a
// person's record with each 異動 form it links to and its certificates, a resident's and an
// organisation's 宛名, a setting's edit form (and its errors) and history, a job run and its result, the 連携状況
// with the demo's events. On each, the visible text (document.body.innerText, the title, the
// options of every select) and the title / aria-label / placeholder / alt attributes may hold Latin
// words only from the allow-list (test/support/latin-words.ts); the failure names the screen, the
// word and the line it stands in. Data people typed (the demo's log-in IDs) is not wording and is
// left out by value. One server, one browser, the screens one after another.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEMO_OPERATOR, DEMO_PASSWORD, DEMO_STAFF } from "../../src/platform/demo/seed.ts";
import { ROLES, roleModules } from "../../src/platform/contract.ts";
import { createStaff } from "../../src/platform/identity/staff.ts";
import { SCREENS } from "../../web/src/navigation.ts";
import { hasParameters } from "../../web/src/screen-paths.ts";
import type { Session } from "../../web/src/platform/identity/session.ts";
import { latinWords } from "../support/latin-words.ts";
import {
  launchChromium,
  logIn,
  municipalityOption,
  newStaffContext,
  OPERATOR_OPTION,
  screenshot,
  startDemoServer,
  type DemoServer,
} from "./support/browser.ts";

const HAYAMA = { id: "143014", option: municipalityOption("葉山町") };
/** Holds every role of every module, so that every staff screen opens. */
const EVERY_ROLE = { loginId: "zenken", displayName: "全権 花子" };
/** Log-in IDs are data a person typed, shown as typed: not the UI's wording. */
const DATA_WORDS = new Set([...DEMO_STAFF.map((s) => s.loginId), DEMO_OPERATOR.loginId, EVERY_ROLE.loginId]);
const WALK_TIMEOUT_MS = 300_000;

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startDemoServer({ workers: true });
  const modules = roleModules(server.platform.platform);
  await server.platform.db.withTenant(HAYAMA.id, (tx) =>
    createStaff(tx, {
      ...EVERY_ROLE,
      password: DEMO_PASSWORD,
      roles: Object.fromEntries(modules.map((m) => [m, [...ROLES]])),
    }),
  );
  browser = await launchChromium();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** Errors thrown by the UI: a screen that broke shows no text, which must not pass for Japanese. */
const pageErrors: string[] = [];

async function freshPage(): Promise<Page> {
  await context?.close();
  context = await newStaffContext(browser, server.baseUrl);
  const opened = await context.newPage();
  opened.on("pageerror", (error) => pageErrors.push(`${opened.url()}: ${error.message}`));
  return opened;
}

async function query<T>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await server.platform.db.withTenant(HAYAMA.id, (tx) => tx.query(text, values))).rows as T[];
}

/** Waits until the screen has loaded what it asks the server for. */
async function settle(): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => !document.body.innerText.includes("読み込み中"));
}

/** Every text of the page a user reads or hears, one entry per line of text or attribute. */
function readTexts(): Promise<string[]> {
  return page.evaluate(() => {
    const texts = [document.title, ...document.body.innerText.split("\n")];
    for (const element of document.querySelectorAll("[title], [aria-label], [placeholder], [alt], [aria-description]")) {
      for (const name of ["title", "aria-label", "placeholder", "alt", "aria-description"]) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    for (const option of document.querySelectorAll("option")) texts.push(option.textContent ?? "");
    return texts;
  });
}

const leaks: string[] = [];
const visited: string[] = [];

/** Notes every Latin word of the screen as it stands now, with the line it stands in. */
async function check(screen: string): Promise<void> {
  await settle();
  visited.push(screen);
  for (const line of await readTexts()) {
    for (const word of latinWords(line)) {
      if (!DATA_WORDS.has(word)) leaks.push(`${screen}: ${word} 「${line.trim().slice(0, 120)}」`);
    }
  }
}

/** A screen that reads personal data first asks for the 利用目的: checked, then stated. */
async function statePurposeIfAsked(screen: string): Promise<void> {
  const form = page.getByTestId("purpose-form");
  if (!(await form.isVisible())) return;
  await check(`${screen}（利用目的）`);
  await form.getByLabel("利用目的").selectOption("窓口での本人確認");
  await form.getByLabel("具体的な内容").fill("画面の文言の確認");
  await form.getByLabel("具体的な内容").press("Enter");
  await page.getByTestId("purpose-bar").first().waitFor();
}

/** Opens `path` as a typed address would (the session stays) and checks it. */
async function visit(path: string, screen: string): Promise<void> {
  await page.goto(path);
  try {
    await page.getByRole("heading", { level: 1 }).first().waitFor();
  } catch (error) {
    await screenshot(page, "99-japanese-only-failed");
    throw new Error(`${screen} (${path}) did not open; errors: ${pageErrors.join(" / ")}`, { cause: error });
  }
  await settle();
  await statePurposeIfAsked(screen);
  await check(screen);
}

async function sessionOf(): Promise<Session> {
  return page.evaluate(async () => (await (await fetch("/api/session")).json()) as Session);
}

/** Every menu screen this session may open (the screens of one record are visited on their own). */
async function visitMenuScreens(session: Session): Promise<void> {
  for (const screen of SCREENS.filter((s) => !hasParameters(s.path) && s.allows(session))) {
    await visit(screen.path, screen.label);
  }
}

function expectNoLeaks(): void {
  expect(pageErrors).toEqual([]);
  expect(leaks, `visited: ${visited.join("、")}`).toEqual([]);
}

describe("every text of the staff UI is Japanese (画面の文言は日本語)", () => {
  it("the log-in screen", async () => {
    leaks.length = 0;
    pageErrors.length = 0;
    page = await freshPage();
    await page.goto("/");
    await page.getByLabel("ログインID").waitFor();
    await check("ログイン");
    expectNoLeaks();
  });

  it(
    "every screen of a member of staff holding every role, with a person, an addressee, a setting, a job run and the events",
    async () => {
      leaks.length = 0;
      pageErrors.length = 0;
      page = await freshPage();
      await logIn(page, HAYAMA.option, EVERY_ROLE.loginId, DEMO_PASSWORD);
      const session = await sessionOf();
      await visitMenuScreens(session);

      // A person of a household of several, with each 異動 form their record links to and the certificates.
      const [person] = await query<{ person_id: string; addressee_number: string }>(
        `SELECT c.person_id, c.addressee_number::text FROM resident_current c
         WHERE c.status = 'resident'
           AND (SELECT count(*) FROM resident_current m WHERE m.household_id = c.household_id AND m.status = 'resident') > 1
         ORDER BY c.addressee_number LIMIT 1`,
      );
      await visit(`/residents/${person!.person_id}`, "住民の詳細");
      await screenshot(page, "90-japanese-only-person");
      const changeLinks = await page
        .locator(`a[href^="/residents/${person!.person_id}/changes/"]`)
        .evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute("href") ?? ""))]);
      expect(changeLinks.length).toBeGreaterThan(0);
      for (const href of changeLinks) await visit(href, `異動届の入力（${href.split("/").pop()}）`);
      await visit(`/residents/${person!.person_id}/certificate`, "証明書の交付");

      // 宛名: the same person, and an organisation known only as an addressee.
      const [organisation] = await query<{ number: string }>("SELECT number::text FROM addressee WHERE kind = 'organisation' ORDER BY number LIMIT 1");
      await visit(`/addressees/${person!.addressee_number.padStart(15, "0")}`, "宛名の詳細（住民）");
      await visit(`/addressees/${organisation!.number.padStart(15, "0")}`, "宛名の詳細（法人）");

      // A setting's edit form and its history.
      await visit("/settings", "設定");
      await page.getByRole("button", { name: /^変更（/ }).first().click();
      await page.getByTestId("setting-edit-form").waitFor();
      await check("設定（変更の入力）");
      // Sent without a reason: the form says what is missing, at the field and above it.
      await page.getByTestId("setting-edit-form").getByRole("button", { name: "変更する" }).click();
      await page.locator("#setting-reason-error").waitFor();
      await check("設定（入力の誤り）");
      await page.getByRole("button", { name: /^履歴（/ }).first().click();
      await check("設定（履歴）");

      // A job run to its end, with its result in the history.
      await visit("/jobs", "ジョブ");
      await page.getByRole("button", { name: /^今すぐ実行/ }).first().click();
      await page.getByTestId("job-runs-table").getByTestId("run-state").filter({ hasText: /成功|失敗/ }).first().waitFor();
      await check("ジョブ（実行後）");

      // 連携状況 with the events of the demo's registrations.
      await visit("/events", "連携状況");
      expect(await page.getByTestId("event-table").locator("tbody tr[data-event-type]").count()).toBeGreaterThan(0);
      await screenshot(page, "91-japanese-only-events");
      expectNoLeaks();
    },
    WALK_TIMEOUT_MS,
  );

  it(
    "every screen of the platform operator, with a platform job run",
    async () => {
      leaks.length = 0;
      pageErrors.length = 0;
      page = await freshPage();
      await logIn(page, OPERATOR_OPTION, DEMO_OPERATOR.loginId, DEMO_PASSWORD);
      await visitMenuScreens(await sessionOf());

      await visit("/operator/jobs", "ジョブ（運用）");
      await page.getByRole("button", { name: "今すぐ実行", exact: true }).click();
      await page.getByTestId("job-runs-table").getByTestId("run-state").filter({ hasText: /成功|失敗/ }).first().waitFor();
      await check("ジョブ（運用、実行後）");
      await screenshot(page, "92-japanese-only-operator-jobs");
      expectNoLeaks();
    },
    WALK_TIMEOUT_MS,
  );
});
