// 監査ログの改ざん警告: the verifier found the municipality's chain broken — an entry edited or
// deleted in the database. Shown on the audit log until an administrator acknowledges it; the
// operators see the same alert (ADR 0020).
import { useState } from "react";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { useApiData } from "../../kit/use-api-data.ts";
import { formatDateTimeJa } from "../../kit/date-format.ts";
import { Notice } from "../../kit/notice.tsx";

interface AuditAlert {
  id: string;
  seq: string;
  reason: string;
  raisedAt: string;
}

const REASONS: Record<string, string> = {
  "hash-mismatch": "記録の内容が書き換えられています",
  "broken-link": "記録が作り直されています（前後のつながりが切れています）",
  "missing-entry": "記録が削除されています",
  "head-mismatch": "最新の記録が削除されています",
};

export function AuditAlertsBanner() {
  const { api } = useApp();
  const alerts = useApiData<AuditAlert[]>("/api/audit/alerts");
  const [failed, setFailed] = useState<string | null>(null);
  if (!alerts.data?.length) return null;
  async function acknowledge(id: string) {
    try {
      await api.send("POST", `/api/audit/alerts/${id}/acknowledge`);
      alerts.reload();
    } catch (error) {
      setFailed(error instanceof ApiProblem ? error.titleJa : "エラーが発生しました");
    }
  }
  return (
    <div data-testid="audit-alerts">
      {failed ? <Notice kind="error">{failed}</Notice> : null}
      {alerts.data.map((a) => (
        <Notice kind="error" key={a.id}>
          監査ログの改ざんを検知しました（{formatDateTimeJa(a.raisedAt)}）：第{a.seq}件の{REASONS[a.reason] ?? a.reason}。
          運用事業者にも通知されています。情報セキュリティ責任者に報告し、原因を確認してください。
          <button type="button" className="button button--small" onClick={() => acknowledge(a.id)}>
            確認した
          </button>
        </Notice>
      ))}
    </div>
  );
}
