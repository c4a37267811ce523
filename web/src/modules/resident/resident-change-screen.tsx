// 異動届の入力 (recording a 異動 of a person on the registry): the screen of one kind for the
// person it was opened from — 転出, 転居, 出生 into their household, 死亡, 世帯分離, 世帯合併,
// 世帯主変更, 氏名変更, 職権修正, 職権消除 — with the record and household shown above the form as
// the clerk compares them with the 届出書. The form of each kind is its own file; after recording,
// the counter returns to the record with what was recorded.
import type { ReactElement } from "react";
import { carryPurposeTo, usePurpose } from "../../kit/access-purpose.ts";
import { useApp } from "../../app-context.ts";
import { useAddresseeData } from "../../platform/addressee/use-addressee-data.ts";
import { matchPath } from "../../screen-paths.ts";
import { navigate, Link, usePath } from "../../router.tsx";
import { personPath, type ChangeKind, type PersonView, type RecordedChange } from "./resident-api.ts";
import { CHANGE_KINDS } from "./resident-labels.ts";
import { isPersonId, RESIDENT_PATHS, residentPath } from "./resident-paths.ts";
import { handOver, personAfter } from "./resident-recorded-change.ts";
import { addressText, fullName, fullNameKana } from "./resident-values.ts";
import { warekiDateJa } from "../../kit/wareki-date.ts";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";
import { PurposeBar } from "../../kit/purpose-bar.tsx";
import { ResidentStatusTag } from "./resident-status-tag.tsx";
import { ChangeSubjectContext } from "./resident-change-form-frame.tsx";
import { ResidentBirthForm } from "./resident-birth-form.tsx";
import { ResidentRemovalForm } from "./resident-removal-form.tsx";
import { ResidentAddressChangeForm } from "./resident-address-change-form.tsx";
import { ResidentSplitForm } from "./resident-split-form.tsx";
import { ResidentMergeForm } from "./resident-merge-form.tsx";
import { ResidentHeadChangeForm } from "./resident-head-change-form.tsx";
import { ResidentNameChangeForm } from "./resident-name-change-form.tsx";
import { ResidentCorrectionForm } from "./resident-correction-form.tsx";
import "./resident.css";

/** The screens' titles: the 届出 the clerk holds, or the 職権 action. */
const TITLES: Record<Exclude<ChangeKind, "moved-in" | "ex-officio-entry">, string> = {
  "moved-out": "転出届",
  "address-changed": "転居届",
  born: "出生届",
  died: "死亡届",
  "household-split": "世帯分離（世帯変更届）",
  "household-merged": "世帯合併（世帯変更届）",
  "head-changed": "世帯主変更（世帯変更届）",
  "name-changed": "氏名変更",
  "ex-officio-correction": "職権修正",
  "ex-officio-erasure": "職権消除",
};

type FormKind = keyof typeof TITLES;

export interface ChangeFormProps {
  view: PersonView;
  title: string;
  /** Records the change's hand-over and returns to the record. */
  onRecorded(change: RecordedChange): void;
}

const FORMS: Record<FormKind, (props: ChangeFormProps & { kind: FormKind }) => ReactElement> = {
  "moved-out": (p) => <ResidentRemovalForm {...p} kind="moved-out" />,
  died: (p) => <ResidentRemovalForm {...p} kind="died" />,
  "ex-officio-erasure": (p) => <ResidentRemovalForm {...p} kind="ex-officio-erasure" />,
  born: (p) => <ResidentBirthForm {...p} />,
  "address-changed": (p) => <ResidentAddressChangeForm {...p} />,
  "household-split": (p) => <ResidentSplitForm {...p} />,
  "household-merged": (p) => <ResidentMergeForm {...p} />,
  "head-changed": (p) => <ResidentHeadChangeForm {...p} />,
  "name-changed": (p) => <ResidentNameChangeForm {...p} />,
  "ex-officio-correction": (p) => <ResidentCorrectionForm {...p} />,
};

function isFormKind(kind: string): kind is FormKind {
  return (CHANGE_KINDS as readonly string[]).includes(kind) && kind in TITLES;
}

export function ResidentChangeScreen() {
  const purpose = usePurpose();
  const path = usePath();
  const params = matchPath(RESIDENT_PATHS.change, path);
  const id = params?.id ?? "";
  const kind = params?.kind ?? "";
  const title = isFormKind(kind) ? TITLES[kind] : "異動届の入力";
  return (
    <Page title={title} lead="届出書と照らし合わせて入力します。日付は和暦でも入力できます。入力が整うと、記録できるかをその場で確かめます。">
      <PurposeBar />
      {purpose === null ? null : isPersonId(id) && isFormKind(kind) ? (
        <ChangeOfPerson key={`${id}/${kind}`} personId={id} kind={kind} title={title} />
      ) : (
        <Notice kind="error">指定された異動の種類または住民が正しくありません。住民の詳細から開いてください。</Notice>
      )}
    </Page>
  );
}

function ChangeOfPerson({ personId, kind, title }: { personId: string; kind: FormKind; title: string }) {
  const { session } = useApp();
  const view = useAddresseeData<PersonView>(personPath(personId));
  if (view.problem && !view.data) return <Notice kind="error">{view.problem.titleJa}</Notice>;
  const v = view.data;
  if (!v) return view.loading ? <p className="muted">読み込み中…</p> : null;
  const onRegistry = v.isResident && !v.isRemovedRecord;
  const Form = FORMS[kind];
  const names = new Map([...v.household.members.map((m) => [m.personId, fullName(m)] as const), [v.personId, fullName(v.record)]]);
  const subject = { nameOf: (id: string) => names.get(id), household: v.household.members.map((m) => fullName(m)) };

  function recorded(change: RecordedChange) {
    handOver(session, change);
    const next = residentPath(personAfter(change, personId));
    carryPurposeTo(next);
    navigate(next);
  }

  return (
    <>
      <section className="record-summary" aria-label="対象の住民" data-testid="change-subject">
        <p>
          <strong className="record-summary__name">{fullName(v.record)}</strong>（{fullNameKana(v.record)}）{"\u3000"}{warekiDateJa(v.record.birthDate)}生{"\u3000"}
          {v.relationshipJa}{"\u3000"}<ResidentStatusTag isRemoved={v.isRemovedRecord} plannedMoveOutDate={v.record.plannedMoveOutDate} />
        </p>
        <p className="muted">
          {addressText(v.record.address, v.record.addressLine2)}{"\u3000"}世帯番号 {v.householdNumber}（{v.household.members.length}人）
        </p>
        <p>
          <Link href={residentPath(personId)}>住民の詳細に戻る</Link>
        </p>
      </section>
      {onRegistry || kind === "ex-officio-correction" ? (
        <ChangeSubjectContext.Provider value={subject}>
          <Form view={v} title={title} kind={kind} onRecorded={recorded} />
        </ChangeSubjectContext.Provider>
      ) : (
        <Notice kind="error">この住民票は除票です。除票には職権修正のほかの異動を記録できません。</Notice>
      )}
    </>
  );
}
