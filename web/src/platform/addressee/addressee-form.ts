// 宛名の入力欄 (the fields of a person or organisation as a form holds them): the text typed in
// each, checked as a whole — every rule at once, as the server does — into the body the API
// takes, or a Japanese message per field. Shared by 住登外者の登録 and 訂正.
import type { AddresseeKind, KnownAs, Sex } from "../../../../src/platform/addressee/addressee.ts";
import {
  ADDRESS_LINE2_MAX_LENGTH,
  ADDRESS_MAX_LENGTH,
  checkBirthDateInput,
  checkCorporateNumberInput,
  checkKanaInput,
  checkNameInput,
  checkPostalCodeInput,
  checkTextInput,
  NOTE_MAX_LENGTH,
  type Checked,
} from "./addressee-input.ts";

export interface AddresseeDraft {
  kind: AddresseeKind;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: "" | Sex;
  corporateNumber: string;
  postalCode: string;
  address: string;
  addressLine2: string;
  knownAs: "" | KnownAs;
  knownAsNote: string;
}

export type DraftField = keyof AddresseeDraft;

/** The fields in the order the form shows them: where the focus goes for the first error. */
export const DRAFT_FIELDS: readonly DraftField[] = [
  "kind",
  "name",
  "nameKana",
  "birthDate",
  "sex",
  "corporateNumber",
  "postalCode",
  "address",
  "addressLine2",
  "knownAs",
  "knownAsNote",
];

export const EMPTY_DRAFT: AddresseeDraft = {
  kind: "person",
  name: "",
  nameKana: "",
  birthDate: "",
  sex: "",
  corporateNumber: "",
  postalCode: "",
  address: "",
  addressLine2: "",
  knownAs: "",
  knownAsNote: "",
};

/** The values as the API takes them: null for what is not given, person-only fields only for a person. */
export interface AddresseeValues {
  kind: AddresseeKind;
  name: string;
  nameKana: string;
  birthDate: string | null;
  sex: Sex | null;
  corporateNumber: string | null;
  postalCode: string | null;
  address: string | null;
  addressLine2: string | null;
  knownAs: KnownAs | null;
  knownAsNote: string | null;
}

export type DraftCheck = { ok: true; values: AddresseeValues } | { ok: false; errors: Partial<Record<DraftField, string>> };

export interface DraftRules {
  /** 把握事由 is required for a 住登外者 (not for a resident, whom the registry explains). */
  knownAsRequired: boolean;
  today?: string;
}

/** Every rule on the whole draft. `nameLabel` is 氏名 for a person and 名称 for an organisation. */
export function checkDraft(draft: AddresseeDraft, rules: DraftRules): DraftCheck {
  const person = draft.kind === "person";
  const errors: Partial<Record<DraftField, string>> = {};
  const take = <T>(field: DraftField, checked: Checked<T>): T | null => {
    if (checked.ok) return checked.value;
    errors[field] = checked.message;
    return null;
  };
  const name = take("name", checkNameInput(draft.name, person ? "氏名" : "名称"));
  const nameKana = take("nameKana", checkKanaInput(draft.nameKana));
  const birthDate = person ? take("birthDate", checkBirthDateInput(draft.birthDate, rules.today)) : null;
  const corporateNumber = person ? null : take("corporateNumber", checkCorporateNumberInput(draft.corporateNumber));
  const postalCode = take("postalCode", checkPostalCodeInput(draft.postalCode));
  const address = take("address", checkTextInput(draft.address, "住所", ADDRESS_MAX_LENGTH));
  const addressLine2 = take("addressLine2", checkTextInput(draft.addressLine2, "方書", ADDRESS_LINE2_MAX_LENGTH));
  const knownAsNote = take("knownAsNote", checkTextInput(draft.knownAsNote, "把握事由の補足", NOTE_MAX_LENGTH));
  if (address === null && !errors.address) {
    if (postalCode !== null) errors.postalCode = "郵便番号を入れるときは住所も入力してください";
    if (addressLine2 !== null) errors.addressLine2 = "方書を入れるときは住所も入力してください";
  }
  if (rules.knownAsRequired && !draft.knownAs) errors.knownAs = "把握事由を選んでください";
  if (draft.knownAs === "other" && knownAsNote === null && !errors.knownAsNote) {
    errors.knownAsNote = "把握事由が「その他」のときは補足を入力してください";
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    values: {
      kind: draft.kind,
      name: name!,
      nameKana: nameKana!,
      birthDate,
      sex: person && draft.sex ? draft.sex : null,
      corporateNumber,
      postalCode,
      address,
      addressLine2,
      knownAs: draft.knownAs || null,
      knownAsNote,
    },
  };
}

/** The draft of an addressee as it stands: what the correction form starts from. */
export function draftOfState(state: AddresseeValues): AddresseeDraft {
  return {
    kind: state.kind,
    name: state.name,
    nameKana: state.nameKana,
    birthDate: state.birthDate ?? "",
    sex: state.sex ?? "",
    corporateNumber: state.corporateNumber ?? "",
    postalCode: state.postalCode ?? "",
    address: state.address ?? "",
    addressLine2: state.addressLine2 ?? "",
    knownAs: state.knownAs ?? "",
    knownAsNote: state.knownAsNote ?? "",
  };
}

/** The registration body: values not given are left out rather than sent as null. */
export function registrationBody(values: AddresseeValues, reason: string): Record<string, unknown> {
  const body: Record<string, unknown> = { kind: values.kind, name: values.name, nameKana: values.nameKana, knownAs: values.knownAs };
  for (const key of ["birthDate", "sex", "corporateNumber", "postalCode", "address", "addressLine2", "knownAsNote"] as const) {
    if (values[key] !== null) body[key] = values[key];
  }
  if (reason.trim()) body.reason = reason.trim();
  return body;
}

/** The fields whose value a correction changes (kind is never corrected). */
export function changedValues(before: AddresseeValues, after: AddresseeValues): Partial<AddresseeValues> {
  const changed: Partial<AddresseeValues> = {};
  for (const key of DRAFT_FIELDS) {
    if (key === "kind") continue;
    if (before[key] !== after[key]) Object.assign(changed, { [key]: after[key] });
  }
  return changed;
}
