// 証明書の交付 (issuing a certificate at the counter) for the person shown: 住民票の写し (the person,
// the whole household or chosen members), 住民票記載事項証明書 or 転出証明書, with the items printed
// only on request — each offered only to a role that may print it, else disabled with why — the
// 請求者の区分 and the 利用目的 the requester stated. プレビュー shows the PDF with the 見本 watermark
// (audited, not registered); 交付 issues exactly what was previewed: it is numbered, registered in
// the 交付簿, downloaded for printing and its 証明書番号 shown. Changing anything asks for a new preview.
// The request says how it came (請求の方法: 窓口 or 郵送) and, at the counter, the 本人確認 made: the
// kind of photo ID seen, ticked as checked, stored with the issue.
// 支援措置 (住民基本台帳事務処理要領 第5-10, as the banner on this screen lists): the clerk may also
// record who asks (宛名番号, or カナ and 生年月日), which the server checks against the measure's
// 相手方 — a 相手方's request is refused outright. The protected person's own request (本人, 同一
// 世帯) is issued at the counter on a photo ID recorded each time, without a release, and refused
// by mail or through an agent or messenger. A third party's request is refused until a supervisor
// approves a release, asked for here (who asked, why); once approved it is sent with the request
// and lets exactly one certificate through.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { usePurpose } from "../../kit/access-purpose.ts";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { useApiData } from "../../kit/use-api-data.ts";
import { useAddresseeData } from "../../platform/addressee/use-addressee-data.ts";
import { matchPath } from "../../screen-paths.ts";
import { Link, usePath } from "../../router.tsx";
import { personPath, type PersonView } from "./resident-api.ts";
import {
  CERTIFICATE_KEYS,
  certificateRequest,
  CHANNEL_LABELS,
  COUNTER_CHANNELS,
  IDENTITY_DOCUMENT_LABELS,
  IDENTITY_DOCUMENTS,
  EMPTY_CERTIFICATE,
  ENTRY_CERTIFICATE,
  ENTRY_ITEM_LABELS,
  ENTRY_ITEMS,
  MOVE_OUT_CERTIFICATE,
  MY_NUMBER_EXPLANATION,
  NEEDS_ADMIN,
  PURPOSE_MAX_LENGTH,
  RESIDENCE_COPY,
  type CertificateDraft,
  type ResidentCertificateKind,
} from "./resident-certificate-request.ts";
import { inputId, placeProblem, type FormErrors } from "./resident-form-errors.ts";
import { REQUESTER_KIND_JA, REQUESTER_KINDS } from "./resident-labels.ts";
import { isPersonId, RESIDENT_PATHS, residentPath } from "./resident-paths.ts";
import { requestCertificatePdf } from "./resident-pdf-request.ts";
import { printsMyNumbers } from "./resident-roles.ts";
import { addressText, fullName, fullNameKana } from "./resident-values.ts";
import { dateConfirmation, readDateInput, warekiDateJa } from "../../kit/wareki-date.ts";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";
import { PurposeBar } from "../../kit/purpose-bar.tsx";
import { RadioGroup } from "../../kit/radio-group.tsx";
import { SelectField, TextField } from "../../kit/form-field.tsx";
import { ResidentStatusTag } from "./resident-status-tag.tsx";
import { ProtectedRecordBanner } from "../../platform/protection/protection-banner.tsx";
import { protectionOf } from "../../platform/protection/protection-mark.ts";
import { EMPTY_REQUESTER, requesterBody, type RequesterDraft } from "../../platform/protection/protection-measure-draft.ts";
import type { ReleaseView } from "../../platform/protection/protection-api.ts";
import { openReleaseFor, usableRelease, type Refusal } from "../../platform/protection/protection-release.ts";
import { approvesReleases } from "../../platform/protection/protection-roles.ts";
import { RELEASES_PATH } from "../../platform/protection/protection-api.ts";
import { ProtectionRefusal } from "../../platform/protection/protection-release-request.tsx";
import "./resident.css";

interface KindsView {
  kinds: { id: string; name: string; module: string; canIssue: boolean }[];
  font: { name: string; cannotRender: string[] };
}

