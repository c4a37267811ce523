// 転出届・死亡届・職権消除 (persons leaving the registry): who leaves — for a 転出 or 職権消除 the
// person shown and any members going with them, for a 死亡 the person alone — on which day, to
// where (転出先), and, when the 世帯主 leaves and others stay, the new 世帯主 chosen among those
// who stay and their 続柄, in the same step: the server records the removal and the 世帯主変更
// (住民基本台帳法 第25条) together. When one member remains, they become 世帯主 without a
// 世帯主変更届, and the form says so instead of asking.
import { useState } from "react";
import { useFocusOnOpen } from "./resident-autofocus.ts";
import { useChangeForm } from "./resident-change-form.ts";
import { inputId } from "./resident-form-errors.ts";
import { residentPath } from "./resident-paths.ts";
import {
  checkRemoval,
  chooseHead,
  chosenHead,
  emptyRemoval,
  headSuccession,
  REMOVAL_DATE_LABELS,
  removalKeys,
  staying,
  type RemovalDraft,
  type RemovalKind,
} from "./resident-removal-draft.ts";
import { RadioGroup } from "../../kit/radio-group.tsx";
import { fullName } from "./resident-values.ts";
import { warekiDateJa } from "../../kit/wareki-date.ts";
import { ResidentAddressFields } from "./resident-address-fields.tsx";
import { ResidentChangeFormFrame } from "./resident-change-form-frame.tsx";
import { ResidentDatesSection } from "./resident-dates-section.tsx";
import { ResidentRelationshipTable } from "./resident-relationship-table.tsx";
import type { ChangeFormProps } from "./resident-change-screen.tsx";

const SUBMIT: Record<RemovalKind, string> = { "moved-out": "転出を記録する", died: "死亡を記録する", "ex-officio-erasure": "職権消除を記録する" };

export function ResidentRemovalForm({ view, title, kind, onRecorded }: ChangeFormProps & { kind: RemovalKind }) {
  const members = view.household.members;
  const [draft, setDraft] = useState<RemovalDraft>(() => emptyRemoval(kind, view.personId, members));
  const form = useChangeForm({ check: checkRemoval(draft, members), keys: removalKeys(draft, members), onRecorded });
  useFocusOnOpen(inputId("effectiveDate"));
  const update = (patch: Partial<RemovalDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const exOfficio = kind === "ex-officio-erasure";
  const stay = staying(draft, members);
  const succession = headSuccession(draft, members);
  const names = new Map(members.map((m) => [m.personId, fullName(m)]));
  const head = members.find((m) => m.relationship === "head");

  function toggle(personId: string, leaves: boolean) {
    update({ personIds: leaves ? [...draft.personIds, personId] : draft.personIds.filter((id) => id !== personId) });
  }

  return (
    <ResidentChangeFormFrame form={form} title={title} kind={kind} submitLabel={SUBMIT[kind]} cancelHref={residentPath(view.personId)}>
      <ResidentDatesSection
        draft={draft}
        onDraft={update}
        form={form}
        exOfficio={exOfficio}
        effectiveLabel={REMOVAL_DATE_LABELS[kind]}
        effectiveHint={kind === "moved-out" ? "転出前の届出なら転出予定日を入力します（和暦も可）" : undefined}
        reasonLabel={exOfficio ? "職権で消除する理由" : undefined}
        reasonHint={exOfficio ? "例：実態調査により居住の事実がないことを確認したため" : undefined}
      />

      <section className="section" aria-labelledby="who-title">
        <h2 className="section__title" id="who-title">
          {kind === "died" ? "亡くなった人" : kind === "moved-out" ? "転出する人" : "消除する人"}
        </h2>
        {kind === "died" ? (
          <p>
            {fullName(view.record)}（{view.relationshipJa}、{warekiDateJa(view.record.birthDate)}生）
          </p>
        ) : (
          <fieldset className="fieldset" aria-describedby={form.errorOf("personIds") ? inputId("personIds") : undefined}>
            <legend className="form-label fieldset__legend">世帯員のうち対象の人（一緒に転出する人も選びます）</legend>
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
        )}
        {kind === "moved-out" ? (
          <ResidentAddressFields prefix="destination" legend="転出先" value={draft.destination} onValue={(destination) => update({ destination })} form={form} />
        ) : null}
      </section>

      {stay.length ? (
        <section className="section" aria-labelledby="stay-title">
          <h2 className="section__title" id="stay-title">
            {succession.kind === "none" ? "残る世帯員の続柄" : "新しい世帯主（世帯主変更）"}
          </h2>
          {succession.kind === "automatic" ? (
            <p className="form-hint" data-testid="automatic-head">
              世帯主（{head ? fullName(head) : "―"}）が世帯を離れ、残る世帯員は{names.get(succession.personId)}さん一人です。{names.get(succession.personId)}
              さんが世帯主になります（世帯主変更届は要しません。住民基本台帳法第25条）。この記録と一緒に世帯主変更として記録します。
            </p>
          ) : succession.kind === "choose" ? (
            <p className="form-hint">
              世帯主（{head ? fullName(head) : "―"}）が世帯を離れます。残る世帯には新しい世帯主が必要です。残る人から世帯主を選び、ほかの人の続柄を新しい世帯主から見た続柄に改めてください。この記録と一緒に世帯主変更として記録します。
            </p>
          ) : (
            <p className="form-hint">残る人の続柄が変わるときだけ改めます。</p>
          )}
          {form.errorOf("relationships") ? (
            <p className="form-error" id={inputId("relationships")} tabIndex={-1}>
              ＊{form.errorOf("relationships")}
            </p>
          ) : null}
          {succession.kind === "choose" ? (
            <div data-testid="new-head">
              <RadioGroup
                name="newHead"
                legend="新しい世帯主"
                required
                value={chosenHead(draft, members)}
                onValue={(personId) => update({ relationships: chooseHead(draft, members, personId) })}
                options={succession.candidates.map((m) => ({ value: m.personId, label: `${names.get(m.personId) ?? ""}（現在の続柄：${members.find((x) => x.personId === m.personId)?.relationshipJa ?? ""}）` }))}
              />
            </div>
          ) : null}
          {succession.kind !== "automatic" ? (
            <ResidentRelationshipTable
              caption={`残る人 ${stay.length}人`}
              rows={stay.map((m) => ({ personId: m.personId, name: names.get(m.personId) ?? "", relationship: m.relationship }))}
              choices={draft.relationships}
              onChoice={(personId, relationship) => update({ relationships: { ...draft.relationships, [personId]: relationship } })}
              form={form}
              testId="staying-relationships"
            />
          ) : null}
        </section>
      ) : null}
    </ResidentChangeFormFrame>
  );
}

