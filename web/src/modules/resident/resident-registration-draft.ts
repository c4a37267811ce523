// 転入届・職権記載・出生届の入力 (the forms that put persons on the registry), as drafts the clerk
// types and the bodies of POST /api/resident/changes they become. A 転入 brings one or more
// persons from another municipality into a new household or an existing one, with the address
// here and the 前住所; a 職権記載 does the same on the municipality's own findings (a reason, no
// 届出日); a 出生 adds a child to a household on the day of birth, which is its 異動日.
import type { Born, ExOfficioEntry, MovedIn } from "./resident-api.ts";
import { emptyDates, EX_OFFICIO_KEYS, NOTIFIED_KEYS, readExOfficio, readNotified, type ChangeDatesDraft } from "./resident-change-dates.ts";
import {
  addressKeys,
  DraftReader,
  EMPTY_ADDRESS,
  emptyPerson,
  personKeys,
  readAddress,
  readPerson,
  type AddressDraft,
  type PersonDraft,
} from "./resident-draft-checks.ts";
import type { DraftCheck } from "./resident-form-errors.ts";

/** The largest household one 転入届 may bring (the API's limit). */
export const MAX_PERSONS = 30;

export interface ExistingHousehold {
  householdId: string;
  householdNumber: string;
}

export interface RegistrationDraft extends ChangeDatesDraft {
  kind: "moved-in" | "ex-officio-entry";
  /** 職権記載 only: 住民となった日 when it differs from the 異動日. */
  becameResidentDate: string;
  household: "new" | "existing";
  /** The household looked up by its 世帯番号 (household "existing"), or null until found. */
  existing: ExistingHousehold | null;
  address: AddressDraft;
  previousAddress: AddressDraft;
  persons: PersonDraft[];
}

export function emptyRegistration(kind: RegistrationDraft["kind"], today?: string): RegistrationDraft {
  return {
    kind,
    ...emptyDates(today),
    becameResidentDate: "",
    household: "new",
    existing: null,
    address: EMPTY_ADDRESS,
    previousAddress: EMPTY_ADDRESS,
    persons: [emptyPerson("head")],
  };
}

/** Every key of the form, in the order it shows them (where the focus goes for the first error). */
export function registrationKeys(draft: RegistrationDraft): string[] {
  return [
    ...(draft.kind === "moved-in" ? NOTIFIED_KEYS : EX_OFFICIO_KEYS),
    "becameResidentDate",
    "householdId",
    ...addressKeys("address"),
    ...addressKeys("previousAddress"),
    ...draft.persons.flatMap((_, i) => personKeys(`persons/${i}`)),
    "persons",
    "relationships",
  ];
}

export function checkRegistration(draft: RegistrationDraft): DraftCheck<MovedIn | ExOfficioEntry> {
  const r = new DraftReader();
  const notified = draft.kind === "moved-in" ? readNotified(r, draft) : null;
  const exOfficio = draft.kind === "ex-officio-entry" ? readExOfficio(r, draft, "職権で記載する理由") : null;
  const becameResidentDate = draft.kind === "ex-officio-entry" ? r.date("becameResidentDate", draft.becameResidentDate, "住民となった日", false) : null;
  if (draft.household === "existing" && draft.existing === null) r.fail("householdId", "転入先の世帯を世帯番号で指定してください");
  const address = readAddress(r, "address", draft.address, "住所");
  // 前住所 is required of a 転入 (住民基本台帳法 第22条第1項第6号); a 職権記載 gives it when known.
  const previousGiven = Object.values(draft.previousAddress).some((v) => v.trim() !== "");
  const previousAddress = draft.kind === "moved-in" || previousGiven ? readAddress(r, "previousAddress", draft.previousAddress, "前住所") : null;
  if (draft.persons.length === 0) r.fail("persons", "届出の対象者を1人以上入力してください");
  if (draft.persons.length > MAX_PERSONS) r.fail("persons", `一度に届け出られるのは${MAX_PERSONS}人までです`);
  const persons = draft.persons.map((p, i) => readPerson(r, `persons/${i}`, p));
  if (!r.ok || address === null) return { ok: false, errors: r.errors };
  const household = draft.household === "existing" && draft.existing ? { householdId: draft.existing.householdId } : {};
  const common = { ...household, address, persons: persons.map((p) => p!) };
  if (draft.kind === "moved-in") {
    return { ok: true, body: { kind: "moved-in", ...notified!, ...common, previousAddress: previousAddress! } };
  }
  return {
    ok: true,
    body: {
      kind: "ex-officio-entry",
      ...exOfficio!,
      ...(becameResidentDate ? { becameResidentDate } : {}),
      ...common,
      ...(previousAddress ? { previousAddress } : {}),
    },
  };
}

/** 出生届: the child, whose 生年月日 is the 異動日, into the household of the person shown. */
export interface BirthDraft extends ChangeDatesDraft {
  person: PersonDraft;
}

export function emptyBirth(parent: { familyName: string; familyNameKana: string; registeredDomicile: string | null; domicileHead: string | null }, today?: string): BirthDraft {
  return {
    ...emptyDates(today),
    person: {
      ...emptyPerson("child"),
      familyName: parent.familyName,
      familyNameKana: parent.familyNameKana,
      registeredDomicile: parent.registeredDomicile ?? "",
      domicileHead: parent.domicileHead ?? "",
    },
  };
}

export const BIRTH_KEYS = ["notifiedDate", "reason", ...personKeys("person")];
/** The 異動日 of a birth is the 生年月日: the server's refusals of either are said at the birth date. */
export const BIRTH_ALIASES = { effectiveDate: "person/birthDate" } as const;

export function checkBirth(draft: BirthDraft, householdId: string): DraftCheck<Born> {
  const r = new DraftReader();
  const person = readPerson(r, "person", draft.person);
  const notified = readNotified(r, { ...draft, effectiveDate: draft.person.birthDate }, "生年月日");
  // The birth date's own message is already at the person's field.
  delete r.errors.effectiveDate;
  if (!r.ok || person === null || notified === null) return { ok: false, errors: r.errors };
  const { addresseeNumber: _none, ...child } = person;
  return { ok: true, body: { kind: "born", ...notified, householdId, person: child } };
}
