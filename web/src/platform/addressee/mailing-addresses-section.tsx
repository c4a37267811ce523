// 送付先の一覧: where each business sends this addressee's notices, to whom and for which period,
// as it stands today (有効・開始前・終了・取消済み), with 追加 and 取消 for clerks with 更新. A
// withdrawal needs a reason and is kept in the history; nothing is deleted.
import { useState, type FormEvent } from "react";
import type { MailingAddress } from "../../../../src/platform/addressee/mailing.ts";
import { todayInJapan } from "../../../../src/platform/addressee/calendar-date.ts";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { currentPurpose, purposeHeaders } from "../../kit/access-purpose.ts";
import { businessLabel } from "./addressee-labels.ts";
import { REASON_MAX_LENGTH } from "./addressee-input.ts";
import { warekiDateJa } from "../../kit/wareki-date.ts";
import { TextField } from "../../kit/form-field.tsx";
import { Notice } from "../../kit/notice.tsx";
import { MailingAddressForm } from "./mailing-address-form.tsx";

/** Where a 送付先 stands today. */
export function mailingState(m: Pick<MailingAddress, "withdrawn" | "validFrom" | "validUntil">, today: string) {
  if (m.withdrawn) return { label: "取消済み", tone: "info" } as const;
  if (m.validFrom > today) return { label: "開始前", tone: "warning" } as const;
  if (m.validUntil !== null && m.validUntil < today) return { label: "終了", tone: "info" } as const;
  return { label: "有効", tone: "ok" } as const;
}

/** 「令和8年4月1日〜令和9年3月31日」, or 「令和8年4月1日〜（期限なし）」. */
export function periodJa(m: Pick<MailingAddress, "validFrom" | "validUntil">): string {
  return `${warekiDateJa(m.validFrom)}〜${m.validUntil ? warekiDateJa(m.validUntil) : "（期限なし）"}`;
}

interface Props {
  number: string;
  mailings: readonly MailingAddress[];
  mayWrite: boolean;
  onChanged(message: string): void;
}

export function MailingAddressesSection({ number, mailings, mayWrite, onChanged }: Props) {
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const today = todayInJapan();
  const columns = mayWrite ? 6 : 5;

  return (
    <section className="section" aria-labelledby="mailing-title">
      <h2 className="section__title" id="mailing-title">
        送付先
      </h2>
      <p className="form-hint">業務ごとの通知書の送り先です。送付先がない業務には、上の住所（連絡先）に送ります。</p>
      <div className="table-wrap">
        <table className="data-table data-table--compact" data-testid="mailing-table">
          <thead>
            <tr>
              <th scope="col">業務</th>
              <th scope="col">期間</th>
              <th scope="col">宛先</th>
              <th scope="col">送付先住所</th>
              <th scope="col">状態</th>
              {mayWrite ? (
                <th scope="col">
                  <span className="visually-hidden">操作</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {mailings.map((m) => {
              const state = mailingState(m, today);
              const open = withdrawing === m.mailingId;
              return (
                <MailingRow
                  key={m.mailingId}
                  mailing={m}
                  state={state}
                  columns={columns}
                  number={number}
                  mayWrite={mayWrite}
                  open={open}
                  onToggle={() => setWithdrawing(open ? null : m.mailingId)}
                  onWithdrawn={() => {
                    setWithdrawing(null);
                    onChanged(`送付先（${businessLabel(m.business)}）を取り消しました。`);
                  }}
                />
              );
            })}
            {!mailings.length ? (
              <tr>
                <td colSpan={columns}>送付先は登録されていません。</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {mayWrite ? (
        adding ? (
          <div className="form-stack--spaced">
            <MailingAddressForm
              number={number}
              onAdded={(m) => {
                setAdding(false);
                onChanged(`送付先（${businessLabel(m.business)}・${periodJa(m)}）を登録しました。`);
              }}
              onCancel={() => setAdding(false)}
            />
          </div>
        ) : (
          <div className="form-actions">
            <button type="button" className="button button--secondary" onClick={() => setAdding(true)}>
              送付先を追加
            </button>
          </div>
        )
      ) : null}
    </section>
  );
}

interface RowProps {
  mailing: MailingAddress;
  state: ReturnType<typeof mailingState>;
  columns: number;
  number: string;
  mayWrite: boolean;
  open: boolean;
  onToggle(): void;
  onWithdrawn(): void;
}

function MailingRow({ mailing: m, state, columns, number, mayWrite, open, onToggle, onWithdrawn }: RowProps) {
  return (
    <>
      <tr data-mailing={m.mailingId} data-business={m.business} className={open ? "is-open" : undefined}>
        <td className="nowrap">{businessLabel(m.business)}</td>
        <td className="nowrap">{periodJa(m)}</td>
        <td className="recipient">
          {m.recipientName}
          {m.recipientKana ? <span className="sub">{m.recipientKana}</span> : null}
          {m.recipientRole ? <span className="sub">{m.recipientRole}</span> : null}
        </td>
        <td>
          {m.postalCode ? `〒${m.postalCode.slice(0, 3)}-${m.postalCode.slice(3)} ` : ""}
          {m.address}
          {m.addressLine2 ? ` ${m.addressLine2}` : ""}
        </td>
        <td>
          <span className={`status status--${state.tone}`}>{state.label}</span>
        </td>
        {mayWrite ? (
          <td className="actions">
            {!m.withdrawn ? (
              <button
                type="button"
                className="button button--secondary button--small"
                aria-expanded={open}
                onClick={onToggle}
                aria-label={`取消（${businessLabel(m.business)}・${periodJa(m)}）`}
              >
                取消
              </button>
            ) : null}
          </td>
        ) : null}
      </tr>
      {open ? (
        <tr className="detail-row">
          <td colSpan={columns}>
            <WithdrawForm number={number} mailing={m} onWithdrawn={onWithdrawn} onCancel={onToggle} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function WithdrawForm({ number, mailing, onWithdrawn, onCancel }: { number: string; mailing: MailingAddress; onWithdrawn(): void; onCancel(): void }) {
  const { api } = useApp();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const id = `withdraw-reason-${mailing.mailingId}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!reason.trim()) {
      setError("取り消す理由を入力してください");
      document.getElementById(id)?.focus();
      return;
    }
    setError(null);
    setSending(true);
    try {
      const purpose = currentPurpose();
      await api.send(
        "DELETE",
        `/api/addressees/${encodeURIComponent(number)}/mailing-addresses/${encodeURIComponent(mailing.mailingId)}`,
        { reason: reason.trim() },
        purpose ? purposeHeaders(purpose) : {},
      );
      onWithdrawn();
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      setProblem(e.titleJa);
    } finally {
      setSending(false);
    }
  }

  return (
    <form className="detail-panel" onSubmit={submit} noValidate aria-label={`送付先の取消（${businessLabel(mailing.business)}）`}>
      <h3 className="detail-panel__title">送付先の取消（{businessLabel(mailing.business)}・{periodJa(mailing)}）</h3>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <div className="form-stack">
        <TextField
          id={id}
          label="取り消す理由"
          hint="変更履歴に残ります。例：納税管理人の解任届による"
          value={reason}
          onValue={setReason}
          required
          maxLength={REASON_MAX_LENGTH}
          autoComplete="off"
          autoFocus
          error={error}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={sending}>
          {sending ? "取り消しています…" : "取り消す"}
        </button>
        <button type="button" className="button button--text" onClick={onCancel}>
          やめる
        </button>
      </div>
    </form>
  );
}
