// Browser test of the address master at the counter (issue 16, ADR 0022): a clerk of 葉山町
// registers a 転入 whose new address comes from a 〒 (the town's one 町字 for it) and whose 前住所,
// typed in 全角 without its 都道府県, is shown and recorded normalised; then records a 転居 by
// typing part of a 町字, choosing it from the candidates with the keyboard and typing 番地・号 —
// recorded in the master's form; a 転居先 elsewhere typed into the town's field is refused at that
// field and nothing is written; and 「一色」, 「葉山町一色」 and 「神奈川県三浦郡葉山町一色」 find the
// same persons in the resident search and in the addressee search.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/platform/demo/seed.ts";
import { formatWareki } from "../../src/lib/wareki.ts";
import { todayInJapan } from "../../src/platform/addressee/calendar-date.ts";
import { launchChromium, logIn, municipalityOption, newStaffContext, openScreen, screenshot, startDemoServer, type DemoServer } from "./support/browser.ts";

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const HAYAMA = { id: "143014", option: municipalityOption("葉山町") };

function day(offset: number): string {
  const d = new Date(`${todayInJapan()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

const PERSON = { family: "辞書", given: "確太", kana: "ジショ", givenKana: "カクタ", birth: "S58.2.14" };

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  context = await newStaffContext(browser, server.baseUrl);
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

async function query<T>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await server.platform.db.withTenant(HAYAMA.id, (tx) => tx.query(text, values))).rows as T[];
}

const changeCount = async () => Number((await query<{ n: string }>("SELECT count(*) AS n FROM resident_change"))[0]!.n);

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

/** Sends the form with its button, confirming in the dialog that summarises the change when it asks. */
async function send(form: Locator, label: string): Promise<void> {
  await form.getByRole("button", { name: label }).click();
  const dialog = page.getByTestId("confirm-dialog");
  const answered = page.getByTestId("recorded-change").or(form.locator(".form-error").first());
  await answered.or(dialog).first().waitFor();
  if (await dialog.isVisible()) {
    await dialog.getByRole("button", { name: "記録する" }).click();
    await dialog.waitFor({ state: "hidden" });
  }
}

/** Records the form and waits for the recorded person's screen. */
async function record(form: Locator, label: string): Promise<void> {
  await send(form, label);
  await page.getByTestId("recorded-change").waitFor();
}

let personId = "";

describe("住所辞書 at the counter", () => {
  it("a 転入: the 〒 gives the town's 町字, 番地 typed in 全角 are recorded in the master's form, and the 前住所 is normalised", async () => {
    await logIn(page, HAYAMA.option, "clerk", DEMO_PASSWORD);
    await openScreen(page, "転入届");
    const form = page.getByTestId("change-form");
    await purposeIfAsked(form, "転入届の受付");
    await form.locator("#rc-effectiveDate").fill(formatWareki(day(-3)));

    // 240-0112 is 堀内 alone: the 町字 is chosen from it, and the cursor may go on to 番地・号.
    await form.locator("#rc-address-postalCode").fill("２４０－０１１２");
    const town = form.getByRole("combobox", { name: /住所（町字まで）/ });
    await expect.poll(() => town.inputValue()).toBe("神奈川県三浦郡葉山町堀内");
    await form.locator("#rc-address-address-block").fill("２０５０－７");
    await form.locator("#rc-address-addressLine2").fill("辞書ハイツ101");
    const preview = form.locator("#rc-address-address-normalised");
    await expect.poll(() => preview.textContent()).toBe("記録される住所：神奈川県三浦郡葉山町堀内2050番地7\u3000辞書ハイツ101");

    // The 前住所 is typed (not chosen) and read against the national master.
    await form.locator("#rc-previousAddress-address").fill("千代田区千代田１－１");
    const previous = form.locator("#rc-previousAddress-address-normalised");
    await expect.poll(() => previous.textContent()).toBe("記録される住所：東京都千代田区千代田1-1");

    await form.locator("#rc-persons-0-familyName").fill(PERSON.family);
    await form.locator("#rc-persons-0-givenName").fill(PERSON.given);
    await form.locator("#rc-persons-0-familyNameKana").fill(PERSON.kana);
    await form.locator("#rc-persons-0-givenNameKana").fill(PERSON.givenKana);
    await form.locator("#rc-persons-0-birthDate").fill(PERSON.birth);
    await form.locator("#rc-persons-0-sex").selectOption({ label: "男" });
    await form.locator("#rc-persons-0-registeredDomicile").fill("東京都千代田区千代田1番");
    await form.locator("#rc-persons-0-domicileHead").fill("辞書 確太");
    await screenshot(page, "90-address-move-in-form");
    await record(form, "転入を記録する");
    personId = page.url().split("/residents/")[1]!;
    const [stored] = await query<{ address: string; line2: string; previous: string; postal: string }>(
      `SELECT record->>'address' AS address, record->>'addressLine2' AS line2, record->>'previousAddress' AS previous,
              record->>'postalCode' AS postal FROM resident_current WHERE person_id = $1`,
      [personId],
    );
    expect(stored).toEqual({ address: "神奈川県三浦郡葉山町堀内2050番地7", line2: "辞書ハイツ101", previous: "東京都千代田区千代田1-1", postal: "2400112" });
  });

  it("a 転居: part of a 町字 typed, the candidate chosen with ↓ and Enter, 番地 in 漢数字 — recorded as the master writes it", async () => {
    await page.getByTestId("change-actions").getByRole("link", { name: "転居", exact: true }).click();
    const form = page.getByTestId("change-form");
    await purposeIfAsked(form, "転居届の受付");
    await form.locator("#rc-effectiveDate").fill(formatWareki(day(-1)));
    const town = form.getByRole("combobox", { name: /住所（町字まで）/ });
    await town.click();
    await page.keyboard.type("一色");
    const option = page.getByRole("listbox").getByRole("option", { name: /神奈川県三浦郡葉山町一色/ });
    await option.waitFor();
    expect(await town.getAttribute("aria-expanded")).toBe("true");
    await screenshot(page, "91-address-candidates");
    await town.press("ArrowDown");
    expect(await option.getAttribute("aria-selected")).toBe("true");
    await town.press("Enter");
    await expect.poll(() => town.inputValue()).toBe("神奈川県三浦郡葉山町一色");
    await expect.poll(() => form.locator("#rc-address-postalCode").inputValue()).toBe("240-0111");
    // The chosen 町字 sends the cursor to 番地・号.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("rc-address-address-block");
    await page.keyboard.type("三百二十一番地の四");
    await expect.poll(() => form.locator("#rc-address-address-normalised").textContent()).toBe("記録される住所：神奈川県三浦郡葉山町一色321番地4");
    await record(form, "転居を記録する");
    const [stored] = await query<{ address: string }>("SELECT record->>'address' AS address FROM resident_current WHERE person_id = $1", [personId]);
    expect(stored!.address).toBe("神奈川県三浦郡葉山町一色321番地4");
    expect(await page.getByTestId("resident-address").textContent()).toContain("神奈川県三浦郡葉山町一色321番地4");
  });

  it("a 転居先 in another municipality typed into the town's field is refused at that field, and nothing is written", async () => {
    await page.getByTestId("change-actions").getByRole("link", { name: "転居", exact: true }).click();
    const form = page.getByTestId("change-form");
    await purposeIfAsked(form, "転居届の受付");
    await form.locator("#rc-effectiveDate").fill(formatWareki(day(0)));
    const town = form.locator("#rc-address-address");
    await town.fill("東京都千代田区千代田1番1号");
    expect(await town.inputValue()).toBe("東京都千代田区千代田1番1号");
    // Said before recording, under the field, in words that name it.
    const error = form.locator("#rc-address-address-error");
    await expect.poll(() => error.textContent()).toContain("この町の住所ではありません");
    expect(await town.getAttribute("aria-invalid")).toBe("true");
    expect(await form.locator("#rc-address-address-label").textContent()).toContain("住所");
    expect(await form.locator("fieldset:has(#rc-address-address) > legend").last().textContent()).toBe("転居先（この町の住所）");
    const before = await changeCount();
    await send(form, "転居を記録する");
    await expect.poll(() => error.textContent()).toMatch(/この町/);
    await expect.poll(() => town.getAttribute("aria-invalid")).toBe("true");
    await screenshot(page, "92-address-refused");
    expect(await page.getByTestId("recorded-change").count()).toBe(0);
    expect(await changeCount()).toBe(before);
    const [stored] = await query<{ address: string }>("SELECT record->>'address' AS address FROM resident_current WHERE person_id = $1", [personId]);
    expect(stored!.address).toBe("神奈川県三浦郡葉山町一色321番地4");
  });

  const FORMS = ["一色", "葉山町一色", "神奈川県三浦郡葉山町一色"];

  /**
   * Searches from a cleared form as a clerk does (the last field, Enter) and reads the answer the
   * screen got — its total and the ids on the first page — once the screen shows that total.
   */
  async function search(form: Locator, results: Locator, fields: Record<string, string>, api: string, idKey: string) {
    await form.getByRole("button", { name: "条件をクリア" }).click();
    await results.waitFor({ state: "detached" });
    let last = "";
    for (const [id, value] of Object.entries(fields)) {
      await form.locator(`#${id}`).fill(value);
      last = id;
    }
    const typed = Object.values(fields).at(-1)!;
    const answered = page.waitForResponse((r) => r.url().includes(api) && new URL(r.url()).searchParams.get("address") === typed);
    await form.locator(`#${last}`).press("Enter");
    const body = (await (await answered).json()) as { total: number; items: Record<string, string>[] };
    await results.locator("caption").filter({ hasText: body.total ? `該当 ${body.total}件` : "該当する" }).waitFor();
    return { total: body.total, ids: body.items.map((item) => item[idKey]!) };
  }

  it("「一色」, 「葉山町一色」 and 「神奈川県三浦郡葉山町一色」 find the same residents", async () => {
    await openScreen(page, "住民検索");
    const form = page.getByTestId("resident-search-form");
    await purposeIfAsked(form, "住所による照会");
    const results = page.getByTestId("resident-results");
    const seen = [];
    for (const typed of FORMS) {
      const all = await search(form, results, { "resident-search-address": typed }, "/api/resident/persons?", "personId");
      const named = await search(form, results, { "resident-search-name": PERSON.kana, "resident-search-address": typed }, "/api/resident/persons?", "personId");
      seen.push({ all, named });
    }
    // More than a page of this town's 一色 (the demo's and the one moved in), the same whichever way typed.
    expect(seen[0]!.all.total).toBeGreaterThan(1);
    expect(seen[0]!.named.ids).toEqual([personId]);
    for (const s of seen.slice(1)) expect(s).toEqual(seen[0]);
  });

  it("… and the same addressees in the 宛名検索", async () => {
    const [{ number }] = (await query<{ number: string }>("SELECT addressee_number::text AS number FROM resident_current WHERE person_id = $1", [personId])) as [
      { number: string },
    ];
    await openScreen(page, "宛名検索");
    const form = page.getByTestId("addressee-search-form");
    await purposeIfAsked(form, "住所による照会");
    const results = page.getByTestId("addressee-results");
    const seen = [];
    for (const typed of FORMS) {
      const all = await search(form, results, { "search-address": typed }, "/api/addressees?", "number");
      const named = await search(form, results, { "search-name": `${PERSON.family}${PERSON.given}`, "search-address": typed }, "/api/addressees?", "number");
      seen.push({ all, named });
    }
    expect(seen[0]!.all.total).toBeGreaterThan(1);
    expect(seen[0]!.named.ids).toEqual([number.padStart(15, "0")]);
    for (const s of seen.slice(1)) expect(s).toEqual(seen[0]);
    // Another municipality's 一色 is not this town's.
    expect((await search(form, results, { "search-address": "東京都千代田区一色" }, "/api/addressees?", "number")).ids).toEqual([]);
    await screenshot(page, "93-address-search");
  });
});
