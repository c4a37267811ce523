// 異動日・届出日・理由の欄 (the part every 異動 form shares): the 異動日 under the name the 届出書
// uses (転居日, 死亡日…), the 届出日 (today unless changed) for a 届出, and the reason — optional
// for a 届出, required for a 職権 change.
import type { ReactNode } from "react";
import type { ChangeForm } from "./resident-change-form.ts";
import type { ChangeDatesDraft } from "./resident-change-dates.ts";
import { inputId } from "./resident-form-errors.ts";
import { TextField } from "../../kit/form-field.tsx";
import { ResidentDateField } from "./resident-date-field.tsx";

interface Props {
  draft: ChangeDatesDraft;
  onDraft(patch: Partial<ChangeDatesDraft>): void;
  form: Pick<ChangeForm, "errorOf" | "leave">;
  exOfficio?: boolean;
  effectiveLabel: string;
  effectiveHint?: string;
  reasonLabel?: string;
  reasonHint?: string;
  children?: ReactNode;
}

export function ResidentDatesSection({ draft, onDraft, form, exOfficio = false, effectiveLabel, effectiveHint, reasonLabel, reasonHint, children }: Props) {
  return (
    <section className="section" aria-labelledby="dates-title">
      <h2 className="section__title" id="dates-title">
        {exOfficio ? "異動日・理由" : "異動日・届出日"}
      </h2>
      <div className="form-grid">
        <ResidentDateField name="effectiveDate" label={effectiveLabel} hint={effectiveHint} value={draft.effectiveDate} onValue={(v) => onDraft({ effectiveDate: v })} form={form} />
        {exOfficio ? null : <ResidentDateField name="notifiedDate" label="届出日" value={draft.notifiedDate} onValue={(v) => onDraft({ notifiedDate: v })} form={form} />}
      </div>
      <div className="form-stack form-stack--spaced">
        <TextField
          id={inputId("reason")}
          label={reasonLabel ?? (exOfficio ? "職権で行う理由" : "理由・備考")}
          required={exOfficio}
          hint={reasonHint}
          value={draft.reason}
          onValue={(v) => onDraft({ reason: v })}
          onBlur={() => form.leave("reason")}
          error={form.errorOf("reason")}
          autoComplete="off"
        />
      </div>
      {children}
    </section>
  );
}
