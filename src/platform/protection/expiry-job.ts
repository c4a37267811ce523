// 期間満了の予告 (expiry warnings), daily per municipality: a measure whose period ends within the
// notice window gets an `expiring` notice — the renewal (延長) is accepted from one month before
// the end, so the default window is that month — and one whose period has passed without a
// renewal gets an `expired` notice. The 支援措置担当 sees both on the measures screen. A notice is
// keyed by measure, kind and end date, so a second run the same day adds nothing.
import { Type } from "@sinclair/typebox";
import type { JobDefinition, SettingDefinition } from "../contract.ts";
import type { Tx } from "../db/database.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { todayInJapan } from "../addressee/calendar-date.ts";
import { daysBefore } from "./period.ts";

export const EXPIRY_NOTICE_DAYS = "protection.expiryNoticeDays";

export const expiryNoticeDays: SettingDefinition<number> = {
  key: EXPIRY_NOTICE_DAYS,
  label: "支援措置の期間満了予告（日数）",
  description: "支援措置の期間が終わる何日前から、毎日の処理が支援措置担当に満了を予告するか（申出者に延長の申出を案内するため）。",
  schema: Type.Integer({ minimum: 1, maximum: 90 }),
  nationalDefault: 30,
  source: "総務省「住民基本台帳事務におけるDV等支援措置」: 延長の申出は期間終了の1か月前から",
};

export interface ExpiryNotices {
  expiring: number;
  expired: number;
}

/** Writes today's notices; returns how many were new. */
export async function noticeExpiries(tx: Tx, today: string, noticeDays: number): Promise<ExpiryNotices> {
  const horizon = daysBefore(today, -noticeDays);
  const expiring = await tx.query(
    `INSERT INTO protection_notice (tenant_id, measure_id, kind, ends_on)
     SELECT tenant_id, measure_id, 'expiring', ends_on FROM protection_measure_current
     WHERE ended_on IS NULL AND starts_on <= $1::date AND ends_on >= $1::date AND ends_on <= $2::date
     ON CONFLICT DO NOTHING`,
    [today, horizon],
  );
  const expired = await tx.query(
    `INSERT INTO protection_notice (tenant_id, measure_id, kind, ends_on)
     SELECT tenant_id, measure_id, 'expired', ends_on FROM protection_measure_current
     WHERE ended_on IS NULL AND ends_on < $1::date
     ON CONFLICT DO NOTHING`,
    [today],
  );
  return { expiring: expiring.rowCount ?? 0, expired: expired.rowCount ?? 0 };
}

export const expiryJob: JobDefinition = {
  name: "protection.expiry",
  label: "支援措置の期間満了の予告",
  description: "期間の終わりが近い支援措置と、期間が終わった支援措置を数え、支援措置担当に知らせる。",
  resultLabels: { expiring: "満了が近い措置", expired: "期間が終わった措置" },
  cron: "0 6 * * *",
  perTenant: true,
  async run({ tenantId, platform }) {
    return platform.db.withTenant(tenantId, async (tx) => {
      const days = await platform.settings.resolve<number>(tx, tenantId, EXPIRY_NOTICE_DAYS);
      const result = await noticeExpiries(tx, todayInJapan(), days);
      if (result.expiring + result.expired > 0) {
        await appendAudit(tx, { actor: "system:job:protection.expiry", action: "protection.expiry-noticed", detail: { ...result } });
      }
      return { ...result };
    });
  },
};

export interface NoticeView {
  measureId: string;
  kind: "expiring" | "expired";
  endsOn: string;
  noticedAt: string;
}

/** Notices of the last 60 days, newest first. */
export async function listNotices(tx: Tx): Promise<NoticeView[]> {
  const rows = await tx.query<{ measure_id: string; kind: NoticeView["kind"]; ends_on: string; noticed_at: Date }>(
    `SELECT measure_id::text, kind, ends_on::text, noticed_at FROM protection_notice
     WHERE noticed_at > now() - interval '60 days' ORDER BY noticed_at DESC, measure_id LIMIT 500`,
  );
  return rows.rows.map((r) => ({ measureId: r.measure_id, kind: r.kind, endsOn: r.ends_on, noticedAt: r.noticed_at.toISOString() }));
}
