-- 届出期間 and 期間経過 (ADR 0023, notification-deadline.ts): 転入・転居・世帯変更 are due within
-- 14 days of the change (住民基本台帳法 第22条・第23条・第25条; the day of the change not counted,
-- 民法 第140条; a last day on the town's 休日 moves to the next day, 地方自治法 第4条の2第4項). A 届出
-- after that is accepted with the clerk's 遅延の理由 and marked 期間経過, and the town lists those
-- of a period for the 簡易裁判所 (第52条第2項). The journal stays append-only: the columns are
-- written with the change and never updated (kyodo_app keeps SELECT, INSERT only).
--
-- deadline_date: the last day of the 届出期間 the change fell under (null: none — 転出, 出生, 死亡,
--   氏名変更, 職権, and changes recorded before this migration or imported through a layout).
-- overdue: 期間経過, notified after deadline_date. late_reason: the 遅延の理由, required with it.
ALTER TABLE resident_change
  ADD COLUMN deadline_date date,
  ADD COLUMN overdue boolean NOT NULL DEFAULT false,
  ADD COLUMN late_reason text CHECK (late_reason IS NULL OR (length(late_reason) BETWEEN 1 AND 500 AND late_reason ~ '\S')),
  ADD CONSTRAINT resident_change_overdue_has_reason CHECK (
    (overdue = (late_reason IS NOT NULL))
    AND (NOT overdue OR (deadline_date IS NOT NULL AND notified_date IS NOT NULL AND notified_date > deadline_date))
  );

-- The report reads the 期間経過 届出 of a period by 届出日.
CREATE INDEX resident_change_overdue ON resident_change (tenant_id, notified_date) WHERE overdue;
