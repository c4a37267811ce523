// ラジオボタン (a choice of a few options shown at once), in the design system's pattern: a
// fieldset whose legend is the question, one labelled radio per option; arrow keys move between
// them as in any native radio group.
import type { ReactNode } from "react";

interface RadioGroupProps {
  name: string;
  legend: string;
  value: string;
  onValue(value: string): void;
  options: readonly { value: string; label: ReactNode }[];
  required?: boolean;
  hint?: ReactNode;
  error?: string | null;
}

export function RadioGroup({ name, legend, value, onValue, options, required, hint, error }: RadioGroupProps) {
  const described = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="fieldset radio-group" aria-describedby={described}>
      <legend className="form-label fieldset__legend">
        {legend}
        {required ? <span className="form-required">必須</span> : <span className="form-optional">任意</span>}
      </legend>
      {hint ? (
        <p className="form-hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="radio-group__options">
        {options.map((o) => (
          <label key={o.value} className="radio">
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onValue(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p className="form-error" id={`${name}-error`}>
          ＊{error}
        </p>
      ) : null}
    </fieldset>
  );
}
