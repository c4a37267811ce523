// 利用目的は業務ごと: a browser test that the purpose a clerk states holds for one journey — one
// person, one kind of work — and that the audit log records, for each read, the purpose chosen for
// that journey: the first person opened from the search takes the search's purpose, another person
// asks again (the last purpose preselected), the 証明書 screen and a 届出 ask again with their usual
// purpose preselected, and the way back to the person keeps the purpose of the journey just done.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/platform/demo/seed.ts";
import { launchChromium, logIn, municipalityOption, newStaffContext, screenshot, startDemoServer, type DemoServer } from "./support/browser.ts";

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let clerk: string;
const people: { personId: string; addresseeNumber: string }[] = [];
const TAX = "税務（賦課・収納）";

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  const db = server.platform.db.owner;
  clerk = `staff:${(await db.query("SELECT id FROM staff_account WHERE tenant_id = '143014' AND login_id = 'clerk'")).rows[0].id}`;
  // Two residents of different households, so neither is shown as the other's household member.
  const rows = await db.query(
    `SELECT DISTINCT ON (household_id) person_id::text, addressee_number::text FROM resident_current
     WHERE tenant_id = '143014' AND record->>'status' = 'resident' ORDER BY household_id, addressee_number LIMIT 2`,
  );
  people.push(...rows.rows.map((r) => ({ personId: r.person_id as string, addresseeNumber: r.addressee_number as string })));
  context = await newStaffContext(browser, server.baseUrl);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const form = () => page.getByTestId("purpose-form");

/** The purpose form's choice and details as preselected. */
async function preselected(): Promise<{ choice: string; detail: string }> {
  await form().waitFor();
  return { choice: await form().getByLabel("利用目的").inputValue(), detail: await form().getByLabel("具体的な内容").inputValue() };
}

async function confirmPurpose(): Promise<string> {
  await form().getByRole("button", { name: "この目的で照会する" }).click();
  return (await page.getByTestId("purpose").textContent()) ?? "";
}

/** The purposes recorded with each read of a person by the clerk, in order. */
async function viewedWith(addresseeNumber: string): Promise<string[]> {
  const rows = await server.platform.db.owner.query(
    "SELECT purpose FROM audit_log WHERE tenant_id = '143014' AND action = 'resident.viewed' AND actor = $1 AND subject = $2 ORDER BY seq",
    [clerk, `addressee:${addresseeNumber.padStart(15, "0")}`],
  );
  return rows.rows.map((r) => r.purpose as string);
}

describe("利用目的 per journey", () => {
  it("asks again for another person, for the 証明書 and for a 届出, and the audit log carries each journey's purpose", async () => {
    const [a, b] = people;
    expect(b).toBeDefined();
    await logIn(page, municipalityOption("葉山町"), "clerk", DEMO_PASSWORD);

    // The search: nothing stated yet, nothing preselected.
    await page.goto("/residents");
    expect(await preselected()).toEqual({ choice: "", detail: "" });
    await form().getByLabel("利用目的").selectOption(TAX);
    await form().getByLabel("具体的な内容").fill("固定資産税の確認");
    expect(await confirmPurpose()).toBe(`${TAX}：固定資産税の確認`);

    // The first person opened from the search keeps its purpose.
    await page.goto(`/residents/${a!.personId}`);
    await page.getByTestId("person-summary").waitFor();
    expect(await page.getByTestId("purpose").textContent()).toBe(`${TAX}：固定資産税の確認`);

    // Another person asks again, with the last purpose preselected; the clerk states another.
    await page.goto(`/residents/${b!.personId}`);
    expect(await preselected()).toEqual({ choice: TAX, detail: "固定資産税の確認" });
    expect(await form().textContent()).toContain("別の人、別の届出や証明書を扱うため");
    expect(await page.getByTestId("person-summary").count()).toBe(0);
    await screenshot(page, "90-purpose-asked-again");
    await form().getByLabel("利用目的").selectOption("福祉・給付");
    await form().getByLabel("具体的な内容").fill("");
    expect(await confirmPurpose()).toBe("福祉・給付");
    await page.getByTestId("person-summary").waitFor();

    // The 証明書 screen asks again with 証明書の交付 preselected: one click confirms it.
    await page.goto(`/residents/${b!.personId}/certificate`);
    expect(await preselected()).toEqual({ choice: "証明書の交付", detail: "" });
    expect(await confirmPurpose()).toBe("証明書の交付");
    await page.getByTestId("certificate-form").waitFor();

    // Back to the person: the purpose of the journey just done holds.
    await page.goto(`/residents/${b!.personId}`);
    await page.getByTestId("person-summary").waitFor();
    expect(await page.getByTestId("purpose").textContent()).toBe("証明書の交付");

    // A 届出 for the first person asks again, with 異動届の受付 preselected.
    await page.goto(`/residents/${a!.personId}/changes/address-changed`);
    expect(await preselected()).toEqual({ choice: "異動届の受付", detail: "" });
    expect(await confirmPurpose()).toBe("異動届の受付");

    await expect.poll(() => viewedWith(a!.addresseeNumber)).toEqual([`${TAX}：固定資産税の確認`, "異動届の受付"]);
    const bViews = await viewedWith(b!.addresseeNumber);
    expect(bViews[0]).toBe("福祉・給付");
    expect(bViews.slice(1).every((p) => p === "証明書の交付")).toBe(true);
    expect(bViews.length).toBeGreaterThanOrEqual(2);
    // No read of either person went out with a purpose stated for another journey.
    expect(bViews).not.toContain(`${TAX}：固定資産税の確認`);
  });
});
