// 期間経過の届出 (the report of late 届出, resident menu): the 転入・転居・世帯変更 notified after their
// 届出期間 (14 days, 住民基本台帳法 第22条・第23条・第25条) in a period of 届出日 — counts per kind and
// one line per 届出 with its persons, the last day of the period and the 遅延の理由 — for the
// town's notice to the 簡易裁判所 (第52条第2項). The list shows personal data, so it is read under
// a purpose of use (audited per person), like the search; the CSV file is the same list.
import { useState, type FormEvent } from "react";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";
import { TextField } from "../../kit/form-field.tsx";
import { PurposeBar } from "../../kit/purpose-bar.tsx";
import { usePurpose } from "../../kit/access-purpose.ts";
import { warekiDateJa } from "../../kit/wareki-date.ts";
import { ApiProblem } from "../../kit/api-client.ts";
import { useAddresseeData } from "../../platform/addressee/use-addressee-data.ts";
import { todayInJapan } from "../../../../src/platform/addressee/calendar-date.ts";
import { Link } from "../../router.tsx";
import { residentPath } from "./resident-paths.ts";
import {
  checkPeriod,
  defaultPeriod,
  fetchLateNotificationsCsv,
  LATE_NOTIFICATIONS_PATH,
  reportQuery,
  type LateNotificationReport,
  type PeriodDraft,
} from "./resident-late-notifications.ts";

export function ResidentLateNotificationsScreen() {
  const purpose = usePurpose();
  return (
    <Page
      title="期間経過の届出"
      lead="届出期間（異動日の翌日から14日）を過ぎて受け付けた転入・転居・世帯変更の届出を、届出日の期間で一覧にします。簡易裁判所への通知（住民基本台帳法第52条第2項）に使います。閲覧とCSV出力は利用目的とともに記録されます。"
    >
      <PurposeBar />
      {purpose !== null ? <Report purpose={purpose} /> : null}
    </Page>
  );
}

function Report({ purpose }: { purpose: string }) {
  const [draft, setDraft] = useState<PeriodDraft>(() => defaultPeriod(todayInJapan()));
  const [errors, setErrors] = useState<Partial<Record<keyof PeriodDraft, string>>>({});
  const [period, setPeriod] = useState<{ from: string; to: string } | null>(() => {
    const check = checkPeriod(defaultPeriod(todayInJapan()));
    return check.ok ? { from: check.from, to: check.to } : null;
  });
  const [exporting, setExporting] = useState(false);
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const report = useAddresseeData<LateNotificationReport>(period ? `${LATE_NOTIFICATIONS_PATH}?${reportQuery(period.from, period.to)}` : null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const check = checkPeriod(draft);
    if (!check.ok) {
      setErrors(check.errors);
      document.getElementById(check.errors.from ? "late-from" : "late-to")?.focus();
      return;
    }
    setErrors({});
    setPeriod({ from: check.from, to: check.to });
  }

  async function exportCsv() {
    if (!period) return;
    setExporting(true);
    setExportProblem(null);
    try {
      const { blob, fileName } = await fetchLateNotificationsCsv(period.from, period.to, purpose);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (error) {
      setExportProblem(error instanceof ApiProblem ? error.titleJa : "CSVファイルを作成できませんでした");
    } finally {
      setExporting(false);
    }
  }

  const data = report.data;
  return (
    <>
      <section className="section" aria-labelledby="late-period-title">
        <h2 className="section__title" id="late-period-title">
          届出日の期間
        </h2>
        <form className="form-grid" onSubmit={submit} noValidate data-testid="late-period">
          <TextField id="late-from" label="初日" required hint="和暦・西暦のどちらでも" value={draft.from} onValue={(from) => setDraft((d) => ({ ...d, from }))} error={errors.from} autoComplete="off" />
          <TextField id="late-to" label="末日" required value={draft.to} onValue={(to) => setDraft((d) => ({ ...d, to }))} error={errors.to} autoComplete="off" />
          <div className="form-actions">
            <button type="submit" className="button">
              表示する
            </button>
          </div>
        </form>
      </section>

      {report.problem ? <Notice kind="error">{report.problem.titleJa}</Notice> : null}
      {exportProblem ? <Notice kind="error">{exportProblem}</Notice> : null}
      {data ? (
        <section className="section" aria-labelledby="late-list-title">
          <h2 className="section__title" id="late-list-title">
            {warekiDateJa(data.from)}〜{warekiDateJa(data.to)}の期間経過の届出
          </h2>
          <p data-testid="late-counts">
            <strong>{data.notificationCount}件</strong>（対象者 {data.personCount}人）
            {data.byKind.length ? ` 内訳：${data.byKind.map((k) => `${k.kindJa} ${k.notifications}件（${k.persons}人）`).join("、")}` : null}
          </p>
          <p>
            <button type="button" className="button button--secondary" onClick={exportCsv} disabled={exporting || data.notificationCount === 0}>
              {exporting ? "CSVファイルを作成中…" : "CSVファイルに出力"}
            </button>
          </p>
          {data.items.length === 0 ? (
            <p className="muted">この期間に期間経過の届出はありません。</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table" data-testid="late-notifications">
                <caption>{data.notificationCount}件（届出日の順）</caption>
                <thead>
                  <tr>
                    <th scope="col">届出日</th>
                    <th scope="col">異動</th>
                    <th scope="col">異動日／届出期限</th>
                    <th scope="col" className="number">
                      期限後の日数
                    </th>
                    <th scope="col">対象者</th>
                    <th scope="col">遅延の理由</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((item) => (
                    <tr key={item.changeId} data-kind={item.kind}>
                      <td className="nowrap">{warekiDateJa(item.notifiedDate)}</td>
                      <td className="nowrap">
                        <strong>{item.kindJa}</strong>
                        <span className="sub">期間経過</span>
                      </td>
                      <td className="nowrap">
                        {warekiDateJa(item.effectiveDate)}
                        <span className="sub">期限 {warekiDateJa(item.deadlineDate)}</span>
                      </td>
                      <td className="number">{item.daysLate}日</td>
                      <td>
                        <ul className="change-list">
                          {item.persons.map((p) => (
                            <li key={p.personId}>
                              <Link href={residentPath(p.personId)}>{[p.familyName, p.givenName].filter(Boolean).join(" ")}</Link>
                              <span className="sub">
                                {p.address}
                                {p.addressLine2 ? ` ${p.addressLine2}` : ""}
                              </span>
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td>{item.lateReason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : report.loading ? (
        <p className="muted">読み込み中…</p>
      ) : null}
    </>
  );
}
