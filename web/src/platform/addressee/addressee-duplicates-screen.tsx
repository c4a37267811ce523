// 名寄せ候補 (administrators): pairs of addressees that may be one person — the same カナ and birth
// date — or one organisation — the same 法人番号 — side by side. Merging keeps both 宛名番号: the
// merged one resolves to the one kept, for every business that still holds it. A merge needs a
// reason and can be undone here at once, or later from the kept addressee's details.
import { useState, type FormEvent, type ReactNode } from "react";
import type { AddresseeState } from "../../../../src/platform/addressee/addressee.ts";
import type { DuplicateMatch } from "../../../../src/platform/addressee/duplicates.ts";
import { todayInJapan } from "../../../../src/platform/addressee/calendar-date.ts";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { currentPurpose, purposeHeaders, usePurpose } from "../../kit/access-purpose.ts";
import { useAddresseeData } from "./use-addressee-data.ts";
import { KIND_LABELS, KNOWN_AS_LABELS, labelOf, MATCH_LABELS } from "./addressee-labels.ts";
import { standingOf } from "./addressee-status.ts";
import { REASON_MAX_LENGTH } from "./addressee-input.ts";
import { warekiDateJa } from "../../kit/wareki-date.ts";
import { Link } from "../../router.tsx";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";
import { TextField } from "../../kit/form-field.tsx";
import { PurposeBar } from "../../kit/purpose-bar.tsx";
import { RadioGroup } from "../../kit/radio-group.tsx";
import { StandingTag } from "./standing-tag.tsx";
import { MergeUndoForm, type MergeView } from "./merge-undo-form.tsx";

const PAGE_SIZE = 20;

interface DuplicatePair {
  matchedOn: DuplicateMatch;
  a: AddresseeState;
  b: AddresseeState;
}

export function AddresseeDuplicatesScreen() {
  const purpose = usePurpose();
  return (
    <Page
      title="名寄せ候補"
      lead="同一人物・同一法人の可能性がある宛名の組です（カナ氏名と生年月日が一致、または法人番号が一致）。内容を確かめてから、残す宛名を選んで名寄せします。名寄せした宛名番号は、残した宛名番号として引き続き使えます。"
    >
      <PurposeBar />
      {purpose !== null ? <Candidates /> : null}
    </Page>
  );
}

