// 世帯合併 (a household joins another): every member of the household shown moves into the
// household the clerk finds by its 世帯番号, each with a 続柄 to its head; its own members' 続柄 may
// change too (the head of the joining household becomes 子の夫…). Both must share an address (the
// rule household-shares-address): a family moving in from elsewhere in town is a 転居 first.
import { useState } from "react";
import { usePurpose } from "../../kit/access-purpose.ts";
import { useApp } from "../../app-context.ts";
import { useFocusOnOpen } from "./resident-autofocus.ts";
import { useChangeForm } from "./resident-change-form.ts";
import { inputId } from "./resident-form-errors.ts";
import { checkMerge, emptyMerge, mergeKeys, type MergeDraft } from "./resident-household-draft.ts";
import { lookUpHousehold, type FoundHousehold } from "./resident-household-lookup.ts";
import { residentPath } from "./resident-paths.ts";
import { fullName } from "./resident-values.ts";
import { TextField } from "../../kit/form-field.tsx";
import { ResidentChangeFormFrame } from "./resident-change-form-frame.tsx";
import { ResidentDatesSection } from "./resident-dates-section.tsx";
import { ResidentFoundHousehold } from "./resident-found-household.tsx";
import { ResidentRelationshipTable } from "./resident-relationship-table.tsx";
import type { ChangeFormProps } from "./resident-change-screen.tsx";

export function ResidentMergeForm({ view, title, onRecorded }: ChangeFormProps) {
  const { api } = useApp();
  const purpose = usePurpose();
  const joining = view.household.members;
  const [draft, setDraft] = useState<MergeDraft>(() => emptyMerge());
  const [number, setNumber] = useState("");
  const [lookup, setLookup] = useState<{ message: string } | { found: FoundHousehold } | null>(null);
  const form = useChangeForm({ check: checkMerge(draft, view.household.householdId, joining), keys: mergeKeys(joining, draft.into), onRecorded });
  useFocusOnOpen(inputId("effectiveDate"));
  const update = (patch: Partial<MergeDraft>) => setDraft((d) => ({ ...d, ...patch }));

  async function find() {
    if (purpose === null) return;
    const result = await lookUpHousehold(api, purpose, number);
    if ("message" in result) {
      setLookup(result);
      update({ into: null });
      return;
    }
    const h = result.found;
    setLookup(result);
    update({
      into: { householdId: h.householdId, householdNumber: h.householdNumber, members: h.members },
      relationships: Object.fromEntries(h.members.map((m) => [m.personId, m.relationship])),
    });
  }

  const choose = (personId: string, relationship: MergeDraft["relationships"][string]) =>
    update({ relationships: { ...draft.relationships, [personId]: relationship } });

  return (
    <ResidentChangeFormFrame form={form} title={title} kind="household-merged" submitLabel="世帯合併を記録する" cancelHref={residentPath(view.personId)}>
      <ResidentDatesSection draft={draft} onDraft={update} form={form} effectiveLabel="合併日（異動日）" />
      <section className="section" aria-labelledby="into-title">
        <h2 className="section__title" id="into-title">
          合併先の世帯
        </h2>
        <div className="lookup-row">
          <TextField
            id={inputId("intoHouseholdId")}
            label="合併先の世帯番号"
            value={number}
            onValue={(v) => {
              setNumber(v);
              setLookup(null);
              update({ into: null });
            }}
            onKeyDown={(e) => {
              // Enter here looks the household up rather than recording the whole form.
              if (e.key === "Enter") {
                e.preventDefault();
                void find();
              }
            }}
            inputMode="numeric"
            className="text-input--code"
            autoComplete="off"
            required
            error={lookup && "message" in lookup ? lookup.message : form.errorOf("intoHouseholdId")}
          />
          <button type="button" className="button button--secondary" onClick={() => void find()}>
            世帯を確認
          </button>
        </div>
        {lookup && "found" in lookup ? <ResidentFoundHousehold household={lookup.found} /> : null}
        {form.errorOf("relationships") ? (
          <p className="form-error" id={inputId("relationships")} tabIndex={-1}>
            ＊{form.errorOf("relationships")}
          </p>
        ) : null}
        {draft.into ? (
          <>
            <ResidentRelationshipTable
              caption="合併する人（この世帯の全員）の、合併先での続柄"
              rows={joining.map((m) => ({ personId: m.personId, name: fullName(m), relationship: m.relationship }))}
              choices={draft.relationships}
              onChoice={choose}
              form={form}
              testId="joining-relationships"
            />
            <ResidentRelationshipTable
              caption={`合併先（世帯番号 ${draft.into.householdNumber}）の世帯員の続柄`}
              rows={draft.into.members.map((m) => ({ personId: m.personId, name: m.name, relationship: m.relationship }))}
              choices={draft.relationships}
              onChoice={choose}
              form={form}
              testId="receiving-relationships"
            />
          </>
        ) : null}
      </section>
    </ResidentChangeFormFrame>
  );
}
