// 利用目的 (purpose of use): why a member of staff reads a person's data. The server records it in
// the audit log with every read of an addressee and refuses a read without it. The screen asks for
// it per journey (purpose-journey.ts: one person, one kind of work) — a common purpose from the
// list, with details in free text — and keeps it, bound to that journey, for the rest of the log-in
// in this browser tab (sessionStorage: a reload keeps it, closing the tab, a log-out or the next
// log-in forget it). It travels as `x-kyodo-purpose`, percent-encoded UTF-8, because HTTP header
// values are Latin-1 only.
import { useSyncExternalStore } from "react";
import type { ExtraHeaders } from "./api-client.ts";
import { enterJourney, journeyAt, likelyPurpose, purposeFor, type PurposeBinding } from "./purpose-journey.ts";

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

const STORAGE_KEY = "kyodo.purpose-binding";

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

function stored(): PurposeBinding | null {
  try {
    const value = JSON.parse(storage()?.getItem(STORAGE_KEY) ?? "null") as PurposeBinding | null;
    return value && typeof value.purpose === "string" && typeof value.journey?.kind === "string" ? value : null;
  } catch {
    return null;
  }
}

let binding: PurposeBinding | null = stored();

function publish(next: PurposeBinding | null): void {
  binding = next;
  const store = storage();
  if (next === null) store?.removeItem(STORAGE_KEY);
  else store?.setItem(STORAGE_KEY, JSON.stringify(next));
  for (const listener of listeners) listener();
}

const here = () => journeyAt(typeof window === "undefined" ? "/" : window.location.pathname);

/** The purpose in force on the screen shown (its journey), or null when it is to be asked. */
export function currentPurpose(): string | null {
  return purposeFor(binding, here());
}

/** What the purpose form preselects, and whether a purpose stated earlier is asked again here. */
export function purposeQuestion(): { likely: string | null; again: boolean } {
  return { likely: likelyPurpose(binding, here()), again: binding !== null };
}

/** States the purpose of the journey shown. */
export function rememberPurpose(purpose: string): void {
  publish({ journey: here(), purpose });
}

/**
 * Called as the screen's path changes: the journey entered takes over a purpose it continues (the
 * first person opened from a search, back to the person after a 届出), so the next person asks again.
 */
export function followJourney(path: string): void {
  const next = enterJourney(binding, journeyAt(path));
  if (next !== binding) publish(next);
}

/**
 * A recorded 届出 leads to the person it made (a child born, a household's new record): the
 * journey continues there with its purpose. Called just before navigating to `path`.
 */
export function carryPurposeTo(path: string): void {
  const purpose = currentPurpose();
  if (purpose !== null) publish({ journey: journeyAt(path), purpose });
}

/** At log-in and log-out: the next member of staff states their own purpose. */
export function forgetPurpose(): void {
  publish(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (typeof window === "undefined") return () => listeners.delete(listener);
  // The purpose in force follows the screen's path (router.tsx announces each move).
  window.addEventListener("popstate", listener);
  window.addEventListener("kyodo:navigate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
    window.removeEventListener("kyodo:navigate", listener);
  };
}

/** The purpose in force on the screen shown, or null; screens re-render when it changes. */
export function usePurpose(): string | null {
  return useSyncExternalStore(subscribe, currentPurpose, currentPurpose);
}
