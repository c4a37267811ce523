// 宛名の詳細: one person or organisation under its 宛名番号 — the current data, whether and since
// when a resident, former names and addresses, where each business sends its notices (送付先)
// with their periods, merges (名寄せ), and the full change history (who, when, why). Clerks with
// 更新 correct it and add or withdraw 送付先; administrators undo a merge. Opened by a number that
// was merged away, it shows the survivor and says so.
import { useState } from "react";
import type { AddresseeView } from "../../../../src/platform/addressee/view.ts";
import type { MailingAddress } from "../../../../src/platform/addressee/mailing.ts";
import { isRegistryLinked } from "../../../../src/platform/addressee/addressee.ts";
import { todayInJapan } from "../../../../src/platform/addressee/calendar-date.ts";
import { useApp } from "../../app-context.ts";
import { usePurpose } from "../../kit/access-purpose.ts";
import { useAddresseeData } from "./use-addressee-data.ts";
import { staffMay } from "../identity/session.ts";
import { matchPath } from "../../screen-paths.ts";
import { navigate, usePath } from "../../router.tsx";
import { actorLabel } from "../audit/audit-entry-labels.ts";
import { END_REASON_LABELS, KIND_LABELS, KNOWN_AS_LABELS, labelOf, SEX_LABELS } from "./addressee-labels.ts";
import { standingOf } from "./addressee-status.ts";
import { formatDateTimeJa } from "../../kit/date-format.ts";
import { warekiDateJa } from "../../kit/wareki-date.ts";
import { PERIOD_ROLE_LABELS, periodRoles, type PeriodRole } from "./name-address-periods.ts";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";
import { PurposeBar } from "../../kit/purpose-bar.tsx";
import { StandingTag } from "./standing-tag.tsx";
import { ProtectedRecordBanner } from "../protection/protection-banner.tsx";
import { protectionOf } from "../protection/protection-mark.ts";
import { AddresseeCorrectionForm } from "./addressee-correction-form.tsx";
import { MailingAddressesSection } from "./mailing-addresses-section.tsx";
import { AddresseeHistoryTable } from "./addressee-history-table.tsx";
import { MergeUndoForm, type MergeView } from "./merge-undo-form.tsx";

export const DETAIL_PATH = "/addressees/:number";

export function AddresseeDetailScreen() {
  const purpose = usePurpose();
  const path = usePath();
  const number = matchPath(DETAIL_PATH, path)?.number ?? "";
  return (
    <Page title="宛名の詳細" lead="宛名番号ごとの現在の内容、住民・住登外の別、送付先と変更の記録です。照会は利用目的とともに記録されます。">
      <PurposeBar />
      {purpose === null ? null : /^\d{1,15}$/.test(number) ? (
        <AddresseeDetail key={number} number={number} />
      ) : (
        <Notice kind="error">宛名番号は15桁以内の数字です。宛名検索から開いてください。</Notice>
      )}
    </Page>
  );
}

