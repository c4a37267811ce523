// 宛名との連携 (keeping the addressee in step): every resident has one addressee, and the registry
// is what makes them a resident. After a 異動 the module tells the addressee register, through
// platform.addressees.registry and in the same transaction, what changed in the latest record:
// a registration makes the addressee a resident (reusing a confirmed 住登外者's 宛名番号), a
// removal ends the residence (the 転出先 becomes the contact address), and a change of name, birth
// date, sex or — for a resident — address is recorded from the 異動日 (a 職権修正 as a correction).
//
// The addressee register knows two ways residence ends, moved-out and died; a 職権消除 is passed
// as moved-out (the person is no longer found here) with the note 職権消除 in its history.
import type { RegistryLink } from "../../platform/addressee/index.ts";
import type { ResidentChange } from "../../platform/addressee/registry-link.ts";
import type { Tx } from "../../platform/db/database.ts";
import type { ChangePlan, PlannedPerson } from "./change-plan.ts";
import { CHANGE_KIND_NAMES_JA } from "./change-kind.ts";
import { fullName, fullNameKana, type PersonRecord } from "./person-record.ts";

/** Makes the addressee a resident; returns its 宛名番号 (a new one unless one was known). */
export async function registerAddressee(registry: RegistryLink, tx: Tx, plan: ChangePlan, p: PlannedPerson): Promise<string> {
  const r = p.latestAfter;
  const { number } = await registry.registerResident(tx, {
    addresseeNumber: p.loaded?.addresseeNumber ?? p.confirmedAddresseeNumber,
    name: fullName(r),
    nameKana: fullNameKana(r),
    birthDate: r.birthDate,
    sex: r.sex,
    postalCode: r.postalCode,
    address: r.address,
    addressLine2: r.addressLine2,
    since: plan.effectiveDate,
    reason: plan.reason ?? CHANGE_KIND_NAMES_JA[plan.kind],
  });
  return number;
}

function addresseeChange(before: PersonRecord, after: PersonRecord): Omit<ResidentChange, "effectiveDate"> {
  const change: Omit<ResidentChange, "effectiveDate"> = {};
  if (fullName(before) !== fullName(after)) change.name = fullName(after);
  if (fullNameKana(before) !== fullNameKana(after)) change.nameKana = fullNameKana(after);
  if (before.birthDate !== after.birthDate) change.birthDate = after.birthDate;
  if (before.sex !== after.sex) change.sex = after.sex;
  // A removed person's contact address is where they went, not the registry's last address.
  if (after.status === "resident") {
    if (before.postalCode !== after.postalCode) change.postalCode = after.postalCode;
    if (before.address !== after.address) change.address = after.address;
    if (before.addressLine2 !== after.addressLine2) change.addressLine2 = after.addressLine2;
  }
  return change;
}

/** Tells the addressee register about a 異動 of a person already linked to it. */
export async function syncAddressee(registry: RegistryLink, tx: Tx, plan: ChangePlan, p: PlannedPerson, addresseeNumber: string): Promise<void> {
  const before = p.latestBefore!;
  const after = p.latestAfter;
  const note = plan.reason ?? CHANGE_KIND_NAMES_JA[plan.kind];
  if (before.status === "resident" && after.status === "removed") {
    const movedAway = after.removalReason === "moved-out" && after.destinationAddress !== null;
    await registry.markResidentRemoved(tx, addresseeNumber, {
      reason: after.removalReason === "died" ? "died" : "moved-out",
      date: after.removalDate!,
      ...(movedAway
        ? { forwardingAddress: { postalCode: after.destinationPostalCode, address: after.destinationAddress, addressLine2: after.destinationAddressLine2 } }
        : {}),
      note: after.removalReason === "erased" ? `${CHANGE_KIND_NAMES_JA["ex-officio-erasure"]}: ${note}` : note,
    });
    return;
  }
  const change = addresseeChange(before, after);
  if (Object.keys(change).length === 0) return;
  await registry.recordResidentChange(tx, addresseeNumber, {
    ...change,
    effectiveDate: plan.effectiveDate,
    isCorrection: plan.kind === "ex-officio-correction",
    reason: note,
  });
}
