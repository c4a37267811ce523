// 支援措置 (the measures, for the roles of module `protection`): the measures in force with the
// protected persons' names, their period, state and the day a renewal may first be applied for;
// 期限間近 (ending within 30 days) and the expiry job's notices; and for the 支援措置担当 (更新)
// registering a measure (申出者, the household members protected with them, kind, 受付日, period,
// 相手方 by 宛名番号 or カナ and 生年月日) and its 延長, 変更 and 終了 — each with a reason, each
// a new version shown in the measure's history. Every list and opening is audited by the server.
import { useState, type FormEvent } from "react";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { actorLabel } from "../audit/audit-entry-labels.ts";
import { formatDateTimeJa } from "../../kit/date-format.ts";
import { MEASURE_CHANGE_JA, MEASURE_STATUS, labelIn } from "./protection-labels.ts";
import {
  adversaryDrafts,
  changeBody,
  datedChangeBody,
  EMPTY_ADVERSARY,
  EMPTY_MEASURE,
  MEASURE_KIND_JA,
  MEASURE_KIND_SHORT,
  MEASURE_KINDS,
  measureBody,
  REASON_MAX_LENGTH,
  type AdversaryDraft,
  type MeasureDraft,
  type MeasureKind,
} from "./protection-measure-draft.ts";
import { measurePath, MEASURES_PATH, type ExpiryNotice, type MeasureDetail, type MeasureList, type MeasureView } from "./protection-api.ts";
import { writesProtection } from "./protection-roles.ts";
import type { FormErrors } from "../../modules/resident/resident-form-errors.ts";
import { useApiData } from "../../kit/use-api-data.ts";
import { useStaffNames } from "../../kit/use-staff-names.ts";
import { dateConfirmation, readDateInput, warekiDateJa } from "../../kit/wareki-date.ts";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";
import { RadioGroup } from "../../kit/radio-group.tsx";
import { SelectField, TextField } from "../../kit/form-field.tsx";
import "./protection.css";

type Filter = "active" | "expiring" | "all";

const FILTER_QUERY: Record<Filter, string> = {
  active: "",
  expiring: "?expiringWithinDays=30",
  all: "?status=all",
};

const kindOptions = MEASURE_KINDS.map((k) => ({ value: k, label: MEASURE_KIND_JA[k] }));

function namesOf(m: MeasureView, names: Record<string, string>): string {
  return m.protectedNumbers.map((n) => names[n] ?? `宛名 ${n}`).join("、");
}

