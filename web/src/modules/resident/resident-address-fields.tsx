// 住所の入力欄 (an address of a 異動届: 新住所, 前住所, 転出先): 郵便番号, 住所 and 方書, under one
// legend, each keyed as the server names it ("address/postalCode"). The new address in the town
// is chosen from the town's 町字マスター (〒 or 町字 → candidates → 番地・号); 前住所 and 転出先 are
// typed and read against the national master; both show the address as it will be recorded
// (platform/address/address-picker.tsx, ADR 0022).
import type { ChangeForm } from "./resident-change-form.ts";
import type { AddressDraft } from "./resident-draft-checks.ts";
import { LIMITS } from "./resident-draft-checks.ts";
import { inputId } from "./resident-form-errors.ts";
import { AddressPicker, type AddressPart } from "../../platform/address/address-picker.tsx";
import { readDateInput } from "../../kit/wareki-date.ts";

interface Props {
  prefix: string;
  legend: string;
  value: AddressDraft;
  onValue(value: AddressDraft): void;
  form: Pick<ChangeForm, "errorOf" | "leave">;
  addressHint?: string;
  required?: boolean;
  /** in-town: chosen from the town's master; national: anywhere, checked. Default: by the prefix ("address" is the town's). */
  scope?: "in-town" | "national";
  /** The 異動日 as typed (和暦 or 西暦): candidates are the 町字 in force that day. */
  effectiveDate?: string;
}

export function ResidentAddressFields({ prefix, legend, value, onValue, form, addressHint = "都道府県から", required = true, scope, effectiveDate }: Props) {
  const partError = form.errorOf(prefix);
  const date = effectiveDate === undefined ? null : readDateInput(effectiveDate);
  return (
    <fieldset className="fieldset fieldset--spaced">
      <legend className="form-label fieldset__legend">{legend}</legend>
      {partError ? (
        <p className="form-error" id={inputId(prefix)} tabIndex={-1}>
          ＊{partError}
        </p>
      ) : null}
      <AddressPicker
        idOf={(part: AddressPart) => inputId(`${prefix}/${part}`)}
        value={value}
        onValue={onValue}
        scope={scope ?? (prefix === "address" ? "in-town" : "national")}
        date={date?.kind === "date" ? date.iso : null}
        errorOf={(part) => form.errorOf(`${prefix}/${part}`)}
        onLeave={(part) => form.leave(`${prefix}/${part}`)}
        addressHint={addressHint}
        required={required}
        limits={{ postalCode: LIMITS.postalCode, address: LIMITS.address, addressLine2: LIMITS.addressLine2 }}
      />
    </fieldset>
  );
}
