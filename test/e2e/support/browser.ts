// Browser tests' shared set-up: the real platform (its own database, demo data) listening on a
// free port and serving the built web UI, and Debian's Chromium driven by playwright-core. No
// browser is ever downloaded: the Debian binary is used, with the flags that run it headless here.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { createTestPlatform, type TestPlatform } from "../../support/platform.ts";
import { seedDemo } from "../../../src/platform/demo/seed.ts";
import type { AreaDefinition } from "../../../src/platform/contract.ts";
import { startJobs } from "../../../src/platform/jobs/runner.ts";
import { startDispatcher } from "../../../src/platform/events/dispatcher.ts";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const WEB_INDEX = path.join(REPO_ROOT, "web/dist/index.html");
export const SCREENSHOT_DIR = path.join(REPO_ROOT, "test-results/e2e");
export const CHROMIUM = "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** The server serves web/dist only if it exists when the app is built: fail early and say why. */
export function assertWebBuilt(): void {
  if (!fs.existsSync(WEB_INDEX)) {
    throw new Error(
      "web/dist/index.html is missing: build the staff UI first with `npm run build:web` " +
        "(`npm test` does this before running the tests)",
    );
  }
}

export interface DemoServer {
  platform: TestPlatform;
  baseUrl: string;
  close(): Promise<void>;
}

export interface DemoServerOptions {
  /** Areas beyond the platform's own and the modules (a stand-in module with jobs or subscribers). */
  areas?: AreaDefinition[];
  /**
   * Also run the job workers and the event dispatcher, as `kyodo serve` does, polling often so a
   * run or a delivery completes while the test watches the screen.
   */
  workers?: boolean;
}

/** The platform on its own database with the demo municipalities, staff and operator seeded. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  assertWebBuilt();
  const platform = await createTestPlatform(options.areas ?? []);
  // A smaller demo registry than `npm start` seeds: the screens under test need a few households,
  // and two browser files run at once on two cores.
  process.env.KYODO_DEMO_PERSONS ??= "200";
  await seedDemo(platform.platform);
  const stops: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const stop of stops.reverse()) await stop();
    await platform.close();
  };
  try {
    if (options.workers) {
      const jobs = await startJobs(platform.platform, { pollingIntervalSeconds: 0.5, stopTimeoutMs: 5_000 });
      stops.push(() => jobs.stop());
      const dispatcher = await startDispatcher(platform.platform, { pollIntervalMs: 500, backoffBaseMs: 200 });
      stops.push(() => dispatcher.stop());
    }
    const app = await platform.app();
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    if (!address || typeof address === "string") throw new Error("the server has no TCP address");
    return { platform, baseUrl: `http://127.0.0.1:${address.port}`, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (scripts/system-deps.sh does)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A fresh browser profile (no cookies) as a Japanese staff terminal would have it. */
export async function newStaffContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    viewport: { width: 1280, height: 860 },
  });
  // Well inside vitest's 60 s test timeout, so a missing element fails with its locator named.
  context.setDefaultTimeout(20_000);
  return context;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** The select's label of a demo municipality: 「神奈川県 葉山町」. */
export function municipalityOption(name: string): string {
  return `神奈川県 ${name}`;
}

export const OPERATOR_OPTION = "運用事業者（プラットフォーム）";

/**
 * Chooses the municipality (or 運用事業者) in the log-in form's combobox as staff do: types its
 * name and picks the matching option with the keyboard.
 */
export async function chooseMunicipality(page: Page, option: string): Promise<void> {
  const field = page.getByRole("combobox", { name: "団体" });
  // A terminal remembers its municipality: clear what the field shows, then type.
  await field.fill("");
  await field.fill(option);
  const match = page.getByRole("listbox").getByRole("option").filter({ hasText: option }).first();
  await match.waitFor();
  for (let i = 0; i < 12 && (await match.getAttribute("aria-selected")) !== "true"; i++) await field.press("ArrowDown");
  if ((await match.getAttribute("aria-selected")) !== "true") throw new Error(`the option 「${option}」 cannot be reached with ↓`);
  await field.press("Enter");
}

/** Logs in through the log-in form, submitting with Enter as a keyboard user would. */
export async function logIn(page: Page, option: string, loginId: string, password: string): Promise<void> {
  await page.goto("/");
  await chooseMunicipality(page, option);
  await page.getByLabel("ログインID").fill(loginId);
  await page.getByLabel("パスワード").fill(password);
  await page.getByLabel("パスワード").press("Enter");
  await page.getByRole("button", { name: "ログアウト" }).waitFor();
}

/** The visible labels of the side navigation, in order. */
export async function navigationLabels(page: Page): Promise<string[]> {
  const nav = page.getByRole("navigation", { name: "画面メニュー" });
  await nav.waitFor();
  return (await nav.getByRole("link").allTextContents()).map((t) => t.trim());
}

/** Opens a screen from the side navigation, as a user would. */
export async function openScreen(page: Page, label: string): Promise<void> {
  await page.getByRole("navigation", { name: "画面メニュー" }).getByRole("link", { name: label, exact: true }).click();
}
