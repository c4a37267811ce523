// 変更履歴: every change of an addressee, newest first — when, what kind of change, which items
// with their value before and after, why, and who (a member of staff, the resident registry's
// link, an import), named by the server from the town's own staff register. Nothing in it is ever
// edited: a correction is one more line.
import type { ChangeEntry } from "../../../../src/platform/addressee/history.ts";
import { actorLabel, type AuditActorNames } from "../audit/audit-entry-labels.ts";
import { CHANGE_LABELS, END_REASON_LABELS, fieldLabel, KIND_LABELS, KNOWN_AS_LABELS, labelOf, SEX_LABELS, businessLabel } from "./addressee-labels.ts";
import { formatDateTimeJa } from "../../kit/date-format.ts";
import { warekiDateJa } from "../../kit/wareki-date.ts";

const DATE_FIELDS = new Set(["birthDate", "residentSince", "residentUntil"]);

/** A value of the history as the clerk reads it: dates in 和暦, codes in words, nothing as （なし）. */
export function historyValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "（なし）";
  if (typeof value !== "string") return JSON.stringify(value);
  if (DATE_FIELDS.has(field)) return warekiDateJa(value);
  switch (field) {
    case "kind":
      return labelOf(KIND_LABELS, value as keyof typeof KIND_LABELS);
    case "sex":
      return labelOf(SEX_LABELS, value as keyof typeof SEX_LABELS);
    case "knownAs":
      return labelOf(KNOWN_AS_LABELS, value as keyof typeof KNOWN_AS_LABELS);
    case "residentEndReason":
      return labelOf(END_REASON_LABELS, value as keyof typeof END_REASON_LABELS);
    default:
      return value;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** 「氏名・名称：山田 花子 → 田中 花子」 per changed item; a 送付先 change names its business. */
function ChangeDetail({ entry }: { entry: ChangeEntry }) {
  if (entry.fields.includes("mailing")) {
    const mailing = isRecord(entry.after) ? entry.after : null;
    return <>送付先（{mailing && typeof mailing.business === "string" ? businessLabel(mailing.business) : "―"}）</>;
  }
  if (entry.change === "registered" || entry.change === "imported" || !isRecord(entry.before) || !isRecord(entry.after)) {
    return <>{entry.fields.length ? entry.fields.map(fieldLabel).join("、") : <span className="muted">―</span>}</>;
  }
  const before = entry.before;
  const after = entry.after;
  return (
    <ul className="change-list">
      {entry.fields.map((f) => (
        <li key={f}>
          <span className="change-list__field">{fieldLabel(f)}</span>：{historyValue(f, before[f])} → {historyValue(f, after[f])}
        </li>
      ))}
    </ul>
  );
}

export function AddresseeHistoryTable({ history, names }: { history: readonly ChangeEntry[]; names?: AuditActorNames }) {
  const newestFirst = [...history].sort((a, b) => Number(b.seq) - Number(a.seq));
  return (
    <div className="table-wrap">
      <table className="data-table data-table--compact" data-testid="addressee-history">
        <caption>{history.length}件（新しい順）</caption>
        <thead>
          <tr>
            <th scope="col">日時</th>
            <th scope="col">内容</th>
            <th scope="col">変更された項目</th>
            <th scope="col">理由</th>
            <th scope="col">操作者</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((e) => (
            <tr key={e.seq}>
              <td className="code">{formatDateTimeJa(e.changedAt)}</td>
              <td className="nowrap">{labelOf(CHANGE_LABELS, e.change)}</td>
              <td>
                <ChangeDetail entry={e} />
              </td>
              <td>{e.reason ?? <span className="muted">―</span>}</td>
              <td className="nowrap">{actorLabel(e.actor, names, e.actorName)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
