// 宛名の連携イベント (addressee events), written to the outbox in the same transaction as the
// change. Subject `addressee:<15-digit 宛名番号>`; payloads carry numbers and the names of the
// fields that changed — never a name, an address or a birth date: a subscriber reads those
// through the read interface (read.ts), so that an event stream is not a copy of the register.
import type { EventPublisher, EventTypeDefinition } from "../contract.ts";
import type { Tx } from "../db/database.ts";
import { addresseeSubject } from "./addressee-number.ts";
import type { AddresseeKind, KnownAs } from "./addressee.ts";
import type { ChangeKind } from "./history.ts";

export const ADDRESSEE_REGISTERED = "addressee.registered";
export const ADDRESSEE_CHANGED = "addressee.changed";
export const ADDRESSEE_MERGED = "addressee.merged";
export const ADDRESSEE_MERGE_UNDONE = "addressee.merge-undone";

/** The addressee events by their Japanese names (連携状況). */
export const addresseeEventTypes: EventTypeDefinition[] = [
  { type: ADDRESSEE_REGISTERED, label: "宛名の登録" },
  { type: ADDRESSEE_CHANGED, label: "宛名の変更" },
  { type: ADDRESSEE_MERGED, label: "宛名の名寄せ" },
  { type: ADDRESSEE_MERGE_UNDONE, label: "名寄せの取消し" },
];

export function publishRegistered(
  events: EventPublisher,
  tx: Tx,
  payload: { number: string; kind: AddresseeKind; resident: boolean; knownAs: KnownAs | null; imported?: boolean },
): Promise<string> {
  return events.publish(tx, { type: ADDRESSEE_REGISTERED, subject: addresseeSubject(payload.number), payload: { ...payload } });
}

export function publishChanged(
  events: EventPublisher,
  tx: Tx,
  payload: { number: string; change: ChangeKind; fields: readonly string[]; business?: string; mailingId?: string },
): Promise<string> {
  return events.publish(tx, {
    type: ADDRESSEE_CHANGED,
    subject: addresseeSubject(payload.number),
    payload: { ...payload, fields: [...payload.fields] },
  });
}

/** Published on the merged number's subject: its events end here and continue on the survivor. */
export function publishMerged(events: EventPublisher, tx: Tx, payload: { mergeId: string; survivor: string; merged: string }): Promise<string> {
  return events.publish(tx, { type: ADDRESSEE_MERGED, subject: addresseeSubject(payload.merged), payload: { ...payload } });
}

export function publishMergeUndone(
  events: EventPublisher,
  tx: Tx,
  payload: { mergeId: string; survivor: string; merged: string },
): Promise<string> {
  return events.publish(tx, { type: ADDRESSEE_MERGE_UNDONE, subject: addresseeSubject(payload.merged), payload: { ...payload } });
}
