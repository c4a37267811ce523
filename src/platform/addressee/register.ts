// 住登外者の登録と訂正 (registering and correcting 住登外者): persons and organisations that are not
// on this municipality's resident registry — landowners living elsewhere, former residents,
// guardians, companies — registered by any business that needs them, with the reason they are
// known. A correction fixes or changes what a clerk registered; what the resident registry
// owns (a current resident's name, birth date, sex and address) is changed only through the
// registry link.
import type { EventPublisher } from "../contract.ts";
import type { Tx } from "../db/database.ts";
import { isRegistryLinked, type AddresseeState, type KnownAs, type Sex, type StateField } from "./addressee.ts";
import { allocateAddresseeNumber } from "./addressee-number.ts";
import { todayInJapan } from "./calendar-date.ts";
import { publishChanged, publishRegistered } from "./events.ts";
import { currentPeriodStart } from "./periods.ts";
import { addresseeProblems } from "./problems.ts";
import { insertAddressee, loadForChange, saveState } from "./store.ts";
import { checkDate, checkFields, FieldErrors, type AddresseeFields } from "./validation.ts";

/** The fields a current resident's addressee takes from the registry. */
export const REGISTRY_OWNED_FIELDS: readonly StateField[] = ["name", "nameKana", "birthDate", "sex", "postalCode", "address", "addressLine2"];

export interface RegisterOptions {
  /** Recorded in the history with the registration. */
  reason?: string | null;
  /** Prefix of the field names in errors: `body/` for the HTTP API. */
  fieldPrefix?: string;
}

/** Registers a 住登外者 under a new 宛名番号. Every rule is checked first; nothing is written on error. */
export async function registerNonResident(
  tx: Tx,
  events: EventPublisher,
  input: AddresseeFields,
  options: RegisterOptions = {},
): Promise<AddresseeState> {
  const errors = new FieldErrors(options.fieldPrefix ?? "body/");
  const clean = checkFields(errors, input);
  if (clean.knownAs === null) errors.add("knownAs", "required: why the municipality knows this addressee");
  if (!errors.empty) throw addresseeProblems.invalid(errors.list);
  const number = await allocateAddresseeNumber(tx);
  const state: AddresseeState = {
    ...clean,
    number,
    residentSince: null,
    residentUntil: null,
    residentEndReason: null,
    mergedInto: null,
  };
  await insertAddressee(tx, state, "registered", options.reason ?? null);
  await publishRegistered(events, tx, { number, kind: state.kind, resident: false, knownAs: state.knownAs });
  return state;
}

export interface CorrectionInput {
  name?: string;
  nameKana?: string;
  birthDate?: string | null;
  sex?: Sex | null;
  corporateNumber?: string | null;
  postalCode?: string | null;
  address?: string | null;
  addressLine2?: string | null;
  knownAs?: KnownAs | null;
  knownAsNote?: string | null;
  /** A change of name (改姓, 商号変更) from this day; without it a new name corrects the current one. */
  nameEffectiveDate?: string;
  /** A move (転居) from this day; without it a new address corrects the current one. */
  addressEffectiveDate?: string;
  /** The version the clerk saw; a different current version means someone else changed it. */
  version?: number;
  reason: string;
}

const CORRECTABLE = [
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
] as const;

/**
 * Corrects an addressee (through a merged number: its survivor). Returns the new state and the
 * fields that changed; a correction that changes nothing writes nothing.
 */
export async function correctAddressee(
  tx: Tx,
  events: EventPublisher,
  number: string,
  input: CorrectionInput,
  fieldPrefix = "body/",
): Promise<{ state: AddresseeState; fields: StateField[] }> {
  const { state: before, version } = await loadForChange(tx, number);
  if (input.version !== undefined && input.version !== version) throw addresseeProblems.staleVersion();
  const proposed: AddresseeFields = { ...before };
  for (const key of CORRECTABLE) {
    if (input[key] !== undefined) Object.assign(proposed, { [key]: input[key] });
  }
  const errors = new FieldErrors(fieldPrefix);
  const today = todayInJapan();
  const clean = checkFields(errors, proposed, today);
  const nameFrom = checkDate(errors, "nameEffectiveDate", input.nameEffectiveDate, today);
  const addressFrom = checkDate(errors, "addressEffectiveDate", input.addressEffectiveDate, today);
  if (clean.knownAs === null && before.residentSince === null) {
    errors.add("knownAs", "required: why the municipality knows this addressee");
  }
  const after: AddresseeState = { ...before, ...clean };
  const nameChanged = after.name !== before.name || after.nameKana !== before.nameKana;
  const addressChanged =
    after.postalCode !== before.postalCode || after.address !== before.address || after.addressLine2 !== before.addressLine2;
  if (nameFrom !== null) {
    const start = await currentPeriodStart(tx, "addressee_name", before.number);
    if (!nameChanged) errors.add("nameEffectiveDate", "given without a new name");
    else if (start !== null && nameFrom <= start) errors.add("nameEffectiveDate", "must be after the day the current name applies from");
  }
  if (addressFrom !== null) {
    const start = await currentPeriodStart(tx, "addressee_address", before.number);
    if (!addressChanged) errors.add("addressEffectiveDate", "given without a new address");
    else if (start !== null && addressFrom <= start) {
      errors.add("addressEffectiveDate", "must be after the day the current address applies from");
    }
  }
  if (!errors.empty) throw addresseeProblems.invalid(errors.list);
  if (isRegistryLinked(before, today)) {
    const owned = CORRECTABLE.filter((f) => REGISTRY_OWNED_FIELDS.includes(f) && after[f] !== before[f]);
    if (owned.length) throw addresseeProblems.registryOwned(owned.map((f) => `${fieldPrefix}${f}`));
  }
  const fields = await saveState(tx, before, after, "corrected", input.reason, { nameFrom, addressFrom });
  if (fields.length) await publishChanged(events, tx, { number: after.number, change: "corrected", fields });
  return { state: after, fields };
}
