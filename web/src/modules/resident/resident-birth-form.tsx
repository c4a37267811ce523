// 出生届 (a birth): the child joins the household of the person shown, at its address, from the
// day of birth — the 生年月日 is the 異動日 (the server's rule born-on-effective-date), so it is
// typed once. 続柄 starts as 子 (住民基本台帳事務処理要領: every child of the head is 子).
import { useState } from "react";
import { useFocusOnOpen } from "./resident-autofocus.ts";
import { useChangeForm } from "./resident-change-form.ts";
import { inputId } from "./resident-form-errors.ts";
import { BIRTH_ALIASES, BIRTH_KEYS, checkBirth, emptyBirth, type BirthDraft } from "./resident-registration-draft.ts";
import { residentPath } from "./resident-paths.ts";
import { TextField } from "../../kit/form-field.tsx";
import { ResidentChangeFormFrame } from "./resident-change-form-frame.tsx";
import { ResidentDateField } from "./resident-date-field.tsx";
import { ResidentPersonFields } from "./resident-person-fields.tsx";
import type { ChangeFormProps } from "./resident-change-screen.tsx";

export function ResidentBirthForm({ view, title, onRecorded }: ChangeFormProps) {
  const [draft, setDraft] = useState<BirthDraft>(() => emptyBirth(view.record));
  const form = useChangeForm({ check: checkBirth(draft, view.household.householdId), keys: BIRTH_KEYS, aliases: BIRTH_ALIASES, onRecorded });
  useFocusOnOpen(inputId("person/givenName"));
  const update = (patch: Partial<BirthDraft>) => setDraft((d) => ({ ...d, ...patch }));

  return (
    <ResidentChangeFormFrame form={form} title={title} kind="born" submitLabel="出生を記録する" cancelHref={residentPath(view.personId)}>
      <section className="section" aria-labelledby="child-title">
        <h2 className="section__title" id="child-title">
          生まれた子（世帯番号 {view.householdNumber} に入ります）
        </h2>
        <ResidentPersonFields
          prefix="person"
          legend="子"
          value={draft.person}
          onValue={(person) => update({ person })}
          form={form}
          birthDateLabel="生年月日（出生日・異動日）"
          birthDateHint="出生日が異動日になります。和暦も可（例：R7.4.1）"
        />
      </section>
      <section className="section" aria-labelledby="notice-title">
        <h2 className="section__title" id="notice-title">
          届出
        </h2>
        <div className="form-grid">
          <ResidentDateField name="notifiedDate" label="届出日" value={draft.notifiedDate} onValue={(v) => update({ notifiedDate: v })} form={form} />
        </div>
        <div className="form-stack form-stack--spaced">
          <TextField
            id={inputId("reason")}
            label="理由・備考"
            value={draft.reason}
            onValue={(v) => update({ reason: v })}
            onBlur={() => form.leave("reason")}
            error={form.errorOf("reason")}
            autoComplete="off"
          />
        </div>
      </section>
    </ResidentChangeFormFrame>
  );
}
