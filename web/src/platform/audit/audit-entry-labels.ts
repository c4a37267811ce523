// 監査ログの表示: Japanese labels for audit actions and actors. The actions' labels are the server's
// catalogue (src/platform/audit/action-labels.ts, checked against every action the source writes);
// one without a label is shown by its code, so entries written by newer areas are never hidden.
// A member of staff is shown by name: the server names the town's own staff beside each entry of a
// history (`actorName`); an internal id is never shown to a clerk.
import { auditActionLabel } from "../../../../src/platform/audit/action-labels.ts";

export interface AuditActorNames {
  /** Staff display names by staff id, from GET /api/staff. */
  staff: ReadonlyMap<string, string>;
}

export const NO_STAFF_NAMES: AuditActorNames = { staff: new Map() };

/** A member of staff whose name this screen was not given (never their id). */
export const UNNAMED_STAFF = "職員（氏名不明）";

export function actionLabel(action: string): string {
  return auditActionLabel(action);
}

/**
 * "staff:<id>" → the staff member's name (the server's `name` for this entry, else the names
 * given); operators and the system by their kind. The same function names an entry's subject,
 * so "addressee:<宛名番号>" reads 「宛名 <宛名番号>」.
 */
export function actorLabel(actor: string, names: AuditActorNames = NO_STAFF_NAMES, name: string | null = null): string {
  const colon = actor.indexOf(":");
  const kind = colon === -1 ? actor : actor.slice(0, colon);
  const id = colon === -1 ? "" : actor.slice(colon + 1);
  if (kind === "staff") return name ?? names.staff.get(id) ?? UNNAMED_STAFF;
  if (kind === "operator") return "運用事業者";
  if (kind === "system") return "システム";
  if (kind === "anonymous") return "不明（未ログイン）";
  if (kind === "addressee") return `宛名 ${id}`;
  return actor;
}
