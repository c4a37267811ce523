// 連携の配信状況: Japanese names for a delivery's status (未配信 / 失敗 / 完了) and for the
// subscriber, which is an area's or module's id.
import { moduleNameJa } from "../identity/role-names.ts";

export type DeliveryStatus = "pending" | "failed" | "done";

export const DELIVERY_STATUSES: Record<DeliveryStatus, { label: string; tone: "warning" | "error" | "ok" }> = {
  pending: { label: "未配信", tone: "warning" },
  failed: { label: "失敗", tone: "error" },
  done: { label: "完了", tone: "ok" },
};

export const DELIVERY_STATUS_OPTIONS: readonly { value: "" | DeliveryStatus; label: string }[] = [
  { value: "", label: "すべて" },
  { value: "pending", label: DELIVERY_STATUSES.pending.label },
  { value: "failed", label: DELIVERY_STATUSES.failed.label },
  { value: "done", label: DELIVERY_STATUSES.done.label },
];

/** A subscriber is named like a module (住民記録, 税 …), else by its id. */
export function subscriberLabel(subscriber: string): string {
  return moduleNameJa(subscriber);
}
