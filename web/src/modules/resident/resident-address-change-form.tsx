// 転居届 (a move within the municipality): the whole household takes the new address from the
// 転居日; the address it leaves becomes everyone's 前住所. A member who moves alone is a 世帯分離
// and then a 転居 of the new household.
import { useState } from "react";
import { useFocusOnOpen } from "./resident-autofocus.ts";
import { useChangeForm } from "./resident-change-form.ts";
import { inputId } from "./resident-form-errors.ts";
import { ADDRESS_CHANGE_KEYS, checkAddressChange, emptyAddressChange, type AddressChangeDraft } from "./resident-household-draft.ts";
import { residentPath } from "./resident-paths.ts";
import { addressText, fullName, postalCodeText } from "./resident-values.ts";
import { ResidentAddressFields } from "./resident-address-fields.tsx";
import { ResidentChangeFormFrame } from "./resident-change-form-frame.tsx";
import { ResidentDatesSection } from "./resident-dates-section.tsx";
import type { ChangeFormProps } from "./resident-change-screen.tsx";

export function ResidentAddressChangeForm({ view, title, onRecorded }: ChangeFormProps) {
  const [draft, setDraft] = useState<AddressChangeDraft>(() => emptyAddressChange());
  const form = useChangeForm({ check: checkAddressChange(draft, view.household.householdId), keys: ADDRESS_CHANGE_KEYS, onRecorded });
  useFocusOnOpen(inputId("effectiveDate"));
  const update = (patch: Partial<AddressChangeDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const h = view.household;

  return (
    <ResidentChangeFormFrame form={form} title={title} kind="address-changed" submitLabel="転居を記録する" cancelHref={residentPath(view.personId)}>
      <ResidentDatesSection draft={draft} onDraft={update} form={form} effectiveLabel="転居日（異動日）" />
      <section className="section" aria-labelledby="address-title">
        <h2 className="section__title" id="address-title">
          新しい住所
        </h2>
        <p className="form-hint">
          今の住所：{postalCodeText(h.postalCode)} {addressText(h.address, h.addressLine2)}（前住所として記録されます）
        </p>
        <p className="form-hint">世帯全員（{h.members.map((m) => fullName(m)).join("、")}）が転居します。</p>
        {form.errorOf("householdId") ? (
          <p className="form-error" id={inputId("householdId")} tabIndex={-1}>
            ＊{form.errorOf("householdId")}
          </p>
        ) : null}
        <ResidentAddressFields
          prefix="address"
          legend="転居先（この町の住所）"
          scope="in-town"
          effectiveDate={draft.effectiveDate}
          value={draft.address}
          onValue={(address) => update({ address })}
          form={form}
        />
      </section>
    </ResidentChangeFormFrame>
  );
}
