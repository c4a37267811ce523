// 支援措置の状況 (operators): per municipality, how many measures are in force, how many end within
// 30 days and how many releases were used in the last 30 days. Counts only — never a name or a
// number — and the reading itself is audited (GET /api/operator/protection).
import { useApiData } from "../../kit/use-api-data.ts";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";

interface ProtectionCounts {
  tenantId: string;
  tenantName: string;
  active: number;
  expiringWithin30Days: number;
  releasesUsedLast30Days: number;
}

export function OperatorProtectionScreen() {
  const report = useApiData<ProtectionCounts[]>("/api/operator/protection");
  const rows = report.data ?? [];
  const total = (key: "active" | "expiringWithin30Days" | "releasesUsedLast30Days") => rows.reduce((n, r) => n + r[key], 0);
  return (
    <Page title="支援措置の状況" lead="団体ごとの支援措置の件数です。対象者を特定する情報は表示しません。閲覧は監査ログに記録されます。">
      {report.problem ? <Notice kind="error">{report.problem.titleJa}</Notice> : null}
      {report.data ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="operator-protection">
            <caption>{rows.length}団体</caption>
            <thead>
              <tr>
                <th scope="col">団体</th>
                <th scope="col" className="number">実施中の支援措置</th>
                <th scope="col" className="number">30日以内に期間満了</th>
                <th scope="col" className="number">解除承認による交付（30日間）</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.tenantId} data-tenant={r.tenantId}>
                  <th scope="row">
                    {r.tenantName}
                    <span className="sub code">{r.tenantId}</span>
                  </th>
                  <td className="number">{r.active}</td>
                  <td className="number">{r.expiringWithin30Days}</td>
                  <td className="number">{r.releasesUsedLast30Days}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">合計</th>
                <td className="number">{total("active")}</td>
                <td className="number">{total("expiringWithin30Days")}</td>
                <td className="number">{total("releasesUsedLast30Days")}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      ) : report.loading ? (
        <p className="muted">読み込み中…</p>
      ) : null}
    </Page>
  );
}
