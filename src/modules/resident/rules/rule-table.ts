// Which 異動 kinds run which rules, as one table (after node-oidc-provider's per-endpoint
// checks): a row per rule, in the order they run, listing its kinds. The first rule that finds a
// violation refuses the change with its code and every field it named; nothing is written.
import type { ChangeKind } from "../change-kind.ts";
import { CHANGE_KINDS } from "../change-kind.ts";
import { addressInNationalMaster } from "./address-in-national-master.ts";
import { addressInTownMaster, IN_TOWN_ADDRESS_KINDS } from "./address-in-town-master.ts";
import { addressMustChange } from "./address-must-change.ts";
import { birthNotInFuture } from "./birth-not-in-future.ts";
import { bornOnEffectiveDate } from "./born-on-effective-date.ts";
import { calendarDates } from "./calendar-dates.ts";
import { changeHasEffect } from "./change-has-effect.ts";
import { deathNotBeforeBirth } from "./death-not-before-birth.ts";
import { effectiveDateInOrder } from "./effective-date-in-order.ts";
import { effectiveNotInFuture } from "./effective-not-in-future.ts";
import { effectiveNotBeforeBirth } from "./effective-not-before-birth.ts";
import { effectiveNotBeforeRegistration } from "./effective-not-before-registration.ts";
import { householdHasHead } from "./household-has-head.ts";
import { householdNeedsNewHead } from "./household-needs-new-head.ts";
import { householdSharesAddress } from "./household-shares-address.ts";
import { kanaFormat } from "./kana-format.ts";
import { lateNotificationReason } from "./late-notification-reason.ts";
import { lateReasonOnlyWhenOverdue } from "./late-reason-only-when-overdue.ts";
import { myNumberCheckDigit } from "./my-number-check-digit.ts";
import { myNumberUnique } from "./my-number-unique.ts";
import { nameCharacters } from "./name-characters.ts";
import { noDuplicateRegistration } from "./no-duplicate-registration.ts";
import { notAlreadyRemoved } from "./not-already-removed.ts";
import { notAlreadyResident } from "./not-already-resident.ts";
import { notifiedNotBeforeEffective } from "./notified-not-before-effective.ts";
import { notifiedNotInFuture } from "./notified-not-in-future.ts";
import { postalCodeFormat } from "./postal-code-format.ts";
import type { ChangeRule } from "./rule.ts";

const ALL = CHANGE_KINDS;
const except = (...kinds: ChangeKind[]) => ALL.filter((k) => !kinds.includes(k));
const REGISTRATIONS: ChangeKind[] = ["moved-in", "born", "ex-officio-entry"];
const NOTIFIED: ChangeKind[] = ALL.filter((k) => !k.startsWith("ex-officio-"));
const WITH_PERSON_FIELDS: ChangeKind[] = [...REGISTRATIONS, "name-changed", "ex-officio-correction"];

export const RULE_TABLE: readonly (readonly [ChangeRule, readonly ChangeKind[]])[] = [
  // The request on its own
  [calendarDates, ALL],
  [nameCharacters, [...WITH_PERSON_FIELDS, "moved-out", "address-changed"]],
  [kanaFormat, WITH_PERSON_FIELDS],
  [postalCodeFormat, [...REGISTRATIONS, "moved-out", "address-changed", "ex-officio-correction"]],
  [addressInNationalMaster, [...REGISTRATIONS, "moved-out", "ex-officio-correction"]],
  [myNumberCheckDigit, [...REGISTRATIONS, "ex-officio-correction"]],
  [birthNotInFuture, [...REGISTRATIONS, "ex-officio-correction"]],
  [effectiveNotInFuture, except("moved-out")],
  [notifiedNotInFuture, NOTIFIED],
  [notifiedNotBeforeEffective, NOTIFIED.filter((k) => k !== "moved-out")],
  [lateReasonOnlyWhenOverdue, NOTIFIED],
  [bornOnEffectiveDate, ["born"]],
  // Against the registry
  [notAlreadyResident, REGISTRATIONS],
  [notAlreadyRemoved, except("ex-officio-correction")],
  [effectiveDateInOrder, except("ex-officio-correction")],
  [effectiveNotBeforeRegistration, ["ex-officio-correction"]],
  [effectiveNotBeforeBirth, except("died", "ex-officio-correction")],
  [deathNotBeforeBirth, ["died", "ex-officio-correction"]],
  [changeHasEffect, ["name-changed", "head-changed", "ex-officio-correction"]],
  [addressInTownMaster, IN_TOWN_ADDRESS_KINDS],
  [addressMustChange, ["address-changed"]],
  [noDuplicateRegistration, REGISTRATIONS],
  [myNumberUnique, [...REGISTRATIONS, "ex-officio-correction"]],
  [householdNeedsNewHead, ["moved-out", "died", "ex-officio-erasure"]],
  [householdHasHead, except("name-changed")],
  // Last: a late 届出 that passes every other rule needs its 遅延の理由 (the form asks for it then).
  [lateNotificationReason, NOTIFIED],
  [householdSharesAddress, [...REGISTRATIONS, "household-merged", "address-changed", "ex-officio-correction"]],
];

/** The rules a kind runs, in table order. */
export function rulesFor(kind: ChangeKind): ChangeRule[] {
  return RULE_TABLE.filter(([, kinds]) => kinds.includes(kind)).map(([rule]) => rule);
}
