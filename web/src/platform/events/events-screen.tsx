// 連携状況 (administrators): the events the municipality's businesses published (業務間データ
// 連携) and how their delivery to each subscribing business stands — 未配信, 失敗 or 完了 — with
// 再送 for a delivery that failed every attempt. Payloads are never shown.
import { useState } from "react";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { useApiData } from "../../kit/use-api-data.ts";
import { useRefreshWhile } from "../../kit/use-refresh-while.ts";
import { formatDateTimeJa } from "../../kit/date-format.ts";
import { municipalityLabel } from "../identity/session.ts";
import { DELIVERY_STATUS_OPTIONS, subjectLabel, type DeliveryStatus } from "./delivery-labels.ts";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";
import { SelectField } from "../../kit/form-field.tsx";
import { DeliveryTable, type DeliveryView } from "./delivery-table.tsx";

interface EventView {
  id: string;
  seq: string;
  type: string;
  /** The type's Japanese name. */
  typeLabel: string;
  subject: string;
  occurredAt: string;
}

const EVENT_LIMIT = 50;
const DELIVERY_LIMIT = 100;

export function EventsScreen() {
  const { api, session } = useApp();
  const [status, setStatus] = useState<"" | DeliveryStatus>("");
  const events = useApiData<EventView[]>(`/api/events?limit=${EVENT_LIMIT}`);
  const deliveries = useApiData<DeliveryView[]>(`/api/events/deliveries?limit=${DELIVERY_LIMIT}${status ? `&status=${status}` : ""}`);
  const [notice, setNotice] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const [retrying, setRetrying] = useState<string | null>(null);
  const [retriedAt, setRetriedAt] = useState<number | null>(null);

  // After a 再送, follow the redelivery until nothing due is left waiting.
  const dueNow = (deliveries.data ?? []).some((d) => d.status === "pending" && Date.parse(d.nextAttemptAt) <= Date.now());
  useRefreshWhile(dueNow ? retriedAt : null, deliveries.loading, deliveries.reload);

  async function retry(d: DeliveryView) {
    const id = `${d.eventId}/${d.subscriber}`;
    setRetrying(id);
    setNotice(null);
    try {
      await api.send("POST", `/api/events/deliveries/${encodeURIComponent(d.eventId)}/${encodeURIComponent(d.subscriber)}/retry`);
      setNotice({ kind: "success", text: `${d.eventTypeLabel}（${subjectLabel(d.subject)}）の${d.subscriberName}への再送を受け付けました。` });
      setRetriedAt(Date.now());
    } catch (error) {
      setNotice({ kind: "error", text: error instanceof ApiProblem ? error.titleJa : "再送できませんでした" });
    } finally {
      setRetrying(null);
      deliveries.reload();
    }
  }

  function refresh() {
    events.reload();
    deliveries.reload();
  }

  return (
    <Page
      title="連携状況"
      lead={`${session.tenant ? municipalityLabel(session.tenant) : ""}の業務で起きた事象（異動・賦課など）と、それを受け取る業務への配信の状況です。配信は失敗すると間隔を空けて自動で再試行され、上限回数に達すると「失敗」になります。`}
    >
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      <div className="toolbar">
        <button type="button" className="button button--secondary button--small" onClick={refresh} disabled={deliveries.loading}>
          最新の状態に更新
        </button>
      </div>
      <section className="section" aria-labelledby="deliveries">
        <h2 className="section__title" id="deliveries">
          配信状況
        </h2>
        <div className="filter-row">
          <SelectField
            id="delivery-status"
            label="状態"
            value={status}
            onValue={(v) => setStatus(v as "" | DeliveryStatus)}
            options={DELIVERY_STATUS_OPTIONS}
          />
        </div>
        {deliveries.problem ? <Notice kind="error">{deliveries.problem.titleJa}</Notice> : null}
        {deliveries.data ? (
          <DeliveryTable
            deliveries={deliveries.data}
            caption={`新しい事象から最大${DELIVERY_LIMIT}件`}
            retryButton={(d) => (
              <button
                type="button"
                className="button button--primary button--small"
                disabled={retrying !== null}
                onClick={() => void retry(d)}
                aria-label={`再送（${d.eventTypeLabel}・${subjectLabel(d.subject)}）`}
              >
                再送
              </button>
            )}
          />
        ) : deliveries.loading ? (
          <p className="muted">読み込み中…</p>
        ) : null}
      </section>
      <section className="section" aria-labelledby="recent-events">
        <h2 className="section__title" id="recent-events">
          最近の事象
        </h2>
        {events.problem ? <Notice kind="error">{events.problem.titleJa}</Notice> : null}
        {events.data ? (
          <div className="table-wrap">
            <table className="data-table" data-testid="event-table">
              <caption>新しい順に最大{EVENT_LIMIT}件</caption>
              <thead>
                <tr>
                  <th scope="col">日時</th>
                  <th scope="col">種類</th>
                  <th scope="col">対象</th>
                  <th scope="col" className="number">
                    番号
                  </th>
                </tr>
              </thead>
              <tbody>
                {events.data.map((e) => (
                  <tr key={e.id} data-event-type={e.type}>
                    <td className="code">{formatDateTimeJa(e.occurredAt)}</td>
                    <td>{e.typeLabel}</td>
                    <td>{subjectLabel(e.subject)}</td>
                    <td className="number">{e.seq}</td>
                  </tr>
                ))}
                {!events.data.length ? (
                  <tr>
                    <td colSpan={4}>事象はまだありません。</td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
        ) : events.loading ? (
          <p className="muted">読み込み中…</p>
        ) : null}
      </section>
    </Page>
  );
}
