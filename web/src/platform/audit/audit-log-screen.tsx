// 監査ログ: the municipality's audit entries, newest first, a page at a time (who, what, on whom,
// for what purpose, when, and what changed), searched by days, member of staff, person (宛名番号),
// action and purpose, and what a search found exported as CSV for 監査. Staff are named by the
// server; every action in Japanese. An alert of a broken chain stands above the list until
// acknowledged.
import { useMemo, useState, type FormEvent } from "react";
import { useApp } from "../../app-context.ts";
import { useApiData } from "../../kit/use-api-data.ts";
import { municipalityLabel } from "../identity/session.ts";
import { actionLabel, actorLabel, detailLabel, detailValueLabel, type AuditActorNames } from "./audit-entry-labels.ts";
import { AUDIT_ACTION_LABELS } from "../../../../src/platform/audit/action-labels.ts";
import { auditFilterQuery, EMPTY_AUDIT_FILTER, type AuditFilterDraft } from "./audit-filter.ts";
import { SelectField, TextField } from "../../kit/form-field.tsx";
import { COMMON_PURPOSES, OTHER_PURPOSE } from "../../kit/access-purpose.ts";
import { ApiProblem } from "../../kit/api-client.ts";
import { formatDateTimeJa } from "../../kit/date-format.ts";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";
import type { StaffAccount } from "../identity/staff-screen.tsx";
import { AuditAlertsBanner } from "./audit-alerts-banner.tsx";

interface AuditEntry {
  seq: string;
  at: string;
  actor: string;
  actorName: string | null;
  action: string;
  subject: string | null;
  subjectName: string | null;
  purpose: string | null;
  detail?: Record<string, unknown>;
}

/** A recorded value as read: nested records by their Japanese keys, lists with 「、」, yes/no in words. */
function detailValue(value: unknown): string {
  if (typeof value === "boolean") return value ? "はい" : "いいえ";
  if (Array.isArray(value)) return value.map(detailValue).join("、");
  if (typeof value === "object" && value !== null) return `（${detailText(value as Record<string, unknown>)}）`;
  return String(value);
}

/** The entry's detail in a line: what changed (roles, a reason, a setting …), as recorded. */
function detailText(detail: Record<string, unknown> | undefined): string {
  if (!detail) return "";
  return Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined && !(typeof v === "object" && Object.keys(v as object).length === 0))
    .map(([k, v]) => `${detailLabel(k)}：${typeof v === "string" ? detailValueLabel(k, v) : detailValue(v)}`)
    .join("　");
}

export const AUDIT_PAGE_SIZE = 50;

/** Actions to filter by, in Japanese, in the catalogue's order (area by area). */
const ACTION_OPTIONS = [{ value: "", label: "すべての操作" }, ...Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }))];

