// 画面の文言は日本語 (every text a clerk or operator reads is Japanese): the words of Latin script
// a text holds that are not on the short allow-list. Used by the registry test (labels and
// descriptions of settings, jobs, events, layouts) and by the browser test of every screen.
//
// What is not a word here: a web address or a path (https://…, /verify/…), text in backquotes
// (a machine value quoted in documentation, `moved-out`), any token holding a digit — a code
// such as AAL2, A4, SHA-256, SP800-63B or a 〒 number — and a single capital letter naming one
// of two things (宛名 A・宛名 B). Full-width letters count as Latin.

/** Abbreviations a Japanese office writes in Latin letters itself, and the platform's name. */
export const ALLOWED_LATIN_WORDS: ReadonlySet<string> = new Set([
  // The platform's own name, beside 共同 in the header and the window title.
  "kyodo",
  "PDF",
  "PNG",
  "SVG",
  "KB",
  "CSV",
  "ID",
  "URL",
  "API",
  "OIDC",
  "SAML",
  "SSO",
  "QR",
  // DV等支援措置: the name 総務省 gives the measures.
  "DV",
  // 米国国立標準技術研究所: named with its document number (NIST SP800-63B) where a setting follows it.
  "NIST",
]);

const WEB_ADDRESS = /\bhttps?:\/\/[^\s、。）)」]+/gu;
const PATH = /(^|[\s（(「])\/[^\s、。）)」]*/gu;
const QUOTED = /`[^`]*`/gu;
// Joined by an apostrophe, a dot or a hyphen (SHA-256, moved-out); a colon separates, so that
// 「endsOn: 2026-12-22」 is the word endsOn and a date, not one code.
const TOKEN = /[A-Za-z0-9]+(?:['’._-][A-Za-z0-9]+)*/gu;

/** The Latin words of `text` outside the allow-list, in order of appearance (repeats kept). */
export function latinWords(text: string): string[] {
  const plain = text.normalize("NFKC").replace(WEB_ADDRESS, " ").replace(PATH, "$1 ").replace(QUOTED, " ");
  return (plain.match(TOKEN) ?? []).filter(
    (t) => /[A-Za-z]/u.test(t) && !/[0-9]/u.test(t) && !/^[A-Z]$/u.test(t) && !ALLOWED_LATIN_WORDS.has(t),
  );
}
