// パスワードの規則 (password rules), after NIST SP 800-63B-4 §3.1.1.2: a length, a list of
// common and breached passwords and context words refused, and no composition rules (no
// "one digit, one symbol"), no periodic change. A password is the only authenticator here, so
// the minimum is 15 characters (ibid.: "a minimum of 15 characters" for single-factor use);
// every Unicode character and space is allowed, counted as code points, never truncated.
// The list is @zxcvbn-ts/language-common's `passwords-common` (MIT; ~49,000 passwords from
// public breach corpora, by frequency), shipped in node_modules and read offline.
import { dictionary } from "@zxcvbn-ts/language-common";

export const MIN_PASSWORD_LENGTH = 15;
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordFlaw = "too-short" | "too-long" | "repetitive" | "sequential" | "common" | "context";

export const PASSWORD_FLAW_MESSAGES: Record<PasswordFlaw, { en: string; ja: string }> = {
  "too-short": { en: `at least ${MIN_PASSWORD_LENGTH} characters`, ja: `${MIN_PASSWORD_LENGTH}文字以上にしてください` },
  "too-long": { en: `at most ${MAX_PASSWORD_LENGTH} characters`, ja: `${MAX_PASSWORD_LENGTH}文字以内にしてください` },
  repetitive: { en: "repeats one short pattern", ja: "同じ文字や短い並びの繰り返しは使えません" },
  sequential: { en: "a run of consecutive characters", ja: "連続した文字の並び（12345…、abcde…）は使えません" },
  common: { en: "a commonly used or breached password", ja: "よく使われる、または漏えいしたことのあるパスワードです" },
  context: { en: "contains the log-in ID, the name, the municipality or the service", ja: "ログインID・氏名・団体名・サービス名を含むパスワードは使えません" },
};

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  return common;
}

const fold = (text: string) => text.normalize("NFKC").toLowerCase();

/** True when the text is one pattern of up to four characters repeated (also "        "). */
function isRepetitive(chars: string[]): boolean {
  if (chars.every((c) => /\s/u.test(c))) return true;
  for (let period = 1; period <= 4 && period < chars.length; period++) {
    if (chars.every((c, i) => c === chars[i % period])) return true;
  }
  return false;
}

/** True when every character is the one before it plus or minus one (0123456789…, zyxw…). */
function isSequential(chars: string[]): boolean {
  const codes = chars.map((c) => c.codePointAt(0)!);
  const step = codes[1]! - codes[0]!;
  if (Math.abs(step) !== 1) return false;
  return codes.every((c, i) => i === 0 || c - codes[i - 1]! === step || (step === 1 && codes[i - 1] === 57 && c === 48));
}

/** The words that make a password guessable for this account: its log-in ID, name and so on. */
export interface PasswordContext {
  loginId?: string;
  displayName?: string;
  /** The municipality's name and reading. */
  municipality?: readonly string[];
}

/** Words to refuse inside a password: the service's own names and the account's. */
function contextWords(context: PasswordContext): string[] {
  const words = ["kyodo", "共同"];
  if (context.loginId) words.push(context.loginId, ...context.loginId.split(/[._-]+/));
  if (context.displayName) words.push(context.displayName.replace(/\s+/gu, ""), ...context.displayName.split(/\s+/u));
  for (const name of context.municipality ?? []) words.push(name, name.replace(/[市町村区]$/u, ""));
  // Short parts of a name (葉山, 花子) count; one character or three Latin letters do not.
  return [...new Set(words.map(fold))].filter((w) => (/^[\p{Script=Latin}\d._-]+$/u.test(w) ? w.length >= 4 : [...w].length >= 2));
}

/** Every rule the password breaks, none when it may be used. */
export function passwordFlaws(password: string, context: PasswordContext = {}): PasswordFlaw[] {
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH) return ["too-short"];
  if (chars.length > MAX_PASSWORD_LENGTH) return ["too-long"];
  const flaws: PasswordFlaw[] = [];
  const folded = fold(password);
  if (isRepetitive([...folded])) flaws.push("repetitive");
  else if (isSequential([...folded])) flaws.push("sequential");
  const list = commonPasswords();
  // A listed password with digits or symbols around it ("password1234567!") is still that password.
  const core = folded.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  if (list.has(folded) || list.has(folded.replace(/\s+/gu, "")) || (core.length >= 4 && list.has(core))) flaws.push("common");
  if (contextWords(context).some((w) => folded.includes(w))) flaws.push("context");
  return flaws;
}
