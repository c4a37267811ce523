// 記録した異動の確認 (what was just recorded): after a 異動 is recorded the counter goes to the
// person's record, which first shows what the change did — to whom, which items, from what to
// what. The change is handed over in memory, to the same log-in only, and forgotten when the
// record's screen closes.
import type { Session } from "../../platform/identity/session.ts";
import type { RecordedChange } from "./resident-api.ts";

let handed: { session: Session; change: RecordedChange } | null = null;

/** The person to go to after the change: the one the form was opened for if the change touched them, else its first person. */
export function personAfter(change: RecordedChange, openedFor: string | null): string {
  if (openedFor !== null && change.entries.some((e) => e.personId === openedFor)) return openedFor;
  return change.entries[0]?.personId ?? openedFor ?? "";
}

export function handOver(session: Session, change: RecordedChange): void {
  handed = { session, change };
}

/** The change recorded just before opening this person, if it touched them. */
export function recordedFor(session: Session, personId: string): RecordedChange | null {
  if (!handed || handed.session !== session || !handed.change.entries.some((e) => e.personId === personId)) return null;
  return handed.change;
}

/** The record's screen closed: the change has been shown. */
export function forgetRecorded(change: RecordedChange): void {
  if (handed?.change === change) handed = null;
}
