// 職権修正 (an ex officio correction, 住民基本台帳法 第8条): any item of the 住民票 that was recorded
// wrong — a 生年月日, a misspelt 本籍, a missing 方書 — corrected from the day the right value applies,
// which may lie in the past, with the reason. The form starts from the record; only the items the
// clerk changes are sent, each shown beside its current value. Status and household are changed by
// their own 異動, not here; a 除票 can be corrected too.
import { useState } from "react";
import { useFocusOnOpen } from "./resident-autofocus.ts";
import { useChangeForm } from "./resident-change-form.ts";
import { inputId } from "./resident-form-errors.ts";
import { fieldLabel, RELATIONSHIP_OPTIONS, SEX_JA } from "./resident-labels.ts";
import { checkCorrection, correctionKey, CORRECTION_KEYS, emptyCorrection, type Correctable, type CorrectionDraft } from "./resident-person-change-draft.ts";
import { residentPath } from "./resident-paths.ts";
import { recordValue } from "./resident-values.ts";
import { dateConfirmation, readDateInput } from "../../kit/wareki-date.ts";
import { SelectField, TextField } from "../../kit/form-field.tsx";
import { ResidentChangeFormFrame } from "./resident-change-form-frame.tsx";
import { ResidentDatesSection } from "./resident-dates-section.tsx";
import type { ChangeFormProps } from "./resident-change-screen.tsx";

const GROUPS: { title: string; items: Correctable[] }[] = [
  { title: "氏名・生年月日・性別・続柄", items: ["familyName", "givenName", "familyNameKana", "givenNameKana", "birthDate", "sex", "relationship"] },
  { title: "住所", items: ["postalCode", "address", "addressLine2", "addressSinceDate", "becameResidentDate"] },
  { title: "前住所", items: ["previousPostalCode", "previousAddress", "previousAddressLine2"] },
  { title: "本籍・筆頭者・個人番号", items: ["registeredDomicile", "domicileHead", "myNumber"] },
];

const DATES = new Set<Correctable>(["birthDate", "addressSinceDate", "becameResidentDate"]);

export function ResidentCorrectionForm({ view, title, onRecorded }: ChangeFormProps) {
  const [draft, setDraft] = useState<CorrectionDraft>(() => emptyCorrection(view.record));
  const form = useChangeForm({ check: checkCorrection(draft, view.personId, view.record), keys: CORRECTION_KEYS, onRecorded });
  useFocusOnOpen(inputId("effectiveDate"));
  const update = (patch: Partial<CorrectionDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setValue = (item: Correctable) => (value: string) => update({ values: { ...draft.values, [item]: value } });
  const record = view.record as Record<string, unknown>;

  function item(name: Correctable) {
    const key = correctionKey(name);
    const now = name === "myNumber" ? (view.record.hasMyNumber ? "記録あり（表示しません）" : "記録なし") : recordValue(name, record[name]);
    const hint = `現在：${now}`;
    if (name === "sex" || name === "relationship") {
      const options = name === "sex" ? (["male", "female"] as const).map((s) => ({ value: s, label: SEX_JA[s] })) : RELATIONSHIP_OPTIONS;
      return <SelectField key={name} id={inputId(key)} label={fieldLabel(name)} hint={hint} value={draft.values[name]} onValue={setValue(name)} options={options} error={form.errorOf(key)} />;
    }
    const date = DATES.has(name) ? readDateInput(draft.values[name]) : null;
    return (
      <TextField
        key={name}
        id={inputId(key)}
        label={name === "myNumber" ? "個人番号（訂正するときだけ入力）" : fieldLabel(name)}
        hint={hint}
        value={draft.values[name]}
        onValue={setValue(name)}
        onBlur={() => form.leave(key)}
        error={form.errorOf(key)}
        status={date?.kind === "date" ? dateConfirmation(date.iso) : null}
        autoComplete="off"
      />
    );
  }

  return (
    <ResidentChangeFormFrame form={form} title={title} kind="ex-officio-correction" submitLabel="職権修正を記録する" cancelHref={residentPath(view.personId)}>
      <ResidentDatesSection
        draft={draft}
        onDraft={update}
        form={form}
        exOfficio
        effectiveLabel="修正の異動日"
        effectiveHint="正しい値が適用される日（過去の日も可）。和暦も可"
        reasonLabel="職権で修正する理由"
        reasonHint="例：戸籍の附票との照合により誤記を確認したため"
      />
      <section className="section" aria-labelledby="items-title">
        <h2 className="section__title" id="items-title">
          修正する項目
        </h2>
        <p className="form-hint">値を書き換えた項目だけが修正されます。</p>
        {form.errorOf("corrections") ? (
          <p className="form-error" id={inputId("corrections")} tabIndex={-1}>
            ＊{form.errorOf("corrections")}
          </p>
        ) : null}
        {GROUPS.map((g) => (
          <fieldset key={g.title} className="fieldset fieldset--spaced">
            <legend className="form-label fieldset__legend">{g.title}</legend>
            <div className="form-grid">{g.items.map(item)}</div>
          </fieldset>
        ))}
      </section>
    </ResidentChangeFormFrame>
  );
}
