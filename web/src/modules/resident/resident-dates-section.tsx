// 異動日・届出日・理由の欄 (the part every 異動 form shares): the 異動日 under the name the 届出書
// uses (転居日, 死亡日…), the 届出日 (today unless changed) for a 届出, and the reason — optional
// for a 届出, required for a 職権 change. A 届出 after its 届出期間 (14 days from the day after the
// 異動, 住民基本台帳法 第22条・第23条・第25条) also needs the 遅延の理由: the field appears when the
// server's rules ask for it, and the 届出 is then recorded as 期間経過.
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

interface LateReasonProps {
  value: string;
  onValue(value: string): void;
  form: Pick<ChangeForm, "errorOf" | "leave">;
}

/**
 * 遅延の理由: shown once the rules say the 届出 is after its 届出期間 (or while a reason is typed),
 * so a 届出 in time never shows it.
 */
export function ResidentLateReasonField({ value, onValue, form }: LateReasonProps) {
  const error = form.errorOf("lateReason");
  if (!error && value === "") return null;
  return (
    <div className="form-stack form-stack--spaced" data-testid="late-reason">
      <p className="form-hint">
        <strong>期間経過</strong>：届出期間（異動日の翌日から14日。末日が休日なら翌開庁日まで）を過ぎた届出です。遅延の理由とともに期間経過として記録し、簡易裁判所への通知の一覧に載ります（住民基本台帳法
        第52条第2項）。
      </p>
      <TextField
        id={inputId("lateReason")}
        label="遅延の理由"
        required
        hint="例：入院していたため、転出証明書の到着を待っていたため（500文字以内）"
        value={value}
        onValue={onValue}
        onBlur={() => form.leave("lateReason")}
        error={error}
        autoComplete="off"
      />
    </div>
  );
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
      {exOfficio ? null : <ResidentLateReasonField value={draft.lateReason} onValue={(v) => onDraft({ lateReason: v })} form={form} />}
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
