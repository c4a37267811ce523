// 送付先 (sōfusaki, mailing address): where a business sends its notices for an addressee, and to
// whom, when that is not the addressee at their 住所 — a tax notice to a 納税管理人, a pension
// notice to a hospital, everything to a guardian. Each has a business (a module id such as
// `tax`, or `*` for all) and a period of days, both ends included. Append-only: a change or a
// withdrawal is a new version of the same mailing address.
//
// Resolution for a business on a day: among the mailing addresses valid that day, one for that
// business beats one for `*`; the addressee's own beat those of numbers merged into it; with
// none, the notice goes to the addressee's contact address (as of that day).
import crypto from "node:crypto";
import type { EventPublisher } from "../contract.ts";
import type { Tx } from "../db/database.ts";
import { formatAddresseeNumber } from "./addressee-number.ts";
import { publishChanged } from "./events.ts";
import { appendChange, transactionActor } from "./history.ts";
import { addressOn, nameOn } from "./periods.ts";
import { addresseeProblems } from "./problems.ts";
import { currentMailings, insertMailingVersion, lockMailings, mailingVersions, mergedIntoNumbers, type MailingValues } from "./queries.ts";
import { loadForChange, resolveAddressee } from "./store.ts";
import { checkDate, checkKana, checkName, checkPostalCode, checkText, FieldErrors, type FieldError } from "./validation.ts";

/** Every business. */
export const ALL_BUSINESSES = "*";
export const BUSINESS_PATTERN = "^(\\*|[a-z][a-z0-9-]{0,31})$";

export interface MailingInput {
  business: string;
  validFrom: string;
  validUntil?: string | null;
  recipientName: string;
  recipientKana?: string | null;
  /** Who the recipient is to the addressee: 納税管理人, 成年後見人, 入院先… */
  recipientRole?: string | null;
  postalCode?: string | null;
  address: string;
  addressLine2?: string | null;
}

export interface MailingAddress extends MailingValues {
  mailingId: string;
  version: number;
  /** The addressee it was registered for (a number merged into the one asked about, possibly). */
  number: string;
  withdrawn: boolean;
  reason: string;
  actor: string;
  recordedAt: string;
}

export interface MailingTarget {
  source: "mailing" | "contact-address";
  mailingId: string | null;
  business: string | null;
  recipientName: string;
  recipientKana: string | null;
  recipientRole: string | null;
  postalCode: string | null;
  address: string | null;
  addressLine2: string | null;
}

function toMailing(r: Record<string, unknown>): MailingAddress {
  return {
    mailingId: r.mailing_id as string,
    version: r.version as number,
    number: formatAddresseeNumber(r.number as string),
    business: r.business as string,
    validFrom: r.valid_from as string,
    validUntil: r.valid_until as string | null,
    recipientName: r.recipient_name as string,
    recipientKana: r.recipient_kana as string | null,
    recipientRole: r.recipient_role as string | null,
    postalCode: r.postal_code as string | null,
    address: r.address as string,
    addressLine2: r.address_line2 as string | null,
    withdrawn: r.withdrawn as boolean,
    reason: r.reason as string,
    actor: r.actor as string,
    recordedAt: (r.recorded_at as Date).toISOString(),
  };
}

/** Every rule of a 送付先 at once: the cleaned values and the errors by field. */
export function validateMailing(input: MailingInput, fieldPrefix: string): { values: MailingValues; errors: FieldError[] } {
  const errors = new FieldErrors(fieldPrefix);
  const validFrom = checkDate(errors, "validFrom", input.validFrom);
  const values: MailingValues = {
    business: input.business,
    validFrom: validFrom ?? input.validFrom,
    validUntil: checkDate(errors, "validUntil", input.validUntil),
    recipientName: checkName(errors, "recipientName", input.recipientName),
    recipientKana: input.recipientKana ? checkKana(errors, "recipientKana", input.recipientKana) : null,
    recipientRole: checkText(errors, "recipientRole", input.recipientRole),
    postalCode: checkPostalCode(errors, "postalCode", input.postalCode),
    address: checkText(errors, "address", input.address) ?? "",
    addressLine2: checkText(errors, "addressLine2", input.addressLine2),
  };
  if (!new RegExp(BUSINESS_PATTERN).test(input.business)) errors.add("business", "must be a module id such as tax, or * for every business");
  if (values.address === "") errors.add("address", "required");
  if (!input.validFrom) errors.add("validFrom", "required");
  if (validFrom !== null && values.validUntil !== null && values.validUntil < validFrom) {
    errors.add("validUntil", "must not be before validFrom");
  }
  return { values, errors: errors.list };
}

function checkMailing(input: MailingInput, fieldPrefix: string): MailingValues {
  const { values, errors } = validateMailing(input, fieldPrefix);
  if (errors.length) throw addresseeProblems.invalid(errors);
  return values;
}

/** Two periods (both ends included, null: open) share at least one day. */
export function overlaps(a: Pick<MailingValues, "validFrom" | "validUntil">, b: Pick<MailingValues, "validFrom" | "validUntil">): boolean {
  return (b.validUntil === null || a.validFrom <= b.validUntil) && (a.validUntil === null || b.validFrom <= a.validUntil);
}

/** The survivor of `number` and every number merged into it. */
async function numbersOf(tx: Tx, survivor: string): Promise<string[]> {
  const absorbed = (await tx.query(mergedIntoNumbers(survivor))).rows.map((r) => formatAddresseeNumber(r.number as string));
  return [survivor, ...absorbed];
}

