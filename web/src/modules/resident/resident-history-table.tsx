// 異動履歴 (the 異動 of one person): every change of the journal, newest first — its kind, 異動日,
// 届出日 (none for 職権), when it was recorded and by whom, why, and each item it changed from what
// to what. A registration (転入, 出生, 職権記載) lists what it recorded. Nothing here is ever edited:
// a correction is one more line. Who recorded it is named by the server (`actorName`, the town's
// own staff register), for every clerk, never as an internal id.
import type { HistoryItem } from "./resident-api.ts";
import { actorLabel, type AuditActorNames } from "../../platform/audit/audit-entry-labels.ts";
import { formatDateTimeJa } from "../../kit/date-format.ts";
import { fieldLabel, isExOfficio } from "./resident-labels.ts";
import { recordValue } from "./resident-values.ts";
import { warekiDateJa } from "../../kit/wareki-date.ts";

/** Items a history line never lists: the household id says nothing to a clerk (the 続柄 and address do). */
const HIDDEN = new Set(["householdId"]);

const isEmpty = (value: unknown) => value === null || value === undefined || value === "" || value === false;

function Changes({ item }: { item: HistoryItem }) {
  const after = item.after as Record<string, unknown>;
  const before = item.before as Record<string, unknown> | null;
  // A registration lists what it recorded: an item left empty records nothing worth a line.
  const fields = item.fields.filter((f) => !HIDDEN.has(f) && (before !== null || !isEmpty(after[f])));
  if (fields.length === 0) return <span className="muted">―</span>;
  const lines = fields.map((f) => (
    <li key={f}>
      <span className="change-list__field">{fieldLabel(f)}</span>：
      {before === null ? recordValue(f, after[f]) : `${recordValue(f, before[f])} → ${recordValue(f, after[f])}`}
    </li>
  ));
  // A registration sets every item: show them on request, the count at once.
  if (before === null && fields.length > 6) {
    return (
      <details className="change-details">
        <summary>記録した項目（{fields.length}項目）</summary>
        <ul className="change-list">{lines}</ul>
      </details>
    );
  }
  return <ul className="change-list">{lines}</ul>;
}

export function ResidentHistoryTable({ history, names }: { history: readonly HistoryItem[]; names?: AuditActorNames }) {
  const newestFirst = [...history].sort((a, b) => (a.effectiveDate === b.effectiveDate ? Number(b.seq) - Number(a.seq) : a.effectiveDate < b.effectiveDate ? 1 : -1));
  return (
    <div className="table-wrap">
      <table className="data-table data-table--compact" data-testid="resident-history">
        <caption>{history.length}件（異動日の新しい順）</caption>
        <thead>
          <tr>
            <th scope="col">異動</th>
            <th scope="col">異動日／届出日</th>
            <th scope="col" className="history-changes">
              変更内容（前 → 後）
            </th>
            <th scope="col">理由</th>
            <th scope="col">記録日時・職員</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((item) => (
            <tr key={item.changeId} data-kind={item.kind}>
              <td className="nowrap">
                <strong>{item.kindJa}</strong>
                {isExOfficio(item.kind) ? <span className="sub">職権</span> : null}
              </td>
              <td className="nowrap">
                {warekiDateJa(item.effectiveDate)}
                <span className="sub">{item.notifiedDate ? `届出 ${warekiDateJa(item.notifiedDate)}` : "届出なし（職権）"}</span>
              </td>
              <td>
                <Changes item={item} />
              </td>
              <td>{item.reason ?? <span className="muted">―</span>}</td>
              <td className="nowrap">
                <span className="code">{formatDateTimeJa(item.recordedAt)}</span>
                <span className="sub">{actorLabel(item.actor, names, item.actorName)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
