// 住民の詳細 (one person's 住民票): the record as it stands today or as of any past day, the
// household with a link to each member, whether it is a 除票 (removed: why and since when) or a
// 転出 is pending, and the full 異動 history with what each change did. Clerks with 更新 start each
// 異動 from here, clerks with 証明 issue certificates; a 閲覧 user sees the record only. Every
// opening is a read recorded with the 利用目的. What a clerk does most is on the first screen at
// 1366×768: a summary (氏名, カナ, 生年月日, 状態, 住所, 世帯主, 宛名番号) with the 異動 and
// 証明書 buttons; the history, the full record (with the 基準日 and the 個人番号) and the household
// are tabs below it.
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from "react";
import { usePurpose } from "../../kit/access-purpose.ts";
import { useApp } from "../../app-context.ts";
import type { AuditActorNames } from "../../platform/audit/audit-entry-labels.ts";
import { staffMay } from "../../platform/identity/session.ts";
import { useApiData } from "../../kit/use-api-data.ts";
import { useAddresseeData } from "../../platform/addressee/use-addressee-data.ts";
import { matchPath } from "../../screen-paths.ts";
import { Link, usePath } from "../../router.tsx";
import { personPath, type ChangeKind, type PersonView } from "./resident-api.ts";
import { kindLabel, REMOVAL_REASON_JA, SEX_JA } from "./resident-labels.ts";
import { certificatePath, changePath, isPersonId, moveInto, RESIDENT_PATHS } from "./resident-paths.ts";
import { forgetRecorded, recordedFor } from "./resident-recorded-change.ts";
import { issuesResidentCertificates, printsMyNumbers, recordsResidentChanges } from "./resident-roles.ts";
import { addressText, fullName, fullNameKana, postalCodeText, slashDate } from "./resident-values.ts";
import { dateConfirmation, readDateInput, warekiDateJa } from "../../kit/wareki-date.ts";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";
import { PurposeBar } from "../../kit/purpose-bar.tsx";
import { TextField } from "../../kit/form-field.tsx";
import { Tabs } from "../../kit/tabs.tsx";
import { AddressText } from "../../kit/address-text.tsx";
import { ResidentHistoryTable } from "./resident-history-table.tsx";
import { ResidentHouseholdTable } from "./resident-household-table.tsx";
import { ResidentMyNumberReveal } from "./resident-my-number-reveal.tsx";
import { ResidentRecordedNotice } from "./resident-recorded-notice.tsx";
import { ResidentStatusTag } from "./resident-status-tag.tsx";
import type { StaffAccount } from "../../platform/identity/staff-screen.tsx";
import { ProtectedRecordBanner } from "../../platform/protection/protection-banner.tsx";
import { protectionOf } from "../../platform/protection/protection-mark.ts";
import "./resident.css";

export function ResidentDetailScreen() {
  const purpose = usePurpose();
  const path = usePath();
  const id = matchPath(RESIDENT_PATHS.detail, path)?.id ?? "";
  return (
    <Page title="住民の詳細" lead="住民票の記載事項、世帯、異動の履歴です。照会は利用目的とともに記録されます。">
      <PurposeBar />
      {purpose === null ? null : isPersonId(id) ? (
        <ResidentDetail key={id} personId={id} />
      ) : (
        <Notice kind="error">住民が指定されていません。住民検索から開いてください。</Notice>
      )}
    </Page>
  );
}

/** The 異動 a record offers, by its state: a 除票 can only be corrected. */
const NOTIFIED_ACTIONS: readonly ChangeKind[] = ["moved-out", "address-changed", "born", "died", "household-split", "household-merged", "head-changed", "name-changed"];
const EX_OFFICIO_ACTIONS: readonly ChangeKind[] = ["ex-officio-correction", "ex-officio-erasure"];

