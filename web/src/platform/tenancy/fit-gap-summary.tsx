// フィット&ギャップの要約: how many of a municipality's settings differ from the national
// standard (全国標準), counted at the level the differing value comes from.
import { levelName, OVERRIDE_LEVELS, type OverrideLevel } from "../settings/setting-levels.ts";

/** GET /api/settings/fit-gap, and one tenant of GET /api/operator/fit-gap. */
export interface FitGapReport {
  tenantId: string;
  total: number;
  deviating: number;
  fitRate: number;
  byLevel: Record<OverrideLevel, number>;
  deviations: {
    key: string;
    label: string;
    level: OverrideLevel;
    scopeId: string;
    scopeName: string;
    value: unknown;
    nationalDefault: unknown;
  }[];
}

export function fitRatePercent(report: Pick<FitGapReport, "fitRate">): string {
  return `${Math.round(report.fitRate * 1000) / 10}%`;
}

export function FitGapSummary({ report, prefectureName }: { report: FitGapReport; prefectureName: string | null }) {
  return (
    <div className="fit-gap" data-testid="fit-gap-summary">
      <p className="fit-gap__headline">
        全国標準と異なる設定: <strong data-testid="fit-gap-deviating">{report.deviating}</strong>件
      </p>
      <ul className="fit-gap__levels" aria-label="設定元ごとの件数">
        {OVERRIDE_LEVELS.map((level) => (
          <li key={level} className={`fit-gap__level level-tag level-tag--${level}`} data-testid={`fit-gap-${level}`}>
            {levelName(level, prefectureName)} <strong>{report.byLevel[level]}</strong>件
          </li>
        ))}
      </ul>
      <p className="muted">
        全{report.total}項目のうち{report.total - report.deviating}項目が全国標準どおりです（適合率 {fitRatePercent(report)}）。
      </p>
    </div>
  );
}
