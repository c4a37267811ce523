// 監査ログの書き出し (the audit log as a CSV file for 監査): the entries a search found, one row each,
// with the action's Japanese name beside its code, the member of staff's name beside the recorded
// actor, and each entry's hash so that an auditor can compare a row with the chain. A file for
// people, not a standard layout: a UTF-8 byte-order mark so that Excel reads it as UTF-8, and every
// free-text cell neutralised against spreadsheet formulas (ADR 0018).
import { neutraliseCell } from "../layouts/cell-codec.ts";
import { csvRecord } from "../layouts/csv-record-writer.ts";
import { auditActionLabel } from "./action-labels.ts";

/** Rows a file may hold: a larger search is refused and asked to be narrowed (days, staff, person …). */
export const AUDIT_EXPORT_MAX_ROWS = 10_000;

export const AUDIT_CSV_HEADER = ["連番", "日時", "操作者", "操作者の氏名", "操作", "操作の内容", "対象", "対象の氏名", "利用目的", "詳細", "ハッシュ"] as const;

export interface AuditCsvRow {
  seq: string;
  at: Date;
  actor: string;
  actorName: string | null;
  action: string;
  subject: string | null;
  subjectName: string | null;
  purpose: string | null;
  detail: Record<string, unknown>;
  hash: string;
}

const BOM = "\uFEFF";

/** 2026-12-07 09:05:03 in Japan time: the entries' time as the screens show it. */
function japanTime(at: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo", dateStyle: "short", timeStyle: "medium" }).format(at);
}

export function auditCsv(rows: readonly AuditCsvRow[]): string {
  const text = (value: string | null) => neutraliseCell(value ?? "");
  let out = BOM + csvRecord(AUDIT_CSV_HEADER);
  for (const r of rows) {
    out += csvRecord([
      r.seq,
      japanTime(r.at),
      text(r.actor),
      text(r.actorName),
      text(r.action),
      text(auditActionLabel(r.action)),
      text(r.subject),
      text(r.subjectName),
      text(r.purpose),
      text(Object.keys(r.detail).length ? JSON.stringify(r.detail) : ""),
      r.hash,
    ]);
  }
  return out;
}
