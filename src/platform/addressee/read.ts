// 宛名の参照 (the read interface for modules): what a business module may know about a person or
// organisation, by 宛名番号 and date — the name and address as of that day, the birth date, the
// 送付先 for the module's business and the residence on that day. Modules never read the
// addressee tables, nor another module's, to learn about a person; they call this (through
// platform.addressees) inside their own tenant transaction.
//
// Audit: these functions do not write the audit log themselves, because a module reads many
// addressees in one batch (賦課, 通知書) for one purpose; the module records the access at its
// own edge (its route or job) with appendAudit and the subject `addressee:<number>`.
import type { Tx } from "../db/database.ts";
import type { AddresseeKind, ContactAddress, KnownAs, ResidenceEndReason, Sex } from "./addressee.ts";
import { formatAddresseeNumber } from "./addressee-number.ts";
import { isCalendarDate, todayInJapan } from "./calendar-date.ts";
import { ALL_BUSINESSES, resolveMailing, type MailingTarget } from "./mailing.ts";
import { addressOn, nameOn } from "./periods.ts";
import { residenceAsOf } from "./queries.ts";
import { loadState, resolveAddressee } from "./store.ts";

export interface ResidenceOnDate {
  isResident: boolean;
  /** The start of the residence period the day falls in or last ended (null: never a resident by then). */
  since: string | null;
  /** The 異動日 residence ended, when it had ended by that day. */
  until: string | null;
  endReason: ResidenceEndReason | null;
}

export interface AddresseeRecord {
  /** The number that stands for the addressee (the survivor when the asked number was merged). */
  number: string;
  requestedNumber: string;
  kind: AddresseeKind;
  name: string;
  nameKana: string;
  birthDate: string | null;
  sex: Sex | null;
  corporateNumber: string | null;
  address: ContactAddress;
  mailing: MailingTarget;
  residence: ResidenceOnDate;
  knownAs: KnownAs | null;
  asOf: string;
}

export interface ReadOptions {
  /** The day to read as of (default: today in Japan). */
  asOf?: string;
  /** The module whose 送付先 applies (default: only those for every business). */
  business?: string;
}

export async function residenceOn(tx: Tx, number: string, date: string): Promise<ResidenceOnDate> {
  const row = (await tx.query(residenceAsOf(number, date))).rows[0];
  if (!row) return { isResident: false, since: null, until: null, endReason: null };
  if (row.event === "began") return { isResident: true, since: row.effective_date, until: null, endReason: null };
  return { isResident: false, since: row.began ?? null, until: row.effective_date, endReason: row.end_reason };
}

/** An addressee as of a day, or null when the tenant has no addressee with that number. */
export async function getAddressee(tx: Tx, number: string, options: ReadOptions = {}): Promise<AddresseeRecord | null> {
  const survivor = await resolveAddressee(tx, number);
  if (survivor === null) return null;
  const loaded = await loadState(tx, survivor);
  if (!loaded) return null;
  const { state } = loaded;
  const asOf = options.asOf ?? todayInJapan();
  if (!isCalendarDate(asOf)) throw new RangeError("asOf must be a calendar date (YYYY-MM-DD)");
  const name = (await nameOn(tx, survivor, asOf)) ?? { name: state.name, nameKana: state.nameKana };
  const address = (await addressOn(tx, survivor, asOf)) ?? state;
  return {
    number: survivor,
    requestedNumber: formatAddresseeNumber(number),
    kind: state.kind,
    name: name.name,
    nameKana: name.nameKana,
    birthDate: state.birthDate,
    sex: state.sex,
    corporateNumber: state.corporateNumber,
    address: { postalCode: address.postalCode, address: address.address, addressLine2: address.addressLine2 },
    mailing: (await resolveMailing(tx, survivor, options.business ?? ALL_BUSINESSES, asOf))!,
    residence: await residenceOn(tx, survivor, asOf),
    knownAs: state.knownAs,
    asOf,
  };
}

/** What platform.addressees offers every module for reading. */
export interface AddresseeReader {
  get(tx: Tx, number: string, options?: ReadOptions): Promise<AddresseeRecord | null>;
  /** The 送付先 for a business on a day (specific business, then `*`, then the contact address). */
  resolveMailing(tx: Tx, number: string, business: string, date: string): Promise<MailingTarget | null>;
  /** The number standing for `number` today (the survivor of a merge), or null. */
  resolve(tx: Tx, number: string): Promise<string | null>;
}

export const addresseeReader: AddresseeReader = {
  get: getAddressee,
  resolveMailing,
  resolve: resolveAddressee,
};
