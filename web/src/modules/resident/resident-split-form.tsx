// 世帯分離 (a household splits): the chosen members form a new household at the same address,
// each with their 続柄 to its new head; those who stay keep theirs unless the head left, when the
// clerk names the new head among them. At least one member stays (else nothing splits).
import { useState } from "react";
import { useFocusOnOpen } from "./resident-autofocus.ts";
import { useChangeForm } from "./resident-change-form.ts";
import { inputId } from "./resident-form-errors.ts";
import { checkSplit, emptyMembersDraft, memberKeys, type MembersDraft } from "./resident-household-draft.ts";
import { residentPath } from "./resident-paths.ts";
import { fullName } from "./resident-values.ts";
import { warekiDateJa } from "../../kit/wareki-date.ts";
import { ResidentChangeFormFrame } from "./resident-change-form-frame.tsx";
import { ResidentDatesSection } from "./resident-dates-section.tsx";
import { ResidentRelationshipTable } from "./resident-relationship-table.tsx";
import type { ChangeFormProps } from "./resident-change-screen.tsx";

export function ResidentSplitForm({ view, title, onRecorded }: ChangeFormProps) {
  const members = view.household.members;
  const [draft, setDraft] = useState<MembersDraft>(() => emptyMembersDraft(members));
  const form = useChangeForm({ check: checkSplit(draft, view.household.householdId, members), keys: memberKeys(members), onRecorded });
  useFocusOnOpen(inputId("effectiveDate"));
  const update = (patch: Partial<MembersDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const row = (m: (typeof members)[number]) => ({ personId: m.personId, name: fullName(m), relationship: m.relationship });
  const leaving = members.filter((m) => draft.personIds.includes(m.personId));
  const stay = members.filter((m) => !draft.personIds.includes(m.personId));

  function toggle(personId: string, leaves: boolean) {
    const current = members.find((m) => m.personId === personId)!.relationship;
    // The first to leave is offered as the new household's head; the rest are chosen by the clerk.
    const headTaken = draft.personIds.some((id) => draft.relationships[id] === "head");
    update({
      personIds: leaves ? [...draft.personIds, personId] : draft.personIds.filter((id) => id !== personId),
      relationships: { ...draft.relationships, [personId]: leaves ? (headTaken ? "" : "head") : current },
    });
  }

  const choose = (personId: string, relationship: MembersDraft["relationships"][string]) =>
    update({ relationships: { ...draft.relationships, [personId]: relationship } });

  return (
    <ResidentChangeFormFrame form={form} title={title} kind="household-split" submitLabel="世帯分離を記録する" cancelHref={residentPath(view.personId)}>
      <ResidentDatesSection draft={draft} onDraft={update} form={form} effectiveLabel="分離日（異動日）" />
      <section className="section" aria-labelledby="split-title">
        <h2 className="section__title" id="split-title">
          新しい世帯に移る人
        </h2>
        <fieldset className="fieldset">
          <legend className="form-label fieldset__legend">世帯員（新しい世帯は同じ住所にできます）</legend>
          <ul className="check-list">
            {members.map((m) => (
              <li key={m.personId}>
                <label className="checkbox">
                  <input type="checkbox" checked={draft.personIds.includes(m.personId)} onChange={(e) => toggle(m.personId, e.target.checked)} />
                  {fullName(m)}（{m.relationshipJa}、{warekiDateJa(m.birthDate)}生）
                </label>
              </li>
            ))}
          </ul>
          {form.errorOf("personIds") ? (
            <p className="form-error" id={inputId("personIds")} tabIndex={-1}>
              ＊{form.errorOf("personIds")}
            </p>
          ) : null}
        </fieldset>
        {form.errorOf("relationships") ? (
          <p className="form-error" id={inputId("relationships")} tabIndex={-1}>
            ＊{form.errorOf("relationships")}
          </p>
        ) : null}
        <ResidentRelationshipTable
          caption="新しい世帯での続柄（一人を世帯主に）"
          rows={leaving.map(row)}
          choices={draft.relationships}
          onChoice={choose}
          form={form}
          testId="leaving-relationships"
        />
        <ResidentRelationshipTable
          caption="元の世帯に残る人の続柄（世帯主が移るときは新しい世帯主を選びます）"
          rows={draft.personIds.length ? stay.map(row) : []}
          choices={draft.relationships}
          onChoice={choose}
          form={form}
          testId="staying-relationships"
        />
      </section>
    </ResidentChangeFormFrame>
  );
}
