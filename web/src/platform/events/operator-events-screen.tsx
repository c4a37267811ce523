// 連携状況 (operators): deliveries of every municipality, the failed ones first of interest, so
// that the operator sees where a subscriber keeps refusing events. Redelivery is the
// municipality administrator's decision and is not offered here. Each listing is audited.
import { useMemo, useState } from "react";
import { useApiData } from "../../kit/use-api-data.ts";
import { DELIVERY_STATUS_OPTIONS, type DeliveryStatus } from "./delivery-labels.ts";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";
import { SelectField } from "../../kit/form-field.tsx";
import { DeliveryTable, type DeliveryView } from "./delivery-table.tsx";

const LIMIT = 100;

export function OperatorEventsScreen() {
  const [status, setStatus] = useState<"" | DeliveryStatus>("failed");
  const deliveries = useApiData<(DeliveryView & { tenantId: string })[]>(
    `/api/operator/events/deliveries?limit=${LIMIT}${status ? `&status=${status}` : ""}`,
  );
  const tenants = useApiData<{ id: string; name: string }[]>("/api/operator/tenants");
  const names = useMemo(() => new Map((tenants.data ?? []).map((t) => [t.id, t.name])), [tenants.data]);

  return (
    <Page
      title="連携状況"
      lead="すべての団体の業務間データ連携の配信状況です。「失敗」は自動の再試行を使い切った配信で、各団体の管理者が再送するまで止まっています。"
    >
      <div className="toolbar">
        <button type="button" className="button button--secondary button--small" onClick={deliveries.reload} disabled={deliveries.loading}>
          最新の状態に更新
        </button>
      </div>
      <section className="section" aria-labelledby="operator-deliveries">
        <h2 className="section__title" id="operator-deliveries">
          配信状況（全団体）
        </h2>
        <div className="filter-row">
          <SelectField
            id="operator-delivery-status"
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
            caption={`新しい事象から最大${LIMIT}件`}
            tenantName={(id) => (names.has(id) ? `${names.get(id)}（${id}）` : id)}
          />
        ) : deliveries.loading ? (
          <p className="muted">読み込み中…</p>
        ) : null}
      </section>
    </Page>
  );
}
