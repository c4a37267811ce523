// The staff UI's only way to the server: JSON over fetch, with the session's CSRF token on every
// state-changing request, and problem+json errors turned into ApiProblem values. A caller may add
// headers of its own (the 利用目的 of a read of personal data). Every answer's
// `x-kyodo-protected` count (persons under a 支援措置 in it) is reported, so the shell warns on
// any screen that shows one without the screen having to remember (protection-watch.ts).
import { protectedCount } from "../platform/protection/protection-watch.ts";
export interface FieldError {
  field: string;
  message: string;
}

/** An error answered by the server (application/problem+json), or a network failure. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly titleJa: string,
    readonly errors: readonly FieldError[] = [],
  ) {
    super(`${status} ${code}`);
  }
}

/** The codes with which the server says "this browser is no longer logged in". */
const SESSION_ENDED_CODES = new Set(["session-expired", "unauthenticated"]);

export function isSessionEnded(problem: ApiProblem): boolean {
  return problem.status === 401 && SESSION_ENDED_CODES.has(problem.code);
}

/** Request headers a caller adds, e.g. `x-kyodo-purpose`; they never replace the client's own. */
export type ExtraHeaders = Readonly<Record<string, string>>;

export interface ApiClient {
  get<T>(path: string, headers?: ExtraHeaders): Promise<T>;
  send<T>(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: unknown, headers?: ExtraHeaders): Promise<T>;
  /** Sets the token echoed in `x-csrf-token` (from the session; null after log-out). */
  setCsrfToken(token: string | null): void;
}

async function problemOf(response: Response): Promise<ApiProblem> {
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("json")) {
    const body = (await response.json()) as { code?: string; title_ja?: string; errors?: FieldError[] };
    return new ApiProblem(
      response.status,
      body.code ?? "unknown",
      body.title_ja ?? "エラーが発生しました",
      Array.isArray(body.errors) ? body.errors : [],
    );
  }
  return new ApiProblem(response.status, "unknown", "エラーが発生しました");
}

/**
 * onSessionEnded runs when an authenticated request finds the session gone (expired or logged out
 * elsewhere), so the app can return to the log-in screen; the call still rejects. onProtected
 * runs as each request goes out (so the caller can note which screen asked); the function it
 * returns hears how many protected persons the successful answer shows (0 too, so a screen
 * whose new answer shows none stops warning).
 */
export function createApiClient(
  onSessionEnded: (problem: ApiProblem) => void,
  onProtected: (path: string) => (count: number) => void = () => () => {},
): ApiClient {
  let csrfToken: string | null = null;

  async function request<T>(method: string, path: string, body?: unknown, extra: ExtraHeaders = {}): Promise<T> {
    const headers: Record<string, string> = { ...extra, accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
    const reportProtected = onProtected(path);
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        credentials: "same-origin",
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiProblem(0, "network-error", "サーバーに接続できません。時間をおいてもう一度お試しください");
    }
    if (!response.ok) {
      const problem = await problemOf(response);
      if (isSessionEnded(problem)) onSessionEnded(problem);
      throw problem;
    }
    reportProtected(protectedCount(response.headers));
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  return {
    get: (path, headers) => request("GET", path, undefined, headers),
    send: (method, path, body, headers) => request(method, path, body, headers),
    setCsrfToken(token) {
      csrfToken = token;
    },
  };
}
