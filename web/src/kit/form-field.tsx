// 入力欄 (form fields) in the design system's pattern: label above, 必須/任意 marker, hint, and the
// error under the field, tied to the input by aria-describedby so screen readers read them.
import type { ChangeEvent, InputHTMLAttributes, ReactNode } from "react";

interface FieldFrameProps {
  id: string;
  label: string;
  required?: boolean;
  hint?: ReactNode;
  error?: string | null;
  status?: string | null;
  children: (describedBy: string | undefined) => ReactNode;
}

/** The label, hint and error around one input; the label's id is `${id}-label` (for a listbox to name itself). */
export function FieldFrame({ id, label, required, hint, error, status, children }: FieldFrameProps) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, status && !error ? `${id}-status` : null].filter(Boolean);
  return (
    <div className="form-field">
      <label className="form-label" htmlFor={id} id={`${id}-label`}>
        {label}
        {required ? <span className="form-required">必須</span> : <span className="form-optional">任意</span>}
      </label>
      {hint ? (
        <p className="form-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children(ids.length ? ids.join(" ") : undefined)}
      {error ? (
        <p className="form-error" id={`${id}-error`}>
          ＊{error}
        </p>
      ) : status ? (
        <p className="form-status" id={`${id}-status`}>
          {status}
        </p>
      ) : null}
    </div>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "value"> & {
  id: string;
  label: string;
  value: string;
  onValue(value: string): void;
  hint?: ReactNode;
  error?: string | null;
  status?: string | null;
};

export function TextField({ id, label, value, onValue, hint, error, status, required, className, ...input }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error} status={status}>
      {(describedBy) => (
        <input
          {...input}
          id={id}
          name={id}
          className={`text-input${className ? ` ${className}` : ""}`}
          value={value}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e: ChangeEvent<HTMLInputElement>) => onValue(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  onValue(value: string): void;
  options: readonly { value: string; label: string }[];
  required?: boolean;
  autoFocus?: boolean;
  hint?: ReactNode;
  error?: string | null;
}

export function SelectField({ id, label, value, onValue, options, required, autoFocus, hint, error }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error}>
      {(describedBy) => (
        <select
          id={id}
          name={id}
          className="select"
          value={value}
          required={required}
          autoFocus={autoFocus}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onValue(e.target.value)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
