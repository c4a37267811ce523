// What a masked address must look like wherever it leaves the platform: 「住所（支援措置により
// 非表示）」 once per address. A person's object holds several keys of one address (郵便番号, 住所,
// 方書 — and the same for 前住所 and 転出先) and the screens join them, so before this rule a masked
// address read 「〒（支援措置により非表示）（支援措置により非表示）（支援措置により非表示）」.
// The check walks any JSON body (or the text of a screen) and names the first place where the mask
// is repeated: a string holding it twice, or an object with two masked keys of the same address.
import { MASKED_OTHER } from "../../src/platform/protection/response-guard.ts";

/** The mask's own words, in any of its forms. */
export const MASK_WORDS = MASKED_OTHER;

/** "previousPostalCode", "previousAddress" and "previousAddressLine2" are one address: "previous". */
function addressOf(key: string): string {
  return key
    .replace(/(postal_?code|postal|address_?line_?\d+|address_?key)$/i, "")
    .replace(/_?address$/i, "")
    .replace(/_/g, "")
    .toLowerCase();
}

function countIn(text: string): number {
  return text.split(MASK_WORDS).length - 1;
}

/** The path of the first repeated mask in `body`, or null. */
export function maskedTwice(body: unknown, path = ""): string | null {
  if (typeof body === "string") return countIn(body) > 1 || /〒\s*（支援措置/.test(body) ? path || "/" : null;
  if (Array.isArray(body)) {
    for (const [i, item] of body.entries()) {
      const found = maskedTwice(item, `${path}/${i}`);
      if (found) return found;
    }
    return null;
  }
  if (body === null || typeof body !== "object") return null;
  const seen = new Map<string, string>();
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (typeof value === "string" && countIn(value) > 0 && /address|postal/i.test(key) && !/Date|Since/.test(key)) {
      const address = addressOf(key);
      if (seen.has(address)) return `${path}/${key} (and ${seen.get(address)})`;
      seen.set(address, key);
    }
    const found = maskedTwice(value, `${path}/${key}`);
    if (found) return found;
  }
  return null;
}
