// Errors at the HTTP edge: RFC 9457 problem details (application/problem+json) with a stable
// `code` and a Japanese and English title. Details never include personal data.
import { Type } from "@sinclair/typebox";

export interface ProblemBody {
  type: string;
  status: number;
  code: string;
  title: string;
  title_ja: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly titleEn: string,
    readonly titleJa: string,
    readonly detail?: string,
    readonly errors?: { field: string; message: string }[],
  ) {
    super(`${code}: ${titleEn}`);
  }

  toBody(): ProblemBody {
    return {
      type: `https://kyodo.example/problems/${this.code}`,
      status: this.status,
      code: this.code,
      title: this.titleEn,
      title_ja: this.titleJa,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export const problems = {
  notFound: (what = "resource") => new Problem(404, "not-found", `${what} not found`, "対象が見つかりません"),
  unauthenticated: () => new Problem(401, "unauthenticated", "Log-in required", "ログインが必要です"),
  sessionExpired: () =>
    new Problem(401, "session-expired", "The session has expired; log in again", "セッションの有効期限が切れました"),
  forbidden: (need: string) =>
    new Problem(403, "forbidden", "Your roles do not allow this", "この操作の権限がありません", `requires ${need}`),
  csrf: () =>
    new Problem(403, "csrf-token-invalid", "Missing or wrong CSRF token", "CSRFトークンが不正です"),
  invalid: (errors: { field: string; message: string }[], detail?: string) =>
    new Problem(400, "invalid-request", "The request is not valid", "入力内容に誤りがあります", detail, errors),
  conflict: (code: string, titleEn: string, titleJa: string, detail?: string) =>
    new Problem(409, code, titleEn, titleJa, detail),
};

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    title: Type.String(),
    title_ja: Type.String(),
    detail: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { $id: "Problem", description: "RFC 9457 problem details with a stable code" },
);
