// 住所の入力欄 (an address of a 異動届: 新住所, 前住所, 転出先): 郵便番号, 住所 and 方書, under one
// legend, each keyed as the server names it ("address/postalCode").
import type { ChangeForm } from "./resident-change-form.ts";
import type { AddressDraft } from "./resident-draft-checks.ts";
import { LIMITS } from "./resident-draft-checks.ts";
import { inputId } from "./resident-form-errors.ts";
import { TextField } from "../../kit/form-field.tsx";

interface Props {
  prefix: string;
  legend: string;
  value: AddressDraft;
  onValue(value: AddressDraft): void;
  form: Pick<ChangeForm, "errorOf" | "leave">;
  addressHint?: string;
  required?: boolean;
}

export function ResidentAddressFields({ prefix, legend, value, onValue, form, addressHint = "都道府県から", required = true }: Props) {
  const field = (part: keyof AddressDraft) => ({
    id: inputId(`${prefix}/${part}`),
    value: value[part],
    onValue: (text: string) => onValue({ ...value, [part]: text }),
    onBlur: () => form.leave(`${prefix}/${part}`),
    error: form.errorOf(`${prefix}/${part}`),
    autoComplete: "off",
  });
  const partError = form.errorOf(prefix);
  return (
    <fieldset className="fieldset fieldset--spaced">
      <legend className="form-label fieldset__legend">{legend}</legend>
      {partError ? (
        <p className="form-error" id={inputId(prefix)} tabIndex={-1}>
          ＊{partError}
        </p>
      ) : null}
      <div className="address-grid">
        <TextField {...field("postalCode")} label="郵便番号" hint="7桁。例：240-0112" inputMode="numeric" className="text-input--code" maxLength={LIMITS.postalCode} />
        <TextField {...field("address")} label="住所" hint={addressHint} required={required} maxLength={LIMITS.address} />
        <TextField {...field("addressLine2")} label="方書" hint="建物名・部屋番号など" maxLength={LIMITS.addressLine2} />
      </div>
    </fieldset>
  );
}
