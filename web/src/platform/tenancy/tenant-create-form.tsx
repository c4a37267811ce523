// 団体の追加: onboard a municipality by its 全国地方公共団体コード. The code is checked as it is typed
// (six digits, 検査数字, not a prefecture), then looked up in the server's 総務省 master, which
// names the municipality; the name and reading are the master's, not typed. The first
// administrator is named with it: the answer carries an activation code, shown once. The server
// checks again and its errors land per field.
import { useEffect, useState, type FormEvent } from "react";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { fieldErrorsOf } from "../../kit/field-errors.ts";
import { checkTenantCodeInput, describeMasterLookup, type MasterLookup } from "./tenant-code-input.ts";
import { TextField } from "../../kit/form-field.tsx";
import { Notice } from "../../kit/notice.tsx";
import { STAFF_FIELD_MESSAGES, validateLoginId, validateDisplayName } from "../identity/staff-account-rules.ts";

const FIELDS = ["id", "population", "loginId", "displayName"] as const;
type Field = (typeof FIELDS)[number];

const WORDING: Partial<Record<Field, string>> = {
  population: "人口は0以上の整数で入力してください",
  loginId: STAFF_FIELD_MESSAGES.loginId,
  displayName: STAFF_FIELD_MESSAGES.displayName,
};

/** What POST /api/operator/tenants answers: the town, and its first administrator's activation code, once. */
export interface OnboardedTenant {
  id: string;
  name: string;
  administrator?: { account: { loginId: string; displayName: string }; activationCode: string; expiresAt: string };
}

/** The master's answer for the code in the field: what it says, or the problem it answered with. */
type Lookup = { code: string; found: MasterLookup } | { code: string; problem: string };

function useMasterLookup(code: string | null): Lookup | null {
  const { api } = useApp();
  const [lookup, setLookup] = useState<Lookup | null>(null);
  useEffect(() => {
    if (code === null) return;
    let current = true;
    api.get<MasterLookup>(`/api/operator/municipality-master/${code}`).then(
      (found) => current && setLookup({ code, found }),
      (error: unknown) => current && setLookup({ code, problem: error instanceof ApiProblem ? error.titleJa : "団体コードを照会できませんでした" }),
    );
    return () => {
      current = false;
    };
  }, [api, code]);
  return lookup && lookup.code === code ? lookup : null;
}

export function TenantCreateForm({ onCreated }: { onCreated(tenant: OnboardedTenant): void }) {
  const { api } = useApp();
  const [id, setId] = useState("");
  const [population, setPopulation] = useState("");
  const [loginId, setLoginId] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const codeAsTyped = checkTenantCodeInput(id, true);
  const lookup = useMasterLookup(id.length === 6 && codeAsTyped.message === null ? id : null);
  const fromMaster = lookup && "found" in lookup ? describeMasterLookup(lookup.found) : null;
  const masterMessage = lookup ? ("problem" in lookup ? lookup.problem : fromMaster?.message ?? null) : null;

  function validate(): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {};
    const code = checkTenantCodeInput(id, false).message ?? masterMessage;
    if (code) found.id = code;
    if (population !== "" && !/^\d+$/.test(population)) found.population = WORDING.population;
    if (!validateLoginId(loginId.trim())) found.loginId = WORDING.loginId;
    if (!validateDisplayName(displayName)) found.displayName = WORDING.displayName;
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
        ...(population === "" ? {} : { population: Number(population) }),
        administrator: { loginId: loginId.trim(), displayName: displayName.trim() },
      };
      const created = await api.send<OnboardedTenant>("POST", "/api/operator/tenants", body);
      setId("");
      setPopulation("");
      setLoginId("");
      setDisplayName("");
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

  // While typing, the live check and then the master speak for the code; a submitted error stays
  // until the code changes.
  const codeError = codeAsTyped.message ?? masterMessage ?? errors.id ?? null;
  const codeStatus = fromMaster?.status ?? (codeAsTyped.prefectureName ? `${codeAsTyped.prefectureName}の団体コードです（照会中）` : null);

  return (
    <form onSubmit={submit} noValidate aria-label="団体の追加">
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <div className="form-grid">
        <TextField
          id="tenant-id"
          label="団体コード"
          hint="全国地方公共団体コード（6桁、6桁目は検査数字）。団体名と読みは総務省の一覧から入ります"
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
          status={codeStatus}
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
      <fieldset className="fieldset fieldset--spaced">
        <legend className="form-label fieldset__legend">最初の管理者</legend>
        <p className="form-hint">
          団体の職員アカウントを管理する職員です（共通基盤と各業務の管理権限。支援措置の権限は含みません）。追加すると有効化コードが一度だけ表示されます。
        </p>
        <div className="form-grid">
          <TextField
            id="tenant-loginId"
            label="管理者のログインID"
            hint="半角英小文字・数字と「.」「_」「-」、3〜64文字"
            value={loginId}
            onValue={setLoginId}
            required
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            error={errors.loginId}
          />
          <TextField
            id="tenant-displayName"
            label="管理者の氏名"
            hint="例：情報 太郎"
            value={displayName}
            onValue={setDisplayName}
            required
            autoComplete="off"
            error={errors.displayName}
          />
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={sending}>
          {sending ? "追加しています…" : "追加する"}
        </button>
      </div>
    </form>
  );
}
