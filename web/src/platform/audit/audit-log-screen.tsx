// 監査ログ: the municipality's audit entries, newest first, a page at a time (who, what, on whom,
// for what purpose, when, and what changed). Staff ids are shown as names from the staff list.
// An alert of a broken chain stands above the list until acknowledged.
import { useMemo, useState } from "react";
import { useApp } from "../../app-context.ts";
import { useApiData } from "../../kit/use-api-data.ts";
import { municipalityLabel } from "../identity/session.ts";
import { actionLabel, actorLabel, type AuditActorNames } from "./audit-entry-labels.ts";
import { formatDateTimeJa } from "../../kit/date-format.ts";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";
import type { StaffAccount } from "../identity/staff-screen.tsx";
import { AuditAlertsBanner } from "./audit-alerts-banner.tsx";

interface AuditEntry {
  seq: string;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  purpose: string | null;
  detail?: Record<string, unknown>;
}

/** The entry's detail in a line: what changed (roles, a reason, a setting …), as recorded. */
function detailText(detail: Record<string, unknown> | undefined): string {
  if (!detail) return "";
  return Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined && !(typeof v === "object" && Object.keys(v as object).length === 0))
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join("　");
}

export const AUDIT_PAGE_SIZE = 50;

export function AuditLogScreen() {
  const { session } = useApp();
  // Cursors of the pages opened so far: the first page has none, each next one starts below the
  // last entry shown. One more entry than a page is asked for, to know whether a next page exists.
  const [cursors, setCursors] = useState<string[]>([]);
  const before = cursors.at(-1);
  const entries = useApiData<AuditEntry[]>(`/api/audit?limit=${AUDIT_PAGE_SIZE + 1}${before ? `&before=${before}` : ""}`);
  const staff = useApiData<StaffAccount[]>("/api/staff");
  const names: AuditActorNames = useMemo(
    () => ({ staff: new Map((staff.data ?? []).map((s) => [s.id, `${s.displayName}（${s.loginId}）`])) }),
    [staff.data],
  );
  // Rows wait for the staff list too, so an actor never flashes as a bare id before its name.
  const namesReady = !staff.loading;
  const shown = namesReady ? (entries.data?.slice(0, AUDIT_PAGE_SIZE) ?? []) : [];
  const hasNext = (entries.data?.length ?? 0) > AUDIT_PAGE_SIZE;
  const page = cursors.length + 1;

  return (
    <Page
      title="監査ログ"
      lead={`${session.tenant ? municipalityLabel(session.tenant) : ""}の操作の記録です（新しい順）。記録は改ざんを検知できる形で保存され、変更・削除できません。`}
    >
      <AuditAlertsBanner />
      {entries.problem ? <Notice kind="error">{entries.problem.titleJa}</Notice> : null}
      <section className="section" aria-label="監査ログの一覧">
        <div className="table-wrap">
          <table className="data-table" data-testid="audit-table">
            <caption>
              {page}ページ目（{AUDIT_PAGE_SIZE}件ずつ）
            </caption>
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">操作者</th>
                <th scope="col">操作</th>
                <th scope="col">対象</th>
                <th scope="col">目的</th>
                <th scope="col">内容</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.seq}>
                  <td className="code">{formatDateTimeJa(e.at)}</td>
                  <td>{actorLabel(e.actor, names)}</td>
                  <td>
                    {actionLabel(e.action)}
                    <span className="sub">{e.action}</span>
                  </td>
                  <td>{e.subject ? actorLabel(e.subject, names) : <span className="muted">―</span>}</td>
                  <td>{e.purpose ?? <span className="muted">―</span>}</td>
                  <td className="audit-detail">{detailText(e.detail)}</td>
                </tr>
              ))}
              {!entries.loading && !shown.length && !entries.problem ? (
                <tr>
                  <td colSpan={6}>記録はありません。</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
        <div className="pager">
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={page === 1 || entries.loading}
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            前の{AUDIT_PAGE_SIZE}件
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={!hasNext || entries.loading}
            onClick={() => setCursors((c) => [...c, shown.at(-1)!.seq])}
          >
            次の{AUDIT_PAGE_SIZE}件
          </button>
          <span className="pager__info">{entries.loading ? "読み込み中…" : null}</span>
        </div>
      </section>
    </Page>
  );
}
