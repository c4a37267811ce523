// Text the platform can store, print and search: what every string arriving at the edge must be.
// PostgreSQL refuses U+0000 in text and jsonb, and an unpaired surrogate cannot be encoded as
// UTF-8; other C0/C1 control characters are never part of a name, address or reason, and would
// only reach a certificate or a CSV file as garbage. Tab, LF and CR stay (free-text notes).

export type TextFault = "nul" | "unpaired-surrogate" | "control-character";

export const TEXT_FAULT_MESSAGES: Record<TextFault, string> = {
  nul: "must not contain the NUL character (U+0000)",
  "unpaired-surrogate": "must be well-formed Unicode (an unpaired surrogate was sent)",
  "control-character": "must not contain control characters other than tab and line breaks",
};

// C0 except tab (09), LF (0A) and CR (0D); DEL; C1.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be accepted, or null when it can. */
export function textFault(value: string): TextFault | null {
  if (value.includes("\u0000")) return "nul";
  if (UNPAIRED_SURROGATE.test(value)) return "unpaired-surrogate";
  if (CONTROL.test(value)) return "control-character";
  return null;
}

// CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F) have canonical decompositions,
// so plain NFC would silently replace, say, 神 (U+FA19) with 神 (U+795E): a different registered
// character for a 戸籍 name. They are kept as sent; every other run of the string is NFC.
const COMPATIBILITY_IDEOGRAPH = /([\uF900-\uFAFF\u{2F800}-\u{2FA1F}])/u;

/**
 * NFC for names and addresses (e.g. か + U+3099 → が, so the same name is stored and searched
 * one way), keeping CJK compatibility ideographs and ideographic variation sequences intact.
 */
export function normaliseNameText(value: string): string {
  if (!COMPATIBILITY_IDEOGRAPH.test(value)) return value.normalize("NFC");
  return value
    .split(COMPATIBILITY_IDEOGRAPH)
    .map((part, i) => (i % 2 === 1 ? part : part.normalize("NFC")))
    .join("");
}