/** The current version of every mailing address of an addressee and the numbers merged into it. */
export async function listMailings(tx: Tx, number: string): Promise<MailingAddress[]> {
  const survivor = await resolveAddressee(tx, number);
  if (survivor === null) return [];
  return (await tx.query(currentMailings(await numbersOf(tx, survivor)))).rows.map(toMailing);
}

async function refuseOverlap(tx: Tx, number: string, values: MailingValues, except: string | null): Promise<void> {
  const own = (await tx.query(currentMailings([number]))).rows.map(toMailing);
  const clash = own.some((m) => !m.withdrawn && m.mailingId !== except && m.business === values.business && overlaps(m, values));
  if (clash) throw addresseeProblems.mailingOverlap();
}

async function record(
  tx: Tx,
  events: EventPublisher,
  change: "mailing-added" | "mailing-changed" | "mailing-withdrawn",
  before: MailingAddress | null,
  after: MailingAddress,
): Promise<void> {
  await appendChange(tx, { number: after.number, change, fields: ["mailing"], reason: after.reason, before, after });
  await publishChanged(events, tx, {
    number: after.number,
    change,
    fields: ["mailing"],
    business: after.business,
    mailingId: after.mailingId,
  });
}

async function writeVersion(
  tx: Tx,
  mailingId: string,
  version: number,
  number: string,
  values: MailingValues,
  withdrawn: boolean,
  reason: string,
): Promise<MailingAddress> {
  const actor = await transactionActor(tx);
  await tx.query(insertMailingVersion(mailingId, version, number, values, withdrawn, reason, actor));
  const rows = (await tx.query(mailingVersions(mailingId))).rows;
  return toMailing(rows[rows.length - 1]!);
}

export async function addMailing(
  tx: Tx,
  events: EventPublisher,
  number: string,
  input: MailingInput,
  reason: string,
  fieldPrefix = "body/",
): Promise<MailingAddress> {
  const values = checkMailing(input, fieldPrefix);
  const { state } = await loadForChange(tx, number);
  await tx.query(lockMailings(state.number));
  await refuseOverlap(tx, state.number, values, null);
  const created = await writeVersion(tx, crypto.randomUUID(), 1, state.number, values, false, reason);
  await record(tx, events, "mailing-added", null, created);
  return created;
}

/** The mailing address's latest version, if it belongs to `number` (or a number merged into it). */
async function loadMailing(tx: Tx, number: string, mailingId: string): Promise<{ survivor: string; current: MailingAddress }> {
  const { state } = await loadForChange(tx, number);
  if (!/^[0-9a-f-]{36}$/i.test(mailingId)) throw addresseeProblems.mailingNotFound();
  await tx.query(lockMailings(state.number));
  const versions = (await tx.query(mailingVersions(mailingId))).rows.map(toMailing);
  const current = versions[versions.length - 1];
  if (!current || current.withdrawn || !(await numbersOf(tx, state.number)).includes(current.number)) {
    throw addresseeProblems.mailingNotFound();
  }
  return { survivor: state.number, current };
}

export async function changeMailing(
  tx: Tx,
  events: EventPublisher,
  number: string,
  mailingId: string,
  input: MailingInput,
  reason: string,
  fieldPrefix = "body/",
): Promise<MailingAddress> {
  const values = checkMailing(input, fieldPrefix);
  const { current } = await loadMailing(tx, number, mailingId);
  await refuseOverlap(tx, current.number, values, mailingId);
  const next = await writeVersion(tx, mailingId, current.version + 1, current.number, values, false, reason);
  await record(tx, events, "mailing-changed", current, next);
  return next;
}

export async function withdrawMailing(tx: Tx, events: EventPublisher, number: string, mailingId: string, reason: string): Promise<MailingAddress> {
  const { current } = await loadMailing(tx, number, mailingId);
  const next = await writeVersion(tx, mailingId, current.version + 1, current.number, current, true, reason);
  await record(tx, events, "mailing-withdrawn", current, next);
  return next;
}

/**
 * Where to send `business`'s notice for an addressee on `date`: its 送付先 valid that day, or its
 * contact address as of that day. Null when no addressee has the number.
 */
export async function resolveMailing(tx: Tx, number: string, business: string, date: string): Promise<MailingTarget | null> {
  const survivor = await resolveAddressee(tx, number);
  if (survivor === null) return null;
  const mailings = (await tx.query(currentMailings(await numbersOf(tx, survivor)))).rows.map(toMailing);
  const valid = mailings.filter(
    (m) =>
      !m.withdrawn &&
      (m.business === business || m.business === ALL_BUSINESSES) &&
      m.validFrom <= date &&
      (m.validUntil === null || m.validUntil >= date),
  );
  const rank = (m: MailingAddress) => (m.business === business ? 0 : 2) + (m.number === survivor ? 0 : 1);
  valid.sort((a, b) => rank(a) - rank(b) || b.validFrom.localeCompare(a.validFrom) || b.recordedAt.localeCompare(a.recordedAt));
  const chosen = valid[0];
  if (chosen) {
    return {
      source: "mailing",
      mailingId: chosen.mailingId,
      business: chosen.business,
      recipientName: chosen.recipientName,
      recipientKana: chosen.recipientKana,
      recipientRole: chosen.recipientRole,
      postalCode: chosen.postalCode,
      address: chosen.address,
      addressLine2: chosen.addressLine2,
    };
  }
  const name = await nameOn(tx, survivor, date);
  const address = await addressOn(tx, survivor, date);
  return {
    source: "contact-address",
    mailingId: null,
    business: null,
    recipientName: name?.name ?? "",
    recipientKana: name?.nameKana ?? null,
    recipientRole: null,
    postalCode: address?.postalCode ?? null,
    address: address?.address ?? null,
    addressLine2: address?.addressLine2 ?? null,
  };
}
