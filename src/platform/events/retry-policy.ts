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
    "事象を受け取る業務への配信を何回まで試みるか。この回数に達しても配信できなければ「失敗」とし、管理者が再送するまで止める。",
  schema: Type.Integer({ minimum: 1, maximum: 100 }),
  nationalDefault: 8,
  source: "法令・標準仕様に定めなし。既定値8回はこのプラットフォームの参考値（間隔を倍にしながら約2分まで試す）。",
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
