// 再送 (redelivery): when a failed delivery is tried again, and when it is given up as dead.
// The delay doubles from a base up to a cap (1 s, 2 s, 4 s, …), so a subscriber that is down
// for a while is not hammered, and after the set number of attempts the delivery is 'failed'
// and waits for an administrator.
import { Type } from "@sinclair/typebox";
import type { SettingDefinition } from "../contract.ts";

export const MAX_DELIVERY_ATTEMPTS = "events.maxDeliveryAttempts";

export const maxDeliveryAttempts: SettingDefinition<number> = {
  key: MAX_DELIVERY_ATTEMPTS,
  label: "連携の最大試行回数",
  description:
    "How many times a subscriber is given an event before the delivery is marked failed (dead) and needs a retry by an administrator.",
  schema: Type.Integer({ minimum: 1, maximum: 100 }),
  nationalDefault: 8,
  source: "kyodo default (not set by law or the 標準仕様)",
};

export interface BackoffOptions {
  /** Delay after the first failure. */
  baseMs: number;
  /** No delay is longer than this. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 60 * 60 * 1_000 };

/** The delay before the next attempt, after `failedAttempts` (≥ 1) failures. */
export function retryDelayMs(failedAttempts: number, backoff: BackoffOptions): number {
  const exponent = Math.max(0, failedAttempts - 1);
  // 2^exponent overflows to Infinity long before it matters; the cap bounds it either way.
  return Math.min(backoff.baseMs * 2 ** exponent, backoff.maxMs);
}
