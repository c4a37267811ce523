// 利用目的の指定: before any addressee is searched or shown, the member of staff says why; the
// purpose is then shown on every screen that reads personal data (住民記録, 宛名), with 変更 to
// state another (each read is recorded in the audit log with the purpose in force). It holds for
// one journey (purpose-journey.ts): another person, another kind of 届出 or the 証明書 screen asks
// again, with the likely purpose already chosen, so one Enter confirms it.
import { useState, type FormEvent } from "react";
import {
  COMMON_PURPOSES,
  composePurpose,
  OTHER_PURPOSE,
  PURPOSE_DETAIL_MAX_LENGTH,
  purposeQuestion,
  rememberPurpose,
  usePurpose,
} from "./access-purpose.ts";
import { splitPurpose } from "./purpose-journey.ts";
import { SelectField, TextField } from "./form-field.tsx";

const CHOICE_ID = "purpose-choice";
const DETAIL_ID = "purpose-detail";

export function PurposeBar() {
  const purpose = usePurpose();
  const [editing, setEditing] = useState(false);

  if (purpose !== null && !editing) {
    return (
      <div className="purpose-bar" data-testid="purpose-bar">
        <span className="purpose-bar__label">利用目的</span>
        <span className="purpose-bar__value" data-testid="purpose">
          {purpose}
        </span>
        <button type="button" className="button button--secondary button--small" onClick={() => setEditing(true)} aria-label="利用目的を変更">
          変更
        </button>
      </div>
    );
  }
  // Asked on entering a journey: the likely purpose is preselected; while changing, the one in force.
  const { likely, again } = purposeQuestion();
  const initial = purpose ?? likely;
  return (
    <PurposeForm
      key={initial ?? ""}
      current={purpose}
      initial={initial}
      again={purpose === null && again}
      focus={editing || (purpose === null && again)}
      onDone={() => setEditing(false)}
    />
  );
}

interface PurposeFormProps {
  current: string | null;
  initial: string | null;
  again: boolean;
  focus: boolean;
  onDone(): void;
}

function PurposeForm({ current, initial, again, focus, onDone }: PurposeFormProps) {
  const preset = initial === null ? { choice: "", detail: "" } : splitPurpose(initial);
  const [choice, setChoice] = useState(preset.choice);
  const [detail, setDetail] = useState(preset.detail);
  const [errors, setErrors] = useState<{ choice?: string; detail?: string }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const composed = composePurpose(choice, detail);
    if (!composed.ok) {
      setErrors({ [composed.field]: composed.message });
      document.getElementById(composed.field === "choice" ? CHOICE_ID : DETAIL_ID)?.focus();
      return;
    }
    setErrors({});
    rememberPurpose(composed.purpose);
    onDone();
  }

  return (
    <form className="purpose-form" onSubmit={submit} noValidate aria-labelledby="purpose-form-title" data-testid="purpose-form">
      <h2 className="purpose-form__title" id="purpose-form-title">
        利用目的
      </h2>
      <p className="purpose-form__lead">
        {again
          ? "別の人、別の届出や証明書を扱うため、利用目的を確かめてください（よく使う目的を選んであります）。"
          : "個人の情報（住民記録・宛名）を照会する目的を選んでください。"}
        照会のたびに、目的とともに監査ログに記録されます。同じ人の同じ業務のあいだは同じ目的を使います。
      </p>
      <div className="purpose-form__fields">
        <SelectField
          id={CHOICE_ID}
          label="利用目的"
          hint="一覧にない目的は「その他」を選びます"
          value={choice}
          onValue={setChoice}
          options={[{ value: "", label: "選んでください" }, ...COMMON_PURPOSES.map((p) => ({ value: p, label: p }))]}
          required
          autoFocus={focus}
          error={errors.choice}
        />
        <TextField
          id={DETAIL_ID}
          label="具体的な内容"
          hint={choice === OTHER_PURPOSE ? "「その他」のときは必ず入力します" : "例：固定資産税の納税通知書の宛先確認"}
          value={detail}
          onValue={setDetail}
          required={choice === OTHER_PURPOSE}
          maxLength={PURPOSE_DETAIL_MAX_LENGTH}
          autoComplete="off"
          error={errors.detail}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          この目的で照会する
        </button>
        {current !== null ? (
          <button type="button" className="button button--text" onClick={onDone}>
            変更しない（{current}）
          </button>
        ) : null}
      </div>
    </form>
  );
}