function ResidentDetail({ personId }: { personId: string }) {
  const { session } = useApp();
  const [asOfText, setAsOfText] = useState("");
  const [asOf, setAsOf] = useState<string | null>(null);
  const [asOfError, setAsOfError] = useState<string | null>(null);
  const [tab, setTab] = useState("history");
  const view = useAddresseeData<PersonView>(personPath(personId, asOf));
  const [recorded] = useState(() => recordedFor(session, personId));
  useEffect(() => () => {
    if (recorded) forgetRecorded(recorded);
  }, [recorded]);
  // Staff names are listed to platform administrators only; others see a short id.
  const staff = useApiData<StaffAccount[]>(staffMay(session, "platform", "admin") ? "/api/staff" : null);
  const names: AuditActorNames = useMemo(
    () => ({ staff: new Map((staff.data ?? []).map((s) => [s.id, `${s.displayName}（${s.loginId}）`])) }),
    [staff.data],
  );

  const typedAsOf = readDateInput(asOfText);

  function showAsOf(event: FormEvent) {
    event.preventDefault();
    if (typedAsOf.kind === "error") {
      setAsOfError(typedAsOf.message);
      return;
    }
    setAsOfError(null);
    setAsOf(typedAsOf.kind === "date" ? typedAsOf.iso : null);
  }

  function showToday() {
    setAsOfText("");
    setAsOfError(null);
    setAsOf(null);
  }

  const v = view.data && (asOf === null || view.data.asOf === asOf) ? view.data : null;
  const asOfForm = (
    <form className="as-of-form" onSubmit={showAsOf} noValidate aria-label="基準日を指定して表示" data-testid="as-of-form">
      <TextField
        id="resident-as-of"
        label="基準日"
        hint="その日現在の記録を表示します（和暦も可）"
        value={asOfText}
        onValue={setAsOfText}
        autoComplete="off"
        className="text-input--date"
        error={asOfError}
        status={typedAsOf.kind === "date" ? dateConfirmation(typedAsOf.iso) : null}
      />
      <button type="submit" className="button button--secondary">
        この日現在で表示
      </button>
      {asOf !== null ? (
        <button type="button" className="button button--text" onClick={showToday}>
          今日現在に戻す
        </button>
      ) : null}
    </form>
  );

  if (view.problem && !v) {
    return (
      <>
        <Notice kind="error">{view.problem.titleJa}</Notice>
        {asOf !== null ? asOfForm : null}
      </>
    );
  }
  if (!v) return view.loading ? <p className="muted">読み込み中…</p> : null;

  const r = v.record;
  const mayRecord = recordsResidentChanges(session) && asOf === null;
  const mayIssue = issuesResidentCertificates(session);
  const onRegistry = v.isResident && !v.isRemovedRecord;
  const household = v.household;
  const head = household.members.find((m) => m.personId === household.headPersonId) ?? null;
  const basicList = (
    <dl className="summary-list" data-testid="resident-basic">
      <dt>氏名</dt>
      <dd>{fullName(r)}</dd>
      <dt>カナ</dt>
      <dd>{fullNameKana(r)}</dd>
      <dt>生年月日</dt>
      <dd>
        {warekiDateJa(r.birthDate)}（{slashDate(r.birthDate)}）
      </dd>
      <dt>性別</dt>
      <dd>{SEX_JA[r.sex]}</dd>
      <dt>世帯主</dt>
      <dd>{head ? fullName(head) : "―"}</dd>
      <dt>続柄</dt>
      <dd>{v.relationshipJa}</dd>
      <dt>住所</dt>
      <dd data-testid="resident-address">
        {r.postalCode ? <span className="postal-code">{postalCodeText(r.postalCode)}</span> : null}
        {addressText(r.address, r.addressLine2)}
      </dd>
      <dt>住所を定めた日</dt>
      <dd>{warekiDateJa(r.addressSinceDate)}</dd>
      <dt>住民となった日</dt>
      <dd>{warekiDateJa(r.becameResidentDate)}</dd>
      <dt>前住所</dt>
      <dd>
        {r.previousAddress ? (
          <>
            {r.previousPostalCode ? <span className="postal-code">{postalCodeText(r.previousPostalCode)}</span> : null}
            {addressText(r.previousAddress, r.previousAddressLine2)}
          </>
        ) : (
          "―"
        )}
      </dd>
      <dt>本籍</dt>
      <dd>{r.registeredDomicile ?? "―"}</dd>
      <dt>筆頭者</dt>
      <dd>{r.domicileHead ?? "―"}</dd>
      <dt>個人番号</dt>
      <dd>
        {!r.hasMyNumber ? "記録なし" : printsMyNumbers(session) ? <ResidentMyNumberReveal personId={personId} /> : "記録あり（表示には管理権限が必要です）"}
      </dd>
      {r.destinationAddress ? (
        <>
          <dt>転出先</dt>
          <dd>
            {r.destinationPostalCode ? <span className="postal-code">{postalCodeText(r.destinationPostalCode)}</span> : null}
            {addressText(r.destinationAddress, r.destinationAddressLine2)}
            {r.plannedMoveOutDate ? `（転出予定日 ${warekiDateJa(r.plannedMoveOutDate)}）` : ""}
          </dd>
        </>
      ) : null}
      {r.removalReason ? (
        <>
          <dt>消除</dt>
          <dd>
            {REMOVAL_REASON_JA[r.removalReason] ?? r.removalReason}
            {r.removalDate ? `（${warekiDateJa(r.removalDate)}）` : ""}
          </dd>
        </>
      ) : null}
    </dl>
  );

  return (
    <>
      {recorded ? <ResidentRecordedNotice change={recorded} /> : null}
      <ProtectedRecordBanner mark={protectionOf(v)} />
      {v.isRemovedRecord ? (
        <div className="removed-banner" role="note" data-testid="removed-banner">
          <strong className="removed-banner__mark">除票</strong>
          <span>
            この住民票は{r.removalReason ? `${REMOVAL_REASON_JA[r.removalReason] ?? r.removalReason}により` : ""}
            {r.removalDate ? `${warekiDateJa(r.removalDate)}に` : ""}消除されています。記録は除票として保存されています。
          </span>
        </div>
      ) : null}
      {v.scheduled.length ? (
        <Notice kind="info">
          {v.scheduled.map((s) => (
            <span key={s.changeId} data-testid="scheduled-change">
              {kindLabel(s.kind)}予定：{warekiDateJa(s.effectiveDate)}（届出済み）
            </span>
          ))}
        </Notice>
      ) : null}

      <section className="record-header person-summary" aria-labelledby="record-name" data-testid="resident-record">
        <div className="person-summary__main">
          <div className="person-summary__identity">
            <h2 className="record-header__name" id="record-name">
              {fullName(r)}
            </h2>
            <p className="record-header__kana">{fullNameKana(r)}</p>
            <p className="record-header__tags">
              <ResidentStatusTag isRemoved={v.isRemovedRecord} removalReason={r.removalReason} removalDate={r.removalDate} plannedMoveOutDate={r.plannedMoveOutDate} withDetail />
              <span className="role-tag">{v.relationshipJa}</span>
              {asOf !== null ? <span className="status status--info" data-testid="as-of-tag">{warekiDateJa(asOf)}現在</span> : null}
            </p>
          </div>
          <dl className="person-summary__facts" data-testid="person-summary">
            <div>
              <dt>生年月日</dt>
              <dd className="nowrap">
                {warekiDateJa(r.birthDate)}（{slashDate(r.birthDate)}）
              </dd>
            </div>
            <div>
              <dt>世帯主</dt>
              <dd className="nowrap">{head ? fullName(head) : "―"}</dd>
            </div>
            <div className="person-summary__wide">
              <dt>住所</dt>
              <dd data-testid="summary-address">
                {r.postalCode ? <span className="postal-code">{postalCodeText(r.postalCode)}</span> : null}
                <AddressText text={addressText(r.address, r.addressLine2)} />
              </dd>
            </div>
            <div>
              <dt>宛名番号</dt>
              <dd className="code" data-testid="addressee-number">
                {v.addresseeNumber}
              </dd>
            </div>
            <div>
              <dt>世帯番号</dt>
              <dd className="code" data-testid="household-number">
                {v.householdNumber}
              </dd>
            </div>
          </dl>
        </div>
        <div className="record-header__actions">
          {mayIssue ? (
            <Link href={certificatePath(personId)} className="button button--primary" data-testid="certificate-link">
              証明書の交付
            </Link>
          ) : null}
          <Link href={RESIDENT_PATHS.search} className="button button--text">
            住民検索に戻る
          </Link>
        </div>
        {mayRecord ? (
          <nav className="person-summary__changes" aria-label="異動の入力" data-testid="change-actions">
            {onRegistry ? (
              <>
                <ActionGroup title="届出による異動">
                  {NOTIFIED_ACTIONS.filter((k) => k !== "household-split" || household.members.length > 1).map((k) => (
                    <ChangeLink key={k} href={changePath(personId, k)} label={kindLabel(k)} />
                  ))}
                  <ChangeLink href={moveInto(household.householdNumber)} label="この世帯に転入" />
                </ActionGroup>
                <ActionGroup title="職権による異動">
                  {EX_OFFICIO_ACTIONS.map((k) => (
                    <ChangeLink key={k} href={changePath(personId, k)} label={kindLabel(k)} />
                  ))}
                </ActionGroup>
              </>
            ) : (
              <ActionGroup title="除票の訂正" note="除票の記載事項は職権修正でのみ訂正します。再び住民となるときは転入届で記録します。">
                <ChangeLink href={changePath(personId, "ex-officio-correction")} label={kindLabel("ex-officio-correction")} />
              </ActionGroup>
            )}
          </nav>
        ) : null}
      </section>

      <Tabs
        label="住民票の詳細"
        className="person-tabs"
        testId="person-tabs"
        selected={tab}
        onSelect={setTab}
        tabs={[
          {
            id: "history",
            label: `異動の履歴（${v.history.length}件）`,
            content: (
              <section className="tab-section" aria-labelledby="history-title">
                <h2 className="visually-hidden" id="history-title">
                  異動の履歴
                </h2>
                <ResidentHistoryTable history={v.history} names={names} />
              </section>
            ),
          },
          {
            id: "record",
            label: "住民票の記載事項",
            content: (
              <section className="tab-section" aria-labelledby="basic-title">
                <h2 className="tab-section__title" id="basic-title">
                  住民票の記載事項{asOf !== null ? `（${warekiDateJa(asOf)}現在）` : ""}
                </h2>
                <div className="tab-section__aside">{asOfForm}</div>
                {basicList}
              </section>
            ),
          },
          {
            id: "household",
            label: `世帯（${household.members.length}人）`,
            content: (
              <section className="tab-section" aria-labelledby="household-title">
                <h2 className="tab-section__title" id="household-title">
                  世帯（世帯番号 {household.householdNumber}）
                </h2>
                {v.isRemovedRecord ? (
                  <p className="form-hint household-note">
                    消除された人は今の世帯員に含まれません。消除前の世帯は、基準日を消除の前日にして表示できます。
                  </p>
                ) : null}
                {household.members.length ? (
                  <ResidentHouseholdTable household={household} current={personId} />
                ) : (
                  <p className="muted">この日の世帯員はいません。</p>
                )}
              </section>
            ),
          },
        ]}
      />
    </>
  );
}


function ActionGroup({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <div className="action-group">
      <h3 className="action-group__title">{title}</h3>
      {note ? <p className="muted action-group__note">{note}</p> : null}
      <ul className="action-list">{children}</ul>
    </div>
  );
}

function ChangeLink({ href, label }: { href: string; label: string }) {
  return (
    <li>
      <Link href={href} className="button button--secondary button--small">
        {label}
      </Link>
    </li>
  );
}
