// 支援措置の警告 (the warning that a protected person is shown). Three forms, all red: the banner
// the shell keeps above every screen whose data shows a protected person (fed by the API
// client's count, so no screen can forget it), the banner on a person's or 宛名's own record,
// and the 「支援措置」 tag on a row of search results. None says why or against whom.
// What they say about certificates is what the server does (src/platform/protection/check.ts,
// 住民基本台帳事務処理要領 第5-10 as towns apply it): 本人等 at the counter on a photo ID checked
// and recorded each time; never by mail, through an agent or messenger, at コンビニ交付 or 広域交付;
// third parties after the supervisor's release; the 相手方 never.
// The sticky warning stays above the screen while it scrolls; its height is published as
// --protection-warning-height so that the page scrolls a focused field below it, not under it
// (protection.css: scroll-padding-top).
import { useLayoutEffect, useRef, useSyncExternalStore, type RefObject } from "react";
import type { ProtectionMark } from "./protection-mark.ts";
import type { ProtectionWatch } from "./protection-watch.ts";
import { warekiDateJa } from "../../kit/wareki-date.ts";
import "./protection.css";

/** What the warning tells a clerk who does not see the address, and one (支援措置担当) who does. */
export function warningText(revealed: boolean): string {
  return revealed
    ? "支援措置対象者が表示されています — 住所等は支援措置の権限により表示しています。取扱いに注意し、第三者に伝えないでください"
    : "支援措置対象者が表示されています — 住所等は非表示です。証明書は、本人等には窓口で本人確認のうえ交付し、第三者には上長の解除承認が必要です";
}

/** The custom property protection.css pads the page's scrolling with while the warning shows. */
export const WARNING_HEIGHT_PROPERTY = "--protection-warning-height";

/** Keeps WARNING_HEIGHT_PROPERTY equal to the warning's height (it wraps on narrow screens). */
function usePublishedHeight(element: RefObject<HTMLDivElement | null>, shown: boolean) {
  useLayoutEffect(() => {
    const el = element.current;
    if (!shown || !el) return;
    const root = document.documentElement;
    const publish = () => root.style.setProperty(WARNING_HEIGHT_PROPERTY, `${Math.ceil(el.getBoundingClientRect().height)}px`);
    publish();
    const observer = typeof ResizeObserver === "function" ? new ResizeObserver(publish) : null;
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      root.style.removeProperty(WARNING_HEIGHT_PROPERTY);
    };
  }, [element, shown]);
}

export function ProtectionWarning({ watch, path, revealed }: { watch: ProtectionWatch; path: string; revealed: boolean }) {
  const count = useSyncExternalStore(watch.subscribe, () => watch.countAt(path));
  const element = useRef<HTMLDivElement>(null);
  usePublishedHeight(element, count > 0);
  if (count === 0) return null;
  return (
    <div className="protection-warning" role="alert" data-testid="protection-warning" ref={element}>
      <span className="protection-warning__mark" aria-hidden="true">
        ⚠ 支援措置
      </span>
      <p className="protection-warning__text">{warningText(revealed)}</p>
    </div>
  );
}

/**
 * The banner on one person's record (住民の詳細, 宛名の詳細, 証明書の交付). On the certificate
 * counter (`certificateRules`) it lists the rules the server applies to each request, one per
 * requester and channel; elsewhere it sums them up in a sentence.
 */
export function ProtectedRecordBanner({ mark, certificateRules = false }: { mark: ProtectionMark | null; certificateRules?: boolean }) {
  if (!mark) return null;
  return (
    <div className="protection-record" role="note" data-testid="protection-record">
      <strong>この方は支援措置の対象者です</strong>（{warekiDateJa(mark.until)}まで）。住所・前住所等は表示されません。
      {certificateRules ? (
        <>
          証明書の交付は次のとおりです（住民基本台帳事務処理要領 第5-10）。
          <ul className="protection-rules" data-testid="protection-rules">
            <li>
              <strong>本人（同一世帯を含む）</strong>：窓口でだけ、そのつど顔写真付きの本人確認書類を確認し、書類の種類を記録して交付します。上長の解除承認は要りません。
            </li>
            <li>
              <strong>郵送、代理人・使者（委任状があっても）、コンビニ交付、広域交付</strong>：本人からの請求でも交付しません。
            </li>
            <li>
              <strong>第三者（職務上請求を含む）</strong>：厳格な審査として、上長の解除承認を得て1回だけ交付します。
            </li>
            <li>
              <strong>相手方（加害者）</strong>：交付しません。上長の承認があっても同じです。
            </li>
          </ul>
        </>
      ) : (
        "証明書は、本人等には窓口で本人確認書類を確認して交付し、第三者には上長の解除承認が必要です。郵送・代理人・使者・コンビニ交付・広域交付の請求と相手方からの請求には交付しません。"
      )}
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
