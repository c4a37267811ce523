// 設定値の入力欄: the input that fits a setting's value — a select for a fixed list, a time
// field for 「08:30」, a number or text field, one field per part of an object (窓口受付時間 is
// 受付開始 and 受付終了), and JSON text only for shapes nothing else fits.
import { SelectField, TextField } from "../../kit/form-field.tsx";
import { hintOf, VALUE_FIELD, type ScalarShape, type ValueDraft, type ValueShape } from "./setting-value.ts";

interface SettingValueInputProps {
  /** The id of the input (a part of an object gets `${id}-${property}`). */
  id: string;
  label: string;
  shape: ValueShape;
  draft: ValueDraft;
  onDraft(draft: ValueDraft): void;
  /** Messages by draft key ("value", "value/opens"). */
  errors: Record<string, string>;
  autoFocus?: boolean;
}

export function SettingValueInput({ id, label, shape, draft, onDraft, errors, autoFocus }: SettingValueInputProps) {
  const set = (key: string) => (text: string) => onDraft({ ...draft, [key]: text });

  if (shape.kind === "object") {
    return (
      <fieldset className="fieldset value-fieldset">
        <legend className="form-label fieldset__legend">
          {label}
          <span className="form-required">必須</span>
        </legend>
        <div className="form-grid form-grid--narrow">
          {shape.fields.map((f, i) => {
            const key = `${VALUE_FIELD}/${f.name}`;
            return (
              <ScalarInput
                key={key}
                id={`${id}-${f.name}`}
                label={f.label}
                shape={f.shape}
                text={draft[key] ?? ""}
                onText={set(key)}
                error={errors[key]}
                autoFocus={autoFocus && i === 0}
              />
            );
          })}
        </div>
      </fieldset>
    );
  }

  if (shape.kind === "json") {
    const error = errors[VALUE_FIELD];
    const hint = hintOf(shape);
    return (
      <div className="form-field">
        <label className="form-label" htmlFor={id}>
          {label}
          <span className="form-required">必須</span>
        </label>
        <p className="form-hint" id={`${id}-hint`}>
          {hint}
        </p>
        <textarea
          id={id}
          name={id}
          className="text-area text-area--code"
          rows={3}
          value={draft[VALUE_FIELD] ?? ""}
          spellCheck={false}
          autoFocus={autoFocus}
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
          onChange={(e) => set(VALUE_FIELD)(e.target.value)}
        />
        {error ? (
          <p className="form-error" id={`${id}-error`}>
            ＊{error}
          </p>
        ) : null}
      </div>
    );
  }

  return (
    <ScalarInput
      id={id}
      label={label}
      shape={shape}
      text={draft[VALUE_FIELD] ?? ""}
      onText={set(VALUE_FIELD)}
      error={errors[VALUE_FIELD]}
      autoFocus={autoFocus}
    />
  );
}

interface ScalarInputProps {
  id: string;
  label: string;
  shape: ScalarShape;
  text: string;
  onText(text: string): void;
  error?: string;
  autoFocus?: boolean;
}

function ScalarInput({ id, label, shape, text, onText, error, autoFocus }: ScalarInputProps) {
  const hint = hintOf(shape);
  if (shape.kind === "choice" || shape.kind === "boolean") {
    const values: { value: string; label: string }[] =
      shape.kind === "choice"
        ? shape.options.map((o) => ({ value: String(o), label: String(o) }))
        : [
            { value: "true", label: "はい" },
            { value: "false", label: "いいえ" },
          ];
    const blank = shape.nullable ? "（設定しない）" : values.some((v) => v.value === text) ? null : "選んでください";
    const options = blank === null ? values : [{ value: "", label: blank }, ...values];
    return (
      <SelectField id={id} label={label} value={text} onValue={onText} options={options} required hint={hint} error={error} autoFocus={autoFocus} />
    );
  }
  return (
    <TextField
      id={id}
      label={label}
      value={text}
      onValue={onText}
      required={!shape.nullable}
      hint={hint}
      error={error}
      autoComplete="off"
      autoFocus={autoFocus}
      {...inputAttributes(shape)}
    />
  );
}

/** The text input's type for the shape: a time picker, digits (with the numeric keyboard), or text. */
function inputAttributes(shape: Exclude<ScalarShape, { kind: "choice" | "boolean" }>) {
  switch (shape.kind) {
    case "time":
      return { type: "time" };
    case "integer":
      return { type: "text", inputMode: "numeric" as const, className: "text-input--number" };
    case "number":
      return { type: "text", inputMode: "decimal" as const, className: "text-input--number" };
    case "text":
      return { type: "text", maxLength: shape.maxLength };
  }
}
