// 住所を定めた届出 (the notification of the address): the 住民票 records, besides the day a person
// took their address, the day that was notified — 届出の年月日, or for a 職権記載 the day of the
// entry (住民基本台帳法 第7条第7号・第8号). The record keeps the day of the address; the notification
// is the 異動 that set it, read from the journal.
import type { Tx } from "../../../platform/db/database.ts";
import type { ChangeKind } from "../change-kind.ts";
import { listPersonChanges } from "../read-model.ts";

/** The kinds by which a person takes an address in the municipality. */
const ADDRESS_KINDS: readonly ChangeKind[] = ["moved-in", "address-changed", "born", "ex-officio-entry"];

export interface AddressNotification {
  kind: ChangeKind;
  effectiveDate: string;
  /** Null for a 職権記載. */
  notifiedDate: string | null;
}

/** The change that gave the person the address they had on `asOf`, or null when none is recorded. */
export async function addressNotification(tx: Tx, personId: string, asOf: string): Promise<AddressNotification | null> {
  const change = (await listPersonChanges(tx, personId))
    .filter((c) => c.effectiveDate <= asOf && ADDRESS_KINDS.includes(c.kind) && c.fields.includes("addressSinceDate"))
    .at(-1);
  return change ? { kind: change.kind, effectiveDate: change.effectiveDate, notifiedDate: change.notifiedDate } : null;
}
