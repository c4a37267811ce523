// 記録した異動 (what the counter just recorded): the kind and 異動日, and for each person the
// items it changed — the clerk checks it against the 届出書 before the resident leaves.
import type { RecordedChange } from "./resident-api.ts";
import { fieldLabel } from "./resident-labels.ts";
import { changeLine, fullName, recordValue } from "./resident-values.ts";
import { warekiDateJa } from "../../kit/wareki-date.ts";
import { Notice } from "../../kit/notice.tsx";

/** Items a clerk reads on a change; the rest (household id, status codes) follow from them. */
const SHOWN = new Set(["familyName", "givenName", "familyNameKana", "givenNameKana", "birthDate", "sex", "relationship", "postalCode", "address", "addressLine2", "previousAddress", "registeredDomicile", "domicileHead", "removalReason", "removalDate", "plannedMoveOutDate", "destinationAddress", "addressSinceDate", "becameResidentDate", "hasMyNumber"]);

const REGISTERED = new Set(["birthDate", "relationship", "address", "addressLine2"]);

export function ResidentRecordedNotice({ change }: { change: RecordedChange }) {
  return (
    <Notice kind="success">
      <div data-testid="recorded-change">
        <p>
          <strong>{change.kindJa}</strong>を記録しました（異動日 {warekiDateJa(change.effectiveDate)}
          {change.notifiedDate ? `・届出日 ${warekiDateJa(change.notifiedDate)}` : ""}）。
        </p>
        <ul className="recorded-list">
          {change.entries.map((e) => {
            const after = e.after as Record<string, unknown>;
            const before = e.before as Record<string, unknown> | null;
            // A registration sets every item: name the ones that identify the person.
            const fields = e.fields.filter((f) => (before === null ? REGISTERED.has(f) : SHOWN.has(f)));
            return (
              <li key={e.personId}>
                <strong>{fullName({ familyName: String(after.familyName ?? ""), givenName: String(after.givenName ?? "") })}</strong>
                {fields.length ? "\u3000" : ""}
                {fields
                  .map((f) => (before === null ? `${fieldLabel(f)}：${recordValue(f, after[f])}` : changeLine(f, before[f], after[f])))
                  .join("、")}
              </li>
            );
          })}
        </ul>
      </div>
    </Notice>
  );
}
