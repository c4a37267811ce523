// 世帯主変更 (a new head of household): the clerk chooses the new 世帯主 and each member's 続柄 to
// them (住民基本台帳法 第7条第4号); only the 続柄 that change are sent, and the server's rules say
// at once if the household would have no head or two.
import { useState } from "react";
import { useFocusOnOpen } from "./resident-autofocus.ts";
import { useChangeForm } from "./resident-change-form.ts";
import { inputId } from "./resident-form-errors.ts";
import { checkHeadChange, emptyMembersDraft, memberKeys, type MembersDraft } from "./resident-household-draft.ts";
import { residentPath } from "./resident-paths.ts";
import { fullName } from "./resident-values.ts";
import { ResidentChangeFormFrame } from "./resident-change-form-frame.tsx";
import { ResidentDatesSection } from "./resident-dates-section.tsx";
import { ResidentRelationshipTable } from "./resident-relationship-table.tsx";
import type { ChangeFormProps } from "./resident-change-screen.tsx";

export function ResidentHeadChangeForm({ view, title, onRecorded }: ChangeFormProps) {
  const members = view.household.members;
  const [draft, setDraft] = useState<MembersDraft>(() => emptyMembersDraft(members));
  const form = useChangeForm({ check: checkHeadChange(draft, view.household.householdId, members), keys: memberKeys(members), onRecorded });
  useFocusOnOpen(inputId("effectiveDate"));
  const update = (patch: Partial<MembersDraft>) => setDraft((d) => ({ ...d, ...patch }));

  return (
    <ResidentChangeFormFrame form={form} title={title} kind="head-changed" submitLabel="世帯主変更を記録する" cancelHref={residentPath(view.personId)}>
      <ResidentDatesSection draft={draft} onDraft={update} form={form} effectiveLabel="変更日（異動日）" />
      <section className="section" aria-labelledby="members-title">
        <h2 className="section__title" id="members-title">
          新しい世帯主と続柄
        </h2>
        {form.errorOf("relationships") ? (
          <p className="form-error" id={inputId("relationships")} tabIndex={-1}>
            ＊{form.errorOf("relationships")}
          </p>
        ) : null}
        <ResidentRelationshipTable
          caption={`世帯番号 ${view.householdNumber}の世帯員`}
          rows={members.map((m) => ({ personId: m.personId, name: fullName(m), relationship: m.relationship }))}
          choices={draft.relationships}
          onChoice={(personId, relationship) => update({ relationships: { ...draft.relationships, [personId]: relationship } })}
          form={form}
          testId="member-relationships"
        />
      </section>
    </ResidentChangeFormFrame>
  );
}