export function ResidentCertificateScreen() {
  const purpose = usePurpose();
  const path = usePath();
  const id = matchPath(RESIDENT_PATHS.certificate, path)?.id ?? "";
  return (
    <Page title="証明書の交付" lead="請求書の内容を選び、プレビュー（見本）で確かめてから交付します。交付すると証明書番号が付き、交付簿に記録されます。">
      <PurposeBar />
      {purpose === null ? null : isPersonId(id) ? (
        <CertificateOf key={id} personId={id} />
      ) : (
        <Notice kind="error">住民が指定されていません。住民の詳細から開いてください。</Notice>
      )}
    </Page>
  );
}

interface Pdf {
  url: string;
  /** The request it answers: a preview or issue holds only while the request is unchanged. */
  request: string;
}

function usePdfUrl(): [Pdf | null, (next: Pdf | null) => void] {
  const [pdf, setPdf] = useState<Pdf | null>(null);
  const current = useRef<Pdf | null>(null);
  useEffect(() => () => {
    if (current.current) URL.revokeObjectURL(current.current.url);
  }, []);
  return [
    pdf,
    (next) => {
      if (current.current && current.current.url !== next?.url) URL.revokeObjectURL(current.current.url);
      current.current = next;
      setPdf(next);
    },
  ];
}

