// 証明書PDFの取得 (fetching a certificate as a PDF): preview and issue answer with the PDF itself,
// which the JSON client cannot carry, so they are asked here with the session's CSRF token; a
// refusal is problem+json as everywhere and becomes an ApiProblem. The 証明書番号 of an issue comes
// in the `x-kyodo-certificate-serial` header.
import { ApiProblem, type FieldError } from "../../kit/api-client.ts";

export interface FetchedPdf {
  blob: Blob;
  /** The 証明書番号 (issue only). */
  serial: string | null;
}

async function problemOf(response: Response): Promise<ApiProblem> {
  if ((response.headers.get("content-type") ?? "").includes("json")) {
    const body = (await response.json()) as { code?: string; title_ja?: string; errors?: FieldError[] };
    return new ApiProblem(response.status, body.code ?? "unknown", body.title_ja ?? "エラーが発生しました", Array.isArray(body.errors) ? body.errors : []);
  }
  return new ApiProblem(response.status, "unknown", "証明書を作成できませんでした");
}

export async function requestCertificatePdf(action: "preview" | "issue", kind: string, body: unknown, csrfToken: string): Promise<FetchedPdf> {
  let response: Response;
  try {
    response = await fetch(`/api/certificates/${encodeURIComponent(kind)}/${action}`, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "application/pdf, application/problem+json", "x-csrf-token": csrfToken },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiProblem(0, "network-error", "サーバーに接続できません。時間をおいてもう一度お試しください");
  }
  if (!response.ok) throw await problemOf(response);
  return { blob: await response.blob(), serial: response.headers.get("x-kyodo-certificate-serial") };
}
