// 転入届・職権記載 (registering persons who are not on the registry): a 転入 from another
// municipality — one or more persons at once, into a new household or an existing one found by
// its 世帯番号, with the new address and the 前住所 — or a 職権記載 on the municipality's own
// findings. Each person whose カナ and 生年月日 match a former resident or a 住登外者 is offered
// for confirmation, so they keep their 宛名番号. After recording, the counter opens the first
// person's record with what was recorded.
import { useEffect, useState } from "react";
import { usePurpose } from "../../kit/access-purpose.ts";
import { useApp } from "../../app-context.ts";
import { useFocusOnOpen } from "./resident-autofocus.ts";
import { useChangeForm } from "./resident-change-form.ts";
import { emptyPerson, type AddressDraft, type PersonDraft } from "./resident-draft-checks.ts";
import { inputId } from "./resident-form-errors.ts";
import { lookUpHousehold, type FoundHousehold } from "./resident-household-lookup.ts";
import { RESIDENT_PATHS, residentPath } from "./resident-paths.ts";
import { handOver, personAfter } from "./resident-recorded-change.ts";
import { checkRegistration, emptyRegistration, MAX_PERSONS, registrationKeys, type RegistrationDraft } from "./resident-registration-draft.ts";
import { relationshipLabel } from "./resident-labels.ts";
import { Link, navigate } from "../../router.tsx";
import { Page } from "../../kit/page.tsx";
import { PurposeBar } from "../../kit/purpose-bar.tsx";
import { RadioGroup } from "../../kit/radio-group.tsx";
import { TextField } from "../../kit/form-field.tsx";
import { ResidentAddressFields } from "./resident-address-fields.tsx";
import { ResidentChangeFormFrame } from "./resident-change-form-frame.tsx";
import { ResidentDateField } from "./resident-date-field.tsx";
import { ResidentLateReasonField } from "./resident-dates-section.tsx";
import { ResidentFoundHousehold } from "./resident-found-household.tsx";
import { ResidentPersonFields } from "./resident-person-fields.tsx";
import "./resident.css";

export function ResidentMoveInScreen() {
  return (
    <RegistrationScreen
      kind="moved-in"
      title="転入届"
      lead="他の市区町村から転入した人を住民として記録します。世帯全員を一度に届け出られます。転入日・届出日は和暦でも入力できます。"
    />
  );
}

export function ResidentExOfficioEntryScreen() {
  return (
    <RegistrationScreen
      kind="ex-officio-entry"
      title="職権記載"
      lead="届出によらず、調査などにより住民として記録すべき人を職権で記載します（住民基本台帳法 第8条）。記載の理由を必ず入力します。"
    />
  );
}

function RegistrationScreen({ kind, title, lead }: { kind: RegistrationDraft["kind"]; title: string; lead: string }) {
  const purpose = usePurpose();
  return (
    <Page title={title} lead={lead}>
      <PurposeBar />
      {purpose !== null ? <RegistrationForm key={kind} kind={kind} title={title} /> : null}
    </Page>
  );
}

