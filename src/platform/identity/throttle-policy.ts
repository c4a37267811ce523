// Log-in throttling policy (ADR 0015): after a free allowance of failures, each further failure
// refuses the next attempt with 429 for a delay that doubles up to a ceiling. Failures are
// counted under three keys, for log-in IDs that exist and that do not alike:
//  - pair: (account, source) — the attacker's own source against one account; a low allowance.
//  - account: every source against one account — a much higher allowance (many sources needed).
//  - source: one address against every account of every municipality (password spraying).
// A source from which this account has logged in correctly within KNOWN_SOURCE_DAYS is held
// only by its pair: a stranger elsewhere can slow an account down but not lock its clerk out.
import crypto from "node:crypto";
import net from "node:net";

export interface ThrottleRule {
  /** Failures allowed before any delay. */
  freeFailures: number;
  /** The delay after the first failure past the allowance; it doubles with each further one. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** The count starts again after this long without a failure. */
  forgetMinutes: number;
}

export type ThrottleKind = "pair" | "account" | "source";

export const THROTTLE_RULES: Record<ThrottleKind, ThrottleRule> = {
  pair: { freeFailures: 5, firstDelaySeconds: 60, maxDelaySeconds: 3600, forgetMinutes: 24 * 60 },
  account: { freeFailures: 50, firstDelaySeconds: 60, maxDelaySeconds: 3600, forgetMinutes: 24 * 60 },
  source: { freeFailures: 100, firstDelaySeconds: 60, maxDelaySeconds: 3600, forgetMinutes: 24 * 60 },
};

export const KNOWN_SOURCE_DAYS = 30;

/** The realm of operators' log-ins (operators belong to no municipality). */
export const PLATFORM_REALM = "platform";

/** Seconds refused after `failures` consecutive failures; as kyodo_login_delay() in SQL. */
export function delaySeconds(rule: ThrottleRule, failures: number): number {
  if (failures < rule.freeFailures) return 0;
  return Math.min(rule.maxDelaySeconds, rule.firstDelaySeconds * 2 ** Math.min(failures - rule.freeFailures, 30));
}

/**
 * The key of a log-in ID within a realm (a municipality's code, or 'platform'): SHA-256 of
 * '<realm>:<log-in ID as typed>'. An unknown ID is attacker-chosen text (or a password typed
 * in the wrong field), so it is kept only as this hash, never in clear nor in a log.
 */
export function accountKey(realm: string, loginId: string): Buffer {
  return crypto.createHash("sha256").update(`${realm}:${loginId}`, "utf8").digest();
}

/** The first 12 hex digits of a key: enough for an administrator to tell rows apart. */
export function keyLabel(key: Buffer): string {
  return key.toString("hex").slice(0, 12);
}

/**
 * The source a request counts against: its IPv4 address, or the /64 of an IPv6 address (one
 * subscriber holds a whole /64). An IPv4-mapped IPv6 address counts as the IPv4 address.
 */
export function sourceOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (net.isIPv4(ip)) return ip;
  if (!net.isIPv6(ip)) throw new Error("not an IP address");
  return `${expandIPv6(ip).slice(0, 4).join(":")}::/64`;
}

function expandIPv6(ip: string): string[] {
  const [head, tail] = ip.split("%")[0]!.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  // An embedded IPv4 tail (::1.2.3.4) occupies two groups.
  const last = right.length ? right : left;
  const v4 = last.length && net.isIPv4(last[last.length - 1]!) ? last.pop()! : null;
  if (v4) {
    const [a, b, c, d] = v4.split(".").map(Number) as [number, number, number, number];
    last.push(((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
  }
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right].map((g) => (parseInt(g, 16) || 0).toString(16));
}
