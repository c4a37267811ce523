// 個人番号の表示 (revealing a 個人番号): only to 管理 (resident:admin), on request, one person at a
// time; the server records every reveal in the audit log with the 利用目的 (番号法 第9条 and 第19条
// limit its use and provision), so the number is fetched when asked for, shown in groups of four, and hidden again
// on request or when the screen closes — it is never kept anywhere else.
import { useState } from "react";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { purposeHeaders, usePurpose } from "../../kit/access-purpose.ts";

export function ResidentMyNumberReveal({ personId }: { personId: string }) {
  const { api } = useApp();
  const purpose = usePurpose();
  const [number, setNumber] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function reveal() {
    if (purpose === null) return;
    setProblem(null);
    try {
      const revealed = await api.get<{ myNumber: string }>(`/api/resident/persons/${encodeURIComponent(personId)}/my-number`, purposeHeaders(purpose));
      setNumber(revealed.myNumber);
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error.titleJa : "個人番号を表示できませんでした");
    }
  }

  if (number !== null) {
    return (
      <span className="my-number">
        <span className="code" data-testid="my-number">
          {number.replace(/(\d{4})(?=\d)/g, "$1 ")}
        </span>
        <button type="button" className="button button--text button--small" onClick={() => setNumber(null)}>
          隠す
        </button>
        <span className="muted">（表示は監査ログに記録されました）</span>
      </span>
    );
  }
  return (
    <span className="my-number">
      記録あり
      <button type="button" className="button button--secondary button--small" onClick={() => void reveal()}>
        個人番号を表示
      </button>
      {problem ? <span className="form-error">＊{problem}</span> : null}
    </span>
  );
}
