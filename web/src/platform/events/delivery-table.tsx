// 配信状況の表: each delivery of an event to a subscriber — its status, how many attempts were
// made, when the next one is due, the last error — with 再送 on failed ones where the viewer may
// retry. Payloads are never shown (they may hold personal data); events are named by their type's
// Japanese name and their subject (宛名番号).
import type { ReactNode } from "react";
import { formatDateTimeJa } from "../../kit/date-format.ts";
import { DELIVERY_STATUSES, subjectLabel, type DeliveryStatus } from "./delivery-labels.ts";

/** One delivery of GET /api/events/deliveries (operators' rows carry the tenant too). */
export interface DeliveryView {
  tenantId?: string;
  subscriber: string;
  /** The subscribing area's or module's Japanese name. */
  subscriberName: string;
  eventId: string;
  eventSeq: string;
  eventType: string;
  /** The event type's Japanese name. */
  eventTypeLabel: string;
  subject: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lastAttemptAt: string | null;
  lastError: string | null;
  deliveredAt: string | null;
}

interface Props {
  deliveries: readonly DeliveryView[];
  caption: string;
  /** Shows the municipality column (operators). */
  tenantName?: (tenantId: string) => string;
  /** The 再送 button of a failed delivery, when the viewer may retry. */
  retryButton?: (delivery: DeliveryView) => ReactNode;
}

function timing(d: DeliveryView): ReactNode {
  const last = d.lastAttemptAt ? <span className="sub">最終試行 {formatDateTimeJa(d.lastAttemptAt)}</span> : null;
  if (d.status === "done") return d.deliveredAt ? `配信 ${formatDateTimeJa(d.deliveredAt)}` : "配信済み";
  if (d.status === "failed") {
    return (
      <>
        <span className="muted">再送待ち</span>
        {last}
      </>
    );
  }
  return (
    <>
      次回 {formatDateTimeJa(d.nextAttemptAt)}
      {last}
    </>
  );
}

export function DeliveryTable({ deliveries, caption, tenantName, retryButton }: Props) {
  const columns = 5 + (tenantName ? 1 : 0) + (retryButton ? 1 : 0);
  return (
    <div className="table-wrap">
      <table className="data-table data-table--compact" data-testid="delivery-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {tenantName ? <th scope="col">団体</th> : null}
            <th scope="col">事象</th>
            <th scope="col">連携先</th>
            <th scope="col">状態・試行回数</th>
            <th scope="col">配信・次回の試行</th>
            <th scope="col">最後のエラー</th>
            {retryButton ? (
              <th scope="col">
                <span className="visually-hidden">操作</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => {
            const status = DELIVERY_STATUSES[d.status];
            return (
              <tr
                key={`${d.tenantId ?? ""}-${d.eventId}-${d.subscriber}`}
                data-event={d.eventId}
                data-event-type={d.eventType}
                data-subscriber={d.subscriber}
              >
                {tenantName && d.tenantId ? <td className="nowrap">{tenantName(d.tenantId)}</td> : null}
                <td>
                  {d.eventTypeLabel}
                  <span className="sub">
                    {subjectLabel(d.subject)}・番号 {d.eventSeq}
                  </span>
                </td>
                <td className="nowrap">{d.subscriberName}</td>
                <td className="nowrap">
                  <span className={`status status--${status.tone}`}>{status.label}</span>
                  <span className="sub">試行 {d.attempts}回</span>
                </td>
                <td className="nowrap">{timing(d)}</td>
                <td className="error-text">{d.lastError ?? <span className="muted">―</span>}</td>
                {retryButton ? <td className="actions">{d.status === "failed" ? retryButton(d) : null}</td> : null}
              </tr>
            );
          })}
          {!deliveries.length ? (
            <tr>
              <td colSpan={columns}>該当する配信はありません。</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
