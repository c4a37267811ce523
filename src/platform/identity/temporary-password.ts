// 仮パスワード (temporary passwords): the activation code of a new administrator and the one-time
// password an administrator sets for a clerk. Shown once to whoever issues it, handed over out of
// band, kept only as an Argon2id hash, and replaced by a password of the holder's choosing at the
// first log-in (ADR 0020). Twenty characters of an alphabet without look-alikes (no 0/O, 1/I/L),
// in groups of four for reading aloud: 99 bits, more than any throttle lets anyone guess.
import crypto from "node:crypto";

const SYMBOLS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"; // 31: A–Z without I, L, O; 2–9

/** How long a temporary password may be used. */
export const TEMPORARY_PASSWORD_HOURS = { activation: 7 * 24, "one-time": 72 } as const;

export type TemporaryKind = keyof typeof TEMPORARY_PASSWORD_HOURS;

export function newTemporaryPassword(): string {
  const chars = Array.from({ length: 20 }, () => SYMBOLS[crypto.randomInt(SYMBOLS.length)]!);
  return [0, 4, 8, 12, 16].map((i) => chars.slice(i, i + 4).join("")).join("-");
}

/** The same code typed with spaces, lower case or no hyphens. */
export function normalizeTemporaryPassword(typed: string): string {
  const bare = typed.replace(/[\s-]/g, "").toUpperCase();
  return /^[A-HJKMNP-Z2-9]{20}$/.test(bare) ? bare.match(/.{4}/g)!.join("-") : typed;
}