/** Downloads what the search found as CSV (the server audits the export). */
async function downloadAuditCsv(query: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/audit/export${query ? `?${query}` : ""}`, { credentials: "same-origin", headers: { accept: "text/csv, application/problem+json" } });
  } catch {
    throw new ApiProblem(0, "network-error", "サーバーに接続できません。時間をおいてもう一度お試しください");
  }
  if (!response.ok) {
    const body = (response.headers.get("content-type") ?? "").includes("json") ? ((await response.json()) as { code?: string; title_ja?: string }) : {};
    throw new ApiProblem(response.status, body.code ?? "unknown", body.title_ja ?? "CSVファイルを作成できませんでした");
  }
  const fileName = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "audit-log.csv";
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function AuditFilterForm({ staff, onSearch }: { staff: readonly StaffAccount[]; onSearch(query: string): void }) {
  const [draft, setDraft] = useState<AuditFilterDraft>(EMPTY_AUDIT_FILTER);
  const [errors, setErrors] = useState<Partial<Record<keyof AuditFilterDraft, string>>>({});
  const set = (key: keyof AuditFilterDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const check = auditFilterQuery(draft);
    if (!check.ok) {
      setErrors(check.errors);
      document.getElementById(`audit-${Object.keys(check.errors)[0]}`)?.focus();
      return;
    }
    setErrors({});
    onSearch(check.query);
  }

  function clear() {
    setDraft(EMPTY_AUDIT_FILTER);
    setErrors({});
    onSearch("");
  }

  return (
    <form className="form-grid form-grid--wide" onSubmit={submit} noValidate aria-label="監査ログの検索条件" data-testid="audit-filter">
      <TextField id="audit-from" label="期間（始め）" type="date" value={draft.from} onValue={set("from")} error={errors.from} />
      <TextField id="audit-to" label="期間（終わり）" type="date" value={draft.to} onValue={set("to")} error={errors.to} />
      <SelectField
        id="audit-actor"
        label="職員"
        value={draft.actor}
        onValue={set("actor")}
        options={[
          { value: "", label: "すべての職員" },
          ...staff.map((s) => ({ value: s.id, label: `${s.displayName}（${s.loginId}）${s.disabled ? "・無効" : ""}` })),
        ]}
      />
      <TextField
        id="audit-subject"
        label="対象の宛名番号"
        hint="その人についての記録（照会・異動・証明書など）"
        inputMode="numeric"
        autoComplete="off"
        value={draft.subject}
        onValue={set("subject")}
        error={errors.subject}
      />
      <SelectField id="audit-action" label="操作" value={draft.action} onValue={set("action")} options={ACTION_OPTIONS} error={errors.action} />
      <TextField
        id="audit-purpose"
        label="利用目的"
        hint="一覧の目的を選ぶと、具体的な内容つきの記録も見つかります"
        list="audit-purpose-list"
        autoComplete="off"
        maxLength={100}
        value={draft.purpose}
        onValue={set("purpose")}
        error={errors.purpose}
      />
      <datalist id="audit-purpose-list">
        {COMMON_PURPOSES.filter((p) => p !== OTHER_PURPOSE).map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          検索
        </button>
        <button type="button" className="button button--secondary" onClick={clear}>
          条件をクリア
        </button>
      </div>
    </form>
  );
}

export function AuditLogScreen() {
  const { session } = useApp();
  const [query, setQuery] = useState("");
  // Cursors of the pages opened so far: the first page has none, each next one starts below the
  // last entry shown. One more entry than a page is asked for, to know whether a next page exists.
  const [cursors, setCursors] = useState<string[]>([]);
  const before = cursors.at(-1);
  const entries = useApiData<AuditEntry[]>(`/api/audit?limit=${AUDIT_PAGE_SIZE + 1}${before ? `&before=${before}` : ""}${query ? `&${query}` : ""}`);
  const staff = useApiData<StaffAccount[]>("/api/staff");
  // Names of staff who are the subject of an entry when the server gave none (the staff list).
  const names: AuditActorNames = useMemo(
    () => ({ staff: new Map((staff.data ?? []).map((s) => [s.id, `${s.displayName}（${s.loginId}）`])) }),
    [staff.data],
  );
  const [exporting, setExporting] = useState(false);
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const shown = entries.data?.slice(0, AUDIT_PAGE_SIZE) ?? [];
  const hasNext = (entries.data?.length ?? 0) > AUDIT_PAGE_SIZE;
  const page = cursors.length + 1;

  return (
    <Page
      title="監査ログ"
      lead={`${session.tenant ? municipalityLabel(session.tenant) : ""}の操作の記録です（新しい順）。記録は改ざんを検知できる形で保存され、変更・削除できません。`}
    >
      <AuditAlertsBanner />
      <section className="section" aria-labelledby="audit-filter-title">
        <h2 className="section__title" id="audit-filter-title">
          検索条件
        </h2>
        <AuditFilterForm
          staff={staff.data ?? []}
          onSearch={(next) => {
            setQuery(next);
            setCursors([]);
            setExportProblem(null);
          }}
        />
        <p className="form-actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={exporting}
            onClick={() => {
              setExporting(true);
              setExportProblem(null);
              downloadAuditCsv(query)
                .catch((error: unknown) => setExportProblem(error instanceof ApiProblem ? error.titleJa : "CSVファイルを作成できませんでした"))
                .finally(() => setExporting(false));
            }}
          >
            {exporting ? "書き出し中…" : "この条件の記録をCSVで書き出す（監査用）"}
          </button>
        </p>
        {exportProblem ? <Notice kind="error">{exportProblem}</Notice> : null}
      </section>
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
                  <td>{actorLabel(e.actor, names, e.actorName)}</td>
                  <td>{actionLabel(e.action)}</td>
                  <td>{e.subject ? actorLabel(e.subject, names, e.subjectName) : <span className="muted">―</span>}</td>
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
