// 日付の入力欄 (a date item of a 異動届): typed in 和暦 or 西暦 — R7.4.1, 令和7年4月1日, 2025-04-01 —
// and read back beneath as the clerk types (「令和7年4月1日（2025年4月1日）」), so a slip of the era
// or the month is seen before anything is sent. A refusal keeps the reading beside it.
import type { ChangeForm } from "./resident-change-form.ts";
import { inputId } from "./resident-form-errors.ts";
import { dateConfirmation, readDateInput } from "../../kit/wareki-date.ts";
import { TextField } from "../../kit/form-field.tsx";

export const DATE_HINT = "和暦も可（例：R7.4.1、令和7年4月1日、2025-04-01）";

interface Props {
  name: string;
  label: string;
  value: string;
  onValue(value: string): void;
  form: Pick<ChangeForm, "errorOf" | "leave">;
  hint?: string;
  required?: boolean;
  autoFocus?: boolean;
}

export function ResidentDateField({ name, label, value, onValue, form, hint = DATE_HINT, required = true, autoFocus }: Props) {
  const input = readDateInput(value);
  const reading = input.kind === "date" ? dateConfirmation(input.iso) : null;
  const error = form.errorOf(name);
  return (
    <TextField
      id={inputId(name)}
      label={label}
      hint={hint}
      value={value}
      onValue={onValue}
      onBlur={() => form.leave(name)}
      required={required}
      autoFocus={autoFocus}
      autoComplete="off"
      className="text-input--date"
      error={error ? (reading ? `${error}［入力：${reading}］` : error) : null}
      status={reading}
    />
  );
}
