// 異動届の対象者の入力欄 (one person of a 転入届, 出生届 or 職権記載): 氏名 and its カナ, 生年月日
// (和暦 or 西暦, read back as typed), 性別, 続柄, 本籍・筆頭者 and 個人番号. On a 転入 the counter
// offers any former resident or 住登外者 with the same カナ and 生年月日 to confirm as this person.
import type { ReactNode } from "react";
import { toKatakanaName } from "../../../../src/lib/kana.ts";
import type { ChangeForm } from "./resident-change-form.ts";
import { LIMITS, type PersonDraft } from "./resident-draft-checks.ts";
import { inputId } from "./resident-form-errors.ts";
import { RELATIONSHIP_OPTIONS, SEX_JA } from "./resident-labels.ts";
import { candidateQuery, useMoveInCandidates } from "./resident-move-in-candidates.ts";
import { addressText } from "./resident-values.ts";
import { warekiDateJa } from "../../kit/wareki-date.ts";
import { SelectField, TextField } from "../../kit/form-field.tsx";
import { RadioGroup } from "../../kit/radio-group.tsx";
import { ResidentDateField } from "./resident-date-field.tsx";

interface Props {
  prefix: string;
  legend: string;
  value: PersonDraft;
  onValue(value: PersonDraft): void;
  form: Pick<ChangeForm, "errorOf" | "leave">;
  /** 転入・職権記載: offer known addressees with the same カナ and 生年月日. */
  offerCandidates?: boolean;
  /** The label of the birth date (出生届: 生年月日 is also the 異動日). */
  birthDateLabel?: string;
  birthDateHint?: string;
  autoFocus?: boolean;
  /** A control beside the legend (対象者から外す). */
  action?: ReactNode;
}

export function ResidentPersonFields({ prefix, legend, value, onValue, form, offerCandidates = false, birthDateLabel = "生年月日", birthDateHint, autoFocus, action }: Props) {
  const key = (field: string) => `${prefix}/${field}`;
  const set = (field: keyof PersonDraft) => (text: string) => onValue({ ...value, [field]: text });
  const text = (field: keyof PersonDraft) => ({
    id: inputId(key(field)),
    value: value[field],
    onValue: set(field),
    onBlur: () => form.leave(key(field)),
    error: form.errorOf(key(field)),
    autoComplete: "off",
  });
  const kanaStatus = (field: "familyNameKana" | "givenNameKana") => {
    const kana = toKatakanaName(value[field]);
    return kana && kana !== value[field].trim() ? `記録される表記：${kana}` : null;
  };
  const partError = form.errorOf(prefix);

  return (
    <fieldset className="fieldset person-block" data-testid="person-block">
      <legend className="person-block__legend">
        <span>{legend}</span>
        {action}
      </legend>
      {partError ? (
        <p className="form-error" id={inputId(prefix)} tabIndex={-1}>
          ＊{partError}
        </p>
      ) : null}
      <p className="form-hint">名のない方は名を空欄に。カナは半角カナ・ひらがなでも入力できます。</p>
      <div className="name-grid">
        <TextField {...text("familyName")} label="氏" required maxLength={LIMITS.familyName} autoFocus={autoFocus} />
        <TextField {...text("givenName")} label="名" maxLength={LIMITS.givenName} />
        <TextField {...text("familyNameKana")} label="氏（カナ）" required maxLength={LIMITS.kana} status={kanaStatus("familyNameKana")} />
        <TextField {...text("givenNameKana")} label="名（カナ）" required={value.givenName.trim() !== ""} maxLength={LIMITS.kana} status={kanaStatus("givenNameKana")} />
      </div>
      <div className="form-grid form-grid--spaced">
        <ResidentDateField name={key("birthDate")} label={birthDateLabel} hint={birthDateHint} value={value.birthDate} onValue={set("birthDate")} form={form} />
        <SelectField
          id={inputId(key("sex"))}
          label="性別"
          value={value.sex}
          onValue={set("sex")}
          options={[{ value: "", label: "選んでください" }, ...(["male", "female"] as const).map((s) => ({ value: s, label: SEX_JA[s] }))]}
          required
          error={form.errorOf(key("sex"))}
        />
        <SelectField
          id={inputId(key("relationship"))}
          label="続柄"
          value={value.relationship}
          onValue={set("relationship")}
          options={[{ value: "", label: "選んでください" }, ...RELATIONSHIP_OPTIONS]}
          required
          error={form.errorOf(key("relationship"))}
        />
      </div>
      <div className="domicile-grid">
        <TextField {...text("registeredDomicile")} label="本籍" maxLength={LIMITS.registeredDomicile} />
        <TextField {...text("domicileHead")} label="筆頭者" maxLength={LIMITS.domicileHead} />
        <TextField {...text("myNumber")} label="個人番号" hint="12桁（空白・ハイフン可）" inputMode="numeric" className="text-input--code" maxLength={20} />
      </div>
      {offerCandidates ? <Candidates value={value} onValue={onValue} prefix={prefix} /> : null}
    </fieldset>
  );
}

function Candidates({ value, onValue, prefix }: { value: PersonDraft; onValue(value: PersonDraft): void; prefix: string }) {
  const candidates = useMoveInCandidates(candidateQuery(value.familyNameKana, value.givenNameKana, value.birthDate));
  if (candidates.length === 0) return null;
  return (
    <div className="candidate-box" data-testid="move-in-candidates">
      <RadioGroup
        name={inputId(`${prefix}/addresseeNumber`)}
        legend="同じカナ氏名・生年月日の宛名があります。同一人か確かめてください"
        hint="同一人なら、その宛名番号のまま住民として記録します（元住民の履歴・住登外者の課税などが引き継がれます）。"
        value={value.addresseeNumber}
        onValue={(addresseeNumber) => onValue({ ...value, addresseeNumber })}
        options={[
          { value: "", label: "同一人ではない（新しく記録する）" },
          ...candidates.map((c) => ({
            value: c.addresseeNumber,
            label: (
              <span>
                宛名番号 <span className="code">{c.addresseeNumber}</span>{"\u3000"}{c.name}（{c.nameKana}）
                {c.birthDate ? `\u3000${warekiDateJa(c.birthDate)}生` : ""}{"\u3000"}{addressText(c.address, c.addressLine2) || "住所なし"}
                {c.isFormerResident && c.residentUntil ? `\u3000元住民（${warekiDateJa(c.residentUntil)}まで）` : "\u3000住登外者"}
              </span>
            ),
          })),
        ]}
      />
    </div>
  );
}
