// The steps of the staff UI's confirmations, shared by the browser tests: a 異動 is recorded only
// after the confirmation dialog (web/src/kit/confirm-dialog.tsx) is confirmed, and the person
// view's details are tabs (web/src/kit/tabs.tsx).
import type { Page } from "playwright-core";
import { statePurpose } from "./purpose.ts";

/** The open confirmation dialog. */
export function confirmDialog(page: Page) {
  return page.getByTestId("confirm-dialog");
}

/** Confirms the open confirmation (記録する) and waits until the dialog has closed. */
export async function confirmRecording(page: Page, label = "記録する"): Promise<void> {
  const dialog = confirmDialog(page);
  await dialog.waitFor({ state: "visible" });
  await dialog.getByRole("button", { name: label, exact: true }).click();
  await dialog.waitFor({ state: "hidden" });
}

/** Shows a tab of the person view (「世帯」, 「住民票の記載事項」, 「異動の履歴」) by its name's start. */
export async function openPersonTab(page: Page, name: string): Promise<void> {
  const tab = page.getByTestId("person-tabs").getByRole("tab", { name: new RegExp(`^${name}`) });
  await tab.click();
  await page.locator(`#${(await tab.getAttribute("aria-controls")) ?? ""}`).waitFor({ state: "visible" });
}

/**
 * Opens a screen that reads personal data and waits for the element of `ready` (a test id),
 * stating the 利用目的 when the screen asks for it (each journey may ask again).
 */
export async function openStatingPurpose(page: Page, url: string, ready: string, detail = "窓口での確認"): Promise<void> {
  await page.goto(url);
  const form = page.getByTestId("purpose-form");
  await form.or(page.getByTestId(ready)).first().waitFor();
  if (await form.isVisible()) await statePurpose(page, detail);
  await page.getByTestId(ready).waitFor();
}