function AddresseeDetail({ number }: { number: string }) {
  const { session } = useApp();
  const mayWrite = staffMay(session, "addressee", "write");
  const mayAdminister = staffMay(session, "addressee", "admin");
  const view = useAddresseeData<AddresseeView>(`/api/addressees/${encodeURIComponent(number)}`);
  const [correcting, setCorrecting] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  if (view.problem && !view.data) return <Notice kind="error">{view.problem.titleJa}</Notice>;
  const a = view.data;
  if (!a) return view.loading ? <p className="muted">読み込み中…</p> : null;

  const today = todayInJapan();
  const standing = standingOf(a, today);
  // Newest first, each row with whether it applies now, before a change, or was corrected.
  const nameRoles = periodRoles(a.names);
  const nameRows = a.names.map((n, i) => ({ ...n, role: nameRoles[i]! })).reverse();
  const addressRoles = periodRoles(a.addresses);
  const addressRows = a.addresses.map((r, i) => ({ ...r, role: addressRoles[i]! })).reverse();
  const registryLinked = isRegistryLinked(a, today);
  const person = a.kind === "person";

  function changed(message: string) {
    setDone(message);
    setCorrecting(false);
    view.reload();
  }

  return (
    <>
      {done ? <Notice kind="success">{done}</Notice> : null}
      {view.problem ? <Notice kind="error">{view.problem.titleJa}</Notice> : null}
      {a.requestedNumber !== a.number ? (
        <Notice kind="info">
          <span data-testid="merged-notice">
            宛名番号 <span className="code">{a.requestedNumber}</span> は名寄せにより <span className="code">{a.number}</span>{" "}
            に統合されています。統合先の宛名を表示しています。
          </span>
        </Notice>
      ) : null}
      <ProtectedRecordBanner mark={protectionOf(a)} />
      <section className="record-header" aria-labelledby="record-name" data-testid="addressee-record">
        <div className="record-header__main">
          <p className="record-header__number">
            宛名番号 <span className="code" data-testid="addressee-number">{a.number}</span>
          </p>
          <h2 className="record-header__name" id="record-name">
            {a.name}
          </h2>
          <p className="record-header__kana">{a.nameKana}</p>
          <p className="record-header__tags">
            <span className="role-tag">{KIND_LABELS[a.kind]}</span>
            <StandingTag standing={standing} />
            {standing.detail ? <span className="muted">{standing.detail}</span> : null}
          </p>
        </div>
        <div className="record-header__actions">
          {mayWrite && a.mergedInto === null ? (
            <button type="button" className="button button--secondary" aria-expanded={correcting} onClick={() => setCorrecting((c) => !c)}>
              訂正
            </button>
          ) : null}
          <button type="button" className="button button--text" onClick={() => navigate("/addressees")}>
            宛名検索に戻る
          </button>
        </div>
      </section>
      {correcting ? (
        <AddresseeCorrectionForm addressee={a} registryLinked={registryLinked} onCorrected={changed} onCancel={() => setCorrecting(false)} />
      ) : null}

      <section className="section" aria-labelledby="basic-title">
        <h2 className="section__title" id="basic-title">
          基本情報
        </h2>
        <dl className="summary-list" data-testid="addressee-basic">
          <dt>{person ? "氏名" : "名称"}</dt>
          <dd>{a.name}</dd>
          <dt>カナ</dt>
          <dd>{a.nameKana}</dd>
          {person ? (
            <>
              <dt>生年月日</dt>
              <dd>{a.birthDate ? `${warekiDateJa(a.birthDate)}（${a.birthDate.replace(/-/g, "/")}）` : "―"}</dd>
              <dt>性別</dt>
              <dd>{labelOf(SEX_LABELS, a.sex)}</dd>
            </>
          ) : (
            <>
              <dt>法人番号</dt>
              <dd className="code">{a.corporateNumber ?? "―"}</dd>
            </>
          )}
          <dt>住所（連絡先）</dt>
          <dd>
            {a.postalCode ? <span className="postal-code">〒{a.postalCode.slice(0, 3)}-{a.postalCode.slice(3)}</span> : null}
            {a.address ?? "―"}
            {a.addressLine2 ? ` ${a.addressLine2}` : ""}
          </dd>
          <dt>把握事由</dt>
          <dd>
            {a.knownAs ? labelOf(KNOWN_AS_LABELS, a.knownAs) : "住民として把握"}
            {a.knownAsNote ? `（${a.knownAsNote}）` : ""}
          </dd>
          <dt>住民・住登外</dt>
          <dd>
            <StandingTag standing={standing} withDetail />
          </dd>
        </dl>
      </section>

      {a.residence.length ? (
        <section className="section" aria-labelledby="residence-title">
          <h2 className="section__title" id="residence-title">
            住民記録との関係
          </h2>
          <div className="table-wrap">
            <table className="data-table data-table--compact">
              <thead>
                <tr>
                  <th scope="col">異動日</th>
                  <th scope="col">内容</th>
                  <th scope="col">記録日時</th>
                </tr>
              </thead>
              <tbody>
                {a.residence.map((r) => (
                  <tr key={`${r.recordedAt}-${r.event}`}>
                    <td className="nowrap">{warekiDateJa(r.effectiveDate)}</td>
                    <td>
                      {r.event === "began"
                        ? "住民となった"
                        : `住民でなくなった（${r.endReason ? labelOf(END_REASON_LABELS, r.endReason as keyof typeof END_REASON_LABELS) : "―"}）`}
                    </td>
                    <td className="code">{formatDateTimeJa(r.recordedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <MailingAddressesSection
        number={a.number}
        mailings={a.mailingAddresses as MailingAddress[]}
        mayWrite={mayWrite && a.mergedInto === null}
        onChanged={changed}
      />

      <section className="section" aria-labelledby="names-title">
        <h2 className="section__title" id="names-title">
          氏名・住所の履歴
        </h2>
        <div className="table-wrap">
          <table className="data-table data-table--compact" data-testid="name-history">
            <caption>氏名（旧氏名を含む）</caption>
            <thead>
              <tr>
                <th scope="col">適用開始日</th>
                <th scope="col">{person ? "氏名" : "名称"}</th>
                <th scope="col">カナ</th>
                <th scope="col">記録日時</th>
              </tr>
            </thead>
            <tbody>
              {nameRows.map((n, i) => (
                <tr key={`${n.recordedAt}-${i}`} className={n.role === "corrected" ? "is-superseded" : undefined}>
                  <td className="nowrap">
                    <PeriodStart validFrom={n.validFrom} role={n.role} />
                  </td>
                  <td>{n.name}</td>
                  <td>{n.nameKana}</td>
                  <td className="code">{formatDateTimeJa(n.recordedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="table-wrap table-wrap--spaced">
          <table className="data-table data-table--compact" data-testid="address-history">
            <caption>住所（連絡先）</caption>
            <thead>
              <tr>
                <th scope="col">適用開始日</th>
                <th scope="col">住所</th>
                <th scope="col">記録日時</th>
              </tr>
            </thead>
            <tbody>
              {addressRows.map((r, i) => (
                <tr key={`${r.recordedAt}-${i}`} className={r.role === "corrected" ? "is-superseded" : undefined}>
                  <td className="nowrap">
                    <PeriodStart validFrom={r.validFrom} role={r.role} />
                  </td>
                  <td>
                    {r.postalCode ? `〒${r.postalCode.slice(0, 3)}-${r.postalCode.slice(3)} ` : ""}
                    {r.address ?? "（なし）"}
                    {r.addressLine2 ? ` ${r.addressLine2}` : ""}
                  </td>
                  <td className="code">{formatDateTimeJa(r.recordedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {a.merges.length || a.mergedFrom.length ? (
        <MergesSection merges={a.merges} mayUndo={mayAdminister} onUndone={() => changed("名寄せを取り消しました。")} />
      ) : null}

      <section className="section" aria-labelledby="history-title">
        <h2 className="section__title" id="history-title">
          変更履歴
        </h2>
        <AddresseeHistoryTable history={a.history} />
      </section>
    </>
  );
}

/** 「令和2年4月1日から」 or 「当初」, with whether the row applies now, before a change, or was corrected. */
function PeriodStart({ validFrom, role }: { validFrom: string | null; role: PeriodRole }) {
  return (
    <>
      {validFrom ? `${warekiDateJa(validFrom)}から` : "当初"}
      <span className={`sub period-role period-role--${role}`}>{PERIOD_ROLE_LABELS[role]}</span>
    </>
  );
}

function MergesSection({
  merges,
  mayUndo,
  onUndone,
}: {
  merges: readonly MergeView[];
  mayUndo: boolean;
  onUndone(): void;
}) {
  const [undoing, setUndoing] = useState<string | null>(null);
  return (
    <section className="section" aria-labelledby="merges-title">
      <h2 className="section__title" id="merges-title">
        名寄せ
      </h2>
      <div className="table-wrap">
        <table className="data-table data-table--compact" data-testid="merge-table">
          <thead>
            <tr>
              <th scope="col">名寄せ日時</th>
              <th scope="col">統合された宛名番号 → 統合先</th>
              <th scope="col">理由</th>
              <th scope="col">操作者</th>
              <th scope="col">状態</th>
            </tr>
          </thead>
          <tbody>
            {merges.map((m) => (
              <MergeRow key={m.id} merge={m} mayUndo={mayUndo} open={undoing === m.id} onToggle={() => setUndoing(undoing === m.id ? null : m.id)} onUndone={onUndone} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

interface MergeRowProps {
  merge: MergeView;
  mayUndo: boolean;
  open: boolean;
  onToggle(): void;
  onUndone(): void;
}

function MergeRow({ merge: m, mayUndo, open, onToggle, onUndone }: MergeRowProps) {
  return (
    <>
      <tr data-merge={m.id} className={open ? "is-open" : undefined}>
        <td className="code">{formatDateTimeJa(m.mergedAt)}</td>
        <td className="code">
          {m.merged} → {m.survivor}
        </td>
        <td>{m.reason}</td>
        <td className="nowrap">{actorLabel(m.actor, undefined, m.actorName ?? null)}</td>
        <td>
          {m.undoneAt ? (
            <>
              <span className="status status--info">取消済み</span>
              <span className="sub">
                {formatDateTimeJa(m.undoneAt)}・{m.undoReason}
              </span>
            </>
          ) : (
            <span className="status status--warning">統合中</span>
          )}
          {mayUndo && !m.undoneAt ? (
            <button type="button" className="button button--secondary button--small cell-button" aria-expanded={open} onClick={onToggle}>
              取消
            </button>
          ) : null}
        </td>
      </tr>
      {open ? (
        <tr className="detail-row">
          <td colSpan={5}>
            <MergeUndoForm merge={m} onUndone={onUndone} onCancel={onToggle} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