function CertificateOf({ personId }: { personId: string }) {
  const { api, session } = useApp();
  const view = useAddresseeData<PersonView>(personPath(personId));
  const kinds = useApiData<KindsView>("/api/certificates/kinds");
  const [draft, setDraft] = useState<CertificateDraft>(EMPTY_CERTIFICATE);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<{ request: string; fields: FormErrors } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<"preview" | "issue" | null>(null);
  const [preview, setPreview] = usePdfUrl();
  const [issued, setIssued] = usePdfUrl();
  const [serial, setSerial] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const [requester, setRequester] = useState<RequesterDraft>(EMPTY_REQUESTER);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [release, setRelease] = useState<ReleaseView | null>(null);
  // A clerk's own releases (a supervisor's list is everyone's, and another clerk's cannot be used).
  const own = useApiData<ReleaseView[]>(approvesReleases(session) ? null : RELEASES_PATH);

  const v = view.data;
  const earlier = v && own.data ? openReleaseFor(own.data, v.addresseeNumber) : null;
  useEffect(() => {
    if (earlier) setRelease((current) => current ?? earlier);
  }, [earlier]);
  const who = requesterBody(requester);
  const releaseId = v ? usableRelease(release, v.addresseeNumber, draft.kind) : null;
  const baseCheck = v ? certificateRequest(draft, v.addresseeNumber) : null;
  const check: typeof baseCheck =
    baseCheck === null
      ? null
      : !baseCheck.ok || !who.ok
        ? { ok: false, errors: { ...(baseCheck.ok ? {} : baseCheck.errors), ...(who.ok ? {} : who.errors) } }
        : { ok: true, body: { ...baseCheck.body, ...(who.body ? { requester: who.body } : {}), ...(releaseId ? { releaseId } : {}) } };
  const request = check?.ok ? JSON.stringify({ kind: draft.kind, ...check.body }) : null;
  const previewed = preview !== null && preview.request === request;
  const alreadyIssued = issued !== null && issued.request === request;

  if (view.problem && !v) return <Notice kind="error">{view.problem.titleJa}</Notice>;
  if (!v || !check) return view.loading ? <p className="muted">読み込み中…</p> : null;

  const available = (kinds.data?.kinds ?? []).filter((k) => k.module === "resident" && k.canIssue);
  const mayPrintMyNumber = printsMyNumbers(session);
  const ownErrors = check.ok ? {} : check.errors;
  const errorOf = (key: string) => (submitted ? ownErrors[key] : undefined) ?? (serverErrors?.request === request ? serverErrors.fields[key] : undefined);
  const update = (patch: Partial<CertificateDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setMessage(null);
  };

  async function fetchPdf(action: "preview" | "issue") {
    if (!check?.ok || request === null) return null;
    setBusy(action);
    setMessage(null);
    try {
      return await requestCertificatePdf(action, draft.kind, check.body, session.csrfToken);
    } catch (error) {
      const problem = error instanceof ApiProblem ? error : new ApiProblem(0, "unknown", "証明書を作成できませんでした");
      // A session that ended while the form was open: let the client return to the log-in screen.
      if (problem.status === 401) void api.get("/api/session").catch(() => undefined);
      // A 支援措置 refusal is explained by its own panel (with the release request), not a field error.
      if (problem.code.startsWith("protection.")) {
        setRefusal({ code: problem.code, titleJa: problem.titleJa, kind: draft.kind });
        return null;
      }
      const placed = placeProblem(problem, CERTIFICATE_KEYS);
      setServerErrors({ request, fields: placed.fields });
      setMessage(placed.form ?? problem.titleJa);
      const first = CERTIFICATE_KEYS.find((k) => placed.fields[k]);
      if (first) document.getElementById(inputId(first))?.focus();
      return null;
    } finally {
      setBusy(null);
    }
  }

  async function showPreview(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!check?.ok) {
      const first = CERTIFICATE_KEYS.find((k) => ownErrors[k]);
      if (first) document.getElementById(inputId(first))?.focus();
      return;
    }
    const pdf = await fetchPdf("preview");
    if (pdf) {
      setRefusal(null);
      setPreview({ url: URL.createObjectURL(pdf.blob), request: request! });
      setIssued(null);
      setSerial(null);
      requestAnimationFrame(() => document.getElementById("issue-button")?.focus());
    }
  }

  async function issue() {
    if (!previewed || alreadyIssued) return;
    const pdf = await fetchPdf("issue");
    if (!pdf) return;
    const url = URL.createObjectURL(pdf.blob);
    setIssued({ url, request: request! });
    setSerial(pdf.serial);
    // The release is used up by this issue: show it so (the server's state), not as still usable.
    if (releaseId) void api.get<ReleaseView>(`/api/protection/releases/${encodeURIComponent(releaseId)}`).then(setRelease, () => undefined);
    // Saved at once for printing; the PDF is also shown below with a print button.
    const link = document.createElement("a");
    link.href = url;
    link.download = `${pdf.serial ?? "certificate"}.pdf`;
    document.body.append(link);
    link.click();
    link.remove();
    requestAnimationFrame(() => document.getElementById("print-button")?.focus());
  }

  const shown = alreadyIssued ? issued : previewed ? preview : null;
  const members = v.household.members.filter((m) => m.personId !== v.personId);
  const copy = draft.residenceCopy;
  const setCopy = (patch: Partial<CertificateDraft["residenceCopy"]>) => update({ residenceCopy: { ...copy, ...patch } });
  const asOf = readDateInput(draft.asOf);
  const requesterBirth = readDateInput(requester.birthDate);
  const setWho = (patch: Partial<RequesterDraft>) => {
    setRequester((r) => ({ ...r, ...patch }));
    setMessage(null);
  };

  return (
    <>
      <ProtectedRecordBanner mark={protectionOf(v)} certificateRules />
      <section className="record-summary" aria-label="証明の対象" data-testid="certificate-subject">
        <p>
          <strong className="record-summary__name">{fullName(v.record)}</strong>（{fullNameKana(v.record)}）{"\u3000"}{warekiDateJa(v.record.birthDate)}生{"\u3000"}
          <ResidentStatusTag isRemoved={v.isRemovedRecord} plannedMoveOutDate={v.record.plannedMoveOutDate} />
        </p>
        <p className="muted">
          宛名番号 {v.addresseeNumber}{"\u3000"}{addressText(v.record.address, v.record.addressLine2)}{"\u3000"}世帯番号 {v.householdNumber}
        </p>
        <p>
          <Link href={residentPath(personId)}>住民の詳細に戻る</Link>
        </p>
      </section>

      {kinds.problem ? <Notice kind="error">{kinds.problem.titleJa}</Notice> : null}
      {kinds.data && available.length === 0 ? <Notice kind="error">交付できる住民記録の証明書がありません（証明書の種類が登録されていないか、証明の権限がありません）。</Notice> : null}
      {serial && alreadyIssued ? (
        <Notice kind="success">
          <p data-testid="issued">
            証明書番号 <strong className="code" data-testid="certificate-serial">{serial}</strong> で交付しました。PDFを保存しました。下の表示から印刷できます。
          </p>
          <p className="issued-actions">
            <button type="button" id="print-button" className="button button--primary button--small" onClick={() => frame.current?.contentWindow?.print()}>
              印刷する
            </button>
            <a className="button button--secondary button--small" href={issued!.url} target="_blank" rel="noopener">
              PDFを別のタブで開く
            </a>
            <a className="button button--text button--small" href={issued!.url} download={`${serial}.pdf`}>
              もう一度保存する
            </a>
          </p>
        </Notice>
      ) : null}
      {message ? (
        <Notice kind="error">
          <span data-testid="certificate-message">{message}</span>
        </Notice>
      ) : null}
      {(refusal && refusal.kind === draft.kind) || (release && release.certificateKind === draft.kind) ? (
        <ProtectionRefusal
          refusal={refusal && refusal.kind === draft.kind ? refusal : null}
          subjectNumber={v.addresseeNumber}
          certificateKind={draft.kind}
          requesterKind={draft.requesterKind}
          release={release}
          onRelease={setRelease}
        />
      ) : null}

      <form onSubmit={showPreview} noValidate aria-label="証明書の請求内容" data-testid="certificate-form">
        <section className="section" aria-labelledby="kind-title">
          <h2 className="section__title" id="kind-title">
            証明書の種類
          </h2>
          <RadioGroup
            name="certificate-kind"
            legend="交付する証明書"
            value={draft.kind}
            onValue={(kind) => update({ kind: kind as ResidentCertificateKind })}
            options={available.map((k) => ({ value: k.id, label: k.name }))}
            required
          />
          {draft.kind === RESIDENCE_COPY ? (
            <>
              <RadioGroup
                name="certificate-scope"
                legend="記載する人"
                value={copy.scope}
                onValue={(scope) => setCopy({ scope: scope as typeof copy.scope })}
                options={[
                  { value: "person", label: "本人のみ" },
                  { value: "household", label: `世帯全員（${v.household.members.length}人）` },
                  ...(members.length ? [{ value: "chosen", label: "本人と選んだ世帯員" }] : []),
                ]}
                required
              />
              {copy.scope === "chosen" ? (
                <fieldset className="fieldset" id={inputId("options/members")} tabIndex={-1}>
                  <legend className="form-label fieldset__legend">記載する世帯員</legend>
                  <ul className="check-list">
                    {members.map((m) => (
                      <li key={m.personId}>
                        <label className="checkbox">
                          <input
                            type="checkbox"
                            checked={copy.members.includes(m.addresseeNumber)}
                            onChange={(e) =>
                              setCopy({ members: e.target.checked ? [...copy.members, m.addresseeNumber] : copy.members.filter((n) => n !== m.addresseeNumber) })
                            }
                          />
                          {fullName(m)}（{m.relationshipJa}）
                        </label>
                      </li>
                    ))}
                  </ul>
                  <FieldError message={errorOf("options/members")} />
                </fieldset>
              ) : null}
              <fieldset className="fieldset fieldset--spaced">
                <legend className="form-label fieldset__legend">記載する事項（請求があったときだけ記載するもの）</legend>
                <ul className="check-list">
                  <Option name="showRelationship" label="世帯主の氏名と続柄" checked={copy.showRelationship} onChange={(c) => setCopy({ showRelationship: c })} error={errorOf("options/showRelationship")} />
                  <Option name="showDomicile" label="本籍・筆頭者" checked={copy.showDomicile} onChange={(c) => setCopy({ showDomicile: c })} error={errorOf("options/showDomicile")} />
                  <Option name="showPreviousAddress" label="前住所" checked={copy.showPreviousAddress} onChange={(c) => setCopy({ showPreviousAddress: c })} error={errorOf("options/showPreviousAddress")} />
                  <Option
                    name="showMyNumber"
                    label="個人番号"
                    checked={copy.showMyNumber}
                    onChange={(c) => setCopy({ showMyNumber: c })}
                    disabledBecause={mayPrintMyNumber ? null : MY_NUMBER_EXPLANATION}
                    error={errorOf("options/showMyNumber")}
                  />
                  <Option name="showResidentCode" label="住民票コード" checked={copy.showResidentCode} onChange={(c) => setCopy({ showResidentCode: c })} error={errorOf("options/showResidentCode")} />
                </ul>
              </fieldset>
            </>
          ) : null}
          {draft.kind === ENTRY_CERTIFICATE ? (
            <fieldset className="fieldset" id={inputId("options/items")} tabIndex={-1}>
              <legend className="form-label fieldset__legend">証明する事項（氏名は必ず記載されます）</legend>
              <ul className="check-list">
                {ENTRY_ITEMS.map((item) => (
                  <Option
                    key={item}
                    name={`item-${item}`}
                    label={ENTRY_ITEM_LABELS[item]}
                    checked={draft.entryItems.includes(item)}
                    onChange={(c) => update({ entryItems: c ? [...draft.entryItems, item] : draft.entryItems.filter((i) => i !== item) })}
                    disabledBecause={NEEDS_ADMIN.has(item) && !mayPrintMyNumber ? MY_NUMBER_EXPLANATION : null}
                  />
                ))}
              </ul>
              <FieldError message={errorOf("options/items")} />
            </fieldset>
          ) : null}
          {draft.kind === MOVE_OUT_CERTIFICATE ? (
            <fieldset className="fieldset">
              <legend className="form-label fieldset__legend">記載する内容</legend>
              <ul className="check-list">
                <Option name="wholeMove" label="同じ転出届で転出する世帯員を併記する" checked={draft.moveOut.wholeMove} onChange={(c) => update({ moveOut: { ...draft.moveOut, wholeMove: c } })} />
              </ul>
              <p className="form-hint">住民票コードと個人番号は記載されます（住民基本台帳法施行令第23条）。記載は監査ログに記録されます。</p>
            </fieldset>
          ) : null}
        </section>

        <section className="section" aria-labelledby="request-title">
          <h2 className="section__title" id="request-title">
            請求
          </h2>
          <RadioGroup
            name="requester-kind"
            legend="請求者の区分"
            value={draft.requesterKind}
            onValue={(k) => update({ requesterKind: k as CertificateDraft["requesterKind"] })}
            options={REQUESTER_KINDS.map((k) => ({ value: k, label: REQUESTER_KIND_JA[k] }))}
            required
          />
          <RadioGroup
            name="request-channel"
            legend="請求の方法"
            value={draft.channel}
            onValue={(channel) => update({ channel: channel as CertificateDraft["channel"] })}
            options={COUNTER_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
            required
          />
          {draft.channel === "counter" ? (
            <fieldset className="fieldset fieldset--spaced" id={inputId("identityCheck")} tabIndex={-1} data-testid="identity-check">
              <legend className="form-label fieldset__legend">
                本人確認（窓口で提示された書類）<span className="form-optional">任意</span>
              </legend>
              <p className="form-hint">顔写真付きの本人確認書類の種類を記録します。書類の番号や記載事項は記録しません。支援措置の対象者本人（同一世帯を含む）からの請求では、そのつど必要です。</p>
              <div className="form-grid">
                <SelectField
                  id={inputId("identityCheck/document")}
                  label="本人確認書類"
                  value={draft.identityDocument}
                  onValue={(document) => update({ identityDocument: document as CertificateDraft["identityDocument"] })}
                  options={[{ value: "", label: "（記録しない）" }, ...IDENTITY_DOCUMENTS.map((d) => ({ value: d, label: IDENTITY_DOCUMENT_LABELS[d] }))]}
                />
              </div>
              <label className="checkbox">
                <input
                  id={inputId("identityCheck/checked")}
                  type="checkbox"
                  checked={draft.identityChecked}
                  onChange={(e) => update({ identityChecked: e.target.checked })}
                />
                書類の写真と請求者を照合し、本人であることを確認した
              </label>
              <FieldError message={errorOf("identityCheck")} />
            </fieldset>
          ) : null}
          <div className="form-grid">
            <TextField
              id={inputId("purpose")}
              label="利用目的"
              hint="請求書に書かれた目的。例：就職の手続きのため"
              value={draft.purpose}
              onValue={(purpose) => update({ purpose })}
              maxLength={PURPOSE_MAX_LENGTH}
              required
              autoComplete="off"
              error={errorOf("purpose")}
            />
            <TextField
              id={inputId("asOf")}
              label="基準日"
              hint="過去の日現在の内容で証明するときだけ（和暦も可）"
              value={draft.asOf}
              onValue={(text) => update({ asOf: text })}
              autoComplete="off"
              className="text-input--date"
              error={errorOf("asOf")}
              status={asOf.kind === "date" ? dateConfirmation(asOf.iso) : null}
            />
          </div>
          <fieldset className="fieldset fieldset--spaced" data-testid="requester-identity">
            <legend className="form-label fieldset__legend">
              請求者（支援措置の相手方の確認）<span className="form-optional">任意</span>
            </legend>
            <p className="form-hint">本人確認書類で確かめた請求者を記録します。支援措置の相手方からの請求は交付できません。宛名番号、またはカナ氏名と生年月日を入力します。</p>
            <div className="form-grid">
              <TextField
                id={inputId("requester/addresseeNumber")}
                label="請求者の宛名番号"
                value={requester.addresseeNumber}
                onValue={(addresseeNumber) => setWho({ addresseeNumber })}
                inputMode="numeric"
                autoComplete="off"
                error={errorOf("requester/addresseeNumber")}
              />
              <TextField id={inputId("requester/nameKana")} label="請求者のカナ氏名" value={requester.nameKana} onValue={(nameKana) => setWho({ nameKana })} autoComplete="off" error={errorOf("requester/nameKana")} />
              <TextField
                id={inputId("requester/birthDate")}
                label="請求者の生年月日"
                value={requester.birthDate}
                onValue={(birthDate) => setWho({ birthDate })}
                autoComplete="off"
                hint="和暦も可"
                error={errorOf("requester/birthDate")}
                status={requesterBirth.kind === "date" ? dateConfirmation(requesterBirth.iso) : null}
              />
            </div>
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy !== null || available.length === 0}>
              {busy === "preview" ? "作成しています…" : "プレビュー（見本）"}
            </button>
            <button type="button" id="issue-button" className="button button--primary" disabled={!previewed || alreadyIssued || busy !== null} onClick={() => void issue()}>
              {busy === "issue" ? "交付しています…" : alreadyIssued ? "交付済み" : "交付する"}
            </button>
            <span className="form-actions__aside" role="status">
              {previewed ? (alreadyIssued ? "" : "プレビューの内容で交付します。") : preview ? "内容が変わりました。もう一度プレビューしてください。" : "交付の前にプレビューで内容を確かめます。"}
            </span>
          </div>
        </section>
      </form>

      {shown ? (
        <section className="section" aria-labelledby="pdf-title">
          <h2 className="section__title" id="pdf-title">
            {alreadyIssued ? `交付した証明書（${serial ?? ""}）` : "プレビュー（見本）"}
          </h2>
          <iframe ref={frame} className="certificate-frame" src={`${shown.url}#navpanes=0&view=FitH`} title={alreadyIssued ? "交付した証明書" : "証明書のプレビュー（見本）"} data-testid="certificate-pdf" />
        </section>
      ) : null}
    </>
  );
}

function FieldError({ message }: { message: string | undefined }) {
  return message ? <p className="form-error">＊{message}</p> : null;
}

interface OptionProps {
  name: string;
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  /** Why the option cannot be chosen by this staff member, or null. */
  disabledBecause?: string | null;
  error?: string;
}

function Option({ name, label, checked, onChange, disabledBecause = null, error }: OptionProps) {
  const id = inputId(`options/${name}`);
  const note = disabledBecause ? `${id}-why` : undefined;
  return (
    <li>
      <label className={`checkbox${disabledBecause ? " checkbox--disabled" : ""}`}>
        <input id={id} type="checkbox" checked={checked && !disabledBecause} disabled={disabledBecause !== null} aria-describedby={note} onChange={(e) => onChange(e.target.checked)} />
        {label}
      </label>
      {disabledBecause ? (
        <p className="form-hint option-why" id={note}>
          {disabledBecause}
        </p>
      ) : null}
      <FieldError message={error} />
    </li>
  );
}
