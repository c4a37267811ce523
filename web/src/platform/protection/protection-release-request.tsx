// 支援措置による交付拒否と一時解除の申請 (the certificate counter's panel when the server refuses a
// protected person's certificate): a 相手方's request is refused with no way round it; the person's
// own request without a recorded 本人確認, by mail, コンビニ交付 or 広域交付, or through an agent says
// what to do instead (REFUSAL_ADVICE); a third party's shows the form to ask a supervisor for a
// release (who asked, why), then the release's state
// with a button to look again — 承認待ち, 承認済み (issue once), 却下, 使用済み. A new release is
// offered only when the server refuses again (a used, refused or expired release).
import { useState, type FormEvent } from "react";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { formatDateTimeJa } from "../../kit/date-format.ts";
import { RELEASE_STATE, labelIn } from "./protection-labels.ts";
import { releasePath, RELEASES_PATH, type ReleaseView } from "./protection-api.ts";
import { awaitingOrApproved, NOTE_MAX_LENGTH, REFUSAL_ADVICE, releasable, releaseBody, type Refusal } from "./protection-release.ts";
import { REASON_MAX_LENGTH } from "./protection-measure-draft.ts";
import type { FormErrors } from "../../modules/resident/resident-form-errors.ts";
import { REQUESTER_KIND_JA } from "../../modules/resident/resident-labels.ts";
import type { RequesterKind } from "../../../../src/platform/documents/requester.ts";
import { TextField } from "../../kit/form-field.tsx";
import "./protection.css";

interface Props {
  refusal: Refusal | null;
  subjectNumber: string;
  certificateKind: string;
  requesterKind: RequesterKind;
  release: ReleaseView | null;
  onRelease(release: ReleaseView): void;
}

export function ProtectionRefusal({ refusal, subjectNumber, certificateKind, requesterKind, release, onRelease }: Props) {
  if (refusal && !releasable(refusal)) {
    return (
      <div className="protection-panel" role="alert" data-testid="protection-refusal" data-code={refusal.code}>
        <h2>交付できません</h2>
        <p>
          <strong>{refusal.titleJa}</strong>
        </p>
        <p data-testid="protection-refusal-advice">{REFUSAL_ADVICE[refusal.code]}</p>
      </div>
    );
  }
  const showRelease = release !== null && release.subjectNumber === subjectNumber && release.certificateKind === certificateKind;
  return (
    <div className="protection-panel" role={refusal ? "alert" : "status"} data-testid="protection-refusal" data-code={refusal?.code ?? ""}>
      {refusal ? (
        <>
          <h2>支援措置により交付できません</h2>
          <p>
            <strong>{refusal.titleJa}</strong>
          </p>
        </>
      ) : (
        <h2>支援措置の解除申請</h2>
      )}
      {showRelease ? <ReleaseState release={release} onRelease={onRelease} /> : null}
      {refusal && !awaitingOrApproved(release, subjectNumber, certificateKind) ? (
        <ReleaseRequestForm subjectNumber={subjectNumber} certificateKind={certificateKind} requesterKind={requesterKind} onRelease={onRelease} />
      ) : null}
    </div>
  );
}

function ReleaseState({ release, onRelease }: { release: ReleaseView; onRelease(release: ReleaseView): void }) {
  const { api } = useApp();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const state = labelIn(RELEASE_STATE, release.state);

  async function reload() {
    setBusy(true);
    setProblem(null);
    try {
      onRelease(await api.get<ReleaseView>(releasePath(release.releaseId)));
    } catch (e) {
      setProblem(e instanceof ApiProblem ? e.titleJa : "状態を確認できませんでした");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="release-state" data-testid="release-state" data-state={release.state}>
      <p>
        解除申請（{formatDateTimeJa(release.requestedAt)}）：<span className={`status status--${state.tone}`}>{state.label}</span>
        {"\u3000"}
        <button type="button" className="button button--secondary button--small" onClick={() => void reload()} disabled={busy}>
          {busy ? "確認しています…" : "状態を確認"}
        </button>
      </p>
      {problem ? <p className="form-error">＊{problem}</p> : null}
      {release.state === "requested" ? <p>上長の承認を待っています。承認されたら「状態を確認」を押してください。</p> : null}
      {release.state === "approved" ? (
        <p>
          <strong>承認されました</strong>（{release.decision?.note}）。プレビューで確かめてから交付してください。この承認で交付できるのは<strong>1回だけ</strong>、本日中です。
        </p>
      ) : null}
      {release.state === "refused" ? <p>却下されました：{release.decision?.note}</p> : null}
      {release.state === "used" && release.use ? <p>この解除承認で交付しました（証明書番号 {release.use.serial}）。もう一度交付するには、新たな解除申請と承認が必要です。</p> : null}
      {release.state === "expired" ? <p>解除承認の有効期限（申請日の終わり）を過ぎました。</p> : null}
    </div>
  );
}

function ReleaseRequestForm({ subjectNumber, certificateKind, requesterKind, onRelease }: Omit<Props, "refusal" | "release">) {
  const { api } = useApp();
  const [requesterNote, setRequesterNote] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FormErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const check = releaseBody({ requesterNote, reason }, { subjectNumber, certificateKind, requesterKind });
    if (!check.ok) {
      setErrors(check.errors);
      document.getElementById(check.errors.requesterNote ? "release-requesterNote" : "release-reason")?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    setProblem(null);
    try {
      onRelease(await api.send<ReleaseView>("POST", RELEASES_PATH, check.body));
    } catch (e) {
      setProblem(e instanceof ApiProblem ? e.titleJa : "申請できませんでした");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="解除承認の申請" data-testid="release-request-form">
      <p>第三者からの請求は厳格に審査します。正当な請求（裁判所、事件を受任した弁護士など）であれば、上長に一時解除を申請できます。承認されると、この証明書を1回だけ交付できます。請求者の区分：{REQUESTER_KIND_JA[requesterKind]}</p>
      {problem ? <p className="form-error">＊{problem}</p> : null}
      <div className="form-grid">
        <TextField
          id="release-requesterNote"
          label="請求者（誰から請求されたか）"
          hint="例：〇〇法律事務所 弁護士（事件番号）、〇〇地方裁判所"
          value={requesterNote}
          onValue={setRequesterNote}
          maxLength={NOTE_MAX_LENGTH}
          required
          autoComplete="off"
          error={errors.requesterNote}
        />
        <TextField id="release-reason" label="解除が必要な理由" value={reason} onValue={setReason} maxLength={REASON_MAX_LENGTH} required autoComplete="off" error={errors.reason} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? "申請しています…" : "上長に解除承認を申請する"}
        </button>
      </div>
    </form>
  );
}
