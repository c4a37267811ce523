// 支援措置の警告 (the warning that a protected person is shown). Three forms, all red: the banner
// the shell keeps above every screen whose data shows a protected person (fed by the API
// client's count, so no screen can forget it), the banner on a person's or 宛名's own record,
// and the 「支援措置」 tag on a row of search results. None says why or against whom.
import { useSyncExternalStore } from "react";
import type { ProtectionMark } from "./protection-mark.ts";
import type { ProtectionWatch } from "./protection-watch.ts";
import { warekiDateJa } from "../../kit/wareki-date.ts";
import "./protection.css";

/** What the warning tells a clerk who does not see the address, and one (支援措置担当) who does. */
export function warningText(revealed: boolean): string {
  return revealed
    ? "支援措置対象者が表示されています — 住所等は支援措置の権限により表示しています。取扱いに注意し、第三者に伝えないでください"
    : "支援措置対象者が表示されています — 住所等は非表示です。証明書の交付には上長の解除承認が必要です";
}

export function ProtectionWarning({ watch, path, revealed }: { watch: ProtectionWatch; path: string; revealed: boolean }) {
  const count = useSyncExternalStore(watch.subscribe, () => watch.countAt(path));
  if (count === 0) return null;
  return (
    <div className="protection-warning" role="alert" data-testid="protection-warning">
      <span className="protection-warning__mark" aria-hidden="true">
        ⚠ 支援措置
      </span>
      <p className="protection-warning__text">{warningText(revealed)}</p>
    </div>
  );
}

/** The banner on one person's record (住民の詳細, 宛名の詳細, 証明書の交付). */
export function ProtectedRecordBanner({ mark }: { mark: ProtectionMark | null }) {
  if (!mark) return null;
  return (
    <div className="protection-record" role="note" data-testid="protection-record">
      <strong>この方は支援措置の対象者です</strong>（{warekiDateJa(mark.until)}まで）。住所・前住所等は表示されず、本人以外への証明書の交付・情報の提供は上長の解除承認がなければできません。
    </div>
  );
}

/** The 「支援措置」 tag on a row of search results or a member of a household. */
export function ProtectionTag({ mark }: { mark: ProtectionMark | null }) {
  if (!mark) return null;
  return (
    <span className="protection-tag" data-testid="protection-tag" title={`支援措置（${warekiDateJa(mark.until)}まで）`}>
      支援措置
    </span>
  );
}
