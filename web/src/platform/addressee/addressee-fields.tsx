// 宛名の入力欄: the fields of a person or organisation — 種別, 氏名（名称）, カナ, 生年月日 (和暦 as
// typed, confirmed beneath), 性別, 法人番号, 郵便番号, 住所, 方書, 把握事由 and its note — laid out
// in the design system's form pattern. The form owns the draft and decides which errors show.
import { toKatakanaName } from "../../../../src/lib/kana.ts";
import type { KnownAs } from "../../../../src/platform/addressee/addressee.ts";
import { KIND_LABELS, KNOWN_AS_LABELS, SEX_LABELS } from "./addressee-labels.ts";
import type { AddresseeDraft, DraftField } from "./addressee-form.ts";
import { ADDRESS_LINE2_MAX_LENGTH, ADDRESS_MAX_LENGTH, KANA_MAX_LENGTH, NAME_MAX_LENGTH, NOTE_MAX_LENGTH } from "./addressee-input.ts";
import { dateConfirmation, readDateInput } from "../../kit/wareki-date.ts";
import { SelectField, TextField } from "../../kit/form-field.tsx";
import { RadioGroup } from "../../kit/radio-group.tsx";

/** The id of a field's input: `${prefix}-${field}` (the kind radios share the name). */
export function fieldId(prefix: string, field: DraftField): string {
  return `${prefix}-${field}`;
}

interface Props {
  prefix: string;
  draft: AddresseeDraft;
  onField(field: DraftField, value: string): void;
  /** The input was left: from then on its errors show as the clerk types. */
  onLeave(field: DraftField): void;
  errors: Partial<Record<DraftField, string>>;
  /** The kind can be chosen (registration) or is fixed (correction). */
  chooseKind: boolean;
  /** Fields the resident registry owns for a resident: shown, not editable here. */
  locked?: readonly DraftField[];
  knownAsRequired: boolean;
}

export function AddresseeFields({ prefix, draft, onField, onLeave, errors, chooseKind, locked = [], knownAsRequired }: Props) {
  const person = draft.kind === "person";
  const id = (field: DraftField) => fieldId(prefix, field);
  const text = (field: DraftField) => ({
    id: id(field),
    value: draft[field],
    onValue: (value: string) => onField(field, value),
    onBlur: () => onLeave(field),
    error: errors[field],
    disabled: locked.includes(field),
    autoComplete: "off",
  });
  const kana = toKatakanaName(draft.nameKana);
  const birth = readDateInput(draft.birthDate);
  const lockedHint = "住民の氏名・生年月日・住所などは住民記録で変更します";

  return (
    <>
      {chooseKind ? (
        <RadioGroup
          name={id("kind")}
          legend="種別"
          value={draft.kind}
          onValue={(value) => onField("kind", value)}
          options={[
            { value: "person", label: KIND_LABELS.person },
            { value: "organisation", label: KIND_LABELS.organisation },
          ]}
          required
        />
      ) : null}
      <div className="form-grid form-grid--wide">
        <TextField
          {...text("name")}
          label={person ? "氏名" : "名称"}
          hint={locked.includes("name") ? lockedHint : person ? "氏と名の間は空白。例：田中 太郎" : "例：株式会社かもめ不動産"}
          required
          maxLength={NAME_MAX_LENGTH}
        />
        <TextField
          {...text("nameKana")}
          label={person ? "カナ氏名" : "カナ名称"}
          hint="全角カタカナ（半角カナ・ひらがな可）"
          required
          maxLength={KANA_MAX_LENGTH}
          status={!errors.nameKana && kana && kana !== draft.nameKana.trim() ? `登録される表記：${kana}` : null}
        />
        {person ? (
          <>
            <TextField
              {...text("birthDate")}
              label="生年月日"
              hint="和暦も可（例：S55.4.1、昭和55年4月1日）"
              status={!errors.birthDate && birth.kind === "date" ? dateConfirmation(birth.iso) : null}
            />
            <SelectField
              id={id("sex")}
              label="性別"
              value={draft.sex}
              onValue={(value) => onField("sex", value)}
              options={[
                { value: "", label: "（登録しない）" },
                { value: "male", label: SEX_LABELS.male },
                { value: "female", label: SEX_LABELS.female },
              ]}
              error={errors.sex}
            />
          </>
        ) : (
          <TextField {...text("corporateNumber")} label="法人番号" hint="13桁の数字（国税庁が指定した番号）" inputMode="numeric" className="text-input--code" />
        )}
      </div>
      <div className="address-grid form-grid--spaced">
        <TextField {...text("postalCode")} label="郵便番号" hint="7桁。例：240-0112" inputMode="numeric" className="text-input--code" />
        <TextField {...text("address")} label="住所（連絡先）" hint="都道府県から" maxLength={ADDRESS_MAX_LENGTH} />
        <TextField {...text("addressLine2")} label="方書" hint="建物名・部屋番号など" maxLength={ADDRESS_LINE2_MAX_LENGTH} />
      </div>
      <div className="form-grid form-grid--wide form-grid--spaced">
        <SelectField
          id={id("knownAs")}
          label="把握事由"
          hint="この宛名を把握している理由"
          value={draft.knownAs}
          onValue={(value) => onField("knownAs", value)}
          options={[
            { value: "", label: knownAsRequired ? "選んでください" : "（なし：住民として把握）" },
            ...(Object.keys(KNOWN_AS_LABELS) as KnownAs[]).map((k) => ({ value: k, label: KNOWN_AS_LABELS[k] })),
          ]}
          required={knownAsRequired}
          error={errors.knownAs}
        />
        <TextField
          {...text("knownAsNote")}
          label="把握事由の補足"
          hint={draft.knownAs === "other" ? "「その他」のときは必ず入力します" : "例：町内に土地を所有"}
          required={draft.knownAs === "other"}
          maxLength={NOTE_MAX_LENGTH}
        />
      </div>
    </>
  );
}