function Candidates() {
  const [page, setPage] = useState(1);
  const pairs = useAddresseeData<DuplicatePair[]>(`/api/addressees/duplicates?page=${page}&pageSize=${PAGE_SIZE}`);
  const [merges, setMerges] = useState<MergeView[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {merges.length ? (
        <section className="section" aria-labelledby="recent-merges-title">
          <h2 className="section__title" id="recent-merges-title">
            この画面で行った名寄せ
          </h2>
          <ul className="merge-list" data-testid="recent-merges">
            {merges.map((m) => (
              <li key={m.id} data-merge={m.id}>
                <p>
                  宛名番号 <Link href={`/addressees/${m.merged}`} className="code">{m.merged}</Link> を{" "}
                  <Link href={`/addressees/${m.survivor}`} className="code">{m.survivor}</Link> に統合
                  {m.undoneAt ? <span className="status status--info">取消済み</span> : <span className="status status--warning">統合中</span>}
                </p>
                {!m.undoneAt ? (
                  <MergeUndoForm
                    merge={m}
                    onUndone={(undone) => {
                      setMerges((list) => list.map((x) => (x.id === undone.id ? undone : x)));
                      setNotice(`宛名番号 ${undone.merged} の名寄せを取り消しました。`);
                      pairs.reload();
                    }}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="section" aria-labelledby="candidates-title">
        <h2 className="section__title" id="candidates-title">
          候補
        </h2>
        {pairs.problem ? <Notice kind="error">{pairs.problem.titleJa}</Notice> : null}
        {pairs.data ? (
          <>
            {pairs.data.length ? (
              <ol className="pair-list" data-testid="duplicate-pairs">
                {pairs.data.map((p) => (
                  <PairCard
                    key={`${p.a.number}-${p.b.number}`}
                    pair={p}
                    onMerged={(m) => {
                      setMerges((list) => [m, ...list]);
                      setNotice(`宛名番号 ${m.merged} を ${m.survivor} に名寄せしました。`);
                      pairs.reload();
                    }}
                  />
                ))}
              </ol>
            ) : (
              <p>名寄せの候補はありません。</p>
            )}
            {page > 1 || pairs.data.length === PAGE_SIZE ? (
              <div className="pager">
                <button type="button" className="button button--secondary button--small" disabled={page <= 1 || pairs.loading} onClick={() => setPage(page - 1)}>
                  前の{PAGE_SIZE}組
                </button>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={pairs.data.length < PAGE_SIZE || pairs.loading}
                  onClick={() => setPage(page + 1)}
                >
                  次の{PAGE_SIZE}組
                </button>
              </div>
            ) : null}
          </>
        ) : pairs.loading ? (
          <p className="muted">読み込み中…</p>
        ) : null}
      </section>
    </>
  );
}

/** The one to keep by default: a resident (their number is the registry's), else the older number. */
function defaultSurvivor(pair: DuplicatePair, today: string): string {
  const resident = (s: AddresseeState) => standingOf(s, today).label === "住民";
  if (resident(pair.b) && !resident(pair.a)) return pair.b.number;
  return pair.a.number;
}

function PairCard({ pair, onMerged }: { pair: DuplicatePair; onMerged(merge: MergeView): void }) {
  const { api } = useApp();
  const today = todayInJapan();
  const [survivor, setSurvivor] = useState(() => defaultSurvivor(pair, today));
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const key = `${pair.a.number}-${pair.b.number}`;
  const merged = survivor === pair.a.number ? pair.b.number : pair.a.number;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!reason.trim()) {
      setError("名寄せの理由を入力してください");
      document.getElementById(`merge-reason-${key}`)?.focus();
      return;
    }
    setError(null);
    setSending(true);
    try {
      const purpose = currentPurpose();
      const merge = await api.send<MergeView>(
        "POST",
        "/api/addressees/merge",
        { survivor, merged, reason: reason.trim() },
        purpose ? purposeHeaders(purpose) : {},
      );
      onMerged(merge);
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      setProblem(e.titleJa);
    } finally {
      setSending(false);
    }
  }

  const rows: [string, (s: AddresseeState) => ReactNode][] = [
    ["宛名番号", (s) => <Link href={`/addressees/${s.number}`} className="code">{s.number}</Link>],
    ["種別", (s) => KIND_LABELS[s.kind]],
    [pair.a.kind === "person" ? "氏名" : "名称", (s) => s.name],
    ["カナ", (s) => s.nameKana],
    pair.a.kind === "person"
      ? ["生年月日", (s) => (s.birthDate ? warekiDateJa(s.birthDate) : "―")]
      : ["法人番号", (s) => <span className="code">{s.corporateNumber ?? "―"}</span>],
    ["住所", (s) => s.address ?? "―"],
    ["把握事由", (s) => (s.knownAs ? `${labelOf(KNOWN_AS_LABELS, s.knownAs)}${s.knownAsNote ? `（${s.knownAsNote}）` : ""}` : "住民として把握")],
    ["住民・住登外", (s) => <StandingTag standing={standingOf(s, today)} withDetail />],
  ];

  return (
    <li className="pair-card" data-pair={key}>
      <p className="pair-card__match">{MATCH_LABELS[pair.matchedOn]}</p>
      <div className="table-wrap">
        <table className="data-table data-table--compact pair-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">項目</span>
              </th>
              <th scope="col">宛名 A</th>
              <th scope="col">宛名 B</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, cell]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{cell(pair.a)}</td>
                <td>{cell(pair.b)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className="pair-card__form" onSubmit={submit} noValidate aria-label={`名寄せ（${pair.a.number} と ${pair.b.number}）`}>
        {problem ? <Notice kind="error">{problem}</Notice> : null}
        <RadioGroup
          name={`survivor-${key}`}
          legend="残す宛名"
          hint="もう一方の宛名番号は、残す宛名に統合されます。住民の宛名番号は残してください。"
          value={survivor}
          onValue={setSurvivor}
          options={[
            { value: pair.a.number, label: `宛名 A（${pair.a.number}）` },
            { value: pair.b.number, label: `宛名 B（${pair.b.number}）` },
          ]}
          required
        />
        <div className="form-stack form-stack--spaced">
          <TextField
            id={`merge-reason-${key}`}
            label="名寄せの理由"
            hint="監査ログと変更履歴に残ります。例：登記簿と住民票の写しで同一人物と確認"
            value={reason}
            onValue={setReason}
            required
            maxLength={REASON_MAX_LENGTH}
            autoComplete="off"
            error={error}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={sending}>
            {sending ? "名寄せしています…" : "名寄せする"}
          </button>
        </div>
      </form>
    </li>
  );
}
