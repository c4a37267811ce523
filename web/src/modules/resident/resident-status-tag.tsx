// 住民・除票の表示 (whether a record is in force): 住民 in green, 除票 in red with why and since
// when — 「除票（転出 令和7年4月1日）」 — and a 転出予定 in yellow while the move is still ahead.
import { REMOVAL_REASON_JA } from "./resident-labels.ts";
import { warekiDateJa } from "../../kit/wareki-date.ts";

interface Props {
  isRemoved: boolean;
  removalReason?: string | null;
  removalDate?: string | null;
  plannedMoveOutDate?: string | null;
  withDetail?: boolean;
}

export function ResidentStatusTag({ isRemoved, removalReason, removalDate, plannedMoveOutDate, withDetail = false }: Props) {
  if (isRemoved) {
    return (
      <>
        <span className="status status--error" data-testid="resident-status">
          除票
        </span>
        {withDetail && removalReason ? (
          <span className="sub">
            {REMOVAL_REASON_JA[removalReason] ?? removalReason}
            {removalDate ? `\u3000${warekiDateJa(removalDate)}` : ""}
          </span>
        ) : null}
      </>
    );
  }
  return (
    <>
      <span className="status status--ok" data-testid="resident-status">
        住民
      </span>
      {plannedMoveOutDate ? <span className="status status--warning">転出予定 {warekiDateJa(plannedMoveOutDate)}</span> : null}
    </>
  );
}
