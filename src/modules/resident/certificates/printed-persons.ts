// 記載する者 (the persons a certificate prints): each with the facts its block needs besides the
// record — the 届出 of the address, the 消除 of a 除票, the 個人番号 and 住民票コード when printed — in the
// order a 住民票 lists a household (世帯主, then by 続柄, then by birth), with every person
// shown audited (disclosure.ts).
import type { Tx } from "../../../platform/db/database.ts";
import type { MyNumberVault } from "../my-number-vault.ts";
import type { PersonRecord } from "../person-record.ts";
import { relationshipOrder } from "../relationship.ts";
import { addressNotification } from "./address-notification.ts";
import { auditPersonsShown, revealForPrinting, revealResidentCodes, type DisclosureContext } from "./disclosure.ts";
import type { PrintedPerson } from "./person-block.ts";
import type { RemovalChange } from "./removal.ts";

export interface PersonToPrint {
  personId: string;
  addresseeNumber: string;
  record: PersonRecord;
  removal?: RemovalChange | null;
}

/** 住民票 order: the head, then by 続柄 (relationship.ts), then the elder first. */
export function registryOrder(a: Pick<PersonToPrint, "record">, b: Pick<PersonToPrint, "record">): number {
  const byRelationship = relationshipOrder(a.record.relationship) - relationshipOrder(b.record.relationship);
  if (byRelationship !== 0) return byRelationship;
  return a.record.birthDate < b.record.birthDate ? -1 : a.record.birthDate > b.record.birthDate ? 1 : 0;
}

export async function preparePersons(
  tx: Tx,
  vault: MyNumberVault,
  disclosure: DisclosureContext,
  persons: readonly PersonToPrint[],
  date: string,
  printMyNumber: boolean,
  printResidentCode = false,
): Promise<PrintedPerson[]> {
  const ordered = [...persons].sort(registryOrder);
  await auditPersonsShown(tx, disclosure, ordered);
  const myNumbers = printMyNumber ? await revealForPrinting(tx, vault, disclosure, ordered) : null;
  const residentCodes = printResidentCode ? await revealResidentCodes(tx, disclosure, ordered) : null;
  const printed: PrintedPerson[] = [];
  for (const p of ordered) {
    printed.push({
      ...p,
      notification: await addressNotification(tx, p.personId, date),
      ...(myNumbers ? { myNumber: myNumbers.get(p.personId) ?? null } : {}),
      ...(residentCodes ? { residentCode: residentCodes.get(p.personId) ?? null } : {}),
    });
  }
  return printed;
}
