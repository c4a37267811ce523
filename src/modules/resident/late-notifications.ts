// 期間経過の届出一覧 (the report of late 届出): every 転入・転居・世帯変更 notified after its 届出期間
// in a period (by 届出日), with the persons it concerned, the last day of the period and the
// 遅延の理由 the clerk recorded (notification-deadline.ts). The town sends such a list to the
// 簡易裁判所, which decides the 過料 of 住民基本台帳法 第52条第2項; whether a reason is 「正当な理由」 is
// the court's to say, so every late 届出 is listed with its reason. As a CSV file the free-text
// cells are neutralised so that none starts a spreadsheet formula (ADR 0018, cell-codec.ts).
import type { Tx } from "../../platform/db/database.ts";
import { neutraliseCell } from "../../platform/layouts/cell-codec.ts";
import { csvRecord } from "../../platform/layouts/csv-record-writer.ts";
import { formatAddresseeNumber } from "../../platform/addressee/addressee-number.ts";
import { formatWareki } from "../../lib/wareki.ts";
import { CHANGE_KIND_NAMES_JA, type ChangeKind } from "./change-kind.ts";
import type { PersonRecord } from "./person-record.ts";
import { overdueNotifications } from "./queries.ts";

export interface LateNotificationPerson {
  personId: string;
  addresseeNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  birthDate: string;
  address: string;
  addressLine2: string | null;
}

export interface LateNotification {
  changeId: string;
  kind: ChangeKind;
  kindJa: string;
  effectiveDate: string;
  notifiedDate: string;
  deadlineDate: string;
  /** Days from the last day of the period to the 届出日. */
  daysLate: number;
  lateReason: string;
  recordedAt: string;
  persons: LateNotificationPerson[];
}

export interface LateNotificationReport {
  from: string;
  to: string;
  /** 届出 (changes) and persons, in total and per kind. */
  notificationCount: number;
  personCount: number;
  byKind: { kind: ChangeKind; kindJa: string; notifications: number; persons: number }[];
  items: LateNotification[];
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The 期間経過 届出 notified from `from` to `to` (both included). Reads only; the caller audits. */
export async function listLateNotifications(tx: Tx, from: string, to: string): Promise<LateNotificationReport> {
  const rows = (await tx.query(overdueNotifications(from, to))).rows;
  const items: LateNotification[] = [];
  for (const r of rows) {
    let item = items.at(-1);
    if (item === undefined || item.changeId !== r.change_id) {
      item = {
        changeId: r.change_id as string,
        kind: r.kind as ChangeKind,
        kindJa: CHANGE_KIND_NAMES_JA[r.kind as ChangeKind],
        effectiveDate: r.effective_date as string,
        notifiedDate: r.notified_date as string,
        deadlineDate: r.deadline_date as string,
        daysLate: daysBetween(r.deadline_date as string, r.notified_date as string),
        lateReason: r.late_reason as string,
        recordedAt: new Date(r.recorded_at as Date).toISOString(),
        persons: [],
      };
      items.push(item);
    }
    const after = r.after as PersonRecord;
    item.persons.push({
      personId: r.person_id as string,
      addresseeNumber: formatAddresseeNumber(r.addressee_number as string),
      familyName: after.familyName,
      givenName: after.givenName,
      familyNameKana: after.familyNameKana,
      givenNameKana: after.givenNameKana,
      birthDate: after.birthDate,
      address: after.address,
      addressLine2: after.addressLine2,
    });
  }
  const kinds = [...new Set(items.map((i) => i.kind))];
  return {
    from,
    to,
    notificationCount: items.length,
    personCount: items.reduce((n, i) => n + i.persons.length, 0),
    byKind: kinds.map((kind) => {
      const of = items.filter((i) => i.kind === kind);
      return { kind, kindJa: CHANGE_KIND_NAMES_JA[kind], notifications: of.length, persons: of.reduce((n, i) => n + i.persons.length, 0) };
    }),
    items,
  };
}

export const LATE_NOTIFICATION_CSV_HEADER = [
  "届出日",
  "異動日",
  "届出期限",
  "期限後の日数",
  "異動の種類",
  "宛名番号",
  "氏名",
  "氏名（カナ）",
  "生年月日",
  "住所",
  "遅延の理由",
] as const;

const BOM = "\uFEFF";

/**
 * The report as a CSV file for a spreadsheet: one row per person, dates in 和暦 as the court's
 * notice writes them, a UTF-8 byte-order mark so that Excel reads it as UTF-8 (this is a file
 * for people, not a standard layout, which is written without one), and every free-text cell
 * neutralised (ADR 0018).
 */
export function lateNotificationsCsv(report: LateNotificationReport): string {
  const text = (value: string) => neutraliseCell(value);
  let out = BOM + csvRecord(LATE_NOTIFICATION_CSV_HEADER);
  for (const item of report.items) {
    for (const p of item.persons) {
      out += csvRecord([
        formatWareki(item.notifiedDate),
        formatWareki(item.effectiveDate),
        formatWareki(item.deadlineDate),
        String(item.daysLate),
        item.kindJa,
        p.addresseeNumber,
        text([p.familyName, p.givenName].filter(Boolean).join(" ")),
        text([p.familyNameKana, p.givenNameKana].filter(Boolean).join(" ")),
        formatWareki(p.birthDate),
        text([p.address, p.addressLine2].filter(Boolean).join(" ")),
        text(item.lateReason),
      ]);
    }
  }
  return out;
}
