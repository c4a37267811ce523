// 設定の変更 (administrators): a new value for the municipality (団体独自), or clearing the
// municipality's own value so that the consortium's, the prefecture's or the national one applies
// again. Both need a reason, which the history keeps. The server checks the value against the
// setting's schema; its errors land on the input they concern.
import { useState, type FormEvent } from "react";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { fieldOf } from "../../kit/field-errors.ts";
import { draftOf, inputKeys, valueErrorsOf, valueOfDraft, type ValueDraft, type ValueShape } from "./setting-value.ts";
import { TextField } from "../../kit/form-field.tsx";
import { Notice } from "../../kit/notice.tsx";
import { ErrorSummary } from "../../kit/error-summary.tsx";
import { SettingValueInput } from "./setting-value-input.tsx";
import type { SettingView } from "./settings-screen.tsx";

export const REASON_MAX_LENGTH = 500;
export const REASON_MESSAGE = `理由を${REASON_MAX_LENGTH}文字以内で入力してください`;
const VALUE_ID = "setting-value";
const REASON_ID = "setting-reason";

/** The element id of an input named by its draft key ("value/opens" → setting-value-opens). */
export function inputId(base: string, key: string): string {
  const part = key.split("/")[1];
  return part ? `${base}-${part}` : base;
}

interface Props {
  setting: SettingView;
  shape: ValueShape;
  onChanged(message: string): void;
  onClose(): void;
}

export function SettingEditForm({ setting, shape, onChanged, onClose }: Props) {
  const { api } = useApp();
  const [draft, setDraft] = useState<ValueDraft>(() => draftOf(shape, setting.value));
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [failures, setFailures] = useState(0);
  const ownValue = setting.overrides.some((o) => o.level === "municipality");
  const path = `/api/settings/${encodeURIComponent(setting.key)}`;

  const order = [...inputKeys(shape), "reason"];
  const idOf = (k: string) => (k === "reason" ? REASON_ID : inputId(VALUE_ID, k));

  /** The error summary lists what is wrong and takes the focus. */
  function focusFirst(found: Record<string, string>) {
    if (Object.keys(found).length) setFailures((n) => n + 1);
  }

  async function send(kind: "set" | "clear") {
    const found: Record<string, string> = {};
    let value: unknown;
    if (kind === "set") {
      const parsed = valueOfDraft(shape, draft);
      if (parsed.ok) value = parsed.value;
      else Object.assign(found, parsed.errors);
    }
    if (!reason.trim()) found.reason = REASON_MESSAGE;
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length) {
      focusFirst(found);
      return;
    }
    setSending(true);
    try {
      if (kind === "set") {
        await api.send("PUT", path, { value, reason: reason.trim() });
        onChanged(`「${setting.label}」を団体独自の値に変更しました。`);
      } else {
        await api.send("DELETE", path, { reason: reason.trim() });
        onChanged(`「${setting.label}」の団体独自の設定を解除しました。`);
      }
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      const placed = kind === "set" ? valueErrorsOf(error, shape) : {};
      if (error.errors.some((e) => fieldOf(e.field) === "reason")) placed.reason = REASON_MESSAGE;
      setErrors(placed);
      if (Object.keys(placed).length) focusFirst(placed);
      else setProblem(error.titleJa);
    } finally {
      setSending(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void send("set");
  }

  return (
    <form className="detail-panel" onSubmit={submit} noValidate aria-label={`「${setting.label}」の変更`} data-testid="setting-edit-form">
      <h3 className="detail-panel__title">「{setting.label}」の変更</h3>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <ErrorSummary id="setting-error-summary" errors={errors} order={order} idOf={idOf} focusSignal={failures} />
      <div className="form-stack">
        <SettingValueInput id={VALUE_ID} label="新しい値" shape={shape} draft={draft} onDraft={setDraft} errors={errors} autoFocus />
        <TextField
          id={REASON_ID}
          label="理由"
          hint="変更の記録に残ります。例：町長選挙の結果による変更"
          value={reason}
          onValue={setReason}
          required
          maxLength={REASON_MAX_LENGTH}
          autoComplete="off"
          error={errors.reason}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={sending}>
          {sending ? "保存しています…" : "変更する"}
        </button>
        {ownValue ? (
          <button type="button" className="button button--secondary" disabled={sending} onClick={() => void send("clear")}>
            団体独自の設定を解除
          </button>
        ) : null}
        <button type="button" className="button button--text" onClick={onClose}>
          閉じる
        </button>
      </div>
    </form>
  );
}
