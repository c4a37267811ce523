// 住所入力の純粋な部分 (the pure logic of address input): what a typed 〒 is, which query asks the
// town's 町字マスター for candidates, how the chosen 町字 and the typed 番地・号 make one address,
// and when the candidates list has nothing left to offer. The server normalises and checks
// (src/platform/address, ADR 0022); these only decide what to ask it and how to show the answer.
import type { CandidateType } from "../../../../src/platform/address/api-schemas.ts";

export type Candidate = CandidateType;
export type AddressScope = "in-town" | "national";

/** The 7 digits of a complete 〒 typed in any width, with or without 「〒」 and a hyphen; else null. */
export function postalDigits(text: string): string | null {
  const folded = text.normalize("NFKC").replace(/[\s〒]/g, "").replace(/[‐‑‒–—―−ｰー]/g, "-");
  const m = /^(\d{3})-?(\d{4})$/.exec(folded);
  return m ? `${m[1]}${m[2]}` : null;
}

/** A 〒 as clerks write it: 240-0112. */
export function postalText(digits: string | null): string {
  return digits === null || digits.length !== 7 ? "" : `${digits.slice(0, 3)}-${digits.slice(3)}`;
}

/**
 * What to ask the master for: the 町字 text typed (which may begin with the municipality, or be a
 * 〒 itself), else a complete 〒 from the 〒 field; null when there is nothing to ask.
 */
export function candidateQuery(townText: string, postalCode: string): string | null {
  const text = townText.trim();
  if (text !== "") return text.length > 100 ? null : text;
  return postalDigits(postalCode);
}

export function candidatesPath(q: string, date: string | null): string {
  const params = new URLSearchParams({ q });
  if (date !== null) params.set("date", date);
  return `/api/address/candidates?${params.toString()}`;
}

/** One address from the 町字 part (chosen or typed) and the 番地・号 typed after it. */
export function composeAddress(town: string, block: string): string {
  const t = town.trim();
  const b = block.trim();
  return b === "" ? t : `${t}${b}`;
}

/**
 * The candidates worth listing for the text in the 町字 field: none once the text is exactly a
 * candidate's address (the 町字 is chosen) or already goes past one (番地 typed after it).
 */
export function candidatesToList(townText: string, candidates: readonly Candidate[]): readonly Candidate[] {
  const text = townText.normalize("NFKC").replace(/\s/g, "");
  if (text === "") return candidates;
  const settled = candidates.some((c) => text.startsWith(c.address.normalize("NFKC").replace(/\s/g, "")));
  return settled ? [] : candidates;
}

/** The one line a candidate shows: 〒, the address up to the 町字, and how its 番地 are written. */
export function candidateDetail(c: Candidate): string {
  const postal = c.postalCode ? `〒${postalText(c.postalCode)}` : "〒なし";
  return `${postal}・${c.addressing === "residence-indication" ? "住居表示（○番○号）" : "地番（○番地○）"}`;
}

/** A typed 異動日 (already ISO, or 和暦 read by the caller) when it is a whole date; else null (today). */
export function masterDate(iso: string | null | undefined): string | null {
  return iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : null;
}
