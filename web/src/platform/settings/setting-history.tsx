// 設定の変更履歴: every change of one setting that the municipality can see — its own and those
// of its prefecture and consortia — newest first, with who, when, why and the value set.
import { useApiData } from "../../kit/use-api-data.ts";
import { actorLabel } from "../audit/audit-entry-labels.ts";
import { formatDateTimeJa } from "../../kit/date-format.ts";
import { levelLabel, type OverrideLevel } from "./setting-levels.ts";
import { formatValue, type ValueShape } from "./setting-value.ts";
import { Notice } from "../../kit/notice.tsx";
import type { SettingView } from "./settings-screen.tsx";

interface SettingChange {
  level: OverrideLevel;
  scopeId: string;
  scopeName: string;
  seq: string;
  value?: unknown;
  cleared: boolean;
  reason: string;
  actor: string;
  actorName: string | null;
  changedAt: string;
}

export function SettingHistory({ setting, shape }: { setting: SettingView; shape: ValueShape }) {
  const history = useApiData<SettingChange[]>(`/api/settings/${encodeURIComponent(setting.key)}/history`);
  return (
    <div className="detail-panel" data-testid="setting-history">
      <h3 className="detail-panel__title">「{setting.label}」の変更履歴</h3>
      {history.problem ? <Notice kind="error">{history.problem.titleJa}</Notice> : null}
      {history.data && !history.data.length ? <p>変更の記録はありません。全国標準の値が使われています。</p> : null}
      {history.data?.length ? (
        <table className="data-table data-table--compact">
          <thead>
            <tr>
              <th scope="col">日時</th>
              <th scope="col">設定元</th>
              <th scope="col">内容</th>
              <th scope="col">理由</th>
              <th scope="col">変更者</th>
            </tr>
          </thead>
          <tbody>
            {history.data.map((c) => (
              <tr key={`${c.level}-${c.scopeId}-${c.seq}`}>
                <td className="code">{formatDateTimeJa(c.changedAt)}</td>
                <td>{levelLabel(c.level, c.scopeName)}</td>
                <td>{c.cleared ? <span className="status status--warning">解除</span> : formatValue(c.value, shape)}</td>
                <td>{c.reason}</td>
                <td>{actorLabel(c.actor, undefined, c.actorName)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : history.loading ? (
        <p className="muted">読み込み中…</p>
      ) : null}
    </div>
  );
}
