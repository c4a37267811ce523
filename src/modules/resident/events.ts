// 住民記録の連携イベント (resident events), written to the outbox in the same transaction as the 異動.
// Subject `addressee:<15-digit 宛名番号>` — modules know people by 宛名番号 only. The payload says
// what happened and which fields changed, never a name, an address or a 個人番号: a subscriber
// reads those through platform.addressees (or, for certificates, this module's read model).
//
// Decision: each person a 異動 touches gets one event. Its type follows the kind for the persons
// the 異動 is about, and is resident.household-changed for the other members whose 続柄 changed
// with it (the new 世帯主 after a death). 職権記載 publishes resident.moved-in and 職権消除
// resident.moved-out — for a subscriber both mean "now on / no longer on the registry" — with
// `kind` and `removalReason` in the payload telling them apart from 転入 and 転出.
import type { EventPublisher, EventTypeDefinition } from "../../platform/contract.ts";
import type { Tx } from "../../platform/db/database.ts";
import { addresseeSubject } from "../../platform/addressee/addressee-number.ts";
import type { ChangeKind } from "./change-kind.ts";
import type { PersonField, RemovalReason } from "./person-record.ts";

export const RESIDENT_EVENTS = {
  movedIn: "resident.moved-in",
  movedOut: "resident.moved-out",
  born: "resident.born",
  died: "resident.died",
  addressChanged: "resident.address-changed",
  householdChanged: "resident.household-changed",
  nameChanged: "resident.name-changed",
  corrected: "resident.corrected",
} as const;

/** The resident events by their Japanese names (連携状況); 職権記載・職権消除 share 転入・転出's types. */
export const residentEventTypes: EventTypeDefinition[] = [
  { type: RESIDENT_EVENTS.movedIn, label: "住民となった（転入・職権記載）" },
  { type: RESIDENT_EVENTS.movedOut, label: "住民でなくなった（転出・職権消除）" },
  { type: RESIDENT_EVENTS.born, label: "出生" },
  { type: RESIDENT_EVENTS.died, label: "死亡" },
  { type: RESIDENT_EVENTS.addressChanged, label: "住所の変更" },
  { type: RESIDENT_EVENTS.householdChanged, label: "世帯の変更" },
  { type: RESIDENT_EVENTS.nameChanged, label: "氏名の変更" },
  { type: RESIDENT_EVENTS.corrected, label: "記録の修正" },
];

export type ResidentEventType = (typeof RESIDENT_EVENTS)[keyof typeof RESIDENT_EVENTS];

export interface ResidentEventPayload {
  changeId: string;
  kind: ChangeKind;
  effectiveDate: string;
  fields: PersonField[];
  householdId: string;
  /** Set when the person left the registry with this 異動. */
  removalReason?: RemovalReason;
}

export function publishResidentEvent(
  events: EventPublisher,
  tx: Tx,
  type: ResidentEventType,
  addresseeNumber: string,
  payload: ResidentEventPayload,
): Promise<string> {
  return events.publish(tx, { type, subject: addresseeSubject(addresseeNumber), payload: { ...payload } });
}