function RegistrationForm({ kind, title }: { kind: RegistrationDraft["kind"]; title: string }) {
  const { api, session } = useApp();
  const purpose = usePurpose();
  const [draft, setDraft] = useState<RegistrationDraft>(() => {
    const initial = emptyRegistration(kind);
    // 「この世帯に転入」 from a record opens the form with its 世帯番号.
    const household = new URLSearchParams(window.location.search).get("household");
    return household ? { ...initial, household: "existing" } : initial;
  });
  const [householdNumber, setHouseholdNumber] = useState(() => new URLSearchParams(window.location.search).get("household") ?? "");
  const [found, setFound] = useState<FoundHousehold | null>(null);
  const [lookupMessage, setLookupMessage] = useState<string | null>(null);
  const check = checkRegistration(draft);
  const form = useChangeForm({
    check,
    keys: registrationKeys(draft),
    onRecorded(change) {
      handOver(session, change);
      navigate(residentPath(personAfter(change, null)));
    },
  });
  useFocusOnOpen(inputId("effectiveDate"));

  const update = (patch: Partial<RegistrationDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setPerson = (i: number, person: PersonDraft) => setDraft((d) => ({ ...d, persons: d.persons.map((p, j) => (j === i ? person : p)) }));

  function addPerson() {
    const first = draft.persons[0];
    // A family usually shares the 氏 and 本籍: the next person starts with the first one's.
    const next: PersonDraft = {
      ...emptyPerson(),
      familyName: first?.familyName ?? "",
      familyNameKana: first?.familyNameKana ?? "",
      registeredDomicile: first?.registeredDomicile ?? "",
      domicileHead: first?.domicileHead ?? "",
    };
    const index = draft.persons.length;
    update({ persons: [...draft.persons, next] });
    requestAnimationFrame(() => document.getElementById(inputId(`persons/${index}/givenName`))?.focus());
  }

  function removePerson(i: number) {
    update({ persons: draft.persons.filter((_, j) => j !== i) });
    requestAnimationFrame(() => document.getElementById("add-person")?.focus());
  }

  async function findHousehold() {
    if (purpose === null) return;
    setLookupMessage(null);
    const result = await lookUpHousehold(api, purpose, householdNumber);
    if ("message" in result) {
      setFound(null);
      update({ existing: null });
      setLookupMessage(result.message);
      return;
    }
    const h = result.found;
    setFound(h);
    // The new members live where the household lives (the rule household-shares-address).
    const address: AddressDraft = { postalCode: h.postalCode ?? "", address: h.address, addressLine2: h.addressLine2 ?? "" };
    update({ existing: { householdId: h.householdId, householdNumber: h.householdNumber }, address, persons: draft.persons.map((p) => (p.relationship === "head" ? { ...p, relationship: "" } : p)) });
  }

  useEffect(() => {
    if (householdNumber && draft.household === "existing") void findHousehold();
    // Only the 世帯番号 the form was opened with is looked up by itself.
  }, []);

  const movedIn = kind === "moved-in";
  return (
    <ResidentChangeFormFrame
      form={form}
      title={title}
      kind={kind}
      submitLabel={movedIn ? "転入を記録する" : "職権記載を記録する"}
      cancelHref={RESIDENT_PATHS.search}
    >
      <section className="section" aria-labelledby="dates-title">
        <h2 className="section__title" id="dates-title">
          {movedIn ? "転入日・届出日" : "記載日・理由"}
        </h2>
        <div className="form-grid">
          <ResidentDateField name="effectiveDate" label={movedIn ? "転入日（異動日）" : "異動日"} value={draft.effectiveDate} onValue={(v) => update({ effectiveDate: v })} form={form} />
          {movedIn ? (
            <ResidentDateField name="notifiedDate" label="届出日" value={draft.notifiedDate} onValue={(v) => update({ notifiedDate: v })} form={form} />
          ) : (
            <ResidentDateField
              name="becameResidentDate"
              label="住民となった日"
              hint="異動日と同じなら空欄"
              required={false}
              value={draft.becameResidentDate}
              onValue={(v) => update({ becameResidentDate: v })}
              form={form}
            />
          )}
        </div>
        {movedIn ? <ResidentLateReasonField value={draft.lateReason} onValue={(v) => update({ lateReason: v })} form={form} /> : null}
        <div className="form-stack form-stack--spaced">
          <TextField
            id={inputId("reason")}
            label={movedIn ? "理由・備考" : "職権で記載する理由"}
            required={!movedIn}
            hint={movedIn ? "異動の記録に残ります" : "例：実態調査により居住を確認したため"}
            value={draft.reason}
            onValue={(v) => update({ reason: v })}
            onBlur={() => form.leave("reason")}
            error={form.errorOf("reason")}
            autoComplete="off"
          />
        </div>
      </section>

      <section className="section" aria-labelledby="household-title">
        <h2 className="section__title" id="household-title">
          世帯
        </h2>
        <RadioGroup
          name="household-mode"
          legend="転入先の世帯"
          value={draft.household}
          onValue={(v) => update({ household: v as RegistrationDraft["household"], existing: null })}
          options={[
            { value: "new", label: "新しい世帯をつくる" },
            { value: "existing", label: "今ある世帯に入る" },
          ]}
          required
        />
        {draft.household === "existing" ? (
          <div className="lookup-row">
            <TextField
              id={inputId("householdId")}
              label="世帯番号"
              hint="入る世帯の住民票に記載された番号"
              value={householdNumber}
              onValue={(v) => {
                setHouseholdNumber(v);
                setFound(null);
                update({ existing: null });
              }}
              onKeyDown={(e) => {
                // Enter here looks the household up rather than recording the whole form.
                if (e.key === "Enter") {
                  e.preventDefault();
                  void findHousehold();
                }
              }}
              inputMode="numeric"
              className="text-input--code"
              autoComplete="off"
              error={lookupMessage ?? form.errorOf("householdId")}
            />
            <button type="button" className="button button--secondary" onClick={() => void findHousehold()}>
              世帯を確認
            </button>
          </div>
        ) : null}
        {draft.household === "existing" && found ? <ResidentFoundHousehold household={found} /> : null}
      </section>

      <section className="section" aria-labelledby="address-title">
        <h2 className="section__title" id="address-title">
          住所
        </h2>
        <ResidentAddressFields
          prefix="address"
          legend="新しい住所（この町の住所）"
          scope="in-town"
          effectiveDate={draft.effectiveDate}
          value={draft.address}
          onValue={(address) => update({ address })}
          form={form}
        />
        <ResidentAddressFields
          prefix="previousAddress"
          scope="national"
          legend={movedIn ? "前住所（転出元の住所）" : "前住所（分かる場合）"}
          value={draft.previousAddress}
          onValue={(previousAddress) => update({ previousAddress })}
          form={form}
          required={movedIn}
        />
      </section>

      <section className="section" aria-labelledby="persons-title">
        <h2 className="section__title" id="persons-title">
          {movedIn ? "転入する人" : "記載する人"}（{draft.persons.length}人）
        </h2>
        {form.errorOf("persons") ? (
          <p className="form-error" id={inputId("persons")} tabIndex={-1}>
            ＊{form.errorOf("persons")}
          </p>
        ) : null}
        {draft.persons.map((person, i) => (
          <ResidentPersonFields
            key={i}
            prefix={`persons/${i}`}
            legend={`${i + 1}人目${person.relationship ? `（${relationshipLabel(person.relationship)}）` : ""}`}
            value={person}
            onValue={(p) => setPerson(i, p)}
            form={form}
            offerCandidates
            action={
              draft.persons.length > 1 ? (
                <button type="button" className="button button--text button--small" onClick={() => removePerson(i)}>
                  この人を外す
                </button>
              ) : null
            }
          />
        ))}
        <button type="button" id="add-person" className="button button--secondary" onClick={addPerson} disabled={draft.persons.length >= MAX_PERSONS}>
          ＋ もう1人追加
        </button>
        <p className="form-hint">
          住民記録にある人の住所が変わるときは転入ではなく<Link href={RESIDENT_PATHS.search}>住民検索</Link>から転居を記録します。
        </p>
      </section>
    </ResidentChangeFormFrame>
  );
}
