// 職印 (the official seal printed on certificates, ADR 0019): the versions uploaded so far, each with
// its image and the dates it is valid, and a form by which a 共通基盤 管理 uploads a new version
// (PNG or SVG, valid from a date, to a date if known). Versions are never replaced: a new seal,
// or the end of an old one, is a new version. The server audits each upload and checks the image.
import { useState, type FormEvent } from "react";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { useApiData } from "../../kit/use-api-data.ts";
import { formatDateTimeJa } from "../../kit/date-format.ts";
import { warekiDateJa } from "../../kit/wareki-date.ts";
import { Notice } from "../../kit/notice.tsx";
import { Page } from "../../kit/page.tsx";
import { TextField } from "../../kit/form-field.tsx";
import { useStaffNames } from "../../kit/use-staff-names.ts";
import { actorLabel } from "../audit/audit-entry-labels.ts";

interface SealVersion {
  version: number;
  mediaType: string;
  sha256: string;
  byteCount: number;
  validFrom: string;
  validTo: string | null;
  reason: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** The server's limit (seal.ts SEAL_MAX_BYTES), checked here first to spare an upload. */
const MAX_BYTES = 512 * 1024;
const MEDIA_TYPES: Record<string, "image/png" | "image/svg+xml"> = { "image/png": "image/png", "image/svg+xml": "image/svg+xml" };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function base64Of(bytes: ArrayBuffer): string {
  let binary = "";
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function SealScreen() {
  const seals = useApiData<SealVersion[]>("/api/certificates/seals");
  const staffNames = useStaffNames();
  return (
    <Page title="職印" lead="証明書に印刷する職印の画像と、その有効期間です。新しい職印は新しい版として登録し、過去の版は変更されません。">
      <SealUploadForm onUploaded={seals.reload} />
      <section className="section" aria-labelledby="seal-versions">
        <h2 className="section__title" id="seal-versions">
          登録済みの版
        </h2>
        {seals.problem ? <Notice kind="error">{seals.problem.titleJa}</Notice> : null}
        {!seals.data && !seals.problem ? <p className="muted">読み込み中…</p> : null}
        {seals.data && seals.data.length === 0 ? <p className="muted">職印はまだ登録されていません。</p> : null}
        {seals.data && seals.data.length > 0 ? (
          <div className="table-wrap">
            <table className="data-table" data-testid="seal-table">
              <caption>{seals.data.length}件（新しい版から）</caption>
              <thead>
                <tr>
                  <th scope="col">版</th>
                  <th scope="col">画像</th>
                  <th scope="col">有効期間</th>
                  <th scope="col">理由</th>
                  <th scope="col">登録</th>
                </tr>
              </thead>
              <tbody>
                {seals.data.map((s) => (
                  <tr key={s.version}>
                    <td>第{s.version}版</td>
                    <td>
                      <img src={`/api/certificates/seals/${s.version}/image`} alt={`第${s.version}版の職印`} width={64} height={64} style={{ objectFit: "contain" }} />
                      <div className="muted">
                        {s.mediaType === "image/svg+xml" ? "SVG" : "PNG"}・{Math.ceil(s.byteCount / 1024)} KB
                      </div>
                    </td>
                    <td>
                      {warekiDateJa(s.validFrom)}から{s.validTo ? `${warekiDateJa(s.validTo)}まで` : "（終期なし）"}
                    </td>
                    <td>{s.reason}</td>
                    <td>
                      {formatDateTimeJa(s.uploadedAt)}
                      <div className="muted">{actorLabel(s.uploadedBy, staffNames)}</div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </Page>
  );
}

function SealUploadForm({ onUploaded }: { onUploaded(): void }) {
  const { api } = useApp();
  const [file, setFile] = useState<File | null>(null);
  const [validFrom, setValidFrom] = useState("");
  const [validTo, setValidTo] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    setFailed(null);
    const found: Record<string, string> = {};
    const mediaType = file ? MEDIA_TYPES[file.type] : undefined;
    if (!file) found.image = "画像ファイルを選んでください";
    else if (!mediaType) found.image = "PNG または SVG の画像を選んでください";
    else if (file.size === 0 || file.size > MAX_BYTES) found.image = "512 KB 以下の画像を選んでください";
    if (!ISO_DATE.test(validFrom)) found.validFrom = "2025-04-01 のように年-月-日で入力してください";
    if (validTo !== "" && !ISO_DATE.test(validTo)) found.validTo = "2026-03-31 のように年-月-日で入力してください";
    else if (validTo !== "" && validTo < validFrom) found.validTo = "有効期間の始期より前にはできません";
    if (reason.trim() === "") found.reason = "登録の理由を入力してください";
    setErrors(found);
    if (Object.keys(found).length > 0 || !file || !mediaType) return;
    setSending(true);
    try {
      const body = { mediaType, image: base64Of(await file.arrayBuffer()), validFrom, ...(validTo ? { validTo } : {}), reason: reason.trim() };
      const added = await api.send<SealVersion>("POST", "/api/certificates/seals", body);
      setDone(`第${added.version}版の職印を登録しました。`);
      setReason("");
      onUploaded();
    } catch (error) {
      if (error instanceof ApiProblem) {
        setFailed(error.titleJa);
        setErrors(Object.fromEntries((error.errors ?? []).map((e) => [e.field.replace(/^body\//, ""), e.message])));
      } else setFailed("エラーが発生しました");
    } finally {
      setSending(false);
    }
  }

  return (
    <section className="section" aria-labelledby="seal-upload">
      <h2 className="section__title" id="seal-upload">
        新しい版の登録
      </h2>
      {done ? <Notice kind="success">{done}</Notice> : null}
      {failed ? <Notice kind="error">{failed}</Notice> : null}
      <form onSubmit={submit} noValidate aria-label="職印の登録">
        <div className="form-grid">
          <div className="form-field">
            <label className="form-label" htmlFor="seal-image">
              職印の画像<span className="form-required">必須</span>
            </label>
            <p className="form-hint" id="seal-image-hint">
              PNG または SVG（512 KB 以下）。SVG にスクリプトや外部参照は使えません。
            </p>
            <input
              id="seal-image"
              name="seal-image"
              type="file"
              accept="image/png,image/svg+xml"
              aria-describedby={errors.image ? "seal-image-hint seal-image-error" : "seal-image-hint"}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            {errors.image ? (
              <p className="form-error" id="seal-image-error">
                ＊{errors.image}
              </p>
            ) : null}
          </div>
          <TextField id="seal-valid-from" label="有効期間の始期" required value={validFrom} onValue={setValidFrom} placeholder="2025-04-01" hint="年-月-日（例 2025-04-01）" error={errors.validFrom ?? null} />
          <TextField id="seal-valid-to" label="有効期間の終期" value={validTo} onValue={setValidTo} placeholder="2026-03-31" hint="年-月-日。空欄なら終期なし" error={errors.validTo ?? null} />
          <TextField id="seal-reason" label="理由" required value={reason} onValue={setReason} maxLength={200} hint="例：町長の交代による改刻" error={errors.reason ?? null} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={sending}>
            登録する
          </button>
        </div>
      </form>
    </section>
  );
}
