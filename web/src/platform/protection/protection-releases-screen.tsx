// 支援措置 解除承認 (the supervisor's screen): the releases clerks have asked for — whose
// certificate, which kind, who asked at the counter and why, which clerk — each approved or
// refused with a note; a release lets exactly one certificate through, the same day, and only
// for the clerk who asked. A supervisor cannot decide their own request (the server refuses).
// Below, the last 30 days' releases with their outcome. Every decision is audited.
import { useState } from "react";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { actorLabel } from "../audit/audit-entry-labels.ts";
import { formatDateTimeJa } from "../../kit/date-format.ts";
import { RELEASE_STATE, labelIn } from "./protection-labels.ts";
import { releasePath, RELEASES_PATH, type ReleaseView } from "./protection-api.ts";
import { REASON_MAX_LENGTH } from "./protection-measure-draft.ts";
import { REQUESTER_KIND_JA } from "../../modules/resident/resident-labels.ts";
import { useApiData } from "../../kit/use-api-data.ts";
import { useStaffNames } from "../../kit/use-staff-names.ts";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";
import { TextField } from "../../kit/form-field.tsx";
import "./protection.css";

interface KindsView {
  kinds: { id: string; name: string }[];
}

export function ProtectionReleasesScreen() {
  const pending = useApiData<ReleaseView[]>(`${RELEASES_PATH}?state=requested`);
  const recent = useApiData<ReleaseView[]>(RELEASES_PATH);
  const kinds = useApiData<KindsView>("/api/certificates/kinds");
  const names = useStaffNames();
  const [notice, setNotice] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const kindName = (id: string) => kinds.data?.kinds.find((k) => k.id === id)?.name ?? id;
  const requesterKind = (k: string) => REQUESTER_KIND_JA[k as keyof typeof REQUESTER_KIND_JA] ?? k;

  function decided(text: string) {
    setNotice({ kind: "success", text });
    pending.reload();
    recent.reload();
  }

  return (
    <Page title="支援措置 解除承認" lead="支援措置の対象者の証明書について、窓口の職員が申請した一時解除を承認または却下します。承認は申請した職員による1回の交付に限り、当日中有効です。">
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      {pending.problem ? <Notice kind="error">{pending.problem.titleJa}</Notice> : null}
      <section className="section" aria-labelledby="pending-title">
        <h2 className="section__title" id="pending-title">
          承認待ちの申請
        </h2>
        {pending.data && pending.data.length === 0 ? <p className="muted">承認待ちの申請はありません。</p> : null}
        <ul className="card-list" data-testid="pending-releases">
          {(pending.data ?? []).map((r) => (
            <li key={r.releaseId} className="protection-panel" data-release={r.releaseId}>
              <dl className="summary-list">
                <dt>対象者</dt>
                <dd>
                  {r.subjectName ?? ""}
                  <span className="sub code">宛名番号 {r.subjectNumber}</span>
                </dd>
                <dt>証明書</dt>
                <dd>{kindName(r.certificateKind)}</dd>
                <dt>請求者</dt>
                <dd>
                  {requesterKind(r.requesterKind)}：{r.requesterNote}
                </dd>
                <dt>理由</dt>
                <dd>{r.reason}</dd>
                <dt>申請した職員</dt>
                <dd>
                  {r.requestedByName ?? actorLabel(r.requestedBy, names)}（{formatDateTimeJa(r.requestedAt)}）
                </dd>
              </dl>
              <DecisionForm release={r} onDecided={decided} onProblem={(text) => setNotice({ kind: "error", text })} />
            </li>
          ))}
        </ul>
      </section>
      <section className="section" aria-labelledby="recent-title">
        <h2 className="section__title" id="recent-title">
          最近30日の申請
        </h2>
        <div className="table-wrap">
          <table className="data-table" data-testid="recent-releases">
            <thead>
              <tr>
                <th scope="col">申請日時</th>
                <th scope="col">対象者</th>
                <th scope="col">証明書</th>
                <th scope="col">請求者</th>
                <th scope="col">申請した職員</th>
                <th scope="col">状態</th>
                <th scope="col">承認・却下</th>
              </tr>
            </thead>
            <tbody>
              {(recent.data ?? []).map((r) => {
                const state = labelIn(RELEASE_STATE, r.state);
                return (
                  <tr key={r.releaseId} data-release={r.releaseId}>
                    <td className="nowrap">{formatDateTimeJa(r.requestedAt)}</td>
                    <td>
                      {r.subjectName ?? ""}
                      <span className="sub code">{r.subjectNumber}</span>
                    </td>
                    <td>{kindName(r.certificateKind)}</td>
                    <td>
                      {requesterKind(r.requesterKind)}
                      <span className="sub">{r.requesterNote}</span>
                    </td>
                    <td>{r.requestedByName ?? actorLabel(r.requestedBy, names)}</td>
                    <td className="nowrap">
                      <span className={`status status--${state.tone}`}>{state.label}</span>
                      {r.use ? <span className="sub">証明書番号 {r.use.serial}</span> : null}
                    </td>
                    <td>
                      {r.decision ? (
                        <>
                          {r.decidedByName ?? actorLabel(r.decision.decidedBy, names)}
                          <span className="sub">{r.decision.note}</span>
                        </>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </Page>
  );
}

function DecisionForm({ release, onDecided, onProblem }: { release: ReleaseView; onDecided(text: string): void; onProblem(text: string): void }) {
  const { api } = useApp();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `decision-note-${release.releaseId}`;

  async function decide(approved: boolean) {
    const text = note.trim();
    if (!text) {
      setError("承認・却下の理由を入力してください（監査ログに記録されます）");
      document.getElementById(id)?.focus();
      return;
    }
    setBusy(true);
    try {
      await api.send("POST", `${releasePath(release.releaseId)}/decision`, { approved, note: text });
      onDecided(approved ? `宛名番号 ${release.subjectNumber} の解除申請を承認しました。` : `宛名番号 ${release.subjectNumber} の解除申請を却下しました。`);
    } catch (e) {
      onProblem(e instanceof ApiProblem ? e.titleJa : "処理できませんでした");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="decision-form" data-testid="decision-form">
      <TextField id={id} label="承認・却下の理由" value={note} onValue={setNote} maxLength={REASON_MAX_LENGTH} required autoComplete="off" error={error} hint="例：本人確認書類により本人と確認した" />
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void decide(true)}>
          承認する
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void decide(false)}>
          却下する
        </button>
      </div>
    </div>
  );
}
