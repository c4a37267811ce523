// 利用目的 per journey (ADR 0004): another person, another kind of 届出 or the 証明書 screen asks for
// the purpose again, with the likely one preselected. Browser tests confirm it as a clerk would.
import type { Page } from "playwright-core";

/** States a purpose on the form a screen shows first: the purpose chosen and what is done, sent with Enter. */
export async function statePurpose(page: Page, detail: string, choice = "窓口での本人確認"): Promise<void> {
  const form = page.getByTestId("purpose-form");
  await form.getByLabel("利用目的").selectOption(choice);
  await form.getByLabel("具体的な内容").fill(detail);
  await form.getByLabel("具体的な内容").press("Enter");
  await page.getByTestId("purpose-bar").waitFor();
}

/** Confirms the purpose the screen asks for: the preselected one, else `fallback` from the list. */
export async function confirmPurpose(page: Page, fallback = "窓口での本人確認"): Promise<void> {
  const form = page.getByTestId("purpose-form");
  await form.waitFor();
  const choice = form.getByLabel("利用目的");
  if (!(await choice.inputValue())) await choice.selectOption(fallback);
  await form.getByRole("button", { name: "この目的で照会する" }).click();
  await page.getByTestId("purpose-bar").waitFor();
}