export function ProtectionMeasuresScreen() {
  const { session } = useApp();
  const [filter, setFilter] = useState<Filter>("active");
  const list = useApiData<MeasureList>(`${MEASURES_PATH}${FILTER_QUERY[filter]}`);
  const notices = useApiData<ExpiryNotice[]>("/api/protection/notices");
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const mayWrite = writesProtection(session);

  function changed(text: string, measureId: string) {
    setNotice(text);
    setCreating(false);
    setSelected(measureId);
    list.reload();
    notices.reload();
  }

  const items = list.data?.items ?? [];
  const names = list.data?.names ?? {};

  return (
    <Page title="支援措置" lead="DV・ストーカー行為等・児童虐待等の被害者への支援措置です。対象者の情報は第三者に伝えないでください。一覧・照会・変更はすべて監査ログに記録されます。">
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {list.problem ? <Notice kind="error">{list.problem.titleJa}</Notice> : null}

      {notices.data && notices.data.length > 0 ? (
        <section className="section" aria-labelledby="notices-title">
          <h2 className="section__title" id="notices-title">
            期間満了の予告（最近60日）
          </h2>
          <ul data-testid="expiry-notices">
            {notices.data.map((n) => (
              <li key={`${n.measureId}-${n.noticedAt}`}>
                {MEASURE_KIND_JA[n.kind as MeasureKind] ?? n.kind}の支援措置が{warekiDateJa(n.endsOn)}に期間満了します（{formatDateTimeJa(n.noticedAt)} 予告）
                <button type="button" className="button button--text button--small" onClick={() => setSelected(n.measureId)}>
                  詳細
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="section" aria-labelledby="measures-title">
        <h2 className="section__title" id="measures-title">
          支援措置の一覧
        </h2>
        <RadioGroup
          name="measure-filter"
          legend="表示する支援措置"
          value={filter}
          onValue={(v) => setFilter(v as Filter)}
          options={[
            { value: "active", label: "実施中・開始前" },
            { value: "expiring", label: "期限間近（30日以内に期間満了）" },
            { value: "all", label: "終了・期間満了を含むすべて" },
          ]}
        />
        {mayWrite ? (
          <div className="form-actions">
            <button type="button" className="button button--primary" onClick={() => setCreating((c) => !c)} aria-expanded={creating}>
              支援措置を登録する
            </button>
          </div>
        ) : null}
        {creating ? <CreateForm onCreated={(m) => changed(`支援措置を登録しました（${warekiDateJa(m.endsOn)}まで）。`, m.measureId)} onCancel={() => setCreating(false)} /> : null}
        {list.data ? (
          <div className="table-wrap">
            <table className="data-table" data-testid="measures">
              <caption aria-live="polite">{items.length ? `${items.length}件` : "該当する支援措置はありません。"}</caption>
              <thead>
                <tr>
                  <th scope="col">対象者</th>
                  <th scope="col">種別</th>
                  <th scope="col">期間</th>
                  <th scope="col">状態</th>
                  <th scope="col">延長の受付開始</th>
                  <th scope="col">
                    <span className="visually-hidden">操作</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((m) => {
                  const status = labelIn(MEASURE_STATUS, m.status);
                  return (
                    <tr key={m.measureId} data-measure={m.measureId} className={selected === m.measureId ? "is-selected" : undefined}>
                      <td>
                        {namesOf(m, names)}
                        <span className="sub code">{m.protectedNumbers.join("、")}</span>
                      </td>
                      <td className="nowrap">{MEASURE_KIND_SHORT[m.kind] ?? m.kind}</td>
                      <td className="nowrap">
                        {warekiDateJa(m.startsOn)}〜
                        <span className="sub">{warekiDateJa(m.endedOn ?? m.endsOn)}</span>
                      </td>
                      <td className="nowrap">
                        <span className={`status status--${status.tone}`}>{status.label}</span>
                      </td>
                      <td className="nowrap">{warekiDateJa(m.renewalOpensOn)}</td>
                      <td>
                        <button type="button" className="button button--secondary button--small" onClick={() => setSelected(m.measureId)}>
                          詳細
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : list.loading ? (
          <p className="muted">読み込み中…</p>
        ) : null}
      </section>

      {selected ? <MeasureDetailSection key={selected} measureId={selected} mayWrite={mayWrite} onChanged={changed} /> : null}
    </Page>
  );
}

function Errors({ message }: { message: string | undefined }) {
  return message ? <p className="form-error">＊{message}</p> : null;
}

/** The 相手方 rows of a form: each by 宛名番号, or カナ氏名 and 生年月日, with the relation. */
function AdversaryFields({ prefix, list, onList, errors }: { prefix: string; list: AdversaryDraft[]; onList(next: AdversaryDraft[]): void; errors: FormErrors }) {
  const set = (i: number, patch: Partial<AdversaryDraft>) => onList(list.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <fieldset className="fieldset fieldset--spaced">
      <legend className="form-label fieldset__legend">相手方（加害者）— 宛名番号、またはカナ氏名と生年月日</legend>
      {list.map((a, i) => {
        const birth = readDateInput(a.birthDate);
        return (
          <div key={i} className="form-grid form-grid--spaced" data-testid="adversary">
            <TextField id={`${prefix}-adv-${i}-number`} label={`相手方${i + 1} 宛名番号`} value={a.addresseeNumber} onValue={(v) => set(i, { addresseeNumber: v })} inputMode="numeric" autoComplete="off" error={errors[`adversaries/${i}/addresseeNumber`]} />
            <TextField id={`${prefix}-adv-${i}-kana`} label={`相手方${i + 1} カナ氏名`} value={a.nameKana} onValue={(v) => set(i, { nameKana: v })} autoComplete="off" />
            <TextField
              id={`${prefix}-adv-${i}-birth`}
              label={`相手方${i + 1} 生年月日`}
              value={a.birthDate}
              onValue={(v) => set(i, { birthDate: v })}
              autoComplete="off"
              error={errors[`adversaries/${i}/birthDate`]}
              status={birth.kind === "date" ? dateConfirmation(birth.iso) : null}
            />
            <TextField id={`${prefix}-adv-${i}-relation`} label={`相手方${i + 1} 続柄・関係`} value={a.relation} onValue={(v) => set(i, { relation: v })} autoComplete="off" hint="例：元配偶者" />
            <div>
              <Errors message={errors[`adversaries/${i}`]} />
              <button type="button" className="button button--text button--small" onClick={() => onList(list.filter((_, j) => j !== i))}>
                相手方{i + 1}を削除
              </button>
            </div>
          </div>
        );
      })}
      <button type="button" className="button button--secondary button--small" onClick={() => onList([...list, { ...EMPTY_ADVERSARY }])}>
        ＋ 相手方を追加
      </button>
    </fieldset>
  );
}

function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function run<T>(fn: () => Promise<T>): Promise<T | null> {
    setBusy(true);
    setProblem(null);
    try {
      return await fn();
    } catch (e) {
      setProblem(e instanceof ApiProblem ? e.titleJa : "処理できませんでした");
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { busy, problem, run };
}

function CreateForm({ onCreated, onCancel }: { onCreated(m: MeasureView): void; onCancel(): void }) {
  const { api } = useApp();
  const [draft, setDraft] = useState<MeasureDraft>(EMPTY_MEASURE);
  const [errors, setErrors] = useState<FormErrors>({});
  const submit = useSubmit();
  const set = (patch: Partial<MeasureDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const dateStatus = (text: string) => {
    const d = readDateInput(text);
    return d.kind === "date" ? dateConfirmation(d.iso) : null;
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    const check = measureBody(draft);
    if (!check.ok) {
      setErrors(check.errors);
      return;
    }
    setErrors({});
    const created = await submit.run(() => api.send<MeasureView>("POST", MEASURES_PATH, check.body));
    if (created) onCreated(created);
  }

  return (
    <form className="protection-panel" onSubmit={save} noValidate aria-label="支援措置の登録" data-testid="measure-create-form">
      <h3>支援措置の登録</h3>
      {submit.problem ? <Notice kind="error">{submit.problem}</Notice> : null}
      <div className="form-grid">
        <SelectField id="pm-kind" label="種別" value={draft.kind} onValue={(v) => set({ kind: v as MeasureKind })} options={kindOptions} required />
        <TextField id="pm-applicant" label="申出者の宛名番号" value={draft.applicantNumber} onValue={(v) => set({ applicantNumber: v })} inputMode="numeric" required autoComplete="off" error={errors.applicantNumber} />
        <TextField
          id="pm-with"
          label="併せて支援する世帯員の宛名番号"
          hint="申出者と同一の住所の者。複数は読点・空白で区切る"
          value={draft.withNumbers}
          onValue={(v) => set({ withNumbers: v })}
          autoComplete="off"
          error={errors.withNumbers}
        />
        <TextField id="pm-accepted" label="受付日" value={draft.acceptedOn} onValue={(v) => set({ acceptedOn: v })} required autoComplete="off" hint="和暦も可" error={errors.acceptedOn} status={dateStatus(draft.acceptedOn)} />
        <TextField id="pm-starts" label="開始日" value={draft.startsOn} onValue={(v) => set({ startsOn: v })} autoComplete="off" hint="省略すると受付日から" error={errors.startsOn} status={dateStatus(draft.startsOn)} />
        <TextField id="pm-ends" label="終了日" value={draft.endsOn} onValue={(v) => set({ endsOn: v })} autoComplete="off" hint="省略すると開始日から1年" error={errors.endsOn} status={dateStatus(draft.endsOn)} />
      </div>
      <AdversaryFields prefix="pm" list={draft.adversaries} onList={(adversaries) => set({ adversaries })} errors={errors} />
      <div className="form-grid form-grid--spaced">
        <TextField id="pm-reason" label="登録の理由" value={draft.reason} onValue={(v) => set({ reason: v })} maxLength={REASON_MAX_LENGTH} required autoComplete="off" hint="例：警察署の意見により支援の必要性を確認" error={errors.reason} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={submit.busy}>
          {submit.busy ? "登録しています…" : "登録する"}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          閉じる
        </button>
      </div>
    </form>
  );
}

type Action = "renew" | "change" | "end";

function MeasureDetailSection({ measureId, mayWrite, onChanged }: { measureId: string; mayWrite: boolean; onChanged(text: string, measureId: string): void }) {
  const detail = useApiData<MeasureDetail>(measurePath(measureId));
  const staffNames = useStaffNames();
  const [action, setAction] = useState<Action | null>(null);
  if (detail.problem) return <Notice kind="error">{detail.problem.titleJa}</Notice>;
  const d = detail.data;
  if (!d) return <p className="muted">読み込み中…</p>;
  const m = d.current;
  const status = labelIn(MEASURE_STATUS, m.status);
  const done = (text: string) => {
    setAction(null);
    detail.reload();
    onChanged(text, measureId);
  };
  return (
    <section className="section" aria-labelledby="measure-title" data-testid="measure-detail">
      <h2 className="section__title" id="measure-title">
        支援措置の詳細：{namesOf(m, d.names)}
      </h2>
      <dl className="summary-list">
        <dt>状態</dt>
        <dd>
          <span className={`status status--${status.tone}`}>{status.label}</span>
        </dd>
        <dt>種別</dt>
        <dd>{MEASURE_KIND_JA[m.kind] ?? m.kind}</dd>
        <dt>申出者</dt>
        <dd>
          {d.names[m.applicantNumber] ?? ""}（宛名番号 <span className="code">{m.applicantNumber}</span>）
        </dd>
        <dt>対象者</dt>
        <dd>{m.protectedNumbers.map((n) => `${d.names[n] ?? ""}（${n}）`).join("、")}</dd>
        <dt>期間</dt>
        <dd>
          {warekiDateJa(m.startsOn)}〜{warekiDateJa(m.endsOn)}
          {m.endedOn ? `（${warekiDateJa(m.endedOn)}に終了）` : ""}{"\u3000"}受付日 {warekiDateJa(m.acceptedOn)}
        </dd>
        <dt>延長の受付開始</dt>
        <dd>{warekiDateJa(m.renewalOpensOn)}</dd>
        <dt>相手方</dt>
        <dd data-testid="measure-adversaries">
          {m.adversaries.length
            ? m.adversaries
                .map((a) => [a.addresseeNumber ? `宛名番号 ${a.addresseeNumber}` : null, a.nameKana, a.birthDate ? warekiDateJa(a.birthDate) + "生" : null, a.relation].filter(Boolean).join(" "))
                .join("／")
            : "登録なし"}
        </dd>
        <dt>対象業務</dt>
        <dd>{m.businesses === null ? "すべての業務" : m.businesses.join("、")}</dd>
      </dl>
      {mayWrite && m.status !== "ended" ? (
        <div className="form-actions" data-testid="measure-actions">
          <button type="button" className="button button--secondary" onClick={() => setAction("renew")} aria-pressed={action === "renew"}>
            延長
          </button>
          <button type="button" className="button button--secondary" onClick={() => setAction("change")} aria-pressed={action === "change"}>
            変更
          </button>
          <button type="button" className="button button--secondary" onClick={() => setAction("end")} aria-pressed={action === "end"}>
            終了
          </button>
        </div>
      ) : null}
      {action === "renew" ? <DatedForm measure={m} action="renew" onDone={done} onCancel={() => setAction(null)} /> : null}
      {action === "end" ? <DatedForm measure={m} action="end" onDone={done} onCancel={() => setAction(null)} /> : null}
      {action === "change" ? <ChangeForm measure={m} onDone={done} onCancel={() => setAction(null)} /> : null}

      <h3 className="versions-title">履歴（すべての版、新しい順）</h3>
      <div className="table-wrap">
        <table className="data-table data-table--compact" data-testid="measure-versions">
          <thead>
            <tr>
              <th scope="col">版</th>
              <th scope="col">内容</th>
              <th scope="col">期間</th>
              <th scope="col">対象者</th>
              <th scope="col">理由</th>
              <th scope="col">記録</th>
            </tr>
          </thead>
          <tbody>
            {[...d.versions].sort((a, b) => b.version - a.version).map((v) => (
              <tr key={v.version} data-version={v.version} data-change={v.change}>
                <td className="number">{v.version}</td>
                <td>
                  {MEASURE_CHANGE_JA[v.change] ?? v.change}
                  <span className="sub">{MEASURE_KIND_SHORT[v.kind] ?? v.kind}</span>
                </td>
                <td className="nowrap">
                  {warekiDateJa(v.startsOn)}〜
                  <span className="sub">{warekiDateJa(v.endedOn ?? v.endsOn)}</span>
                </td>
                <td className="code">{v.protectedNumbers.join("、")}</td>
                <td className="reason">{v.reason}</td>
                <td>
                  {actorLabel(v.recordedBy, staffNames)}
                  <span className="sub">{formatDateTimeJa(v.recordedAt)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function DatedForm({ measure, action, onDone, onCancel }: { measure: MeasureView; action: "renew" | "end"; onDone(text: string): void; onCancel(): void }) {
  const { api } = useApp();
  const [day, setDay] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FormErrors>({});
  const submit = useSubmit();
  const key = action === "renew" ? "acceptedOn" : "endedOn";
  const typed = readDateInput(day);

  async function save(event: FormEvent) {
    event.preventDefault();
    const check = datedChangeBody(key, day, reason);
    if (!check.ok) {
      setErrors(check.errors);
      return;
    }
    setErrors({});
    const saved = await submit.run(() => api.send<MeasureView>("POST", measurePath(measure.measureId, action), check.body));
    if (saved) onDone(action === "renew" ? `支援措置を延長しました（${warekiDateJa(saved.endsOn)}まで）。` : "支援措置を終了しました。");
  }

  return (
    <form className="protection-panel" onSubmit={save} noValidate aria-label={action === "renew" ? "支援措置の延長" : "支援措置の終了"} data-testid={`measure-${action}-form`}>
      <h3>{action === "renew" ? "延長（期間終了の1か月前から受付）" : "終了"}</h3>
      {submit.problem ? <Notice kind="error">{submit.problem}</Notice> : null}
      <div className="form-grid">
        <TextField
          id={`pm-${action}-day`}
          label={action === "renew" ? "延長の申出の受付日" : "終了日"}
          value={day}
          onValue={setDay}
          required
          autoComplete="off"
          error={errors[key]}
          status={typed.kind === "date" ? dateConfirmation(typed.iso) : null}
        />
        <TextField id={`pm-${action}-reason`} label="理由" value={reason} onValue={setReason} maxLength={REASON_MAX_LENGTH} required autoComplete="off" error={errors.reason} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={submit.busy}>
          {action === "renew" ? "延長する" : "終了する"}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          閉じる
        </button>
      </div>
    </form>
  );
}

function ChangeForm({ measure, onDone, onCancel }: { measure: MeasureView; onDone(text: string): void; onCancel(): void }) {
  const { api } = useApp();
  const [kind, setKind] = useState<MeasureKind>(measure.kind);
  const [withNumbers, setWithNumbers] = useState(measure.protectedNumbers.filter((n) => n !== measure.applicantNumber).join("、"));
  const [adversaries, setAdversaries] = useState<AdversaryDraft[]>(() => adversaryDrafts(measure.adversaries));
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FormErrors>({});
  const submit = useSubmit();

  async function save(event: FormEvent) {
    event.preventDefault();
    const check = changeBody({ kind, withNumbers, adversaries, reason });
    if (!check.ok) {
      setErrors(check.errors);
      return;
    }
    setErrors({});
    const saved = await submit.run(() => api.send<MeasureView>("POST", measurePath(measure.measureId, "change"), check.body));
    if (saved) onDone("支援措置を変更しました。");
  }

  return (
    <form className="protection-panel" onSubmit={save} noValidate aria-label="支援措置の変更" data-testid="measure-change-form">
      <h3>変更</h3>
      {submit.problem ? <Notice kind="error">{submit.problem}</Notice> : null}
      <div className="form-grid">
        <SelectField id="pm-change-kind" label="種別" value={kind} onValue={(v) => setKind(v as MeasureKind)} options={kindOptions} required />
        <TextField id="pm-change-with" label="併せて支援する世帯員の宛名番号" value={withNumbers} onValue={setWithNumbers} autoComplete="off" error={errors.withNumbers} />
      </div>
      <AdversaryFields prefix="pm-change" list={adversaries} onList={setAdversaries} errors={errors} />
      <div className="form-grid form-grid--spaced">
        <TextField id="pm-change-reason" label="変更の理由" value={reason} onValue={setReason} maxLength={REASON_MAX_LENGTH} required autoComplete="off" error={errors.reason} />
      </div>
      <Errors message={errors.form} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={submit.busy}>
          変更する
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          閉じる
        </button>
      </div>
    </form>
  );
}
