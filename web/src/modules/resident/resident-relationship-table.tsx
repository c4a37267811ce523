// 続柄の指定表 (the members of a household with a 続柄 select each): for the 異動 that change who
// the 世帯主 is or who belongs where — the new head among those who stay after a 転出 or 死亡,
// the 続柄 in a new or receiving household. Each row says the 続柄 now; a changed one is marked.
import type { ChangeForm } from "./resident-change-form.ts";
import type { Relationship } from "./resident-api.ts";
import { inputId } from "./resident-form-errors.ts";
import { RELATIONSHIP_OPTIONS, relationshipLabel } from "./resident-labels.ts";
import { relationshipKey, type RelationshipChoices } from "./resident-relationship-draft.ts";

export interface RelationshipRow {
  personId: string;
  name: string;
  /** The 続柄 now, or null for a member who gets their first one in this household. */
  relationship: Relationship | null;
}

interface Props {
  caption: string;
  rows: readonly RelationshipRow[];
  choices: RelationshipChoices;
  onChoice(personId: string, relationship: "" | Relationship): void;
  form: Pick<ChangeForm, "errorOf">;
  testId?: string;
}

export function ResidentRelationshipTable({ caption, rows, choices, onChoice, form, testId }: Props) {
  if (rows.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="data-table data-table--compact" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">氏名</th>
            <th scope="col">今の続柄</th>
            <th scope="col">異動後の続柄</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const key = relationshipKey(row.personId);
            const chosen = choices[row.personId] ?? "";
            const error = form.errorOf(key);
            const changed = chosen !== "" && chosen !== row.relationship;
            return (
              <tr key={row.personId} data-person={row.personId}>
                <th scope="row">
                  <label htmlFor={inputId(key)}>{row.name}</label>
                </th>
                <td className="nowrap">{row.relationship ? relationshipLabel(row.relationship) : <span className="muted">―</span>}</td>
                <td>
                  <select
                    id={inputId(key)}
                    className="select select--inline"
                    value={chosen}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${inputId(key)}-error` : undefined}
                    onChange={(e) => onChoice(row.personId, e.target.value as "" | Relationship)}
                  >
                    <option value="">選んでください</option>
                    {RELATIONSHIP_OPTIONS.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                  {changed ? <span className="status status--info relationship-changed">変更</span> : null}
                  {error ? (
                    <p className="form-error" id={`${inputId(key)}-error`}>
                      ＊{error}
                    </p>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
