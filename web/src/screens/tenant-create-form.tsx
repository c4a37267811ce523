// 団体の追加: onboard a municipality by its 全国地方公共団体コード. The code is checked as it is typed
// (six digits, 検査数字, not a prefecture); the server checks again and its errors land per field.
import { useState, type FormEvent } from "react";
import { ApiProblem } from "../api-client.ts";
import { useApp } from "../app-context.ts";
import { fieldErrorsOf } from "../field-errors.ts";
import { checkTenantCodeInput } from "../tenant-code-input.ts";
import { TextField } from "../components/form-field.tsx";
import { Notice } from "../components/notice.tsx";

const FIELDS = ["id", "name", "nameKana", "population"] as const;
type Field = (typeof FIELDS)[number];

const WORDING: Partial<Record<Field, string>> = {
  name: "団体名を64文字以内で入力してください",
  nameKana: "団体名（カナ）を128文字以内で入力してください",
  population: "人口は0以上の整数で入力してください",
};

export function TenantCreateForm({ onCreated }: { onCreated(tenant: { id: string; name: string }): void }) {
  const { api } = useApp();
  const [id, setId] = useState("");
  const [name, setName] = useState("");
  const [nameKana, setNameKana] = useState("");
  const [population, setPopulation] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const codeAsTyped = checkTenantCodeInput(id, true);

  function validate(): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {};
    const code = checkTenantCodeInput(id, false).message;
    if (code) found.id = code;
    if (!name.trim() || name.trim().length > 64) found.name = WORDING.name;
    if (!nameKana.trim() || nameKana.trim().length > 128) found.nameKana = WORDING.nameKana;
    if (population !== "" && !/^\d+$/.test(population)) found.population = WORDING.population;
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setProblem(null);
    const first = FIELDS.find((f) => found[f]);
    if (first) {
      document.getElementById(`tenant-${first}`)?.focus();
      return;
    }
    setSending(true);
    try {
      const body = {
        id,
        name: name.trim(),
        nameKana: nameKana.trim(),
        ...(population === "" ? {} : { population: Number(population) }),
      };
      const created = await api.send<{ id: string; name: string }>("POST", "/api/operator/tenants", body);
      setId("");
      setName("");
      setNameKana("");
      setPopulation("");
      onCreated(created);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      const placed = error.code === "tenant-exists" ? { id: error.titleJa } : fieldErrorsOf(error, FIELDS, WORDING);
      setErrors(placed);
      if (!Object.keys(placed).length) setProblem(error.titleJa);
    } finally {
      setSending(false);
    }
  }

  // While typing, the live check speaks for the code; a submitted error stays until the code changes.
  const codeError = codeAsTyped.message ?? errors.id ?? null;

  return (
    <form onSubmit={submit} noValidate aria-label="団体の追加">
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <div className="form-grid">
        <TextField
          id="tenant-id"
          label="団体コード"
          hint="全国地方公共団体コード（6桁、6桁目は検査数字）"
          className="text-input--code"
          value={id}
          onValue={(v) => {
            setId(v.trim());
            setErrors(({ id: _dropped, ...rest }) => rest);
          }}
          required
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          error={codeError}
          status={codeAsTyped.prefectureName ? `${codeAsTyped.prefectureName}の団体コードです` : null}
        />
        <TextField id="tenant-name" label="団体名" hint="例：箱根町" value={name} onValue={setName} required error={errors.name} />
        <TextField
          id="tenant-nameKana"
          label="団体名（カナ）"
          hint="全角カタカナ 例：ハコネマチ"
          value={nameKana}
          onValue={setNameKana}
          required
          error={errors.nameKana}
        />
        <TextField
          id="tenant-population"
          label="人口"
          hint="半角数字"
          inputMode="numeric"
          value={population}
          onValue={setPopulation}
          error={errors.population}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={sending}>
          {sending ? "追加しています…" : "追加する"}
        </button>
      </div>
    </form>
  );
}
