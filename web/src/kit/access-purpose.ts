// 利用目的 (purpose of use): why a member of staff reads a person's data. The server records it in
// the audit log with every read of an addressee and refuses a read without it, so the screen
// asks once — a common purpose from the list, with details in free text — and keeps it for the
// rest of the log-in in this browser tab (sessionStorage: a reload keeps it, closing the tab, a
// log-out or the next log-in forget it). It travels as `x-kyodo-purpose`, percent-encoded UTF-8,
// because HTTP header values are Latin-1 only.
import { useSyncExternalStore } from "react";
import type { ExtraHeaders } from "./api-client.ts";

export const PURPOSE_HEADER = "x-kyodo-purpose";
/** The server accepts up to 200 characters; the chosen purpose and its details share them. */
export const PURPOSE_MAX_LENGTH = 200;
export const PURPOSE_DETAIL_MAX_LENGTH = 150;
/** The list entry whose wording is the free text alone. */
export const OTHER_PURPOSE = "その他";

/** The purposes staff name most often at a 宛名 screen; anything else is その他 with free text. */
export const COMMON_PURPOSES: readonly string[] = [
  "窓口での本人確認",
  "証明書の交付",
  "異動届の受付",
  "住民票の記載事項の確認",
  "税務（賦課・収納）",
  "福祉・給付",
  "国民健康保険・年金",
  "宛名の登録・訂正",
  "名寄せ・宛名の整備",
  "照会への回答",
  OTHER_PURPOSE,
];

const STORAGE_KEY = "kyodo.purpose";

export type PurposeChoice = { ok: true; purpose: string } | { ok: false; field: "choice" | "detail"; message: string };

/** 「税務（賦課・収納）：固定資産税の納税通知」: the chosen purpose with its details, or what is missing. */
export function composePurpose(choice: string, detail: string): PurposeChoice {
  const text = detail.trim().replace(/\s+/g, " ");
  if (!choice) return { ok: false, field: "choice", message: "利用目的を選んでください" };
  if (choice === OTHER_PURPOSE && !text) return { ok: false, field: "detail", message: "「その他」のときは具体的な目的を入力してください" };
  if (text.length > PURPOSE_DETAIL_MAX_LENGTH) {
    return { ok: false, field: "detail", message: `具体的な内容は${PURPOSE_DETAIL_MAX_LENGTH}文字以内で入力してください` };
  }
  const purpose = choice === OTHER_PURPOSE ? text : text ? `${choice}：${text}` : choice;
  return { ok: true, purpose };
}

/** The header that carries the purpose of a read. */
export function purposeHeaders(purpose: string): ExtraHeaders {
  return { [PURPOSE_HEADER]: encodeURIComponent(purpose) };
}

const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    // Storage disabled by the browser's policy: the purpose then lasts until the page reloads.
    return null;
  }
}

let remembered: string | null = storage()?.getItem(STORAGE_KEY) ?? null;

function publish(next: string | null): void {
  remembered = next;
  const store = storage();
  if (next === null) store?.removeItem(STORAGE_KEY);
  else store?.setItem(STORAGE_KEY, next);
  for (const listener of listeners) listener();
}

export function currentPurpose(): string | null {
  return remembered;
}

export function rememberPurpose(purpose: string): void {
  publish(purpose);
}

/** At log-in and log-out: the next member of staff states their own purpose. */
export function forgetPurpose(): void {
  publish(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The purpose stated in this tab, or null; screens re-render when it changes. */
export function usePurpose(): string | null {
  return useSyncExternalStore(subscribe, currentPurpose, currentPurpose);
}
