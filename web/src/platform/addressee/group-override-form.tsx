// 県版・一部事務組合の設定 (operators): sets or clears one setting for a prefecture or a
// consortium, which every member municipality then uses unless it has its own value. The
// groups offered are those the municipalities on the platform belong to.
import { useMemo, useState, type FormEvent } from "react";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { fieldOf } from "../../kit/field-errors.ts";
import { prefectureVersionName } from "../settings/setting-levels.ts";
import { draftOf, inputKeys, shapeOf, valueErrorsOf, valueOfDraft, type ValueDraft, type ValueShape } from "../settings/setting-value.ts";
import { SelectField, TextField } from "../../kit/form-field.tsx";
import { Notice } from "../../kit/notice.tsx";
import { ErrorSummary } from "../../kit/error-summary.tsx";
import { SettingValueInput } from "../settings/setting-value-input.tsx";
import { inputId, REASON_MAX_LENGTH, REASON_MESSAGE } from "../settings/setting-edit-form.tsx";

/** A municipality of GET /api/operator/tenants, as far as its groups go. */
export interface GroupTenant {
  id: string;
  name: string;
  prefectureId: string;
  prefectureName: string;
  consortia: { id: string; name: string }[];
}

/** A setting of GET /api/operator/fit-gap; schema and national default when the API sends them. */
export interface SettingEntry {
  key: string;
  label: string;
  tenants: number;
  schema?: unknown;
  nationalDefault?: unknown;
}

interface Group {
  id: string;
  name: string;
  label: string;
}

/** The prefectures and consortia of the given municipalities, prefectures first, each once. */
export function groupsOf(tenants: readonly GroupTenant[]): Group[] {
  const prefectures = new Map<string, Group>();
  const consortia = new Map<string, Group & { members: number }>();
  for (const t of tenants) {
    prefectures.set(t.prefectureId, {
      id: t.prefectureId,
      name: t.prefectureName,
      label: `${t.prefectureName}（${prefectureVersionName(t.prefectureName)}）`,
    });
    for (const c of t.consortia) {
      const members = (consortia.get(c.id)?.members ?? 0) + 1;
      consortia.set(c.id, { id: c.id, name: c.name, label: `${c.name}（一部事務組合・${members}団体）`, members });
    }
  }
  return [...prefectures.values(), ...[...consortia.values()].map(({ id, name, label }) => ({ id, name, label }))];
}

function shapeOfEntry(entry: SettingEntry | undefined): ValueShape {
  if (!entry) return { kind: "json" };
  return shapeOf({ schema: entry.schema, value: undefined, nationalDefault: entry.nationalDefault });
}

const VALUE_ID = "group-value";
const FIELD_IDS: Record<string, string> = { groupId: "group-id", key: "group-key", reason: "group-reason" };

interface Props {
  tenants: readonly GroupTenant[];
  settings: readonly SettingEntry[];
  onChanged(message: string): void;
}

export function GroupOverrideForm({ tenants, settings, onChanged }: Props) {
  const { api } = useApp();
  const groups = useMemo(() => groupsOf(tenants), [tenants]);
  const [groupId, setGroupId] = useState("");
  const [key, setKey] = useState("");
  const entry = settings.find((s) => s.key === key);
  const shape = useMemo(() => shapeOfEntry(entry), [entry]);
  const [draft, setDraft] = useState<ValueDraft>({});
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [failures, setFailures] = useState(0);

  function chooseKey(next: string) {
    setKey(next);
    setDraft(draftOf(shapeOfEntry(settings.find((s) => s.key === next)), undefined));
    setErrors({});
  }

  const order = ["groupId", "key", ...inputKeys(shape), "reason"];
  const idOf = (k: string) => FIELD_IDS[k] ?? inputId(VALUE_ID, k);

  /** The error summary lists what is wrong and takes the focus. */
  function focusFirst(found: Record<string, string>) {
    if (Object.keys(found).length) setFailures((n) => n + 1);
  }

  async function send(kind: "set" | "clear") {
    const found: Record<string, string> = {};
    let value: unknown;
    if (!groupId) found.groupId = "県または一部事務組合を選んでください";
    if (!key) found.key = "設定項目を選んでください";
    else if (kind === "set") {
      const parsed = valueOfDraft(shape, draft);
      if (parsed.ok) value = parsed.value;
      else Object.assign(found, parsed.errors);
    }
    if (!reason.trim()) found.reason = REASON_MESSAGE;
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length) {
      focusFirst(found);
      return;
    }
    const group = groups.find((g) => g.id === groupId)!;
    const path = `/api/operator/groups/${encodeURIComponent(groupId)}/settings/${encodeURIComponent(key)}`;
    setSending(true);
    try {
      if (kind === "set") await api.send("PUT", path, { value, reason: reason.trim() });
      else await api.send("DELETE", path, { reason: reason.trim() });
      setReason("");
      onChanged(`${group.name}の「${entry?.label ?? key}」を${kind === "set" ? "設定" : "解除"}しました。`);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      const placed = kind === "set" ? valueErrorsOf(error, shape) : {};
      if (error.errors.some((e) => fieldOf(e.field) === "reason")) placed.reason = REASON_MESSAGE;
      if (error.code === "unknown-group") placed.groupId = error.titleJa;
      setErrors(placed);
      if (Object.keys(placed).length) focusFirst(placed);
      else setProblem(error.titleJa);
    } finally {
      setSending(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void send("set");
  }

  return (
    <form onSubmit={submit} noValidate aria-label="県版・一部事務組合の設定" data-testid="group-override-form">
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <ErrorSummary id="group-error-summary" errors={errors} order={order} idOf={idOf} focusSignal={failures} />
      <div className="form-stack">
        <SelectField
          id={FIELD_IDS.groupId!}
          label="設定する団体の組合・県"
          value={groupId}
          onValue={setGroupId}
          options={[{ value: "", label: "選んでください" }, ...groups.map((g) => ({ value: g.id, label: g.label }))]}
          required
          error={errors.groupId}
        />
        <SelectField
          id={FIELD_IDS.key!}
          label="設定項目"
          value={key}
          onValue={chooseKey}
          options={[{ value: "", label: "選んでください" }, ...settings.map((s) => ({ value: s.key, label: s.label }))]}
          required
          error={errors.key}
        />
      </div>
      <div className="form-stack form-stack--spaced">
        {key ? <SettingValueInput id={VALUE_ID} label="値" shape={shape} draft={draft} onDraft={setDraft} errors={errors} /> : null}
        <TextField
          id={FIELD_IDS.reason!}
          label="理由"
          hint="変更の記録に残り、所属団体の設定履歴にも表示されます。"
          value={reason}
          onValue={setReason}
          required
          maxLength={REASON_MAX_LENGTH}
          autoComplete="off"
          error={errors.reason}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={sending}>
          {sending ? "保存しています…" : "設定する"}
        </button>
        <button type="button" className="button button--secondary" disabled={sending} onClick={() => void send("clear")}>
          設定を解除
        </button>
      </div>
    </form>
  );
}
