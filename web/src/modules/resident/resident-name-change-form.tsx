// 氏名変更 (a change of name — by marriage, divorce, adoption — as the 戸籍 notifies it): the new
// 氏 and 名 with their カナ, starting from the names now recorded; only what changed is sent.
import { toKatakanaName } from "../../../../src/lib/kana.ts";
import { useState } from "react";
import { useFocusOnOpen } from "./resident-autofocus.ts";
import { useChangeForm } from "./resident-change-form.ts";
import { LIMITS } from "./resident-draft-checks.ts";
import { inputId } from "./resident-form-errors.ts";
import { checkNameChange, emptyNameChange, NAME_CHANGE_KEYS, type NameDraft } from "./resident-person-change-draft.ts";
import { residentPath } from "./resident-paths.ts";
import { fullName, fullNameKana } from "./resident-values.ts";
import { TextField } from "../../kit/form-field.tsx";
import { ResidentChangeFormFrame } from "./resident-change-form-frame.tsx";
import { ResidentDatesSection } from "./resident-dates-section.tsx";
import type { ChangeFormProps } from "./resident-change-screen.tsx";

type NameField = "familyName" | "givenName" | "familyNameKana" | "givenNameKana";

export function ResidentNameChangeForm({ view, title, onRecorded }: ChangeFormProps) {
  const [draft, setDraft] = useState<NameDraft>(() => emptyNameChange(view.record));
  const form = useChangeForm({ check: checkNameChange(draft, view.personId, view.record), keys: NAME_CHANGE_KEYS, onRecorded });
  useFocusOnOpen(inputId("effectiveDate"));
  const update = (patch: Partial<NameDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const field = (name: NameField, label: string, max: number) => {
    const kana = name.endsWith("Kana") ? toKatakanaName(draft[name]) : "";
    return (
      <TextField
        id={inputId(name)}
        label={label}
        value={draft[name]}
        onValue={(v) => update({ [name]: v })}
        onBlur={() => form.leave(name)}
        error={form.errorOf(name)}
        required={name === "familyName" || name === "familyNameKana"}
        maxLength={max}
        autoComplete="off"
        status={kana && kana !== draft[name].trim() ? `記録される表記：${kana}` : null}
      />
    );
  };

  return (
    <ResidentChangeFormFrame form={form} title={title} kind="name-changed" submitLabel="氏名変更を記録する" cancelHref={residentPath(view.personId)}>
      <ResidentDatesSection draft={draft} onDraft={update} form={form} effectiveLabel="変更日（異動日）" effectiveHint="戸籍の届出の日など、氏名が変わった日（和暦も可）" />
      <section className="section" aria-labelledby="name-title">
        <h2 className="section__title" id="name-title">
          新しい氏名
        </h2>
        <p className="form-hint">
          今の氏名：{fullName(view.record)}（{fullNameKana(view.record)}）
        </p>
        <div className="form-grid form-grid--spaced">
          {field("familyName", "氏", LIMITS.familyName)}
          {field("givenName", "名", LIMITS.givenName)}
          {field("familyNameKana", "氏（カナ）", LIMITS.kana)}
          {field("givenNameKana", "名（カナ）", LIMITS.kana)}
        </div>
      </section>
    </ResidentChangeFormFrame>
  );
}
