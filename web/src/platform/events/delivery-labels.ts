// 連携の配信状況: Japanese names for a delivery's status (未配信 / 失敗 / 完了) and for an event's
// subject. Event types and subscribers are named by the server, from what areas and modules declare.

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

/** Subjects that name no record of their own (`resident:journal`: the 異動 journal as a whole). */
const WHOLE_SUBJECTS: Record<string, string> = { "resident:journal": "住民記録の異動履歴" };

/**
 * An event's subject as staff read it: 「宛名番号 000000000001234」 for `addressee:<宛名番号>`
 * (modules know people by 宛名番号 only), the journal by name; any other subject as it is.
 */
export function subjectLabel(subject: string): string {
  const addressee = /^addressee:([0-9]+)$/.exec(subject);
  if (addressee) return `宛名番号 ${addressee[1]}`;
  return WHOLE_SUBJECTS[subject] ?? subject;
}
