// 名寄せの取消 (administrators): undoing a merge gives the merged 宛名番号 back its own identity, as
// it was before; the reason is recorded with the undo.
import { useState, type FormEvent } from "react";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { currentPurpose, purposeHeaders } from "../../kit/access-purpose.ts";
import { REASON_MAX_LENGTH } from "./addressee-input.ts";
import { TextField } from "../../kit/form-field.tsx";
import { Notice } from "../../kit/notice.tsx";

export interface MergeView {
  id: string;
  survivor: string;
  merged: string;
  reason: string;
  actor: string;
  /** The staff member's name, given by the server for the town's own staff. */
  actorName?: string | null;
  mergedAt: string;
  undoneAt: string | null;
  undoReason: string | null;
  undoneBy: string | null;
}

interface Props {
  merge: MergeView;
  onUndone(merge: MergeView): void;
  onCancel?(): void;
}

export function MergeUndoForm({ merge, onUndone, onCancel }: Props) {
  const { api } = useApp();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const id = `undo-reason-${merge.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!reason.trim()) {
      setError("取り消す理由を入力してください");
      document.getElementById(id)?.focus();
      return;
    }
    setError(null);
    setSending(true);
    try {
      const purpose = currentPurpose();
      const undone = await api.send<MergeView>(
        "POST",
        `/api/addressees/merges/${encodeURIComponent(merge.id)}/undo`,
        { reason: reason.trim() },
        purpose ? purposeHeaders(purpose) : {},
      );
      onUndone(undone);
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      setProblem(e.titleJa);
    } finally {
      setSending(false);
    }
  }

  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={`名寄せの取消（${merge.merged}）`} data-testid="merge-undo-form">
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <TextField
        id={id}
        label="取り消す理由"
        hint="例：別人と判明したため"
        value={reason}
        onValue={setReason}
        required
        maxLength={REASON_MAX_LENGTH}
        autoComplete="off"
        autoFocus
        error={error}
      />
      <div className="form-actions">
        <button type="submit" className="button button--secondary" disabled={sending}>
          {sending ? "取り消しています…" : "名寄せを取り消す"}
        </button>
        {onCancel ? (
          <button type="button" className="button button--text" onClick={onCancel}>
            やめる
          </button>
        ) : null}
      </div>
    </form>
  );
}
